"""The HTML writer: one standalone page with its CSS inside and a ``<nav>`` around the contents."""

from __future__ import annotations

from pathlib import Path

from compiler import templates
from compiler.document.parts import PageChrome
from compiler.outputs import pandoc
from compiler.outputs.ast_gate import Node
from compiler.outputs.writer import Job, Writer, decorate, div_attributes, pandoc_meta, raw_block, write_ast


def _html_blocks(block: Node) -> list[Node]:
    if block["t"] == "Div" and div_attributes(block)[0] == "toc":
        return [
            raw_block("html", '<nav class="toc" aria-labelledby="toc-title">'),
            *block["c"][1],
            raw_block("html", "</nav>"),
        ]
    return [block]


class HtmlWriter(Writer):
    """pandoc's HTML5 writer with planc's page template."""

    output = "plan.html"
    run: pandoc.Run | None = None

    def start(self, job: Job) -> None:
        """Start pandoc writing the page."""
        (self.folder / "plan.html.template").write_text(page_template(), encoding="utf-8")
        meta = page_meta(job.chrome)
        source = write_ast(job.ast, meta, body_blocks(job.ast["blocks"]), self.folder / "html.json")
        self.run = pandoc.start_writer(
            source, "html5", self.folder / self.output, self.data_dir, page_options(self.folder)
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


def page_options(folder: Path) -> list[str]:
    """pandoc's options for the page, its template written in ``folder``."""
    return ["--standalone", f"--template={folder / 'plan.html.template'}", "--section-divs"]


def body_blocks(blocks: list[Node]) -> list[Node]:
    """The top-level blocks as the page has them (the contents inside a ``<nav>``)."""
    return decorate(blocks, _html_blocks)
