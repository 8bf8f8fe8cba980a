"""Anchors and links between the plan's objects, as planc's own Markdown."""

from __future__ import annotations

from collections.abc import Iterable

from compiler.document.markdown import Markdown, escape
from compiler.model import IDENTIFIER


def ident(identifier: str) -> Markdown:
    """An object's id, fit to be an anchor as it is (a checked plan's ids always are)."""
    if not IDENTIFIER.fullmatch(identifier):
        raise ValueError(f"not a valid id: {identifier!r}")
    return Markdown(identifier)


def link(identifier: str, label: str | None = None) -> Markdown:
    """A link to the object with this id, labelled with ``label`` (or the id)."""
    return Markdown(f"[{escape(label or identifier)}](#{ident(identifier)})")


def anchor(identifier: str, label: str) -> Markdown:
    """Text that is also the target of links to ``identifier``."""
    return Markdown(f"[{escape(label)}]{{#{ident(identifier)}}}")


def joined(items: Iterable[Markdown]) -> Markdown:
    """Several links or pieces of Markdown separated by commas."""
    return Markdown(", ".join(items))
