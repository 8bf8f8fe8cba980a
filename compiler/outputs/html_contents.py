"""The HTML page's table of contents, made from the page's own headings down to the actions.

The Markdown's ``toc`` div gives the title (``Indice``); its list is left to the other formats.
Here every heading of levels 1 to 3 (chapters, axes and sections, objectives and actions) becomes
an entry, so the contents always match the headings. On a wide screen the list is a column at the
side (``plan.css``); on a narrower one a bar at the top that a tap opens (a ``<details>``, no script).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from compiler.outputs.ast_gate import Node
from compiler.outputs.writer import div_attributes, raw_block

#: The deepest heading level listed: 1 chapters, 2 axes and sections, 3 objectives and actions.
DEPTH = 3


@dataclass(frozen=True)
class Heading:
    """One heading as the contents list it: level, id, its text (JSON inlines)."""

    level: int
    identifier: str
    inlines: str
    numbered: bool = True  #: pandoc numbers it (``--number-sections``); a plan object's heading is ``.unnumbered``


def headings_in(blocks: list[Node]) -> list[Heading]:
    """The headings the contents list, in order (inside divs too)."""
    found: list[Heading] = []
    for block in blocks:
        if block["t"] == "Header":
            level, (identifier, classes, _pairs), content = block["c"]
            if level <= DEPTH and identifier and "unlisted" not in classes:
                inlines = json.dumps(_entry(content), ensure_ascii=False)
                found.append(Heading(level, identifier, inlines, "unnumbered" not in classes))
        elif block["t"] == "Div":
            found.extend(headings_in(block["c"][1]))
    return found


def contents_title(blocks: list[Node]) -> list[Node] | None:
    """The inlines of the contents' title in the Markdown's ``toc`` div, if the blocks hold it."""
    for block in blocks:
        if block["t"] == "Div" and div_attributes(block)[0] == "toc":
            for inner in block["c"][1]:
                if inner["t"] == "Div" and div_attributes(inner)[0] == "toc-title":
                    return [inline for part in inner["c"][1] for inline in part["c"]]
            return []
    return None


def contents_nav(headings: list[Heading], title: list[Node]) -> list[Node]:
    """The ``<nav>``: a ``<details>`` whose summary is the title (it opens the list on a narrow screen;
    ``plan.css`` keeps it open on a wide one) and the nested list."""
    return [
        raw_block("html", '<nav id="toc" class="toc" aria-labelledby="toc-title">\n<details class="toc-fold">'),
        raw_block("html", '<summary id="toc-title">'),
        {"t": "Plain", "c": title},
        raw_block("html", "</summary>"),
        *_nested(numbered(headings)),
        raw_block("html", "</details>\n</nav>"),
    ]


def numbered(headings: list[Heading]) -> list[Heading]:
    """The headings with their section numbers before their text, as pandoc numbers the page's headings
    (so that an entry reads as its heading: ``1.2 Missione``)."""
    counters = [0] * DEPTH
    out = []
    for heading in headings:
        if not heading.numbered:
            out.append(heading)
            continue
        counters[heading.level - 1] += 1
        counters[heading.level :] = [0] * (DEPTH - heading.level)
        number = ".".join(str(n) for n in counters[: heading.level])
        span = {"t": "Span", "c": [["", ["header-section-number"], []], [{"t": "Str", "c": number}]]}
        inlines = json.dumps([span, {"t": "Space"}, *json.loads(heading.inlines)], ensure_ascii=False)
        out.append(Heading(heading.level, heading.identifier, inlines, heading.numbered))
    return out


def _nested(headings: list[Heading]) -> list[Node]:
    """The headings as nested bullet lists, each entry a link."""
    items: list[list[Node]] = []
    index = 0
    while index < len(headings):
        heading = headings[index]
        end = index + 1
        while end < len(headings) and headings[end].level > heading.level:
            end += 1
        target = [f"#{heading.identifier}", ""]
        link = {"t": "Link", "c": [["", ["toc-entry"], []], json.loads(heading.inlines), target]}
        items.append([{"t": "Plain", "c": [link]}, *_nested(headings[index + 1 : end])])
        index = end
    return [{"t": "BulletList", "c": items}] if items else []


def _entry(inlines: list[Node]) -> list[Node]:
    """A heading's text for the contents: links and anchors unwrapped, marks of change and permalinks left out."""
    out: list[Node] = []
    for inline in inlines:
        kind, content = inline["t"], inline.get("c", [])
        if kind == "Link":
            if "permalink" not in content[0][1]:
                out.extend(_entry(content[1]))
        elif kind == "Span":
            if "changed" not in content[0][1]:
                out.extend(_entry(content[1]))
        elif kind in ("Emph", "Strong"):
            out.append({"t": kind, "c": _entry(content)})
        else:
            out.append(inline)
    return _trimmed(out)


def _trimmed(inlines: list[Node]) -> list[Node]:
    """The inlines without the space left at their end (before a mark of change)."""
    while inlines and inlines[-1]["t"] == "Space":
        inlines.pop()
    if inlines and inlines[-1]["t"] == "Str" and inlines[-1]["c"].endswith(" "):
        inlines[-1] = {"t": "Str", "c": inlines[-1]["c"].rstrip(" ")}
    return inlines
