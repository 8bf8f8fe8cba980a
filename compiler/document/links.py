"""Anchors and links between the plan's objects, as planc's own Markdown.

An id may be official numbering that starts with a digit (``1.1.1``, ``11.a``); DOCX bookmarks
must start with a letter, so every format gets the one anchor ``anchor_of`` makes: the id
itself when it starts with a letter, else ``id:`` and the id (no id can hold a ``:``, so two
objects never share an anchor).
"""

from __future__ import annotations

from collections.abc import Iterable

from compiler.document.markdown import Markdown, escape
from compiler.model import IDENTIFIER

_DIGIT_FIRST = "id:"


def anchor_of(identifier: str) -> str:
    """The anchor of the object with this id in every format (HTML id, DOCX bookmark, Typst label)."""
    if not IDENTIFIER.fullmatch(identifier):
        raise ValueError(f"not a valid id: {identifier!r}")
    return identifier if identifier[0].isalpha() else f"{_DIGIT_FIRST}{identifier}"


def ident(identifier: str) -> Markdown:
    """An object's anchor, fit to be written in ``{#…}`` or ``(#…)`` as it is."""
    return Markdown(anchor_of(identifier))


def link(identifier: str, label: str | None = None) -> Markdown:
    """A link to the object with this id, labelled with ``label`` (or the id)."""
    return Markdown(f"[{escape(label or identifier)}](#{ident(identifier)})")


def anchor(identifier: str, label: str) -> Markdown:
    """Text that is also the target of links to ``identifier``."""
    return Markdown(f"[{escape(label)}]{{#{ident(identifier)}}}")


def joined(items: Iterable[Markdown]) -> Markdown:
    """Several links or pieces of Markdown separated by commas."""
    return Markdown(", ".join(items))
