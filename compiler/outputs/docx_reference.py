"""planc's reference document for pandoc's DOCX writer, made from pandoc's default one.

It starts from pandoc's default (so every style pandoc uses exists) and adds: A4 pages, a
running header with the plan's title, version and draft mark, a footer with page numbers, a page
break before each top-level section, coloured headings and ruled tables.
"""

from __future__ import annotations

import datetime
import re
from xml.sax.saxutils import escape

from compiler import templates
from compiler.document.parts import PageChrome
from compiler.outputs.docx_package import rewrite
from compiler.templates.theme import COLOURS

_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml"


def _run(text: str, extra: str = "") -> str:
    return f'<w:r><w:rPr>{extra}</w:rPr><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def _field(instruction: str) -> str:
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def _paragraph(style: str, chrome: PageChrome) -> str:
    """The start of a header or footer paragraph, right to left in a right-to-left plan."""
    bidi = "<w:bidi/>" if chrome.direction == "rtl" else ""
    return f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{bidi}</w:pPr>'


def _header(chrome: PageChrome) -> str:
    mark = _run("\t" + chrome.draft_mark, f'<w:b/><w:color w:val="{COLOURS["draft"]}"/>') if chrome.draft_mark else ""
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:hdr {_W} {_R}>{_paragraph("Header", chrome)}'
        f"{_run(chrome.title + ' · ' + chrome.version_label)}{mark}</w:p></w:hdr>"
    )


def _footer(chrome: PageChrome) -> str:
    fields = {"{page}": _field("PAGE"), "{pages}": _field("NUMPAGES")}
    pieces = re.split(r"(\{page\}|\{pages\})", chrome.page_label)
    runs = "".join(fields.get(piece) or (_run(piece) if piece else "") for piece in pieces)
    return (
        # Only planc's words, in a left-to-right language: never a bidi paragraph ("Page 1 of 10").
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:ftr {_W} {_R}><w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr>'
        f"{runs}</w:p></w:ftr>"
    )


def _styles(xml: str) -> str:
    own = _template("docx-styles.xml")
    for style in re.findall(r'w:styleId="([^"]+)"', own):  # planc's own replace pandoc's
        xml = re.sub(rf'<w:style [^>]*w:styleId="{style}">.*?</w:style>', "", xml, count=1, flags=re.S)
    xml = xml.replace(
        '<w:color w:val="0F4761" w:themeColor="accent1"\n      w:themeShade="BF" />',
        f'<w:color w:val="{COLOURS["accent"]}" />',
    )
    xml = re.sub(r'(w:styleId="Title">.*?)<w:jc w:val="center" />', r"\1", xml, count=1, flags=re.S)
    table = _template("docx-table-style.xml")
    xml = re.sub(
        r'(w:styleId="Table">.*?)<w:tblPr>.*?</w:tblStylePr>', lambda m: m.group(1) + table, xml, count=1, flags=re.S
    )
    # Code in Courier New (Liberation Mono in LibreOffice, same metrics), which both have; not Consolas.
    xml = xml.replace('w:ascii="Consolas" w:hAnsi="Consolas"', 'w:ascii="Courier New" w:hAnsi="Courier New"')
    # 11 pt text, the paragraphs' spacing set by their styles.
    xml = re.sub(
        r'(<w:rPrDefault>.*?)<w:sz w:val="24" />\s*<w:szCs w:val="24" />', _BODY_SIZE, xml, count=1, flags=re.S
    )
    return xml.replace("</w:styles>", own + "</w:styles>")


_BODY_SIZE = r'\1<w:sz w:val="22" /><w:szCs w:val="22" />'

#: The theme's fonts: Calibri, which every Word since 2007 has, and LibreOffice too, as Calibri
#: where the system has it and as Carlito (same metrics, so the same pages) elsewhere.
THEME_FONT = "Calibri"
_CALIBRI_PANOSE = "020F0502020204030204"


def _theme(xml: str) -> str:
    return re.sub(
        r'<a:latin typeface="[^"]*" panose="[^"]*"/>',
        f'<a:latin typeface="{THEME_FONT}" panose="{_CALIBRI_PANOSE}"/>',
        xml,
    )


def _font_table(xml: str) -> str:
    """The fonts the document names: pandoc's, without the Aptos faces nothing uses any more."""
    return re.sub(r'<w:font w:name="Aptos[^"]*">.*?</w:font>\s*', "", xml, flags=re.S)


def _template(name: str) -> str:
    """An XML fragment from the templates folder, without its leading comment."""
    return re.sub(r"^<!--.*?-->\s*", "", templates.text(name), flags=re.S)


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


def reference(default: bytes, chrome: PageChrome) -> bytes:
    """planc's reference document, made from pandoc's default one."""
    edits = {
        "word/styles.xml": _styles,
        "word/theme/theme1.xml": _theme,
        "word/fontTable.xml": _font_table,
        "word/document.xml": _document,
        "word/_rels/document.xml.rels": _relationships,
        "[Content_Types].xml": _content_types,
    }
    added = {"word/header1.xml": _header(chrome), "word/footer1.xml": _footer(chrome)}
    return rewrite(default, edits, added, datetime.datetime(2000, 1, 1))
