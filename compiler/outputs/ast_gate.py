"""The safety gate: only an allow-list of pandoc AST nodes, attributes and links reaches the writers.

``document.markdown`` already escapes everything a drafter writes, so on a real plan this gate
finds nothing to change. It is the second line: if any raw HTML/Typst/LaTeX, image, code,
math, citation, note, stray attribute or unsafe link ever appears in the AST, it is turned
into plain text (or its link dropped) and recorded, never passed on.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from compiler.document.markdown import is_safe_url

Node = dict[str, Any]

ALLOWED_CLASSES = frozenset(
    {
        "cover",
        "cover-title",
        "cover-subtitle",
        "cover-meta",
        "cover-parties",
        "toc",
        "chart",  # the placeholder of one of planc's charts: only planc's own chart ids become pictures
        "toc-title",
        "unnumbered",
        "unlisted",
        "changed",
        "changed-paren",
        "action-sheet",  # an action's card: a definition list of its facts
        "action-index",  # the index of actions (the PDF adds each sheet's page)
        "consultation",  # the consultation box of a plan in draft or under review
    }
)
ALLOWED_STYLES = frozenset({"Cover", "Title", "Subtitle", "Cover Meta", "Cover Parties", "TOC Heading", "Consultation"})
_ANCHOR = re.compile(r"(?:sec:)?[A-Za-z][A-Za-z0-9._:-]*")

_KEEP_BLOCKS = frozenset({"Plain", "Para", "BulletList", "OrderedList", "DefinitionList", "Header", "Table", "Div"})
_KEEP_INLINES = frozenset({"Str", "Space", "SoftBreak", "LineBreak", "Emph", "Strong", "Link", "Span"})


@dataclass
class Gate:
    """Walks one document; ``removed`` lists what it had to neutralise."""

    removed: list[str] = field(default_factory=list)
    anchors: set[str] = field(default_factory=set)
    internal_links: list[Node] = field(default_factory=list)
    excerpt: bool = False  #: a part of the plan: links to what it leaves out become text, as expected

    def document(self, ast: Node) -> Node:
        """Return the sanitised document (metadata is dropped: planc sets its own)."""
        blocks = self.blocks(ast["blocks"])
        self.cut_links_outside(self.anchors)  # known only now: every id of the document
        return {**ast, "meta": {}, "blocks": blocks}

    def cut_links_outside(self, anchors: set[str]) -> None:
        """Turn the internal links to an id that is not in ``anchors`` into plain text."""
        for link in self.internal_links:
            if link["t"] == "Link" and link["c"][2][0][1:] not in anchors:
                if not self.excerpt:
                    self.removed.append(f"link {link['c'][2][0]!r}")
                link["t"], link["c"] = "Span", [["", [], []], link["c"][1]]

    def blocks(self, blocks: list[Node]) -> list[Node]:
        out: list[Node] = []
        for block in blocks:
            out.extend(self.block(block))
        return out

    def inlines(self, inlines: list[Node]) -> list[Node]:
        out: list[Node] = []
        for inline in inlines:
            kind = inline["t"]
            if kind == "Str" or kind == "Space":  # noqa: PLR1714 - the common case, without a call
                out.append(inline)
            else:
                out.extend(self.inline(inline))
        return _coalesce(out)

    def block(self, block: Node) -> list[Node]:
        kind = block["t"]
        if kind not in _KEEP_BLOCKS:
            self.removed.append(kind)
            return [{"t": "Para", "c": literal(_block_text(block))}] if _block_text(block) else []
        handler = _BLOCK_HANDLERS.get(kind)
        return [handler(self, block)] if handler else [block]

    def inline(self, inline: Node) -> list[Node]:
        kind = inline["t"]
        if kind == "Str" or kind == "Space":  # noqa: PLR1714 - the common case, tested first
            return [inline]
        if kind not in _KEEP_INLINES:
            self.removed.append(kind)
            return literal(_inline_text(inline))
        handler = _INLINE_HANDLERS.get(kind)
        return handler(self, inline) if handler else [inline]

    def attributes(self, attr: list[Any]) -> list[Any]:
        identifier, classes, pairs = attr
        if identifier and not _ANCHOR.fullmatch(identifier):
            self.removed.append(f"id {identifier!r}")
            identifier = ""
        elif identifier:
            self.anchors.add(identifier)
        if not classes and not pairs:
            return [identifier, classes, pairs]
        kept_classes = [c for c in classes if c in ALLOWED_CLASSES]
        kept_pairs = [[k, v] for k, v in pairs if k == "custom-style" and v in ALLOWED_STYLES]
        if len(kept_classes) != len(classes) or len(kept_pairs) != len(pairs):
            self.removed.append("attributes")
        return [identifier, kept_classes, kept_pairs]

    def link(self, inline: Node) -> list[Node]:
        attr, content, (url, _title) = inline["c"]
        content = self.inlines(content)
        internal = url.startswith("#") and _ANCHOR.fullmatch(url[1:]) is not None
        if not internal and not is_safe_url(url):
            self.removed.append(f"link {url!r}")
            return content
        link = {"t": "Link", "c": [self.attributes(attr), content, [url, ""]]}
        if internal:
            self.internal_links.append(link)  # checked against the document's ids at the end
        return [link]


def _para(gate: Gate, block: Node) -> Node:
    return {"t": block["t"], "c": gate.inlines(block["c"])}


def _header(gate: Gate, block: Node) -> Node:
    level, attr, content = block["c"]
    return {"t": "Header", "c": [level, gate.attributes(attr), gate.inlines(content)]}


def _div(gate: Gate, block: Node) -> Node:
    attr, content = block["c"]
    return {"t": "Div", "c": [gate.attributes(attr), gate.blocks(content)]}


def _bullets(gate: Gate, block: Node) -> Node:
    return {"t": "BulletList", "c": [gate.blocks(item) for item in block["c"]]}


def _ordered(gate: Gate, block: Node) -> Node:
    attributes, items = block["c"]
    return {"t": "OrderedList", "c": [attributes, [gate.blocks(item) for item in items]]}


def _definitions(gate: Gate, block: Node) -> Node:
    items = [
        [gate.inlines(term), [gate.blocks(definition) for definition in definitions]]
        for term, definitions in block["c"]
    ]
    return {"t": "DefinitionList", "c": items}


def _table(gate: Gate, block: Node) -> Node:
    attr, caption, specs, head, bodies, foot = block["c"]
    short, long = caption
    caption = [short and gate.inlines(short), gate.blocks(long)]
    head = [gate.attributes(head[0]), [_row(gate, row) for row in head[1]]]
    bodies = [
        [gate.attributes(b[0]), b[1], [_row(gate, r) for r in b[2]], [_row(gate, r) for r in b[3]]] for b in bodies
    ]
    foot = [gate.attributes(foot[0]), [_row(gate, row) for row in foot[1]]]
    return {"t": "Table", "c": [gate.attributes(attr), caption, specs, head, bodies, foot]}


def _row(gate: Gate, row: list[Any]) -> list[Any]:
    attr, cells = row
    return [gate.attributes(attr), [[gate.attributes(c[0]), c[1], c[2], c[3], gate.blocks(c[4])] for c in cells]]


def _emphasis(gate: Gate, inline: Node) -> list[Node]:
    return [{"t": inline["t"], "c": gate.inlines(inline["c"])}]


def _span(gate: Gate, inline: Node) -> list[Node]:
    attr, content = inline["c"]
    return [{"t": "Span", "c": [gate.attributes(attr), gate.inlines(content)]}]


_BLOCK_HANDLERS: dict[str, Callable[[Gate, Node], Node]] = {
    "Plain": _para,
    "Para": _para,
    "Header": _header,
    "Div": _div,
    "BulletList": _bullets,
    "OrderedList": _ordered,
    "DefinitionList": _definitions,
    "Table": _table,
}
_INLINE_HANDLERS: dict[str, Callable[[Gate, Node], list[Node]]] = {
    "Emph": _emphasis,
    "Strong": _emphasis,
    "Span": _span,
    "Link": Gate.link,
}


def _coalesce(inlines: list[Node]) -> list[Node]:
    """Join runs of words and spaces into one ``Str``: the same text, half the JSON for the writers."""
    out: list[Node] = []
    run: list[str] = []  # the words and spaces since the last other inline
    for inline in inlines:
        kind = inline["t"]
        if kind == "Str":
            run.append(inline["c"])
        elif kind == "Space":
            run.append(" ")
        else:
            if run:
                out.append({"t": "Str", "c": "".join(run)})
                run = []
            out.append(inline)
    if run:
        out.append({"t": "Str", "c": "".join(run)})
    return out


def literal(text: str) -> list[Node]:
    """Text as ``Str`` and ``Space`` nodes, which every writer escapes."""
    out: list[Node] = []
    for index, word in enumerate(text.split(" ")):
        if index:
            out.append({"t": "Space"})
        if word:
            out.append({"t": "Str", "c": word})
    return out


def _inline_text(inline: Node) -> str:
    kind, content = inline["t"], inline.get("c", [])
    if kind in ("Code", "RawInline", "Math"):
        return str(content[1])
    if kind in ("Str",):
        return str(content)
    if kind in ("Space", "SoftBreak", "LineBreak"):
        return " "
    return _plain(content)


def _block_text(block: Node) -> str:
    kind, content = block["t"], block.get("c", [])
    if kind in ("RawBlock", "CodeBlock"):
        return " ".join(str(content[1]).split())
    return " ".join(_plain(content).split())


def plain_text(content: Any) -> str:
    """The text of any part of the AST (blocks, inlines, one node), without its markup."""
    return _plain(content)


def _plain(content: Any) -> str:
    """Every piece of text inside any node, in order."""
    if isinstance(content, dict):
        return _inline_text(content) if "t" in content else ""
    if isinstance(content, list):
        return "".join(_plain(item) for item in content)
    return ""


def sanitise(ast: Node, excerpt: bool = False) -> tuple[Node, list[str]]:
    """Return the sanitised AST and what was neutralised (empty for any plan planc rendered).

    In an ``excerpt`` of the plan, links to objects it leaves out become plain text unreported.
    """
    gate = Gate(excerpt=excerpt)
    return gate.document(ast), gate.removed
