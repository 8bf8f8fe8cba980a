"""The DOCX writer: pandoc's DOCX writer with planc's reference document, then finished by planc."""

from __future__ import annotations

from pathlib import Path

from compiler.messages.diagnostics import msg
from compiler.outputs import docx_body, docx_package, docx_reference
from compiler.outputs.ast_gate import Node
from compiler.outputs.figures import Picture, docx_figure, placeholder
from compiler.outputs.office import TABLE_LINE_CHARACTERS, OfficeWriter
from compiler.outputs.table_columns import fit_columns
from compiler.outputs.writer import Job, decorate, div_attributes


def _docx_blocks(block: Node, pictures: dict[str, Picture], contents_title: str) -> list[Node]:
    if block["t"] == "Div" and div_attributes(block)[0] == "toc":
        return [docx_body.contents_block(contents_title)]
    chart = placeholder(block, pictures)
    return docx_figure(*chart) if chart is not None else [block]


class DocxWriter(OfficeWriter):
    """pandoc writes the DOCX with planc's styles; planc dates it and names its title, language and direction."""

    suffix = ".docx"
    kind = "docx"
    printing = msg("print the default reference.docx")

    def start(self, job: Job) -> None:
        """Start pandoc writing the DOCX."""
        reference = docx_reference.reference(self.default(job), job.chrome)
        # No "lang" for pandoc, which would look up its own words ("Table") in translations it lacks for
        # some languages (zh, yi) and fail: ``docx_package.finish`` writes the language into the styles.
        meta: Node = {"dir": {"t": "MetaString", "c": job.chrome.direction}}
        title = job.chrome.toc_title
        blocks = decorate(
            fit_columns(job.ast["blocks"], TABLE_LINE_CHARACTERS),
            lambda block: _docx_blocks(block, job.pictures, title),
        )
        self.write(reference, meta, blocks)

    def finish(self) -> Path:
        """Wait for pandoc, then date, title and language the document."""
        raw, job, properties = self.written()
        return self.place(docx_package.finish(raw, job.chrome, self.when, properties))
