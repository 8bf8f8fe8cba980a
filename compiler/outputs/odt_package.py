"""An ODT as what it is, a zip of XML parts: planc's styles in the reference, then a reproducible package.

``reference`` restyles pandoc's default reference document: the body in Carlito (LibreOffice's twin
of the DOCX's Calibri) and headings in the theme's accent colour, the plan's language and direction
as the default. ``finish`` titles and dates the document from the build (never the clock), adds
planc's properties (``planc comments`` reads them back), and writes the zip with ``mimetype``
first and uncompressed, as OpenDocument requires, and fixed times, so the bytes are reproducible.
"""

from __future__ import annotations

import datetime
import io
import re
import zipfile
from collections.abc import Callable, Mapping
from xml.sax.saxutils import escape

from compiler.document.parts import PageChrome
from compiler.outputs.docx_package import COMPRESSED
from compiler.templates.theme import COLOURS

#: The fonts of the body and the headings (the DOCX's, as LibreOffice has them).
ODT_FONT = "Carlito"
_FONT_FACE = (
    f'<style:font-face style:name="{ODT_FONT}" svg:font-family="{ODT_FONT}" '
    'style:font-family-generic="swiss" style:font-pitch="variable" />'
)
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_FRAME = re.compile(r"</draw:frame>")  # the description comes after the image, as ODF orders a frame


def odt_reference(default: bytes, chrome: PageChrome) -> bytes:
    """pandoc's reference ODT with planc's fonts, colours and the plan's language."""
    return _rewrite(default, {"styles.xml": lambda xml: _styles(xml, chrome)})


def finish_odt(
    odt: bytes, chrome: PageChrome, when: datetime.datetime, properties: Mapping[str, str], descriptions: list[str]
) -> bytes:
    """Title, date and language the document, add ``properties`` and each picture's description, in a reproducible zip.

    The pictures are planc's charts only (the gate refuses a drafter's image), in document order.
    """
    stamp = when.strftime("%Y-%m-%dT%H:%M:%S")
    language, _, country = chrome.lang.partition("-")
    extra = "".join(
        f'<meta:user-defined meta:name="{escape(name, {chr(34): "&quot;"})}">{escape(value)}</meta:user-defined>'
        for name, value in properties.items()
    )

    def meta(xml: str) -> str:
        xml = re.sub(
            r"<dc:(title|language|date)>.*?</dc:\1>|<meta:creation-date>.*?</meta:creation-date>", "", xml, flags=re.S
        )
        own = (
            f"<dc:title>{escape(chrome.title)}</dc:title><dc:language>{escape(chrome.lang)}</dc:language>"
            f"<dc:date>{stamp}</dc:date><meta:creation-date>{stamp}</meta:creation-date>{extra}"
        )
        return xml.replace("</office:meta>", own + "</office:meta>", 1)

    def styles(xml: str) -> str:
        return _language(xml, language, country or "none")

    return _rewrite(
        odt, {"meta.xml": meta, "styles.xml": styles, "content.xml": lambda xml: _described(xml, descriptions)}
    )


def _described(xml: str, descriptions: list[str]) -> str:
    """Each picture frame with its description (``svg:desc``), read by screen readers and shown as alt text."""
    remaining = iter(descriptions)

    def frame(match: re.Match[str]) -> str:
        text = next(remaining, None)
        return (f"<svg:desc>{escape(text)}</svg:desc>" if text else "") + match.group(0)

    return _FRAME.sub(frame, xml)


def _styles(xml: str, chrome: PageChrome) -> str:
    xml = xml.replace("</office:font-face-decls>", _FONT_FACE + "</office:font-face-decls>", 1)
    for font in ("Times New Roman", "Arial"):
        xml = xml.replace(f'style:font-name="{font}"', f'style:font-name="{ODT_FONT}"')
    xml = xml.replace('fo:font-size="12pt"', 'fo:font-size="11pt"', 1)
    heading = '<style:style style:name="Heading" style:family="paragraph"'
    start = xml.index(heading)
    end = xml.index("</style:style>", start)
    xml = (
        xml[:start]
        + xml[start:end].replace(
            "<style:text-properties ", f'<style:text-properties fo:color="#{COLOURS["accent"]}" ', 1
        )
        + xml[end:]
    )
    xml = re.sub(
        r'<style:style [^>]*style:name="Heading_20_1"[^>]*(?<!/)>', r"\g<0>" + _CHAPTER_STARTS_PAGE, xml, count=1
    )
    xml = xml.replace("</office:styles>", _CONTENTS_HEADING + "</office:styles>", 1)
    if chrome.direction == "rtl":
        xml = xml.replace('style:writing-mode="page"', 'style:writing-mode="rl-tb"', 1)
    return xml


#: A chapter (a level-1 heading) starts a page, as in the DOCX and the PDF.
_CHAPTER_STARTS_PAGE = '<style:paragraph-properties fo:break-before="page" />'
#: The contents' title, which pandoc names "TOC Heading" without defining it: a chapter's heading.
_CONTENTS_HEADING = (
    '<style:style style:name="TOC Heading" style:family="paragraph" style:parent-style-name="Heading_20_1" />'
)


def _language(xml: str, language: str, country: str) -> str:
    return re.sub(
        r'fo:language="[^"]*" fo:country="[^"]*"', f'fo:language="{language}" fo:country="{country}"', xml, count=1
    )


def _rewrite(package: bytes, edits: Mapping[str, Callable[[str], str]]) -> bytes:
    """The package with ``edits`` applied to its parts, ``mimetype`` first and stored, every entry at a fixed time."""
    with zipfile.ZipFile(io.BytesIO(package)) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        names = ["mimetype", *sorted(name for name in parts if name != "mimetype")]
        for name in names:
            data = parts[name]
            if name in edits:
                data = edits[name](data.decode("utf-8")).encode("utf-8")
            info = zipfile.ZipInfo(name, _ZIP_TIME)
            stored = name == "mimetype" or name.endswith(COMPRESSED)  # pictures are compressed already
            info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, data)
    return out.getvalue()
