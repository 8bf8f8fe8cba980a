"""The preview's HTML page, built piece by piece: only the pieces whose Markdown changed go to pandoc.

The Markdown is cut before every heading (in planc's Markdown a heading always follows a blank
line, and nothing refers across pieces but internal links, which the gate checks against the
ids of all the pieces together). Each piece is read, gated and written by a warm pandoc, and
remembered by its text; the page puts the pieces' ``<section>``s back inside one another the way
pandoc's ``--section-divs`` does for the whole document, into the page template of a build. The
page's ``<main>`` is the same HTML as ``plan.html``'s (a test compares them).
"""

from __future__ import annotations

import json
import re
import shutil
import tempfile
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from compiler.document.parts import PageChrome
from compiler.outputs import pandoc
from compiler.outputs.ast_gate import Gate, Node
from compiler.outputs.html import CONTENTS_MARK, body_blocks, contents_blocks, page_meta, page_options, page_template
from compiler.outputs.html_contents import Heading, contents_title, headings_in
from compiler.outputs.writer import raw_block, write_ast
from compiler.preview.warm import WarmPandoc

_PIECE_START = re.compile(r"(?<=\n\n)(?=#{1,6} )")
_SECTION = re.compile(r'<section id="[^"]*" class="level(\d)')
_BODY_MARK = "<!-- planc:preview-body -->"


@dataclass(frozen=True)
class Piece:
    """One piece of the document: its HTML, the ids it defines and the ids its links go to, the
    headings the contents list and, in the piece that has them, the contents' title (JSON inlines)."""

    html: str
    anchors: frozenset[str]
    targets: frozenset[str]
    headings: tuple[Heading, ...] = ()
    contents_title: str | None = None


#: The section numbers before a piece (one counter per heading level), when its heading is numbered.
Offset = tuple[int, ...]
#: A piece as remembered: its numbers (empty when its heading is not numbered) and its Markdown.
Key = tuple[Offset, str]
_HEADING_LINE = re.compile(r"^(#{1,6}) .*$", re.MULTILINE)


def number_offsets(texts: list[str]) -> list[Offset]:
    """For each piece, the section numbers before it, as pandoc's ``--number-sections`` counts them
    for the whole document; ``()`` for a piece whose heading is not numbered (its HTML does not depend on them)."""
    counters = [0] * 6
    offsets: list[Offset] = []
    for text in texts:
        heading = _HEADING_LINE.match(text)
        numbered = heading is not None and not re.search(r"\{[^{}]*\.unnumbered[^{}]*\}\s*$", heading.group(0))
        offsets.append(tuple(counters) if numbered else ())
        if heading is not None and numbered:
            level = len(heading.group(1))
            counters[level - 1] += 1
            counters[level:] = [0] * (6 - level)
    return offsets


def _offset_meta(offset: Offset) -> Node:
    return {"planc-number-offset": {"t": "MetaList", "c": [{"t": "MetaString", "c": str(n)} for n in offset]}}


def pieces_of(markdown: str) -> list[str]:
    """Cut planc's Markdown before each heading."""
    return _PIECE_START.split(markdown)


