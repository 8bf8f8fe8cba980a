"""The HTML writer: one standalone page with its CSS inside, its contents in a ``<nav>``, a permalink on
every heading and every table in a box of its own (``html_contents``, ``html_tables``)."""

from __future__ import annotations

from pathlib import Path

from compiler import templates
from compiler.document.parts import PageChrome
from compiler.outputs import pandoc
from compiler.outputs.ast_gate import Node
from compiler.outputs.figures import Picture, html_figure, placeholder
from compiler.outputs.html_contents import Heading, contents_nav, contents_title, headings_in
from compiler.outputs.html_tables import boxed_table
from compiler.outputs.writer import Job, Writer, div_attributes, pandoc_meta, raw_block, write_ast

#: The id of the one element that names every permalink (``plan.html``): the words are said once.
PERMALINK_LABEL = "permalink-label"


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
        permalink_label=chrome.permalink_label,
    )


def page_options(template: Path) -> list[str]:
    """pandoc's options for the page, with the page template written at ``template``."""
    return ["--standalone", f"--template={template}", "--section-divs"]


def body_blocks(blocks: list[Node], pictures: dict[str, Picture] | None = None, *, whole: bool = True) -> list[Node]:
    """The blocks as the page has them: the contents in a ``<nav>``, planc's charts drawn, permalinks
    on the headings, tables boxed. ``whole=False`` (the preview, which writes the page piece by piece
    and so never has every heading at once): the Markdown's own contents list in the ``<nav>``."""
    headings = headings_in(blocks) if whole else None
    return _page_blocks(blocks, pictures or {}, headings)


def _page_blocks(blocks: list[Node], pictures: dict[str, Picture], headings: list[Heading] | None) -> list[Node]:
    out: list[Node] = []
    for block in blocks:
        chart = placeholder(block, pictures)
        if chart is not None:
            out.extend(html_figure(*chart))
        elif block["t"] == "Header":
            out.append(with_permalink(block))
        elif block["t"] == "Table":
            out.append(boxed_table(block))
        elif block["t"] == "Div" and div_attributes(block)[0] == "toc":
            out.extend(_contents(block, headings))
        elif block["t"] == "Div":
            out.append({"t": "Div", "c": [block["c"][0], _page_blocks(block["c"][1], pictures, headings)]})
        else:
            out.append(block)
    return out


def _contents(toc: Node, headings: list[Heading] | None) -> list[Node]:
    """The ``<nav>`` of the contents: made from the page's headings, or the Markdown's list around it."""
    if headings is not None:
        return contents_nav(headings, contents_title([toc]) or [])
    return [
        raw_block("html", '<nav class="toc" aria-labelledby="toc-title">'),
        *toc["c"][1],
        raw_block("html", "</nav>"),
    ]


def with_permalink(header: Node) -> Node:
    """A heading with a link to itself at its end: an empty ``<a>`` that CSS shows on hover and focus."""
    level, attr, content = header["c"]
    if not attr[0]:
        return header
    link = {"t": "Link", "c": [["", ["permalink"], [["aria-labelledby", PERMALINK_LABEL]]], [], [f"#{attr[0]}", ""]]}
    return {"t": "Header", "c": [level, attr, [*content, link]]}
