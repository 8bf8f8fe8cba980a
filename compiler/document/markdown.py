"""Turn text written in the plan into pandoc Markdown that shows exactly what was written.

Every ASCII punctuation character is backslash-escaped (pandoc's ``all_symbols_escapable``), so
no user text can become markup: not HTML, not Typst, not a heading, table or metadata block.
Descriptive fields may use a small subset, recognised here and nowhere else: paragraphs,
``- ``/``1. `` lists, ``*emphasis*``, ``**strong**`` and ``[text](https://…)`` links to
http, https or mailto addresses. Anything else stays literal text.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")
#: Runs of white space, collapsed to one space; the no-break spaces (U+00A0, U+202F, U+2007) stay:
#: they hold a number to its unit (``12.000 €``, ``45 %``) and a day to its month on one line.
_SPACES = re.compile(r"[^\S\u00a0\u202f\u2007]+")
#: ``- `` and the bullets a word processor pastes (``•``, ``◦``, ``▪``, ``–`` and a tab or space).
_BULLET = re.compile(r"[-*+•◦▪‣●○■–]\s+(.*)")
_NUMBERED = re.compile(r"\d{1,3}[.)]\s+(.*)")
_INLINE = re.compile(
    r"(?<!!)\[(?P<label>[^\[\]\n]+)\]\((?P<url>[^()\s]+)\)"  # not an image: those stay literal
    r"|<(?P<auto>(?:https?://|mailto:)[^<>\s]+)>"
    r"|\*\*(?P<strong>\S(?:.*?\S)?)\*\*"
    r"|\*(?P<emph>[^*\s](?:[^*]*?[^*\s])?)\*"
    r"|(?<!\w)_(?P<under>[^_\s](?:[^_]*?[^_\s])?)_(?!\w)"
)
_SAFE_URL = re.compile(r"(?:https?://[^\s<>\"'`\\]+|mailto:[^\s<>\"'`\\@]+@[^\s<>\"'`\\]+)")
_STRONG_OR_EMPH = 2
#: Escapes a piece of plain text (``escape_keeping_edges``, or ``terms.TermMarker`` marking glossary terms too).
Escaper = Callable[[str], str]


class Markdown(str):
    """Markdown produced by planc itself: the renderer places it without escaping it again."""

    __slots__ = ()


@functools.lru_cache(maxsize=1 << 16)  # a plan repeats its names and titles in many places
def escape(text: str) -> Markdown:
    """Show ``text`` literally on one line (titles, table cells): collapse whitespace, escape all."""
    return Markdown(_PUNCTUATION.sub(r"\\\1", _SPACES.sub(" ", text).strip()))


def is_safe_url(url: str) -> bool:
    """True for http, https and mailto addresses with no characters that could break out."""
    return _SAFE_URL.fullmatch(url) is not None


def link_target(url: str) -> str:
    """A URL as a Markdown link destination: parentheses and spaces percent-encoded."""
    return url.replace("(", "%28").replace(")", "%29").replace(" ", "%20")


def inline(text: str, depth: int = 0, terms: Escaper | None = None) -> Markdown:
    """One line of descriptive text: the allowed emphasis and links, everything else literal.

    ``terms`` escapes the plain text outside links (marking the glossary's terms in it).
    """
    plain = terms if terms is not None and depth <= _STRONG_OR_EMPH else escape_keeping_edges
    out: list[str] = []
    position = 0
    for match in _INLINE.finditer(text):
        out.append(plain(text[position : match.start()]))
        out.append(_inline_markup(match, depth, terms))
        position = match.end()
    out.append(plain(text[position:]))
    return Markdown("".join(out))


def escape_keeping_edges(text: str) -> str:
    """Escape a piece of a line without trimming the spaces that separate it from its neighbours."""
    return _PUNCTUATION.sub(r"\\\1", _SPACES.sub(" ", text))


def _inline_markup(match: re.Match[str], depth: int, terms: Escaper | None) -> str:
    label, url, auto = match.group("label"), match.group("url"), match.group("auto")
    if auto is not None:
        return f"[{escape(auto)}]({link_target(auto)})" if is_safe_url(auto) else escape_keeping_edges(match.group())
    if label is not None:
        if not is_safe_url(url) or depth > _STRONG_OR_EMPH:
            return escape_keeping_edges(match.group())
        return f"[{inline(label, _STRONG_OR_EMPH + 1)}]({link_target(url)})"
    if depth > _STRONG_OR_EMPH:
        return escape_keeping_edges(match.group())
    strong = match.group("strong")
    if strong is not None:
        return f"**{inline(strong, depth + 1, terms)}**"
    emphasised = match.group("emph") or match.group("under") or ""
    return f"*{inline(emphasised, depth + 1, terms)}*"


def blocks(text: str, terms: Escaper | None = None) -> Markdown:
    """Descriptive text as Markdown blocks: paragraphs and simple lists (``terms``: as for ``inline``)."""
    out: list[str] = []
    kind: str | None = None
    items: list[str] = []

    def close() -> None:
        nonlocal kind, items
        if kind == "para":
            out.append("\n".join(inline(line, terms=terms) for line in items))
        elif kind is not None:
            marker = "-" if kind == "bullet" else "1."
            out.append("\n".join(f"{marker} {inline(item, terms=terms)}" for item in items))
        kind, items = None, []

    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = raw.strip()
        bullet, numbered = _BULLET.fullmatch(line), _NUMBERED.fullmatch(line)
        found = bullet or numbered
        if not line:
            close()
        elif found is not None:
            item_kind = "bullet" if bullet else "numbered"
            if kind != item_kind:
                close()
                kind = item_kind
            items.append(found.group(1))
        elif kind in ("bullet", "numbered"):
            items[-1] += " " + line
        else:
            kind = "para"
            items.append(line)
    close()
    return Markdown("\n\n".join(out))
