"""Comments and tracked changes of an ODT (LibreOffice's own format).

``content.xml`` holds the text with everything in place: an ``office:annotation`` where a comment
starts (its ``office:annotation-end`` where its range ends), bookmarks, links, and the marks of
tracked changes whose deleted text sits in ``text:tracked-changes``. ``meta.xml`` holds the custom
properties a DOCX carried. Replies carry ``loext:parent-name`` (LibreOffice 7.5 on).
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from xml.etree.ElementTree import Element

from compiler.review.comments import (
    COMMENT,
    DELETION,
    INSERTION,
    Block,
    Remark,
    Reviewed,
    UnreadableDocument,
    day_of,
    read_part,
)
from compiler.review.docx_comments import parse_part

TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
DC = "{http://purl.org/dc/elements/1.1/}"
XLINK = "{http://www.w3.org/1999/xlink}"
META = "{urn:oasis:names:tc:opendocument:xmlns:meta:1.0}"
LOEXT = "{urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0}"
_BLOCKS = frozenset({f"{TEXT}p", f"{TEXT}h"})
_SKIPPED = frozenset({f"{TEXT}tracked-changes", f"{TEXT}sequence-decls", f"{OFFICE}forms", f"{TEXT}note"})
_ROW_GROUPS = frozenset({f"{TABLE}table-header-rows", f"{TABLE}table-rows", f"{TABLE}table-row-group"})


def read(archive: zipfile.ZipFile, file: str) -> Reviewed:
    """The blocks, comments and tracked changes of an ODT."""
    content = parse_part(read_part(archive, "content.xml"))
    text = content.find(f"{OFFICE}body/{OFFICE}text") if content is not None else None
    if content is None or text is None:
        raise UnreadableDocument("content.xml has no text")
    walk = _Walk(_changes(text))
    walk.container(text)
    remarks = [*walk.remarks, *walk.edits]
    remarks.sort(key=lambda remark: (remark.start, remark.end))
    return Reviewed(file, walk.blocks, remarks, _properties(archive))


@dataclass
class _Walk:
    """One pass over the text in reading order."""

    deleted: dict[str, tuple[str, str | None, str]]  #: change id → author, date, deleted text
    blocks: list[Block] = field(default_factory=list)
    remarks: list[Remark] = field(default_factory=list)
    edits: list[Remark] = field(default_factory=list)
    by_name: dict[str, Remark] = field(default_factory=dict)
    open: dict[str, list[str]] = field(default_factory=dict)  #: ranges open: annotation or change → its text
    inserted: dict[str, Remark] = field(default_factory=dict)

    def container(self, element: Element) -> None:
        for child in element:
            if child.tag in _BLOCKS:
                self.block(child, child.tag == f"{TEXT}h")
            elif child.tag == f"{TABLE}table":
                self.rows(child)
            elif child.tag not in _SKIPPED:
                self.container(child)

    def rows(self, table: Element) -> None:
        for child in table:
            if child.tag == f"{TABLE}table-row":
                self.block(child, False, row=True)
            elif child.tag in _ROW_GROUPS:
                self.rows(child)

    def block(self, element: Element, heading: bool, row: bool = False) -> None:
        index = len(self.blocks)
        texts: list[str] = []
        bookmarks: list[str] = []
        anchors: list[str] = []
        self.inline(element, index, texts, bookmarks, anchors)
        self.text(" ", [])  # a range that goes on reads on after a space
        level = element.get(f"{TEXT}outline-level") if heading else None
        first = next(element.iter(f"{TABLE}table-cell"), None) if row else None
        first_cell = " ".join("".join(_plain(first)).split()) if first is not None else ""
        self.blocks.append(
            Block(
                " ".join("".join(texts).split()),
                int(level) if level and level.isdigit() else (1 if heading else None),
                row,
                tuple(bookmarks),
                tuple(anchors),
                first_cell,
            )
        )

    def inline(self, element: Element, index: int, texts: list[str], bookmarks: list[str], anchors: list[str]) -> None:
        self.text(element.text, texts)
        for child in element:
            tag = child.tag
            if tag == f"{OFFICE}annotation":
                self.annotation(child, index)
            elif tag == f"{OFFICE}annotation-end":
                self.close(child.get(f"{OFFICE}name", ""), index)
            elif tag in (f"{TEXT}bookmark-start", f"{TEXT}bookmark"):
                bookmarks.append(child.get(f"{TEXT}name", ""))
            elif tag in (f"{TEXT}s", f"{TEXT}tab", f"{TEXT}line-break"):
                self.text(" ", texts)
            elif tag in (f"{TEXT}change-start", f"{TEXT}change-end", f"{TEXT}change"):
                self.change(child, index)
            elif tag == f"{TEXT}a" and (child.get(f"{XLINK}href") or "").startswith("#"):
                anchors.append((child.get(f"{XLINK}href") or "")[1:])
                self.inline(child, index, texts, bookmarks, anchors)
            elif tag not in _SKIPPED:
                if tag in (f"{TABLE}table-cell", f"{TEXT}p") and texts:
                    self.text(" ", texts)  # cells and paragraphs of a row read apart
                self.inline(child, index, texts, bookmarks, anchors)
            self.text(child.tail, texts)

    def text(self, text: str | None, texts: list[str]) -> None:
        if text:
            texts.append(text)
            for pieces in self.open.values():
                pieces.append(text)

    def annotation(self, element: Element, index: int) -> None:
        name = element.get(f"{OFFICE}name", "")
        said = "\n".join("".join(_plain(p)) for p in element.iter(f"{TEXT}p")).strip()
        key = name or f"annotation-{len(self.remarks) + 1}"
        remark = Remark(
            key,
            COMMENT,
            "".join(_plain(element.find(f"{DC}creator"))).strip(),
            day_of("".join(_plain(element.find(f"{DC}date")))),
            said,
            index,
            index,
            parent=element.get(f"{LOEXT}parent-name") or None,
            resolved=element.get(f"{LOEXT}resolved") == "true",
        )
        self.remarks.append(remark)
        if name:
            self.by_name[name] = remark
            self.open[name] = []

    def close(self, name: str, index: int) -> None:
        remark = self.by_name.get(name)
        pieces = self.open.pop(name, None)
        if remark is not None:
            remark.end = index
            remark.quote = " ".join("".join(pieces or []).split())

    def change(self, element: Element, index: int) -> None:
        key = element.get(f"{TEXT}change-id", "")
        author, date, deleted = self.deleted.get(key, ("", None, ""))
        if element.tag == f"{TEXT}change" and deleted:
            self.edits.append(Remark(key, DELETION, author, date, deleted, index, index))
        elif element.tag == f"{TEXT}change-start":
            self.inserted[key] = Remark(key, INSERTION, author, date, "", index, index)
            self.open[key] = []
        elif element.tag == f"{TEXT}change-end" and key in self.inserted:
            remark = self.inserted.pop(key)
            remark.text = "".join(self.open.pop(key, [])).strip()
            if remark.text:
                self.edits.append(remark)


def _plain(element: Element | None) -> list[str]:
    """The text inside an element, annotations left out."""
    if element is None:
        return []
    pieces = [element.text or ""]
    for child in element:
        if child.tag != f"{OFFICE}annotation":
            pieces.extend(_plain(child))
            if child.tag in (f"{TEXT}s", f"{TEXT}tab"):
                pieces.append(" ")
        pieces.append(child.tail or "")
    return pieces


def _changes(text: Element) -> dict[str, tuple[str, str | None, str]]:
    """Each tracked change's author, date and (for a deletion) the deleted text."""
    found: dict[str, tuple[str, str | None, str]] = {}
    for region in text.iter(f"{TEXT}changed-region"):
        key = region.get(f"{TEXT}id") or region.get("{http://www.w3.org/XML/1998/namespace}id") or ""
        for change in region:
            info = change.find(f"{OFFICE}change-info")
            author = "".join(_plain(info.find(f"{DC}creator") if info is not None else None)).strip()
            date = day_of("".join(_plain(info.find(f"{DC}date") if info is not None else None)))
            deleted = " ".join(" ".join("".join(_plain(p)) for p in change.iter() if p.tag in _BLOCKS).split())
            found[key] = (author, date, deleted)
    return found


def _properties(archive: zipfile.ZipFile) -> dict[str, str]:
    meta = parse_part(read_part(archive, "meta.xml"))
    found: dict[str, str] = {}
    for item in meta.iter(f"{META}user-defined") if meta is not None else ():
        name = item.get(f"{META}name")
        if name:
            found[name] = "".join(item.itertext()).strip()
    return found
