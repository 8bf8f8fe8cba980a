"""Column widths for the PDF's tables, from what their cells hold: no column narrower than its longest word.

pandoc gives a pipe table the widths of its Markdown dashes, which know nothing of the text: a
column of units got 7 % of the page and "procedimenti" ran into the next column. Typst does not
break a word that does not fit, so the widths are set here, as a browser lays out a table: each
column gets at least its longest unbreakable piece of text, and what is left of the line goes to
the columns with the most text. Lengths are counted in characters (a bold header's a little
wider; an ideograph twice): an estimate that only has to rank the columns and keep the words in.
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from collections.abc import Iterator
from typing import Any

from compiler.outputs.ast_gate import Node

#: How many characters of table text a line of the page holds, a little fewer than the 131 of an
#: average line of Italian in Libertinus Serif at 8.5 pt (3.54 pt each) on 16.4 cm.
LINE_CHARACTERS = 126
#: A cell's padding (4 pt on each side), in characters.
PADDING = 2.3
#: Bold header text is about this much wider than the body's.
BOLD = 1.1
#: A table whose rows all take at most this many lines (about a third of a page of table text) keeps
#: each row on one page; a taller row may break, or it would run off the page.
ROW_LINES_KEPT = 20
#: The class of the div around a table whose rows are kept whole.
ROWS_WHOLE = "table-rows-whole"
#: A table of at most this many lines (caption and header included: about half a page) is kept whole
#: on one page; estimated here, as measuring every table in Typst made a long plan's PDF several times slower.
TABLE_LINES_KEPT = 24
#: The class added to ``ROWS_WHOLE`` for such a table.
TABLE_WHOLE = "table-whole"
#: Where a line may break inside a run of text: spaces (not no-break ones), and after a hyphen joining two words.
_BREAK = re.compile(r"[^\S\u00a0\u2007\u202f]+|(?<=\w-)(?=[^\W\d])")
#: Wide characters (ideographs, kana, hangul, full-width forms): a line may break at each.
_WIDE = re.compile(r"[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]")


def fit_columns(blocks: list[Node], line: float = LINE_CHARACTERS) -> list[Node]:
    """``blocks`` with every table (in them or in their divs) that pandoc sized by its dashes sized by its text.

    ``line``: how many characters of table text a line holds in the format. New nodes where
    something changes: the AST is the other writers' too.
    """
    return [_fitted_block(block, line) for block in blocks]


def _fitted_block(block: Node, line: float) -> Node:
    if block["t"] == "Div":
        return {"t": "Div", "c": [block["c"][0], fit_columns(block["c"][1], line)]}
    if block["t"] == "Table" and all(spec[1]["t"] == "ColWidth" for spec in block["c"][2]):
        cells = _cell_texts(block)
        specs = _fitted(block["c"][2], cells, line)
        table = {"t": "Table", "c": [*block["c"][:2], specs, *block["c"][3:]]}
        shares = [spec[1]["c"] for spec in specs]
        lines = [_row_lines(texts, shares, line) for texts, _weight in cells]
        if max(lines) > ROW_LINES_KEPT:
            return table
        whole = [TABLE_WHOLE] if sum(lines) + 2 <= TABLE_LINES_KEPT else []  # + 2: the caption
        return {"t": "Div", "c": [["", [ROWS_WHOLE, *whole], []], [table]]}
    return block


def _cell_texts(table: Node) -> list[tuple[list[str], float]]:
    """The text of each cell of each row (read once: sizing and estimating both use it), with the row's weight."""
    return [([_text(cell[4]) for cell in row[1]], weight) for row, weight in _rows(table)]


def _row_lines(texts: list[str], shares: list[float], line: float) -> int:
    """About how many lines the tallest cell of a row takes, its column being ``shares`` of the line."""
    tallest = 1
    for text, share in zip(texts, shares, strict=False):
        tallest = max(tallest, _lines(text, max(1.0, share * line - PADDING)))
    return tallest


def text_lines(blocks: list[Any], room: float) -> int:
    """About how many lines ``blocks`` take on a line of ``room`` characters (each paragraph at least one)."""
    return _lines(_text(blocks), room)


def _lines(text: str, room: float) -> int:
    return sum(max(1, math.ceil(_width(part) / room)) for part in text.rstrip("\n").split("\n"))


def _fitted(specs: list[list[Any]], cells: list[tuple[list[str], float]], line: float) -> list[list[Any]]:
    """The column specifications of a table, with widths from its cells' text."""
    least = [PADDING] * len(specs)
    most = [PADDING] * len(specs)
    for texts, weight in cells:
        for index, text in enumerate(texts[: len(specs)]):
            least[index] = max(least[index], PADDING + weight * max(map(_unbreakable, _BREAK.split(text))))
            most[index] = max(most[index], PADDING + weight * max(map(_width, text.split("\n"))))
    shares = widths(least, most, line)
    return [[spec[0], {"t": "ColWidth", "c": width}] for spec, width in zip(specs, shares, strict=True)]


def widths(least: list[float], most: list[float], line: float = LINE_CHARACTERS) -> list[float]:
    """Each column's share of the line: at least ``least``, the rest in proportion to how much more it could use."""
    spare = line - sum(least)
    if spare <= 0:
        shares = least
    else:
        wanted = [high - low for low, high in zip(least, most, strict=True)]
        extra = sum(wanted)
        if extra <= spare:  # every cell fits on one line: what is left goes where the text is
            shares = [high + (spare - extra) * high / sum(most) for high in most]
        else:
            shares = [low + spare * want / extra for low, want in zip(least, wanted, strict=True)]
    whole = sum(shares)
    return [share / whole for share in shares]


def _rows(table: Node) -> Iterator[tuple[list[Any], float]]:
    """Every row of a table, with the weight of its text (the header's is bold)."""
    _attr, _caption, _specs, head, bodies, foot = table["c"]
    for row in head[1]:
        yield row, BOLD
    for body in bodies:
        for row in [*body[2], *body[3]]:
            yield row, 1.0
    for row in foot[1]:
        yield row, 1.0


def _width(text: str) -> float:
    """How wide a piece of text is, in characters: ideographs and other wide characters count twice."""
    return float(len(text)) if text.isascii() else sum(map(_character_width, text))


@functools.cache
def _character_width(character: str) -> float:
    return 2.0 if unicodedata.east_asian_width(character) in "WF" else 1.0


def _unbreakable(piece: str) -> float:
    """The widest part of a piece of text that no line break may split (a line breaks at any ideograph)."""
    runs = _WIDE.split(piece)
    return max(2.0 if _WIDE.search(piece) else 0.0, *map(_width, runs))


def _text(content: object) -> str:
    """The text of a cell's blocks, each paragraph ending with a line break."""
    if isinstance(content, list):
        return "".join(map(_text, content))
    if not isinstance(content, dict):
        return ""
    kind, inner = content.get("t"), content.get("c")
    if kind == "Str":
        return str(inner)
    if kind == "RawInline" and isinstance(inner, list):
        return str(inner[1]).lstrip("\\")  # a character Typst would read as markup, escaped by planc
    before = {"Space": " ", "SoftBreak": " ", "LineBreak": "\n"}.get(str(kind), "")
    return before + _text(inner) + ("\n" if kind in ("Para", "Plain") else "")
