"""A DOCX as what it is, a zip of XML parts: edit parts and write the zip reproducibly.

pandoc's sandbox dates a DOCX 1970-01-01; ``finish`` dates it from the build instead, sets the
title and language, and rewrites the zip with fixed timestamps so that the bytes are reproducible.
It also writes custom properties (the plan's version and the fingerprint of its sources), which
``planc comments`` reads back from a reviewed copy.
"""

from __future__ import annotations

import datetime
import io
import re
import unicodedata
import zipfile
from collections.abc import Callable, Mapping
from xml.sax.saxutils import escape

from compiler.document.parts import PageChrome
from compiler.outputs import docx_body

_CUSTOM = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">{properties}</Properties>'
)
_PROPERTY = '<property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="{pid}" name="{name}"><vt:lpwstr>{value}</vt:lpwstr></property>'


def custom_properties(properties: Mapping[str, str]) -> str:
    """``docProps/custom.xml`` holding text properties (ids from 2, as Word numbers them)."""
    items = "".join(
        _PROPERTY.format(pid=pid, name=escape(name, {'"': "&quot;"}), value=escape(value))
        for pid, (name, value) in enumerate(properties.items(), start=2)
    )
    return _CUSTOM.format(properties=items)


def finish(
    docx: bytes, chrome: PageChrome, when: datetime.datetime, properties: Mapping[str, str] | None = None
) -> bytes:
    """Date, title and language the document (its tables right to left if it is), add its custom ``properties``.

    The zip entries are written reproducibly.
    """
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ")
    title, lang = chrome.title, chrome.lang

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

    edits: dict[str, Callable[[str], str]] = {
        "docProps/core.xml": core,
        "word/styles.xml": lambda xml: styles_language(xml, chrome),
    }
    edits["word/document.xml"] = lambda xml: finished_body(xml, chrome)
    if properties:
        edits["docProps/custom.xml"] = lambda _xml: custom_properties(properties)
    return rewrite(docx, edits, {}, when)


def finished_body(xml: str, chrome: PageChrome) -> str:
    """The body with its table of contents filled in, its table rows kept whole, right to left if the plan is."""
    rtl = chrome.direction == "rtl"
    xml = docx_body.keep_rows_whole(docx_body.fill_contents(xml, rtl))
    return right_to_left(xml) if rtl else xml


def styles_language(xml: str, chrome: PageChrome) -> str:
    """Declare the plan's language in the default run properties, where Word looks for it.

    Word reads ``w:eastAsia`` for Chinese, Japanese and Korean text, ``w:bidi`` for right-to-left
    text and ``w:val`` for the rest; the other two keep the defaults of pandoc's reference document.
    """
    attribute = "eastAsia" if chrome.script in _EAST_ASIAN else "bidi" if chrome.direction == "rtl" else "val"
    return re.sub(rf'(<w:lang [^>]*w:{attribute}=")[^"]*(")', rf"\g<1>{escape(chrome.lang)}\2", xml, count=1)


_EAST_ASIAN = frozenset({"Hans", "Hant", "Jpan", "Kore"})


def right_to_left(xml: str) -> str:
    """Lay tables out from the right; mark as right-to-left only the runs that hold right-to-left letters.

    pandoc makes bidi paragraphs but not bidi tables, and marks every run ``w:rtl``, which makes
    LibreOffice set digits and Latin words as complex-script text (``1,250 (2024)`` broken in two).
    """
    xml = re.sub(r"(<w:tblPr>(?:<w:tblStyle [^>]*/>)?)", r"\1<w:bidiVisual />", xml)
    return _RUN.sub(_unmark_left_to_right_run, xml)


_RUN = re.compile(r"<w:r>(?:(?!</w:r>).)*</w:r>", re.S)


def _unmark_left_to_right_run(run: re.Match[str]) -> str:
    text = "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", run.group()))
    if any(unicodedata.bidirectional(character) in ("R", "AL") for character in text):
        return run.group()
    return run.group().replace("<w:rtl />", "")


#: Parts that are compressed already (the charts' pictures): stored as they are, not deflated again.
COMPRESSED = (".png", ".jpeg", ".jpg")


def rewrite(
    data: bytes, edits: Mapping[str, Callable[[str], str]], added: dict[str, str], when: datetime.datetime
) -> bytes:
    """``data`` with ``edits`` applied to its parts and ``added`` parts, every entry dated ``when``."""
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
            info.compress_type = zipfile.ZIP_STORED if name.endswith(COMPRESSED) else zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, content)
    return out.getvalue()
