"""The ODT writer: pandoc's OpenDocument writer with planc's own styles, finished reproducibly.

Italian public administrations keep editable documents in OpenDocument. The body is the DOCX's (the
same gated AST, charts as PNG pictures with their description, tables sized by their text); the
styles are pandoc's reference document restyled by planc (``odt_package.styles``): the DOCX's fonts
(Carlito, which LibreOffice has for Calibri), the theme's colours, the plan's language. ``finish``
dates and titles the document, adds planc's properties and rewrites the zip with fixed times.
"""

from __future__ import annotations

from pathlib import Path

from compiler.messages.diagnostics import msg
from compiler.outputs import odt_package
from compiler.outputs.ast_gate import Node
from compiler.outputs.figures import Picture, docx_figure, placeholder
from compiler.outputs.office import TABLE_LINE_CHARACTERS, OfficeWriter
from compiler.outputs.table_columns import fit_columns
from compiler.outputs.writer import Job, decorate


def _odt_blocks(block: Node, pictures: dict[str, Picture], described: list[str]) -> list[Node]:
    chart = placeholder(block, pictures)
    if chart is None:
        return [block]
    described.append(chart[0].chart.description)  # pandoc's ODT writer drops an image's description
    return docx_figure(*chart)


class OdtWriter(OfficeWriter):
    """pandoc writes the ODT with planc's styles; planc dates it and names its title and language."""

    suffix = ".odt"
    kind = "odt"
    printing = msg("print the default reference.odt")
    descriptions: list[str]

    def start(self, job: Job) -> None:
        """Start pandoc writing the ODT."""
        reference = odt_package.odt_reference(self.default(job), job.chrome)
        self.descriptions = []
        blocks = decorate(
            fit_columns(job.ast["blocks"], TABLE_LINE_CHARACTERS),
            lambda block: _odt_blocks(block, job.pictures, self.descriptions),
        )
        self.write(reference, {}, blocks)

    def finish(self) -> Path:
        """Wait for pandoc, then date, title and language the document."""
        raw, job, properties = self.written()
        return self.place(odt_package.finish_odt(raw, job.chrome, self.when, properties, self.descriptions))
