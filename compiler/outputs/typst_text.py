"""Plan text as literal Typst text: escape what pandoc 3.9's Typst writer leaves as markup.

pandoc escapes Typst markup at the start of a paragraph, but not where Typst also starts a line
of markup: a list item, a table cell, a heading, a caption, and every content block
(``#emph[…]``, ``#link(…)[…]``, ``[$title$]`` in the template). There ``= ``, ``- ``, ``+ ``,
``/ ``, ``1. `` become headings, lists or term lists. Inside any text, ``-?`` (a soft hyphen),
``--`` (a dash), ``...`` (an ellipsis) and straight quotes (which Typst curls) do not show what
was written.
This pass, run on the gated AST only for the Typst writer, turns each such character into a
Typst escape (``\\=``, ``\\?``, ``\\"``): planc's own fixed markup, never plan text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from compiler.outputs.ast_gate import Node

#: What Typst reads as block markup at the start of a line (after optional spaces).
_LINE_START = re.compile(r"(\s*)(?:([=+/-])|(\d+)(\.))")
#: What Typst reads as markup anywhere in text: a soft hyphen, dashes, an ellipsis, quotes (which
#: it curls). pandoc escapes the rest, and would escape dashes too, but its ``smart`` extension,
#: which planc turns off, also rewrites ``’`` and ``—`` as ``'`` and ``---``.
_ANYWHERE = re.compile(r"-([-?])|(\.)\.\.|([\"'])")
#: Inlines that pandoc writes as a content block (``#emph[…]``): their text starts a line.
_CONTENT_BLOCKS = frozenset({"Emph", "Strong", "Underline", "Strikeout", "SmallCaps", "Superscript", "Subscript"})
_BREAKS = frozenset({"SoftBreak", "LineBreak"})


def escaped(character: str) -> Node:
    """A character as a Typst escape: shown as itself, never read as markup."""
    return {"t": "RawInline", "c": ["typst", "\\" + character]}


def _text(text: str) -> list[Node]:
    out: list[Node] = []
    position = 0
    while (match := _ANYWHERE.search(text, position)) is not None:
        group = match.lastindex or 0  # the character to escape: a search goes on right after it
        if match.start(group) > position:
            out.append({"t": "Str", "c": text[position : match.start(group)]})
        out.append(escaped(match.group(group)))
        position = match.end(group)
    if position < len(text):
        out.append({"t": "Str", "c": text[position:]})
    return out


def _string(text: str, line_start: bool) -> list[Node]:
    """One ``Str``, with its Typst markup escaped; ``line_start`` if Typst starts a line here."""
    found = _LINE_START.match(text) if line_start else None
    if found is None:
        return _text(text)
    spaces, marker, digits, dot = found.groups()
    head: list[Node] = [{"t": "Str", "c": spaces}] if spaces else []
    if marker is not None:
        head.append(escaped(marker))
    else:
        head += [{"t": "Str", "c": digits}, escaped(dot)]
    return head + _text(text[found.end() :])


def escape_inlines(nodes: list[Node], line_start: bool = True) -> list[Node]:
    """A run of inlines with every piece of Typst markup in its text escaped."""
    out: list[Node] = []
    for node in nodes:
        kind = node["t"]
        if kind == "Str":
            out.extend(_string(node["c"], line_start))
            line_start = line_start and not node["c"].strip()
        else:
            out.append(_inline(node, line_start))
            line_start = kind in _BREAKS or (kind == "Space" and line_start)
    return out


def _inline(node: Node, line_start: bool) -> Node:
    kind = node["t"]
    if kind in _CONTENT_BLOCKS:
        return {"t": kind, "c": escape_inlines(node["c"])}
    if kind == "Link":
        attr, content, target = node["c"]
        return {"t": kind, "c": [attr, escape_inlines(content), target]}
    if kind == "Span":  # written inline, without brackets: the line goes on
        attr, content = node["c"]
        return {"t": kind, "c": [attr, escape_inlines(content, line_start)]}
    return node


def escape_blocks(nodes: list[Node]) -> list[Node]:
    """Blocks with every piece of Typst markup in their text escaped."""
    return [escape_block(node) for node in nodes]


def escape_block(node: Node) -> Node:
    """One block (and everything inside it) with its text escaped."""
    escape = _BLOCKS.get(node["t"])
    return {"t": node["t"], "c": escape(node["c"])} if escape else node


def _header(content: list[Any]) -> list[Any]:
    level, attr, text = content
    return [level, attr, escape_inlines(text)]


def _table(content: list[Any]) -> list[Any]:
    attr, (short, long), specs, head, bodies, foot = content
    caption = [short and escape_inlines(short), escape_blocks(long)]

    def rows(items: list[Any]) -> list[Any]:
        return [[row[0], [[*cell[:4], escape_blocks(cell[4])] for cell in row[1]]] for row in items]

    bodies = [[body[0], body[1], rows(body[2]), rows(body[3])] for body in bodies]
    return [attr, caption, specs, [head[0], rows(head[1])], bodies, [foot[0], rows(foot[1])]]


_BLOCKS: dict[str, Callable[[Any], Any]] = {
    "Plain": escape_inlines,
    "Para": escape_inlines,
    "Header": _header,
    "Div": lambda content: [content[0], escape_blocks(content[1])],
    "BulletList": lambda items: [escape_blocks(item) for item in items],
    "OrderedList": lambda content: [content[0], [escape_blocks(item) for item in content[1]]],
    "Table": _table,
    "DefinitionList": lambda items: [[escape_inlines(term), [escape_blocks(d) for d in defs]] for term, defs in items],
}


def escape_meta(value: Node) -> Node:
    """A ``MetaInlines`` value (the template puts it in a content block) with its text escaped."""
    return {"t": value["t"], "c": escape_inlines(value["c"])} if value["t"] == "MetaInlines" else value
