"""The DOCX side: a reference document of planc's own, and the finishing touches pandoc cannot do.

The reference document starts from pandoc's default (so every style pandoc uses exists) and
adds: A4 pages, a running header with the plan's title, version and draft mark, a footer with
page numbers, a page break before each top-level section, coloured headings and ruled tables.
Pandoc's sandbox dates a DOCX 1970-01-01; ``finish`` dates it from the build instead, sets the
title and language, and rewrites the zip with fixed timestamps so that the bytes are reproducible.
"""

from __future__ import annotations

import datetime
import io
import re
import zipfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

ACCENT = "1D4F73"
TEMPLATES = Path(__file__).parent / "templates"
_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml"


@dataclass(frozen=True)
class Chrome:
    """What the header and footer of every page say (``page_label`` holds {page} and {pages})."""

    title: str
    version: str
    draft_mark: str | None
    page_label: str


def _run(text: str, extra: str = "") -> str:
    return f'<w:r><w:rPr>{extra}</w:rPr><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def _field(instruction: str) -> str:
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def _header(chrome: Chrome) -> str:
    mark = _run("\t" + chrome.draft_mark, '<w:b/><w:color w:val="B3261E"/>') if chrome.draft_mark else ""
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:hdr {_W} {_R}><w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr>'
        f"{_run(chrome.title + ' · ' + chrome.version)}{mark}</w:p></w:hdr>"
    )


def _footer(chrome: Chrome) -> str:
    fields = {"{page}": _field("PAGE"), "{pages}": _field("NUMPAGES")}
    pieces = re.split(r"(\{page\}|\{pages\})", chrome.page_label)
    runs = "".join(fields.get(piece) or (_run(piece) if piece else "") for piece in pieces)
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:ftr {_W} {_R}><w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr>'
        f"{runs}</w:p></w:ftr>"
    )


def _styles(xml: str) -> str:
    xml = xml.replace(
        '<w:color w:val="0F4761" w:themeColor="accent1"\n      w:themeShade="BF" />', f'<w:color w:val="{ACCENT}" />'
    )
    xml = re.sub(r'(w:styleId="Heading1">.*?<w:keepLines />)', r"\1<w:pageBreakBefore />", xml, count=1, flags=re.S)
    xml = re.sub(r'(w:styleId="Title">.*?)<w:jc w:val="center" />', r"\1", xml, count=1, flags=re.S)
    table = _template("docx-table-style.xml")
    xml = re.sub(
        r'(w:styleId="Table">.*?)<w:tblPr>.*?</w:tblStylePr>', lambda m: m.group(1) + table, xml, count=1, flags=re.S
    )
    xml = re.sub(r'<w:style w:type="paragraph" w:styleId="(Header|Footer)">.*?</w:style>', "", xml, flags=re.S)
    return xml.replace("</w:styles>", _template("docx-styles.xml") + "</w:styles>")


def _template(name: str) -> str:
    """An XML fragment from the templates folder, without its leading comment."""
    return re.sub(r"^<!--.*?-->\s*", "", (TEMPLATES / name).read_text(encoding="utf-8"), flags=re.S)


def _document(xml: str) -> str:
    section = (
        '<w:sectPr><w:headerReference w:type="default" r:id="rIdPlancHeader"/>'
        '<w:footerReference w:type="default" r:id="rIdPlancFooter"/>'
        '<w:footnotePr><w:numRestart w:val="eachSect" /></w:footnotePr>'
        '<w:pgSz w:w="11906" w:h="16838"/>'
        '<w:pgMar w:top="1418" w:right="1304" w:bottom="1361" w:left="1304" w:header="709" w:footer="567" w:gutter="0"/>'
        "</w:sectPr>"
    )
    return re.sub(r"<w:sectPr>.*?</w:sectPr>", section, xml, count=1, flags=re.S)


def _relationships(xml: str) -> str:
    extra = (
        f'<Relationship Type="{_REL}/header" Id="rIdPlancHeader" Target="header1.xml" />'
        f'<Relationship Type="{_REL}/footer" Id="rIdPlancFooter" Target="footer1.xml" />'
    )
    return xml.replace("</Relationships>", extra + "</Relationships>")


def _content_types(xml: str) -> str:
    extra = (
        f'<Override PartName="/word/header1.xml" ContentType="{_CT}.header+xml" />'
        f'<Override PartName="/word/footer1.xml" ContentType="{_CT}.footer+xml" />'
    )
    return xml.replace("</Types>", extra + "</Types>")


def reference(default: bytes, chrome: Chrome) -> bytes:
    """planc's reference document, made from pandoc's default one."""
    edits = {
        "word/styles.xml": _styles,
        "word/document.xml": _document,
        "word/_rels/document.xml.rels": _relationships,
        "[Content_Types].xml": _content_types,
    }
    added = {"word/header1.xml": _header(chrome), "word/footer1.xml": _footer(chrome)}
    return _rewrite(default, edits, added, datetime.datetime(2000, 1, 1))


def finish(docx: bytes, title: str, lang: str, when: datetime.datetime) -> bytes:
    """Date, title and language the document, with reproducible zip entries."""
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ")

    def core(xml: str) -> str:
        xml = re.sub(
            r"<dcterms:(created|modified)([^>]*)>[^<]*</dcterms:\1>", rf"<dcterms:\1\2>{stamp}</dcterms:\1>", xml
        )
        xml = re.sub(r"<dc:title>.*?</dc:title>|<dc:title\s*/>", "", xml, flags=re.S)
        xml = re.sub(r"<dc:language>.*?</dc:language>", "", xml, flags=re.S)
        return xml.replace(
            "</cp:coreProperties>",
            f"<dc:title>{escape(title)}</dc:title><dc:language>{escape(lang)}</dc:language></cp:coreProperties>",
        )

    return _rewrite(docx, {"docProps/core.xml": core}, {}, when)


def _rewrite(
    data: bytes, edits: Mapping[str, Callable[[str], str]], added: dict[str, str], when: datetime.datetime
) -> bytes:
    stamp = (max(when.year, 1980), when.month, when.day, when.hour, when.minute, when.second)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        names = [info.filename for info in source.infolist()]
        for name in [*names, *(n for n in added if n not in names)]:
            content = added[name].encode() if name in added else source.read(name)
            edit = edits.get(name)
            if edit is not None:
                content = edit(content.decode("utf-8")).encode("utf-8")
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, content)
    return out.getvalue()
