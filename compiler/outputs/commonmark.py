"""planc's Markdown read by pandoc's CommonMark reader, which takes it in less than half the time
of pandoc's Markdown reader and gives the same AST.

planc's Markdown (``NAME.md``, which a user may give to pandoc) is pandoc Markdown. Of what it uses,
CommonMark lacks two things, both about pipe tables: the caption written after a table (``: …``)
and the relative column widths pandoc takes from the dashes of the separator line when a line of
the table is longer than the columns it reads at (60, as planc reads). ``prepared`` puts each
table in a div that carries the dashes of its columns, with its caption in a div of its own after
it; ``restored`` turns each such div back into the table pandoc's Markdown reader would have made.
Only planc's template writes a line that starts with ``|`` or ``:`` (plan text escapes both), so
every table found here is one of planc's.
"""

from __future__ import annotations

import re

from compiler.outputs.ast_gate import Node

#: pandoc's CommonMark reader with what planc's Markdown uses: headings with ids, divs, spans,
#: pipe tables, definition lists (action sheets). Raw HTML is off: it is text.
READER = "commonmark-raw_html+attributes+bracketed_spans+definition_lists+fenced_divs+pipe_tables"
#: The columns planc reads at: a table with a longer line gets widths from its separator line.
_COLUMNS = 60

_TABLE = "planc-table"
_CAPTION = "planc-caption"
_SEPARATOR_CELL = re.compile(r"\s*(:?-+:?)\s*")


def prepared(markdown: str) -> str:
    """The Markdown with each pipe table and its caption wrapped for ``restored``."""
    lines = markdown.split("\n")
    out: list[str] = []
    index = 0
    while index < len(lines):
        end = _table_end(lines, index)
        if end == index:
            out.append(lines[index])
            index += 1
            continue
        index = _wrap(lines, index, end, out)
    return "\n".join(out)


def _table_end(lines: list[str], start: int) -> int:
    """Where the pipe table that starts at ``start`` ends (``start`` itself when none starts there)."""
    if not lines[start].startswith("|") or (start and lines[start - 1].startswith("|")):
        return start
    if start + 1 >= len(lines) or _dashes(lines[start + 1]) is None:
        return start
    end = start + 2
    while end < len(lines) and lines[end].startswith("|"):
        end += 1
    return end


def _dashes(line: str) -> list[int] | None:
    """The length of each cell of a separator line (``|:----|---:|``), or None if it is not one."""
    cells = line.strip().removeprefix("|").removesuffix("|").split("|")
    found = [_SEPARATOR_CELL.fullmatch(cell) for cell in cells]
    return [len(match.group(1)) for match in found if match] if all(found) else None


def _wrap(lines: list[str], start: int, end: int, out: list[str]) -> int:
    """Append the table ``lines[start:end]`` wrapped, with its caption; return the line after both."""
    wide = any(len(line) > _COLUMNS for line in lines[start:end])
    dashes = _dashes(lines[start + 1]) or []
    widths = f' widths="{" ".join(map(str, dashes))}"' if wide else ""
    out += [f"::: {{.{_TABLE}{widths}}}", *lines[start:end], ""]
    after = end + 1 if end < len(lines) and not lines[end].strip() else end
    if after < len(lines) and lines[after].startswith(": "):
        caption = [lines[after][2:]]
        after += 1
        while after < len(lines) and lines[after].strip():
            caption.append(lines[after])
            after += 1
        out += [f"::: {_CAPTION}", *caption, ":::"]
        end = after
    out += [":::"]
    return end


def restored(blocks: list[Node]) -> list[Node]:
    """The blocks with each wrapped table made the table pandoc's Markdown reader makes."""
    out: list[Node] = []
    for block in blocks:
        if block["t"] != "Div":
            out.append(block)
            continue
        (identifier, classes, attributes), content = block["c"]
        if classes == [_TABLE]:
            out.append(_table(content, dict(attributes)))
        else:
            out.append({"t": "Div", "c": [[identifier, classes, attributes], restored(content)]})
    return out


def _table(content: list[Node], attributes: dict[str, str]) -> Node:
    """The table in ``content`` with the caption after it and the widths in ``attributes``."""
    table, *rest = content
    _attr, caption, columns, *body = table["c"]
    if rest:
        (paragraph,) = rest[0]["c"][1]
        caption = [None, [{"t": "Plain", "c": paragraph["c"]}]]
    if "widths" in attributes:
        widths = _widths([int(number) for number in attributes["widths"].split()])
        columns = [[align, {"t": "ColWidth", "c": width}] for (align, _old), width in zip(columns, widths, strict=True)]
    return {"t": "Table", "c": [table["c"][0], caption, columns, *body]}


def _widths(dashes: list[int]) -> list[float]:
    """Each column's share of the dashes, as pandoc computes it: shares whose sum rounds to more
    than 1 are divided by that sum (the same floating-point steps, so the same numbers)."""
    shares = [length / sum(dashes) for length in dashes]
    total = sum(shares)
    return [share / total for share in shares] if total > 1 else shares
