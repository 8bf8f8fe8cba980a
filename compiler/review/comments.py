"""Reviewers' comments read back from a DOCX or an ODT: what the document holds, format aside.

A reviewed document is read as its blocks (paragraphs and table rows, in reading order, each with
the bookmarks and internal links in it and, for a heading, its level) and the remarks made on it:
comments (with replies and resolved state) and tracked changes (suggested insertions and
deletions), each at the blocks where it starts and ends. ``placement`` then ties each remark to
the plan object it sits on. The documents are zips of XML: the standard library reads them.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path

#: Custom document properties planc writes into the DOCX it builds (``outputs.docx_package``).
VERSION_PROPERTY = "planc-version"
SOURCES_PROPERTY = "planc-sources"
#: No part of a reviewed document may unpack to more than this (a zip bomb is refused).
LARGEST_PART = 64 * 1024 * 1024
COMMENT, INSERTION, DELETION = "comment", "insertion", "deletion"


class UnreadableDocument(Exception):
    """A file that is not a DOCX or ODT planc can read."""


@dataclass(frozen=True)
class Block:
    """A paragraph or a table row, in reading order."""

    text: str
    level: int | None = None  #: the outline level of a heading
    row: bool = False
    bookmarks: tuple[str, ...] = ()
    anchors: tuple[str, ...] = ()  #: targets of internal links (``#AZ-01`` → ``AZ-01``)
    first_cell: str = ""


@dataclass
class Remark:
    """A comment, a reply or a tracked change, and the blocks it starts and ends in."""

    key: str
    kind: str
    author: str
    date: str | None
    text: str
    start: int
    end: int
    quote: str = ""
    parent: str | None = None
    resolved: bool = False


@dataclass
class Reviewed:
    """What one reviewed document holds."""

    file: str
    blocks: list[Block] = field(default_factory=list)
    remarks: list[Remark] = field(default_factory=list)
    properties: dict[str, str] = field(default_factory=dict)

    @property
    def version(self) -> str | None:
        """The plan version the document was built from, if planc built it."""
        return self.properties.get(VERSION_PROPERTY) or None

    @property
    def fingerprint(self) -> str | None:
        """The fingerprint of the sources the document was built from."""
        return self.properties.get(SOURCES_PROPERTY) or None


def read_part(archive: zipfile.ZipFile, name: str) -> bytes | None:
    """A part of the document, or ``None``; refuse one that unpacks to more than ``LARGEST_PART``."""
    try:
        info = archive.getinfo(name)
    except KeyError:
        return None
    if info.file_size > LARGEST_PART:
        raise UnreadableDocument(f"{name} is too large")
    return archive.read(info)


def read_reviewed(path: Path) -> Reviewed:
    """Read the comments and tracked changes of a DOCX or an ODT (told apart by their content)."""
    from compiler.review import docx_comments, odt_comments  # noqa: PLC0415 - the two formats build on this module

    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if "word/document.xml" in names:
                return docx_comments.read(archive, str(path))
            if "content.xml" in names:
                return odt_comments.read(archive, str(path))
    except (zipfile.BadZipFile, OSError, ValueError) as problem:
        raise UnreadableDocument(str(problem)) from problem
    raise UnreadableDocument("neither a DOCX nor an ODT document")


def day_of(stamp: str | None) -> str | None:
    """``2025-02-10`` from ``2025-02-10T09:30:00Z``; ``None`` for a missing or empty date (``0000-…``)."""
    if not stamp or len(stamp) < 10 or stamp.startswith("0"):
        return None
    day = stamp[:10]
    return day if day[4] == "-" and day[7] == "-" and day.replace("-", "").isdigit() else None
