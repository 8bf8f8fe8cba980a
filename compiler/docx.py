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
from dataclasses import dataclass
from xml.sax.saxutils import escape

ACCENT = "1D4F73"
_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml"

_EXTRA_STYLES = f"""
<w:style w:type="paragraph" w:customStyle="1" w:styleId="CoverMeta"><w:name w:val="Cover Meta"/><w:basedOn w:val="BodyText"/><w:qFormat/>
<w:pPr><w:spacing w:before="60" w:after="60"/></w:pPr><w:rPr><w:sz w:val="24"/></w:rPr></w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="CoverParties"><w:name w:val="Cover Parties"/><w:basedOn w:val="BodyText"/><w:qFormat/>
<w:rPr><w:sz w:val="20"/></w:rPr></w:style>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="Cover"><w:name w:val="Cover"/><w:basedOn w:val="BodyText"/><w:qFormat/></w:style>
<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/>
<w:pPr><w:tabs><w:tab w:val="right" w:pos="9638"/></w:tabs><w:spacing w:after="0"/></w:pPr><w:rPr><w:color w:val="555555"/><w:sz w:val="17"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/>
<w:pPr><w:jc w:val="center"/><w:spacing w:after="0"/></w:pPr><w:rPr><w:color w:val="555555"/><w:sz w:val="17"/></w:rPr></w:style>
"""
_TABLE_STYLE = f"""<w:tblPr>
      <w:tblInd w:w="0" w:type="dxa" />
      <w:tblBorders><w:top w:val="single" w:sz="6" w:space="0" w:color="{ACCENT}"/><w:bottom w:val="single" w:sz="6" w:space="0" w:color="{ACCENT}"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="C9D1D9"/></w:tblBorders>
      <w:tblCellMar><w:top w:w="40" w:type="dxa" /><w:left w:w="80" w:type="dxa" /><w:bottom w:w="40" w:type="dxa" /><w:right w:w="80" w:type="dxa" /></w:tblCellMar>
    </w:tblPr>
    <w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr>
    <w:tblStylePr w:type="firstRow">
      <w:rPr><w:b/></w:rPr>
      <w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="EEF2F5"/><w:vAlign w:val="bottom"/></w:tcPr>
    </w:tblStylePr>"""


@dataclass(frozen=True)
class Chrome:
    """What the header and footer of every page say."""

    title: str
    version: str
    draft_mark: str | None
    page: str
    of: str


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
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:ftr {_W} {_R}><w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr>'
        f"{_run(chrome.page + ' ')}{_field('PAGE')}{_run(' ' + chrome.of + ' ')}{_field('NUMPAGES')}</w:p></w:ftr>"
    )


def _styles(xml: str) -> str:
    xml = xml.replace('<w:color w:val="0F4761" w:themeColor="accent1"\n      w:themeShade="BF" />', f'<w:color w:val="{ACCENT}" />')
    xml = re.sub(r'(w:styleId="Heading1">.*?<w:keepLines />)', r"\1<w:pageBreakBefore />", xml, count=1, flags=re.S)
    xml = re.sub(r'(w:styleId="Title">.*?)<w:jc w:val="center" />', r"\1", xml, count=1, flags=re.S)
    xml = re.sub(r'(w:styleId="Table">.*?)<w:tblPr>.*?</w:tblStylePr>', lambda m: m.group(1) + _TABLE_STYLE, xml, count=1, flags=re.S)
    xml = re.sub(r'<w:style w:type="paragraph" w:styleId="(Header|Footer)">.*?</w:style>', "", xml, flags=re.S)
    return xml.replace("</w:styles>", _EXTRA_STYLES + "</w:styles>")


def _document(xml: str) -> str:
    section = (
        f'<w:sectPr><w:headerReference w:type="default" r:id="rIdPlancHeader"/>'
        f'<w:footerReference w:type="default" r:id="rIdPlancFooter"/>'
        '<w:footnotePr><w:numRestart w:val="eachSect" /></w:footnotePr>'
        '<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1418" w:right="1304" w:bottom="1361" w:left="1304" w:header="709" w:footer="567" w:gutter="0"/>'
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
        xml = re.sub(r"<dcterms:(created|modified)([^>]*)>[^<]*</dcterms:\1>", rf"<dcterms:\1\2>{stamp}</dcterms:\1>", xml)
        xml = re.sub(r"<dc:title>.*?</dc:title>|<dc:title\s*/>", "", xml, flags=re.S)
        xml = re.sub(r"<dc:language>.*?</dc:language>", "", xml, flags=re.S)
        return xml.replace("</cp:coreProperties>", f"<dc:title>{escape(title)}</dc:title><dc:language>{escape(lang)}</dc:language></cp:coreProperties>")

    return _rewrite(docx, {"docProps/core.xml": core}, {}, when)


def _rewrite(data: bytes, edits: dict[str, object], added: dict[str, str], when: datetime.datetime) -> bytes:
    stamp = (max(when.year, 1980), when.month, when.day, when.hour, when.minute, when.second)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        names = [info.filename for info in source.infolist()]
        for name in [*names, *(n for n in added if n not in names)]:
            content = added[name].encode() if name in added else source.read(name)
            edit = edits.get(name)
            if callable(edit):
                content = edit(content.decode("utf-8")).encode("utf-8")
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, content)
    return out.getvalue()
