"""Comments and tracked changes of a DOCX (Word, or LibreOffice saving as Word).

``word/document.xml`` marks where each comment's range starts and ends and where its reference
sits; ``word/comments.xml`` holds the comments; ``word/commentsExtended.xml`` (Word 2013 on)
says which comment replies to which and which are resolved. LibreOffice sometimes numbers a range
differently from its comment, so a comment without a range of its own is placed at its reference.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from xml.etree import ElementTree
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

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
W14 = "{http://schemas.microsoft.com/office/word/2010/wordml}"
W15 = "{http://schemas.microsoft.com/office/word/2012/wordml}"
_HEADING_NAME = re.compile(r"heading\s*(\d)", re.IGNORECASE)
_CONTAINERS = frozenset({W + "sdt", W + "sdtContent", W + "ins", W + "del", W + "customXml", W + "smartTag"})
_SKIPPED = frozenset({W + "pPr", W + "rPr", W + "tblPr", W + "trPr", W + "tcPr"})
_SPACES = frozenset({W + "tab", W + "br", W + "cr"})
_APART = frozenset({W + "tc", W + "p"})


def parse_part(data: bytes | None) -> Element | None:
    """Parse one XML part (expat refuses external entities and limits entity expansion)."""
    if data is None:
        return None
    try:
        return ElementTree.fromstring(data)  # noqa: S314 - expat >= 2.4.1 guards against entity bombs
    except ElementTree.ParseError as problem:
        raise UnreadableDocument(str(problem)) from problem


def read(archive: zipfile.ZipFile, file: str) -> Reviewed:
    """The blocks, comments and tracked changes of a DOCX."""
    document = parse_part(read_part(archive, "word/document.xml"))
    body = document.find(f"{W}body") if document is not None else None
    if body is None:
        raise UnreadableDocument("word/document.xml has no body")
    walk = _Walk(_heading_levels(parse_part(read_part(archive, "word/styles.xml"))))
    for child in body:
        walk.body_level(child)
    reviewed = Reviewed(file, walk.blocks, [*_comments(archive, walk), *walk.edits], _properties(archive))
    reviewed.remarks.sort(key=lambda remark: (remark.start, remark.end))
    return reviewed


@dataclass
class _Edit:
    kind: str
    author: str
    date: str | None
    block: int
    parts: list[str] = field(default_factory=list)


@dataclass
class _Gathered:
    """What one block holds: its text, the bookmarks that start in it, the targets of its links."""

    texts: list[str] = field(default_factory=list)
    bookmarks: list[str] = field(default_factory=list)
    anchors: list[str] = field(default_factory=list)


@dataclass
class _Walk:
    """One pass over the body in reading order."""

    levels: dict[str, int]
    blocks: list[Block] = field(default_factory=list)
    starts: dict[str, int] = field(default_factory=dict)
    ends: dict[str, int] = field(default_factory=dict)
    references: dict[str, int] = field(default_factory=dict)
    quotes: dict[str, list[str]] = field(default_factory=dict)
    open: set[str] = field(default_factory=set)
    pending: list[str] = field(default_factory=list)  #: bookmarks between blocks: they belong to the next
    edits: list[Remark] = field(default_factory=list)

    def body_level(self, element: Element) -> None:
        tag = element.tag
        if tag == f"{W}p":
            self.block(element, self._level(element))
        elif tag == f"{W}tbl":
            for row in element.iter(f"{W}tr"):
                self.block(row, None, row=True)
        elif tag in _CONTAINERS:
            for child in element:
                self.body_level(child)
        else:  # a marker between blocks: it starts in the next block, or ends in the one before
            self.mark(element, len(self.blocks), self.pending, between=True)

    def block(self, element: Element, level: int | None, row: bool = False) -> None:
        index = len(self.blocks)
        gathered = _Gathered(bookmarks=self.pending)
        self.pending = []
        self.inline(element, index, gathered, None)
        self.text(" ", [], None)  # a range that goes on reads on after a space
        first = element.find(f"{W}tc") if row else None
        first_cell = "".join(t.text or "" for t in first.iter(f"{W}t")) if first is not None else ""
        text = " ".join("".join(gathered.texts).split())
        bookmarks, anchors = tuple(gathered.bookmarks), tuple(gathered.anchors)
        self.blocks.append(Block(text, level, row, bookmarks, anchors, first_cell.strip()))

    def inline(self, element: Element, index: int, gathered: _Gathered, edit: _Edit | None) -> None:
        for child in element:
            tag = child.tag
            if tag in _SKIPPED or (tag == f"{W}r" and _section_number(child)):
                continue
            if tag == f"{W}t":
                self.text(child.text or "", gathered.texts, edit)
            elif tag in _SPACES or (tag in _APART and gathered.texts):
                self.text(" ", gathered.texts, edit)  # and cells and paragraphs of a row read apart
                self.inline(child, index, gathered, edit)
            elif tag == f"{W}delText":
                if edit is not None:
                    edit.parts.append(child.text or "")
            elif tag in (f"{W}ins", f"{W}del"):
                self.tracked(child, index, gathered)
            elif not self.mark(child, index, gathered.bookmarks):
                if tag == f"{W}hyperlink" and child.get(f"{W}anchor"):
                    gathered.anchors.append(child.get(f"{W}anchor") or "")
                self.inline(child, index, gathered, edit)

    def mark(self, element: Element, index: int, bookmarks: list[str], between: bool = False) -> bool:
        """Note a bookmark or a comment marker in block ``index``; ``False`` if the element is neither."""
        tag, key = element.tag, element.get(f"{W}id", "")
        if tag == f"{W}bookmarkStart":
            bookmarks.append(element.get(f"{W}name", ""))
        elif tag == f"{W}commentRangeStart":
            self.starts.setdefault(key, index)
            self.open.add(key)
            self.quotes.setdefault(key, [])
        elif tag == f"{W}commentRangeEnd":
            self.ends[key] = max(0, index - 1) if between else index
            self.open.discard(key)
        elif tag == f"{W}commentReference":
            self.references.setdefault(key, index)
        else:
            return False
        return True

    def text(self, text: str, texts: list[str], edit: _Edit | None) -> None:
        texts.append(text)
        for key in self.open:
            self.quotes[key].append(text)
        if edit is not None:
            edit.parts.append(text)

    def tracked(self, element: Element, index: int, gathered: _Gathered) -> None:
        kind = INSERTION if element.tag == f"{W}ins" else DELETION
        edit = _Edit(kind, element.get(f"{W}author", ""), day_of(element.get(f"{W}date")), index)
        self.inline(element, index, gathered, edit)
        said = "".join(edit.parts).strip()
        if said:
            key = f"{kind}-{len(self.edits) + 1}"
            self.edits.append(Remark(key, kind, edit.author, edit.date, said, index, index))

    def _level(self, paragraph: Element) -> int | None:
        properties = paragraph.find(f"{W}pPr")
        if properties is None:
            return None
        outline = properties.find(f"{W}outlineLvl")
        if outline is not None and (outline.get(f"{W}val") or "").isdigit():
            return int(outline.get(f"{W}val") or 0) + 1
        style = properties.find(f"{W}pStyle")
        return self.levels.get(style.get(f"{W}val", "")) if style is not None else None


def _section_number(run: Element) -> bool:
    """A heading's number as pandoc writes it (``8``, ``8.5``): the document's, not the plan's text."""
    style = run.find(f"{W}rPr/{W}rStyle")
    return style is not None and style.get(f"{W}val") == "SectionNumber"


