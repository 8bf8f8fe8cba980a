"""The HTML writer: one standalone page with its CSS inside and a ``<nav>`` around the contents."""

from __future__ import annotations

from pathlib import Path

from compiler import templates
from compiler.outputs import pandoc
from compiler.outputs.ast_gate import Node
from compiler.outputs.figures import Picture, html_figure, placeholder
from compiler.outputs.writer import Job, Writer, decorate, div_attributes, pandoc_meta, raw_block, write_ast


def _html_blocks(block: Node, pictures: dict[str, Picture]) -> list[Node]:
    chart = placeholder(block, pictures)
    if chart is not None:
        return html_figure(*chart)
    if block["t"] == "Div" and div_attributes(block)[0] == "toc":
        return [
            raw_block("html", '<nav class="toc" aria-labelledby="toc-title">'),
            *block["c"][1],
            raw_block("html", "</nav>"),
        ]
    return [block]


class HtmlWriter(Writer):
    """pandoc's HTML5 writer with planc's page template."""

    suffix = ".html"
    run: pandoc.Run | None = None

    def start(self, job: Job) -> None:
        """Start pandoc writing the page."""
        template = templates.text("plan.html").replace("/* planc:css */", templates.text("plan.css"))
        (self.folder / f"{self.output}.template").write_text(template, encoding="utf-8")
        chrome = job.chrome
        meta = pandoc_meta(
            chrome,
            pagetitle=chrome.title,
            draft_mark=chrome.draft_mark,
            draft_note=chrome.draft_note,
            skip_label=chrome.skip_label,
            footer_note=chrome.footer_note,
        )
        blocks = decorate(job.ast["blocks"], lambda block: _html_blocks(block, job.pictures))
        source = write_ast(job.ast, meta, blocks, self.folder / "html.json")
        options = ["--standalone", f"--template={self.folder / (self.output + '.template')}", "--section-divs"]
        self.run = pandoc.start_writer(source, "html5", self.folder / self.output, self.data_dir, options)

    def finish(self) -> Path:
        """Wait for pandoc."""
        if self.run is not None:
            self.run.wait()
        return self.folder / self.output

    def stop(self) -> None:
        """Stop pandoc."""
        if self.run is not None:
            self.run.kill()
