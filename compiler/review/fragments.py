"""What changed inside a long text: the few words that differ, with a little context, not both whole texts."""

from __future__ import annotations

import difflib
import re

#: Texts up to this long are shown whole, before and after.
SHORT_TEXT = 80
#: Words of unchanged context kept on each side of a change.
CONTEXT_WORDS = 3
#: At most this many changed places are shown; the rest are counted.
MOST_FRAGMENTS = 4
_WORD = re.compile(r"\S+")


def is_long(before: object, after: object) -> bool:
    """True when two texts are too long to show whole."""
    return isinstance(before, str) and isinstance(after, str) and max(len(before), len(after)) > SHORT_TEXT


def fragments(before: str, after: str) -> tuple[list[tuple[str, str]], int]:
    """The changed places as (old words, new words) with context; and how many more were left out."""
    old, new = _WORD.findall(before), _WORD.findall(after)
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    places = [op for op in matcher.get_opcodes() if op[0] != "equal"]
    shown = []
    for _tag, a1, a2, b1, b2 in places[:MOST_FRAGMENTS]:
        lead = old[max(0, a1 - CONTEXT_WORDS) : a1]
        tail = old[a2 : a2 + CONTEXT_WORDS]
        shown.append((_words(lead, old[a1:a2], tail), _words(lead, new[b1:b2], tail)))
    return shown, max(0, len(places) - MOST_FRAGMENTS)


def _words(lead: list[str], middle: list[str], tail: list[str]) -> str:
    text = " ".join([*lead, *middle, *tail])
    return f"…{text}…" if text else "…"
