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
from compiler.outputs import odt_package, pandoc
from compiler.outputs.ast_gate import Node
from compiler.outputs.docx import TABLE_LINE_CHARACTERS
from compiler.outputs.figures import Picture, docx_figure, placeholder
from compiler.outputs.table_columns import fit_columns
from compiler.outputs.writer import Job, Writer, decorate, write_ast
from compiler.review.comments import SOURCES_PROPERTY, VERSION_PROPERTY


def _odt_blocks(block: Node, pictures: dict[str, Picture], described: list[str]) -> list[Node]:
    chart = placeholder(block, pictures)
    if chart is None:
        return [block]
    described.append(chart[0].chart.description)  # pandoc's ODT writer drops an image's description
    return docx_figure(*chart)


class OdtWriter(Writer):
    """pandoc writes the ODT with planc's styles; planc dates it and names its title and language."""

    suffix = ".odt"
    default_reference: pandoc.Run | None = None
    run: pandoc.Run | None = None
    job: Job | None = None
    descriptions: list[str]

    def prepare(self) -> None:
        """Ask pandoc for its default reference document, which planc's own is made from."""
        self.default_reference = pandoc.start(
            ["--print-default-data-file", "reference.odt"], self.data_dir, msg("print the default reference.odt")
        )

    def start(self, job: Job) -> None:
        """Start pandoc writing the ODT."""
        if self.default_reference is None:
            raise RuntimeError("the ODT writer was started before it was prepared")
        self.job = job
        reference = odt_package.odt_reference(self.default_reference.wait(), job.chrome)
        (self.folder / "reference.odt").write_bytes(reference)
        self.descriptions = []
        blocks = decorate(
            fit_columns(job.ast["blocks"], TABLE_LINE_CHARACTERS),
            lambda block: _odt_blocks(block, job.pictures, self.descriptions),
        )
        source = write_ast(job.ast, {}, blocks, self.folder / f"{self.output}.json")
        options = [f"--reference-doc={self.folder / 'reference.odt'}", "--number-sections"]
        self.run = pandoc.start_writer(source, "odt", self.folder / "raw.odt", self.data_dir, options)

    def finish(self) -> Path:
        """Wait for pandoc, then date, title and language the document."""
        if self.run is None or self.job is None:
            raise RuntimeError("the ODT writer was finished before it was started")
        self.run.wait()
        chrome = self.job.chrome
        properties = {VERSION_PROPERTY: chrome.version, SOURCES_PROPERTY: chrome.fingerprint}
        raw = (self.folder / "raw.odt").read_bytes()
        finished = odt_package.finish_odt(raw, chrome, self.when, properties, self.descriptions)
        (self.folder / self.output).write_bytes(finished)
        return self.folder / self.output

    def stop(self) -> None:
        """Stop pandoc."""
        for run in (self.default_reference, self.run):
            if run is not None:
                run.kill()
