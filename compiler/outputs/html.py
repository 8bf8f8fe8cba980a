"""The HTML writer: one standalone page with its CSS inside, its contents in a ``<nav>``, a permalink on
every heading and every table in a box of its own (``html_contents``, ``html_tables``)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from compiler import templates
from compiler.document.parts import PageChrome
from compiler.outputs import pandoc
from compiler.outputs.ast_gate import Node
from compiler.outputs.figures import Picture, html_figure, placeholder
from compiler.outputs.html_contents import Heading, contents_nav, contents_title, headings_in
from compiler.outputs.html_tables import boxed_table
from compiler.outputs.writer import Job, Writer, div_attributes, pandoc_meta, raw_block, write_ast

#: Where the preview, which writes the page piece by piece, puts the contents once it has every heading.
CONTENTS_MARK = "<!-- planc:contents -->"
#: A word a line must not break (breaking at its hyphen or slash): an id (``OB-1.2``, ``AZ-01``), a
#: span of years (``2025-2027``), a number with a slash. Longer words (an address) may still break.
_UNBROKEN = re.compile(r"\w[-‐/][\w.]*\d|\d[-‐/]\w")
_UNBROKEN_LENGTH = 30
#: A word kept on the line of the word before it, in the drafters' text too: a year (``gennaio 2026``),
#: a currency or per cent sign after its number (``12.000 €``).
_JOINED = re.compile(r"(\d{4}|[€%‰$£])[.,;:)]*")
_NO_BREAK_SPACE = {"t": "Str", "c": "\u00a0"}
#: What every word ``_UNBROKEN`` or ``_JOINED_IN_TEXT`` finds holds.
_DIGIT_OR_SIGN = re.compile(r"[\d€%‰$£]")
#: The same inside one piece of text that holds spaces (the monitoring report's cells).
_JOINED_IN_TEXT = re.compile(r"(?<=\S) (?=(?:\d{4}|[€%‰$£])(?!\w))")


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


def body_blocks(blocks: list[Node], pictures: dict[str, Picture] | None = None, *, whole: bool = True) -> list[Node]:
    """The blocks as the page has them: the contents in a ``<nav>``, planc's charts drawn, permalinks
    on the headings, tables boxed, ids and spans of years kept on one line. ``whole=False`` (the
    preview, which writes the page piece by piece): ``CONTENTS_MARK`` instead of the contents, for
    ``contents_blocks`` once every heading is known."""
    headings = headings_in(blocks) if whole else None
    page: list[Node] = unbroken(_page_blocks(blocks, pictures or {}, headings))
    return page


def contents_blocks(headings: list[Heading], title: list[Node]) -> list[Node]:
    """The contents' ``<nav>`` as ``body_blocks`` puts it in the page."""
    nav: list[Node] = unbroken(contents_nav(headings, title))
    return nav


def unbroken(node: Any) -> Any:
    """The AST with each word that must stay on one line (``_UNBROKEN``) in a ``<span class="unbroken">``,
    and a no-break space before a year or a unit sign (``_JOINED``). A node with nothing to change is
    kept as it is (not copied): a plan of a thousand actions has about a million nodes."""
    if isinstance(node, list):
        return _unbroken_list(node)
    return _unbroken_node(node) if isinstance(node, dict) else node


def _unbroken_list(items: list[Any]) -> list[Any]:
    """``unbroken`` of each item; the list itself when no item changes (a ``Str`` may become several)."""
    out: list[Any] | None = None
    for index, item in enumerate(items):
        if isinstance(item, dict):
            new = _joined(items, index) if item.get("t") == "Space" else _unbroken_node(item)
            new = item if new is None else new
        else:
            new = _unbroken_list(item) if isinstance(item, list) else item
        if new is not item and out is None:
            out = items[:index]
        if out is None:
            continue
        if isinstance(new, list) and isinstance(item, dict):  # a Str split up
            out.extend(new)
        else:
            out.append(new)
    return items if out is None else out


def _unbroken_node(node: Node) -> Node | list[Node]:
    kind = node.get("t")
    if kind == "Str":
        return _unbroken_words(node)
    if kind in _WITHOUT_WORDS or "c" not in node:
        return node
    content = unbroken(node["c"])
    return node if content is node["c"] else {"t": kind, "c": content}


def _unbroken_words(node: Node) -> Node | list[Node]:
    """A ``Str`` (after the gate, a run of words with spaces) with each word that must stay whole in its
    own ``<span class="unbroken">``; the node itself when nothing changes."""
    if _DIGIT_OR_SIGN.search(node["c"]) is None:  # most words: nothing to keep together
        return node
    text = _JOINED_IN_TEXT.sub("\u00a0", node["c"])
    out: list[Node] = []
    plain = 0
    for word in re.finditer(r"[^ ]+", text):
        if len(word.group(0)) <= _UNBROKEN_LENGTH and _UNBROKEN.search(word.group(0)):
            if word.start() > plain:
                out.append({"t": "Str", "c": text[plain : word.start()]})
            out.append({"t": "Span", "c": [["", ["unbroken"], []], [{"t": "Str", "c": word.group(0)}]]})
            plain = word.end()
    if not out:
        return node if text == node["c"] else {"t": "Str", "c": text}
    if plain < len(text):
        out.append({"t": "Str", "c": text[plain:]})
    return out


#: Nodes with no text for ``unbroken`` to change (code and raw markup are written as they are).
_WITHOUT_WORDS = frozenset({"Space", "SoftBreak", "LineBreak", "Code", "CodeBlock", "Math", "RawInline", "RawBlock"})


def _joined(inlines: list[Any], index: int) -> Node | None:
    """A no-break space for the space at ``index``, if the word after it is a year or a unit sign."""
    item = inlines[index]
    if not isinstance(item, dict) or item.get("t") != "Space" or not 0 < index < len(inlines) - 1:
        return None
    before, after = inlines[index - 1], inlines[index + 1]
    if before.get("t") == "Str" and after.get("t") == "Str" and _JOINED.fullmatch(after["c"]):
        return dict(_NO_BREAK_SPACE)
    return None


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
    """The ``<nav>`` of the contents, made from the page's headings (or the preview's mark for it)."""
    if headings is None:
        return [raw_block("html", CONTENTS_MARK)]
    return contents_nav(headings, contents_title([toc]) or [])


def with_permalink(header: Node) -> Node:
    """A heading with a link to itself at its end: an empty ``<a>`` whose ``#`` CSS shows.

    It is hidden from screen readers and the Tab key, so that a heading's name stays its own text;
    the contents' entry for the heading is the same link, reachable both ways."""
    level, attr, content = header["c"]
    if not attr[0]:
        return header
    pairs = [["aria-hidden", "true"], ["tabindex", "-1"]]
    link = {"t": "Link", "c": [["", ["permalink"], pairs], [], [f"#{attr[0]}", ""]]}
    return {"t": "Header", "c": [level, attr, [*content, link]]}
