"""The glossary's terms in the running text: each use marked while it is escaped, the first one linked.

A term is found in the plan's text as the drafter wrote it, before escaping, so that no term, however
hostile (``*``, ``[x]``, ``<b>``, ``$``), can change the Markdown around it; the text is then escaped
as always. Each use of a term is wrapped in a marker made of control characters a checked plan can
never hold (``sources.characters`` refuses them); once the whole document is rendered,
``link_first_uses`` turns the first marker of each term, in reading order, into a link to its entry
and drops the others. Only descriptive text is marked (``document.markdown.blocks``): never
headings, titles, names, ids, links, the glossary itself.

A term written in capitals (``ETS``) matches only in capitals; any other term matches in any case.
A match is a whole word: not inside a longer word, nor inside an id such as ``ETS-1`` or ``AZ.ETS``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from compiler.document.markdown import escape_keeping_edges
from compiler.model import GlossaryTerm, exact_case

_START, _MIDDLE, _END = "\x02", "\x03", "\x04"
_MARKED = re.compile(f"{_START}([^{_MIDDLE}]*){_MIDDLE}([^{_END}]*){_END}")
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_LETTERS_ONLY = re.compile(r"[\W_]+")
#: Not after a letter or digit, nor after one joined by ``-``, ``.`` or ``/`` (the inside of an id); the same after.
_BEFORE, _AFTER = r"(?<!\w)(?<!\w[-./])", r"(?!\w)(?![-./]\w)"


def plain(text: str) -> str:
    """``text`` without accents, in lower case: how the glossary is ordered and its anchors spelled."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def in_order(terms: Iterable[GlossaryTerm]) -> list[GlossaryTerm]:
    """The glossary's entries alphabetically, letter by letter: accents, case, spaces and hyphens aside."""
    return sorted(terms, key=lambda entry: (_LETTERS_ONLY.sub("", plain(entry.term)), plain(entry.term), entry.term))


def anchors(terms: Iterable[GlossaryTerm]) -> dict[str, str]:
    """Each term's anchor: ``sec:glossary-co-progettazione`` (a number where the term has no letter or digit)."""
    found: dict[str, str] = {}
    for number, entry in enumerate(in_order(terms), start=1):
        slug = _NOT_SLUG.sub("-", plain(entry.term)).strip("-") or str(number)
        candidate = f"sec:glossary-{slug}"
        found[entry.term] = f"{candidate}-{number}" if candidate in found.values() else candidate
    return found


class TermMarker:
    """Escapes a piece of plain text (as ``escape_keeping_edges`` does), marking each glossary term in it."""

    def __init__(self, terms: Iterable[GlossaryTerm]) -> None:
        entries = list(terms)
        where = anchors(entries)
        self.exact: dict[str, str] = {}
        self.folded: dict[str, str] = {}
        for entry in entries:
            for form in entry.forms:
                if exact_case(form):
                    self.exact.setdefault(form, where[entry.term])
                else:
                    self.folded.setdefault(form.casefold(), where[entry.term])
        forms = sorted(
            {*self.exact, *(f for e in entries for f in e.forms if not exact_case(f))}, key=len, reverse=True
        )
        choices = "|".join(re.escape(form) if form in self.exact else f"(?i:{re.escape(form)})" for form in forms)
        self.pattern = re.compile(f"{_BEFORE}(?:{choices}){_AFTER}") if forms else None

    def __call__(self, text: str) -> str:
        """``text`` escaped, every use of a term in it marked."""
        if self.pattern is None:
            return escape_keeping_edges(text)
        out: list[str] = []
        position = 0
        for match in self.pattern.finditer(text):
            anchor = self.exact.get(match.group()) or self.folded.get(match.group().casefold())
            if anchor is None:
                continue
            out.append(escape_keeping_edges(text[position : match.start()]))
            out.append(f"{_START}{anchor}{_MIDDLE}{escape_keeping_edges(match.group())}{_END}")
            position = match.end()
        out.append(escape_keeping_edges(text[position:]))
        return "".join(out)


def link_first_uses(markdown: str) -> str:
    """The rendered Markdown with the first use of each term linked to its entry, and the other marks gone."""
    linked: set[str] = set()

    def replace(match: re.Match[str]) -> str:
        anchor, text = match.group(1), match.group(2)
        if anchor in linked:
            return text
        linked.add(anchor)
        return f"[{text}](#{anchor})"

    return _MARKED.sub(replace, markdown)
