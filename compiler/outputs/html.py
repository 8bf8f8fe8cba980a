"""The HTML writer: one standalone page with its CSS inside and a ``<nav>`` around the contents."""

from __future__ import annotations

from pathlib import Path

from compiler import templates
from compiler.document.parts import PageChrome
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
        template = self.folder / f"{self.output}.template"
        template.write_text(page_template(), encoding="utf-8")
        blocks = body_blocks(job.ast["blocks"], job.pictures)
        source = write_ast(job.ast, page_meta(job.chrome), blocks, self.folder / f"{self.output}.json")
        self.run = pandoc.start_writer(
            source, "html5", self.folder / self.output, self.data_dir, page_options(template)
        )

    def finish(self) -> Path:
        """Wait for pandoc."""
        if self.run is not None:
            self.run.wait()
        return self.folder / self.output

    def stop(self) -> None:
        """Stop pandoc."""
        if self.run is not None:
            self.run.kill()


def page_template() -> str:
    """pandoc's template of the page, with planc's CSS inside."""
    return templates.text("plan.html").replace("/* planc:css */", templates.text("plan.css"))


def page_meta(chrome: PageChrome) -> Node:
    """The metadata the page template prints (title, language, draft banner, footer)."""
    return pandoc_meta(
        chrome,
        pagetitle=chrome.title,
        draft_mark=chrome.draft_mark,
        draft_note=chrome.draft_note,
        skip_label=chrome.skip_label,
        footer_note=chrome.footer_note,
    )


def page_options(template: Path) -> list[str]:
    """pandoc's options for the page, with the page template written at ``template``.

    Headings are numbered as in the PDF: the Markdown marks the ones that are not (a plan object's
    heading, whose id is its number) ``.unnumbered``.
    """
    return ["--standalone", f"--template={template}", "--section-divs", "--number-sections"]


def body_blocks(blocks: list[Node], pictures: dict[str, Picture] | None = None) -> list[Node]:
    """The top-level blocks as the page has them (the contents inside a ``<nav>``, planc's charts drawn)."""
    return decorate(blocks, lambda block: _html_blocks(block, pictures or {}))
