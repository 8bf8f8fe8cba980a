"""The output formats planc writes, each by one writer module, in the order their work starts."""

from __future__ import annotations

from compiler.outputs.docx import DocxWriter
from compiler.outputs.html import HtmlWriter
from compiler.outputs.odt import OdtWriter
from compiler.outputs.pdf import PdfWriter
from compiler.outputs.writer import Writer

#: Format name → its writer. The PDF starts first: Typst runs after pandoc, so it is the longest.
WRITERS: dict[str, type[Writer]] = {"pdf": PdfWriter, "html": HtmlWriter, "docx": DocxWriter, "odt": OdtWriter}

#: The formats, in the order users name them.
FORMATS: tuple[str, ...] = ("html", "docx", "odt", "pdf")
#: The formats ``planc build`` writes when not told which (ODT on request: ``--to odt``).
DEFAULT_FORMATS: tuple[str, ...] = ("html", "docx", "pdf")
