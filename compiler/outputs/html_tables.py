"""Tables in the HTML page: each in its own box, and each row readable as a card on a phone.

On a narrow screen (``plan.css``) a table of a few columns becomes one card per row: the row's
first filled cell is the card's title, every other cell shows its column's header before its
value (the ``data-label`` set here, shown by CSS only, so that a screen reader still reads the
table as a table). A table of many columns (a matrix) stays a grid and scrolls inside its box, never
the page. What the labels say comes from the table's own header row: planc's words or plan text,
written by pandoc as an escaped attribute.
"""

from __future__ import annotations

from typing import Any

from compiler.outputs.ast_gate import Node, plain_text

#: Tables of this many columns or fewer become cards on a phone; wider ones scroll in their box.
CARD_COLUMNS = 8


def boxed_table(table: Node) -> Node:
    """The table in its box, its body cells labelled with their column's header."""
    attr, caption, specs, head, bodies, foot = table["c"]
    labels = _labels(head)
    cards = bool(labels) and len(specs) <= CARD_COLUMNS
    if cards:
        bodies = [[body[0], body[1], _labelled(body[2], labels), _labelled(body[3], labels)] for body in bodies]
    labelled = {"t": "Table", "c": [attr, caption, specs, head, bodies, foot]}
    return {"t": "Div", "c": [["", ["table-box", "cards" if cards else "grid"], []], [labelled]]}


def _labels(head: list[Any]) -> list[str]:
    """The text of each column's header (its last header row), or nothing for a table without one."""
    rows = head[1]
    if not rows:
        return []
    labels: list[str] = []
    for cell in rows[-1][1]:
        labels.extend([" ".join(plain_text(cell[4]).split())] * cell[3])  # a header cell spanning columns
    return labels


def _labelled(rows: list[Any], labels: list[str]) -> list[Any]:
    """The rows with ``data-label`` on each cell but the first filled one, which titles the card."""
    out = []
    for row_attr, cells in rows:
        titled = False
        column = 0
        labelled_cells = []
        for cell in cells:
            cell_attr, alignment, row_span, col_span, content = cell
            if not titled and content:
                titled = True
            elif column < len(labels) and labels[column]:
                identifier, classes, pairs = cell_attr
                cell_attr = [identifier, classes, [*pairs, ["data-label", labels[column]]]]
            labelled_cells.append([cell_attr, alignment, row_span, col_span, content])
            column += col_span
        out.append([row_attr, labelled_cells])
    return out