def _heading_levels(styles: Element | None) -> dict[str, int]:
    """Paragraph style id → heading level, from the style's name or outline level (through ``basedOn``)."""
    own: dict[str, int] = {}
    based: dict[str, str] = {}
    for style in styles.iter(f"{W}style") if styles is not None else ():
        identifier = style.get(f"{W}styleId", "")
        name = style.find(f"{W}name")
        found = _HEADING_NAME.fullmatch((name.get(f"{W}val") or "") if name is not None else "")
        outline = style.find(f"{W}pPr/{W}outlineLvl")
        if found:
            own[identifier] = int(found.group(1))
        elif outline is not None and (outline.get(f"{W}val") or "").isdigit() and int(outline.get(f"{W}val") or 9) < 9:
            own[identifier] = int(outline.get(f"{W}val") or 0) + 1
        parent = style.find(f"{W}basedOn")
        if parent is not None:
            based[identifier] = parent.get(f"{W}val", "")
    levels = dict(own)
    for identifier in based:
        current, seen = identifier, set()
        while current not in own and current in based and current not in seen:
            seen.add(current)
            current = based[current]
        if current in own:
            levels[identifier] = own[current]
    return levels


def _comments(archive: zipfile.ZipFile, walk: _Walk) -> list[Remark]:
    comments = parse_part(read_part(archive, "word/comments.xml"))
    if comments is None:
        return []
    threads = _threads(archive)
    paragraph_owner: dict[str, str] = {}
    found: list[Remark] = []
    last = max(0, len(walk.blocks) - 1)
    for comment in comments.iter(f"{W}comment"):
        key = comment.get(f"{W}id", "")
        paragraphs = comment.findall(f".//{W}p")
        for paragraph in paragraphs:
            paragraph_owner[paragraph.get(f"{W14}paraId", "")] = key
        text = "\n".join("".join(t.text or "" for t in p.iter(f"{W}t")) for p in paragraphs).strip()
        ranged = key in walk.starts
        start = walk.starts.get(key, walk.references.get(key, last))
        end = walk.ends.get(key, start) if ranged else start
        quote = " ".join("".join(walk.quotes.get(key, [])).split()) if ranged else ""
        remark = Remark(
            key, COMMENT, comment.get(f"{W}author", ""), day_of(comment.get(f"{W}date")), text, start, end, quote
        )
        found.append(remark)
    for remark in found:
        own = next((p for p, owner in paragraph_owner.items() if owner == remark.key and p in threads), None)
        if own is not None:
            parent_paragraph, done = threads[own]
            remark.parent = paragraph_owner.get(parent_paragraph) if parent_paragraph else None
            remark.resolved = done
    return found


def _threads(archive: zipfile.ZipFile) -> dict[str, tuple[str | None, bool]]:
    """Paragraph id of a comment → (paragraph id of the comment it replies to, resolved)."""
    extended = parse_part(read_part(archive, "word/commentsExtended.xml"))
    threads: dict[str, tuple[str | None, bool]] = {}
    for item in extended.iter(f"{W15}commentEx") if extended is not None else ():
        threads[item.get(f"{W15}paraId", "")] = (item.get(f"{W15}paraIdParent"), item.get(f"{W15}done") == "1")
    return threads


def _properties(archive: zipfile.ZipFile) -> dict[str, str]:
    custom = parse_part(read_part(archive, "docProps/custom.xml"))
    found: dict[str, str] = {}
    for item in custom if custom is not None else ():
        name = item.get("name")
        if name:
            found[name] = "".join(item.itertext()).strip()
    return found
