"""Plan ids made from source codes: valid, at most 64 characters, and unique across the whole plan."""

from __future__ import annotations

import re
import unicodedata

from compiler.model import IDENTIFIER as ID

MAX_LENGTH = 64
_NOT_ID = re.compile(r"[^A-Za-z0-9._-]+")
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def ascii_text(text: str) -> str:
    """Drop accents and other marks: "Università" → "Universita"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return decomposed.encode("ascii", "ignore").decode("ascii")


def slug(text: str, prefix: str = "x") -> str:
    """A lowercase id from a name: "MIN DELL'UNIVERSITÀ" → "min-dell-universita"."""
    word = _NOT_SLUG.sub("-", ascii_text(text).lower()).strip("-")
    if not word or not word[0].isalpha():
        word = f"{prefix}-{word}".strip("-")
    return word[:MAX_LENGTH].rstrip("-")


def valid(code: str, prefix: str = "x") -> str:
    """The code itself if it is a valid id, else the closest valid id ("1.2 bis" → "1.2-bis")."""
    if ID.fullmatch(code) and len(code) <= MAX_LENGTH:
        return code
    word = _NOT_ID.sub("-", ascii_text(code)).strip("-")
    if not word or not word[0].isalnum():
        word = f"{prefix}-{word}".strip("-")
    return word[:MAX_LENGTH]


class IdSpace:
    """The ids handed out so far; a repeated id gets ``_2``, ``_3``… in the order it is asked for."""

    def __init__(self) -> None:
        self.taken: set[str] = set()

    def claim(self, code: str, prefix: str = "x") -> str:
        """A valid id for ``code``, unique in the plan."""
        base = valid(code, prefix)
        candidate, count = base, 1
        while candidate in self.taken:
            count += 1
            suffix = f"_{count}"
            candidate = base[: MAX_LENGTH - len(suffix)] + suffix
        self.taken.add(candidate)
        return candidate