class PageBuilder:
    """Builds the preview page, remembering each piece and the page around them."""

    def __init__(self, workers: int = 2) -> None:
        self.scratch = Path(tempfile.mkdtemp(prefix="planc-preview-"))
        self.warm = [WarmPandoc(self.scratch) for _ in range(max(1, workers))]
        self.pool = ThreadPoolExecutor(len(self.warm), thread_name_prefix="planc-pandoc")
        self.pieces: dict[Key, Piece] = {}
        self.frames: dict[PageChrome, tuple[str, str]] = {}
        self.api_version: list[int] = []
        self.contents: dict[tuple[tuple[Heading, ...], str], str] = {}

    def page(self, markdown: str, chrome: PageChrome) -> str:
        """The whole HTML page of this Markdown, as ``planc build`` would write it."""
        texts = pieces_of(markdown)
        keys = list(zip(number_offsets(texts), texts, strict=True))
        missing = list(dict.fromkeys(key for key in keys if key not in self.pieces))
        shares = [missing[number :: len(self.warm)] for number in range(len(self.warm))]
        for made in self.pool.map(self._make, self.warm, shares):
            self.pieces.update(made)
        self.pieces = {key: self.pieces[key] for key in keys}  # forget pieces no longer there
        anchors = frozenset().union(*(piece.anchors for piece in self.pieces.values()))
        fragments = (self._html(key, anchors) for key in keys)
        before, after = self._frame(chrome)
        body = nest(fragments)
        if CONTENTS_MARK in body:
            body = body.replace(CONTENTS_MARK, self._contents(), 1)
        return before + "\n" + body + "\n" + after

    def close(self) -> None:
        """Stop the warm pandoc processes and remove the scratch folder."""
        self.pool.shutdown()
        for warm in self.warm:
            warm.close()
        shutil.rmtree(self.scratch, ignore_errors=True)

    def _make(self, warm: WarmPandoc, keys: list[Key]) -> dict[Key, Piece]:
        if not keys:
            return {}
        texts = [text for _offset, text in keys]
        # One read and one write for all the pieces: each call costs pandoc milliseconds of setup.
        together = self._read(warm, "".join(text if text.endswith("\n\n") else text + "\n\n" for text in texts))
        apart = split_blocks(together, texts) or [self._read(warm, text) for text in texts]
        gates = [Gate() for _ in texts]
        gated = [gate.blocks(blocks) for gate, blocks in zip(gates, apart, strict=True)]
        fragments = self._write(warm, gated, [offset for offset, _text in keys])
        return {
            key: Piece(
                html,
                frozenset(gate.anchors),
                frozenset(link["c"][2][0][1:] for link in gate.internal_links),
                tuple(headings_in(blocks)),
                _json_or_none(contents_title(blocks)),
            )
            for key, gate, blocks, html in zip(keys, gates, gated, fragments, strict=True)
        }

    def _contents(self) -> str:
        """The contents' ``<nav>`` from every piece's headings, written once for each set of headings."""
        headings = tuple(heading for piece in self.pieces.values() for heading in piece.headings)
        title = next((piece.contents_title for piece in self.pieces.values() if piece.contents_title), "[]")
        if (headings, title) not in self.contents:
            blocks = contents_blocks(list(headings), json.loads(title))
            ast = {"pandoc-api-version": self.api_version, "meta": {}, "blocks": blocks}
            self.contents = {(headings, title): self.warm[0].write_html([ast])[0]}
        return self.contents[(headings, title)]

    def _read(self, warm: WarmPandoc, text: str) -> list[Node]:
        ast = warm.read(text)
        self.api_version = ast["pandoc-api-version"]
        blocks: list[Node] = ast["blocks"]
        return blocks

    def _gated(self, warm: WarmPandoc, text: str) -> tuple[Gate, list[Node]]:
        gate = Gate()
        return gate, gate.blocks(self._read(warm, text))

    def _write(self, warm: WarmPandoc, pieces: list[list[Node]], offsets: list[Offset]) -> list[str]:
        version = self.api_version
        return warm.write_html(
            [
                {"pandoc-api-version": version, "meta": _offset_meta(offset), "blocks": body_blocks(b, whole=False)}
                for b, offset in zip(pieces, offsets, strict=True)
            ]
        )

    def _html(self, key: Key, anchors: frozenset[str]) -> str:
        """A piece's HTML; an internal link to an id that no piece has becomes text, as in a build."""
        piece = self.pieces[key]
        if piece.targets <= anchors:
            return piece.html
        gate, blocks = self._gated(self.warm[0], key[1])  # rare: a fresh copy, the remembered one stays
        gate.cut_links_outside(set(anchors))
        return self._write(self.warm[0], [blocks], [key[0]])[0]

    def _frame(self, chrome: PageChrome) -> tuple[str, str]:
        """The page around the body (template, CSS, banner, footer), made once per chrome."""
        if chrome not in self.frames:
            if not self.api_version:
                self._gated(self.warm[0], "")
            folder = Path(tempfile.mkdtemp(dir=self.scratch))
            (folder / "plan.html.template").write_text(page_template(), encoding="utf-8")
            ast = {"pandoc-api-version": self.api_version, "meta": {}, "blocks": []}
            source = write_ast(ast, page_meta(chrome), [raw_block("html", _BODY_MARK)], folder / "frame.json")
            output = folder / "frame.html"
            pandoc.start_writer(
                source, "html5", output, self.scratch, page_options(folder / "plan.html.template")
            ).wait()
            before, _mark, after = output.read_text(encoding="utf-8").partition(_BODY_MARK)
            self.frames = {chrome: (before.rstrip("\n"), after.lstrip("\n"))}
        return self.frames[chrome]


def split_blocks(blocks: list[Node], texts: list[str]) -> list[list[Node]] | None:
    """The blocks of pieces read together, piece by piece: each piece but the document's first
    starts with its one top-level heading. ``None`` if the headings do not match the pieces."""
    starts = [number for number, block in enumerate(blocks) if block["t"] == "Header"]
    headed = [text.startswith("#") for text in texts]
    if len(starts) != sum(headed) or not all(headed[1:]):
        return None
    if headed[0]:
        starts = starts or [0]
        if starts[0] != 0:
            return None
    else:
        starts = [0, *starts]
    return [blocks[begin:end] for begin, end in zip(starts, [*starts[1:], len(blocks)], strict=True)]


def nest(fragments: Iterable[str]) -> str:
    """Join the pieces' HTML, each heading's ``<section>`` inside the one of the heading above it."""
    parts: list[str] = []
    open_levels: list[int] = []
    for fragment in fragments:
        found = _SECTION.match(fragment)
        if not found:
            parts.append(fragment)
            continue
        level = int(found.group(1))
        while open_levels and open_levels[-1] >= level:
            open_levels.pop()
            parts.append("</section>")
        parts.append(fragment.removesuffix("</section>").rstrip("\n"))  # closed by a later heading
        open_levels.append(level)
    parts.extend("</section>" for _ in open_levels)
    return "\n".join(parts)


def _json_or_none(inlines: list[Node] | None) -> str | None:
    return None if inlines is None else json.dumps(inlines, ensure_ascii=False)
