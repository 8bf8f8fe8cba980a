"""Open the real outputs the way a checker would: the HTML DOM, the DOCX XML, the PDF text and objects."""

from __future__ import annotations

import base64
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

import pikepdf
import pypdf

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def squash(text: str) -> str:
    """Text without whitespace or hyphens, so that line breaks and hyphenation do not matter."""
    return re.sub(r"[\s\-\u00ad\u2010\u2011]", "", unicodedata.normalize("NFKC", text))


@dataclass
class Element:
    """One HTML start tag."""

    tag: str
    attributes: dict[str, str]


@dataclass
class Html(HTMLParser):
    """The parts of an HTML page the tests look at."""

    elements: list[Element] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    skip_depth: int = 0

    def __post_init__(self) -> None:
        super().__init__(convert_charrefs=True)

    @classmethod
    def read(cls, path: Path) -> Html:
        page = cls()
        page.feed(path.read_text(encoding="utf-8"))
        page.close()
        return page

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append(Element(tag, {name: value or "" for name, value in attrs}))
        if tag in ("style", "script"):
            self.skip_depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "script"):
            self.skip_depth -= 1

    def handle_data(self, data: str) -> None:
        if not self.skip_depth:
            self.texts.append(data)

    @property
    def text(self) -> str:
        return " ".join("".join(self.texts).split())

    def tags(self, tag: str) -> list[Element]:
        return [element for element in self.elements if element.tag == tag]

    def ids(self) -> set[str]:
        return {element.attributes["id"] for element in self.elements if "id" in element.attributes}


def planc_chart_drawings(page: Html) -> list[str]:
    """The SVG drawings of planc's own charts, the only images a page may hold.

    Each image is one chart's ``<figure class="chart">``, an SVG inside the page (nothing fetched)
    made of drawing elements only (nothing that runs), with a text alternative.
    """
    images = page.tags("img")
    figures = [f for f in page.tags("figure") if f.attributes.get("class") == "chart"]
    assert len(images) == len(figures)
    drawings = []
    for image in images:
        source = image.attributes["src"]
        assert source.startswith("data:image/svg+xml;base64,") and len(image.attributes.get("alt", "")) > 40
        svg = base64.b64decode(source.split(",", 1)[1]).decode("utf-8")
        assert set(re.findall(r"<([A-Za-z]\w*)", svg)) <= {"svg", "g", "defs", "symbol", "use", "path"}
        assert all(href.startswith("#") for href in re.findall(r'href="([^"]*)"', svg))
        drawings.append(svg)
    return drawings


@dataclass
class Docx:
    """A DOCX package: its parts as text, the body's paragraphs as XML."""

    parts: dict[str, str]

    @classmethod
    def read(cls, path: Path) -> Docx:
        with zipfile.ZipFile(path) as package:
            return cls({name: package.read(name).decode("utf-8", errors="replace") for name in package.namelist()})

    @property
    def body(self) -> ElementTree.Element:
        return ElementTree.fromstring(self.parts["word/document.xml"])  # noqa: S314 - XML planc itself wrote

    @property
    def text(self) -> str:
        return " ".join(" ".join(node.text or "" for node in self.body.iter(f"{W}t")).split())

    @property
    def text_after_contents(self) -> str:
        """The text of the body without its table of contents (which repeats the headings)."""
        body = self.body.find(f"{W}body")
        parts = [node for node in (body if body is not None else []) if node.tag != f"{W}sdt"]
        return " ".join(" ".join(t.text or "" for part in parts for t in part.iter(f"{W}t")).split())

    def styles_used(self) -> set[str]:
        return {node.attrib[f"{W}val"] for node in self.body.iter(f"{W}pStyle")}

    def bookmarks(self) -> set[str]:
        return {node.attrib[f"{W}name"] for node in self.body.iter(f"{W}bookmarkStart")}

    def anchors(self) -> set[str]:
        return {node.attrib[f"{W}anchor"] for node in self.body.iter(f"{W}hyperlink") if f"{W}anchor" in node.attrib}


def pdf_pages(path: Path) -> list[str]:
    """The text of each page of a PDF."""
    return [page.extract_text() or "" for page in pypdf.PdfReader(path).pages]


