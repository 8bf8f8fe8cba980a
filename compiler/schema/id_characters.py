"""Name the character that keeps a value from being an id, in words a drafter knows.

An id copied from a word processor often holds a character that looks like nothing or like
something else: a non-breaking space, a zero-width space, a soft hyphen, a typographic dash. The
message names it (“spazio non separabile”) and where it is, and the hint gives the id without it.
"""

from __future__ import annotations

import re

from compiler.messages.diagnostics import Text, msg

_ALLOWED = re.compile(r"[A-Za-z0-9._-]")
_NAMES: dict[str, Text] = {
    " ": msg("a space"),
    "\t": msg("a tab"),
    "\u00a0": msg("a non-breaking space"),
    "\u202f": msg("a narrow non-breaking space"),
    "\u2007": msg("a figure space"),
    "\u2009": msg("a thin space"),
    "\u200b": msg("a zero-width space"),
    "\u200c": msg("a zero-width non-joiner"),
    "\u200d": msg("a zero-width joiner"),
    "\u2060": msg("a word joiner"),
    "\ufeff": msg("an invisible byte-order mark"),
    "\u00ad": msg("a soft hyphen"),
    "\u2010": msg("a typographic hyphen"),
    "\u2011": msg("a non-breaking hyphen"),
    "\u2012": msg("a figure dash"),
    "\u2013": msg("an en dash"),
    "\u2014": msg("an em dash"),
    "\u2212": msg("a minus sign"),
}
#: What each of them becomes in the suggested id: nothing, or a plain hyphen.
_INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")


def offending(value: str) -> tuple[Text, int] | None:
    """The first character an id cannot hold, named (with its code point), and its 1-based position."""
    for position, character in enumerate(value, start=1):
        if not _ALLOWED.fullmatch(character):
            name = _NAMES.get(character)
            code_point = f"U+{ord(character):04X}"
            if name is None:
                named = msg("the character “{character}” ({code_point})", character=character, code_point=code_point)
                return named, position
            return msg("{name} ({code_point})", name=name, code_point=code_point), position
    return None


def cleaned(value: str) -> str:
    """The id the drafter most likely meant: invisible characters dropped, spaces and dashes as ``-``."""
    out = []
    for character in value.strip():
        if character in _INVISIBLE:
            continue
        out.append("-" if character in _NAMES else character)
    return re.sub(r"-{2,}", "-", "".join(out))
