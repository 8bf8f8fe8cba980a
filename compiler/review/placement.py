"""Tie each remark of a reviewed document to the plan object it sits on.

A remark belongs to the table row's object when it sits in a row about an object (its bookmark,
the id its first cell starts with, or its first link), else to the object of the nearest heading above it, else
to the section that heading opens. A heading is known by its bookmark (planc's DOCX has one per
object and section; LibreOffice renames and splits them, so only where they start is trusted),
and when the bookmarks are gone by its text: the id it starts with, or a body's name.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import unquote

from compiler.review.comments import Block, Remark, Reviewed

SECTION_PREFIX = "sec:"


@dataclass(frozen=True)
class Place:
    """Where in the plan a block is: its object (if any), its section and the headings above it."""

    object: str | None
    section: str | None
    headings: tuple[str, ...]


@dataclass(frozen=True)
class Placed:
    """A remark with its place, the other objects its range covers and where it is in its document."""

    remark: Remark
    file: str
    place: Place
    spans: tuple[str, ...]
    position: float


@dataclass(frozen=True)
class Known:
    """What the plan offers to recognise its objects: ids, and headings that show a name only."""

    ids: frozenset[str]
    names: dict[str, str]  #: heading text → id (governance bodies have no id in their heading)
    renamed: dict[str, str]  #: an id an object had before (``formerly``, or a later rename) → its id now

    def resolve(self, name: str) -> str | None:
        """The object a bookmark, link or heading names, as the plan names it now."""
        if name in self.renamed:
            return self.renamed[name]
        return name if name in self.ids else None


def place_remarks(reviewed: Reviewed, known: Known) -> list[Placed]:
    """Every remark of the document with its place in the plan."""
    places = block_places(reviewed.blocks, known)
    total = max(1, len(places))
    placed = []
    for remark in reviewed.remarks:
        start = min(remark.start, total - 1)
        end = max(start, min(remark.end, total - 1))
        place = places[start] if places else Place(None, None, ())
        spans = tuple(dict.fromkeys(p.object for p in places[start : end + 1] if p.object and p.object != place.object))
        placed.append(Placed(remark, reviewed.file, place, spans, start / total))
    return placed


def block_places(blocks: list[Block], known: Known) -> list[Place]:
    """The place of every block, walking the headings."""
    stack: list[tuple[int, str | None, str | None, str]] = []  # level, object, section, heading text
    places: list[Place] = []
    for block in blocks:
        if block.level is not None:
            while stack and stack[-1][0] >= block.level:
                stack.pop()
            stack.append((block.level, *_heading(block, known), block.text))
        thing = stack[-1][1] if stack else None
        section = next((entry[2] for entry in reversed(stack) if entry[2]), None)
        if block.row:
            thing = _row_object(block, known, {entry[1] for entry in stack}) or thing
        places.append(Place(thing, section, tuple(entry[3] for entry in stack)))
    return places


def names_of(block: Block) -> list[str]:
    """The block's bookmark names as planc wrote them (LibreOffice writes ``sec:`` as ``sec%3A``)."""
    return [unquote(name) for name in block.bookmarks]


def _heading(block: Block, known: Known) -> tuple[str | None, str | None]:
    names = names_of(block)
    thing = next(filter(None, map(known.resolve, names)), None)
    section = next((name for name in names if name.startswith(SECTION_PREFIX)), None)
    if thing is None and section is None:
        thing = known.resolve(block.text.split(" ", 1)[0]) or _by_name(block.text, known)
    return thing, section


def _by_name(text: str, known: Known) -> str | None:
    """The id of the object whose name the heading shows (a change mark may follow it)."""
    for name, identifier in known.names.items():
        if text == name or text.startswith(name + " "):
            return identifier
    return None


def _row_object(block: Block, known: Known, headings: set[str | None]) -> str | None:
    """The object a row is about: a bookmark in it, the id its first cell starts with, or its first link.

    A bookmark of a heading above the row is not the row's (LibreOffice splits a heading's bookmark
    and starts a piece of it again at the end of the section).
    """
    marks = (known.resolve(name) for name in names_of(block))
    by_bookmark = next((mark for mark in marks if mark and mark not in headings), None)
    by_text = known.resolve(block.first_cell.split(" ", 1)[0])
    return by_bookmark or by_text or next(filter(None, map(known.resolve, block.anchors)), None)