def pdf_links(path: Path) -> tuple[int, int]:
    """How many internal link annotations a PDF has, and how many point to a page that exists."""
    with pikepdf.open(path) as pdf:
        pages = {page.obj.objgen for page in pdf.pages}
        names = _named_destinations(pdf)
        total = resolved = 0
        for page in pdf.pages:
            for annotation in page.obj.get("/Annots", []):
                if annotation.get("/Subtype") != "/Link":
                    continue
                action = annotation.get("/A")
                if action is not None and action.get("/S") == "/URI":
                    continue
                target = annotation.get("/Dest") or (action.get("/D") if action is not None else None)
                total += 1
                if isinstance(target, pikepdf.String | pikepdf.Name):
                    target = names.get(str(target))
                if isinstance(target, pikepdf.Array) and target[0].objgen in pages:
                    resolved += 1
        return total, resolved


def _named_destinations(pdf: pikepdf.Pdf) -> dict[str, pikepdf.Array]:
    found: dict[str, pikepdf.Array] = {}
    dests = pdf.Root.get("/Names", {}).get("/Dests") if "/Names" in pdf.Root else None
    stack = [dests] if dests is not None else []
    while stack:
        node = stack.pop()
        names = node.get("/Names", [])
        for index in range(0, len(names), 2):
            value = names[index + 1]
            found[str(names[index])] = value.get("/D", value) if isinstance(value, pikepdf.Dictionary) else value
        stack.extend(node.get("/Kids", []))
    return found


@dataclass
class Table:
    """A table as a reader sees it: its caption and its rows of cell texts (the header row first)."""

    caption: str
    rows: list[list[str]]


@dataclass
class HtmlTables(HTMLParser):
    """The tables and list items of an HTML page, as text (a definition as ``Term: definition``)."""

    tables: list[Table] = field(default_factory=list)
    items: list[str] = field(default_factory=list)
    _open: list[str] = field(default_factory=list)
    _buffer: list[str] = field(default_factory=list)
    _term: str = ""

    def __post_init__(self) -> None:
        super().__init__(convert_charrefs=True)

    @classmethod
    def read(cls, path: Path) -> HtmlTables:
        page = cls()
        page.feed(path.read_text(encoding="utf-8"))
        page.close()
        return page

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.tables.append(Table("", []))
        elif tag == "tr" and self.tables:
            self.tables[-1].rows.append([])
        if tag in ("caption", "td", "th", "li", "dt", "dd"):
            self._open.append(tag)
            self._buffer = []

    def handle_endtag(self, tag: str) -> None:
        if not self._open or self._open[-1] != tag:
            return
        self._open.pop()
        text = " ".join("".join(self._buffer).split())
        if tag == "caption":
            self.tables[-1].caption = text
        elif tag == "li":
            self.items.append(text)
        elif tag == "dt":
            self._term = text
        elif tag == "dd":
            self.items.append(f"{self._term}: {text}")
        else:
            self.tables[-1].rows[-1].append(text)

    def handle_data(self, data: str) -> None:
        if self._open:
            self._buffer.append(data)


def _docx_text(node: ElementTree.Element) -> str:
    return " ".join("".join(t.text or "" for t in node.iter(f"{W}t")).split())


def docx_tables(document: Docx) -> list[Table]:
    """The tables of a DOCX body, each with the caption paragraph pandoc writes before it."""
    tables: list[Table] = []
    caption = ""
    for node in document.body.iter():
        if node.tag == f"{W}p" and any(s.attrib.get(f"{W}val") == "TableCaption" for s in node.iter(f"{W}pStyle")):
            caption = _docx_text(node)
        elif node.tag == f"{W}tbl":
            rows = [[_docx_text(cell) for cell in row.iter(f"{W}tc")] for row in node.iter(f"{W}tr")]
            tables.append(Table(caption, rows))
            caption = ""
    return tables


def docx_definitions(document: Docx) -> list[str]:
    """The paragraphs of a DOCX body, each definition joined to its term: ``Term: definition``."""
    lines: list[str] = []
    term = None
    for node in document.body.iter(f"{W}p"):
        style = next((s.attrib.get(f"{W}val") for s in node.iter(f"{W}pStyle")), None)
        text = _docx_text(node)
        if style == "Definition" and term is not None:
            lines.append(f"{term}: {text}")
        elif style != "Definition":
            lines.append(text)
        term = text if style == "DefinitionTerm" else None
    return lines
