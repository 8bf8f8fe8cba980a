"""What the DOCX and ODT writers share: pandoc's default reference document (which planc restyles),
pandoc writing the package, and the package's bytes handed to planc's finishing."""

from __future__ import annotations

from pathlib import Path

from compiler.messages.diagnostics import Text
from compiler.outputs import pandoc
from compiler.outputs.ast_gate import Node
from compiler.outputs.writer import Job, Writer, write_ast
from compiler.review.comments import SOURCES_PROPERTY, VERSION_PROPERTY

#: How many characters of table text a line of the page holds: 464.9 pt of text width over 4.5 pt,
#: the width of the widest-lettered words of Calibri/Carlito at 9 pt ("aumentare", "Budget": a word
#: must fit whole, and a word's letters are wider than the average of a line with its spaces).
TABLE_LINE_CHARACTERS = 100


class OfficeWriter(Writer):
    """A word processor's package written by pandoc (``kind``: ``docx`` or ``odt``) with planc's styles."""

    kind = ""
    #: What pandoc is doing while it prints its default reference document (for a failure's message).
    printing: Text
    default_reference: pandoc.Run | None = None
    run: pandoc.Run | None = None
    job: Job | None = None

    def prepare(self) -> None:
        """Ask pandoc for its default reference document, which planc's own is made from."""
        self.default_reference = pandoc.start(
            ["--print-default-data-file", f"reference.{self.kind}"], self.data_dir, self.printing
        )

    def default(self, job: Job) -> bytes:
        """pandoc's default reference document (the writer keeps ``job`` for ``finish``)."""
        if self.default_reference is None:
            raise RuntimeError(f"the {self.kind} writer was started before it was prepared")
        self.job = job
        return self.default_reference.wait()

    def write(self, reference: bytes, meta: Node, blocks: list[Node]) -> None:
        """Start pandoc writing ``blocks`` with planc's ``reference`` document; headings numbered as in
        the PDF (the Markdown marks those that are not)."""
        if self.job is None:
            raise RuntimeError(f"the {self.kind} writer was started before it was prepared")
        (self.folder / f"reference.{self.kind}").write_bytes(reference)
        source = write_ast(self.job.ast, meta, blocks, self.folder / f"{self.output}.json")
        options = [f"--reference-doc={self.folder / f'reference.{self.kind}'}", "--number-sections"]
        self.run = pandoc.start_writer(source, self.kind, self.folder / f"raw.{self.kind}", self.data_dir, options)

    def written(self) -> tuple[bytes, Job, dict[str, str]]:
        """Wait for pandoc: the package it wrote, the job, and planc's properties to put in it."""
        if self.run is None or self.job is None:
            raise RuntimeError(f"the {self.kind} writer was finished before it was started")
        self.run.wait()
        chrome = self.job.chrome
        properties = {VERSION_PROPERTY: chrome.version, SOURCES_PROPERTY: chrome.fingerprint}
        return (self.folder / f"raw.{self.kind}").read_bytes(), self.job, properties

    def place(self, finished: bytes) -> Path:
        """Write the finished package as the output."""
        (self.folder / self.output).write_bytes(finished)
        return self.folder / self.output

    def stop(self) -> None:
        """Stop pandoc."""
        for run in (self.default_reference, self.run):
            if run is not None:
                run.kill()
