"""The DOCX writer: pandoc's DOCX writer with planc's reference document, then finished by planc."""

from __future__ import annotations

from pathlib import Path

from compiler.messages.diagnostics import msg
from compiler.outputs import docx_body, docx_package, docx_reference, pandoc
from compiler.outputs.ast_gate import Node
from compiler.outputs.figures import Picture, docx_figure, placeholder
from compiler.outputs.table_columns import fit_columns
from compiler.outputs.writer import Job, Writer, decorate, div_attributes, write_ast
from compiler.review.comments import SOURCES_PROPERTY, VERSION_PROPERTY

#: How many characters of table text a line of the page holds: 464.9 pt of text width over 4.5 pt,
#: the width of the widest-lettered words of Calibri/Carlito at 9 pt ("aumentare", "Budget": a word
#: must fit whole, and a word's letters are wider than the average of a line with its spaces).
TABLE_LINE_CHARACTERS = 100


def _docx_blocks(block: Node, pictures: dict[str, Picture], contents_title: str) -> list[Node]:
    if block["t"] == "Div" and div_attributes(block)[0] == "toc":
        return [docx_body.contents_block(contents_title)]
    chart = placeholder(block, pictures)
    return docx_figure(*chart) if chart is not None else [block]


class DocxWriter(Writer):
    """pandoc writes the DOCX with planc's styles; planc dates it and names its title, language and direction."""

    suffix = ".docx"
    default_reference: pandoc.Run | None = None
    run: pandoc.Run | None = None
    job: Job | None = None

    def prepare(self) -> None:
        """Ask pandoc for its default reference document, which planc's own is made from."""
        self.default_reference = pandoc.start(
            ["--print-default-data-file", "reference.docx"], self.data_dir, msg("print the default reference.docx")
        )

    def start(self, job: Job) -> None:
        """Start pandoc writing the DOCX."""
        if self.default_reference is None:
            raise RuntimeError("the DOCX writer was started before it was prepared")
        self.job = job
        reference = docx_reference.reference(self.default_reference.wait(), job.chrome)
        (self.folder / "reference.docx").write_bytes(reference)
        # No "lang" for pandoc, which would look up its own words ("Table") in translations it lacks for
        # some languages (zh, yi) and fail: ``docx_package.finish`` writes the language into the styles.
        meta: Node = {"dir": {"t": "MetaString", "c": job.chrome.direction}}
        title = job.chrome.toc_title
        blocks = decorate(
            fit_columns(job.ast["blocks"], TABLE_LINE_CHARACTERS),
            lambda block: _docx_blocks(block, job.pictures, title),
        )
        source = write_ast(job.ast, meta, blocks, self.folder / f"{self.output}.json")
        # Numbered headings as in the PDF; the Markdown marks those that are not numbered.
        options = [f"--reference-doc={self.folder / 'reference.docx'}", "--number-sections"]
        self.run = pandoc.start_writer(source, "docx", self.folder / "raw.docx", self.data_dir, options)

    def finish(self) -> Path:
        """Wait for pandoc, then date, title and language the document."""
        if self.run is None or self.job is None:
            raise RuntimeError("the DOCX writer was finished before it was started")
        self.run.wait()
        raw = (self.folder / "raw.docx").read_bytes()
        chrome = self.job.chrome
        properties = {VERSION_PROPERTY: chrome.version, SOURCES_PROPERTY: chrome.fingerprint}
        finished = docx_package.finish(raw, chrome, self.when, properties)
        (self.folder / self.output).write_bytes(finished)
        return self.folder / self.output

    def stop(self) -> None:
        """Stop pandoc."""
        for run in (self.default_reference, self.run):
            if run is not None:
                run.kill()
