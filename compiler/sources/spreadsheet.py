"""Read a table a spreadsheet saved as CSV, the Italian way, as a plan file of one list section.

Italian spreadsheets save CSV with ``;`` between cells, a decimal comma and dates as
``30/06/2025``, in UTF-8 with or without a BOM. The first row names the columns with the same
keys as the YAML (``indicator;period;value;source;note`` for measurements,
``action;date;status;note;spent`` for action statuses); every other row becomes one item of
the section, and remembers its row and column (the spreadsheet's, counted from 1), so that
the schema and the rules report a mistake at ``file:row:column`` like any other.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from compiler.messages.diagnostics import Diagnostic, Text, Where, msg
from compiler.messages.suggest import did_you_mean
from compiler.sources import codes
from compiler.sources.source_file import SourceFile

#: The columns of each kind of table, in the order the documentation lists them.
TABLE_COLUMNS: dict[str, tuple[str, ...]] = {
    "measurements": ("indicator", "period", "value", "met", "source", "note"),
    "statuses": ("action", "date", "status", "note", "spent"),
}
#: The column whose presence says which kind of table a file is.
_KIND_BY_COLUMN = {"indicator": "measurements", "action": "statuses"}
_NUMBERS = frozenset({"value", "spent"})
_FLAGS_COLUMNS = frozenset({"met"})
_FLAGS = {"sì": True, "si": True, "yes": True, "true": True, "vero": True, "no": False, "false": False, "falso": False}
_PLAIN = re.compile(r"-?\d+(?:,\d+)?")
_GROUPED = re.compile(r"-?\d{1,3}(?:\.\d{3})+,\d+|-?\d{1,3}(?:\.\d{3}){2,}")
#: Money has at most two decimals, so in an amount ``2.800`` can only be two thousand eight hundred.
_GROUPED_MONEY = re.compile(r"-?\d{1,3}(?:\.\d{3})+")
_MONEY = frozenset({"spent"})
_NUMBER_LIKE = re.compile(r"-?[\d.,]*\d[\d.,]*")
_ITALIAN_DAY = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
_ITALIAN_MONTH = re.compile(r"(\d{1,2})/(\d{4})")


@dataclass
class _Table:
    file: str
    source: SourceFile
    section: str = ""
    header: list[str] = field(default_factory=list)
    items: list[dict[str, Any]] = field(default_factory=list)
    problems: list[Diagnostic] = field(default_factory=list)


def parse_table(text: str, file: str) -> tuple[SourceFile | None, list[Diagnostic]]:
    """The rows of one CSV table as a plan file, or ``None`` with the problems that stopped the reading."""
    table = _Table(file, SourceFile(file, {}, text))
    rows = _rows(text, table)
    for line, cells in rows:
        if not table.header:
            if not _read_header(table, line, cells):
                return None, table.problems
            continue
        _read_row(table, line, cells)
    if not table.header:
        return None, [codes.EMPTY_FILE.at(Where(file), msg("The table is empty."), _header_hint())]
    table.source.data = {table.section: table.items}
    table.source.values[(table.section,)] = (1, 1)
    return table.source, table.problems


def _rows(text: str, table: _Table) -> Iterator[tuple[int, list[str]]]:
    """Each non-empty row with the line it starts on; a broken quote ends the reading with a problem."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=";", strict=True)
    line = 1
    try:
        for cells in reader:
            if any(cell.strip() for cell in cells):
                yield line, cells
            line = reader.line_num + 1
    except csv.Error as problem:
        table.problems.append(
            codes.CSV_ROW.at(
                Where(table.file, line),
                msg("This row cannot be read ({detail}); the rows after it were not read.", detail=str(problem)),
                msg(
                    "A cell that holds a quote mark or a “;” must be wrapped in double quotes, with inner quotes doubled."
                ),
            )
        )


def _header_hint() -> Text:
    choices = tuple(" ; ".join(columns) for columns in TABLE_COLUMNS.values())
    return msg("The first row names the columns, separated by “;”: {choices}.", choices=choices)


def _read_header(table: _Table, line: int, cells: list[str]) -> bool:
    names = [cell.strip().lower() for cell in cells]
    kinds = [_KIND_BY_COLUMN[name] for name in names if name in _KIND_BY_COLUMN]
    if len(kinds) != 1:
        separator = len(cells) == 1 and "," in cells[0]
        message = (
            msg("The cells of this table are separated by commas; planc reads tables separated by “;”.")
            if separator
            else msg(
                "The first row does not say whether the table holds measurements (an “indicator” column) "
                "or action statuses (an “action” column), one of the two."
            )
        )
        table.problems.append(codes.CSV_HEADER.at(Where(table.file, line), message, _header_hint()))
        return False
    table.section = kinds[0]
    known = TABLE_COLUMNS[table.section]
    for column, name in enumerate(names, start=1):
        if name in known and name not in names[: column - 1]:
            continue
        table.problems.append(
            codes.CSV_HEADER.at(
                Where(table.file, line, column),
                msg("“{name}” is not a column of this table, or it is named twice.", name=cells[column - 1].strip()),
                did_you_mean(name, list(known), msg("Columns: {choices}.", choices=known)),
            )
        )
        names[column - 1] = ""  # its cells are left out
    table.header = names
    return True


def _read_row(table: _Table, line: int, cells: list[str]) -> None:
    if len(cells) > len(table.header) and any(cell.strip() for cell in cells[len(table.header) :]):
        table.problems.append(
            codes.CSV_ROW.at(
                Where(table.file, line, len(table.header) + 1),
                msg(
                    "This row has {cells} cells, but the first row names {columns} columns: the row was not read.",
                    cells=len(cells),
                    columns=len(table.header),
                ),
                msg("Delete the extra cells; a value that holds a “;” must be wrapped in double quotes."),
            )
        )
        return
    item: dict[str, Any] = {}
    path = (table.section, len(table.items))
    for column, (name, cell) in enumerate(zip(table.header, cells, strict=False), start=1):
        value = cell.strip()
        if not name or not value:
            continue
        typed = _typed(table, name, value, Where(table.file, line, column))
        if typed is None:
            return  # a number that could be misread: the row is left out, the problem says why
        item[name] = typed
        table.source.values[(*path, name)] = (line, column)
    table.source.values[path] = (line, 1)
    table.items.append(item)


def _typed(table: _Table, name: str, value: str, where: Where) -> Any:
    """A cell as the YAML would have it: numbers, true/false and ISO dates from the Italian forms."""
    if name in _FLAGS_COLUMNS:
        return _FLAGS.get(value.lower(), value)
    if name in ("period", "date"):
        return _iso_date(value)
    if name not in _NUMBERS or not _NUMBER_LIKE.fullmatch(value):
        return value
    if _PLAIN.fullmatch(value) or _GROUPED.fullmatch(value) or (name in _MONEY and _GROUPED_MONEY.fullmatch(value)):
        number = value.replace(".", "").replace(",", ".")
        return float(number) if "." in number else int(number)
    table.problems.append(
        codes.CSV_NUMBER.at(
            where,
            msg("“{value}” could be read as two different numbers: the row was not read.", value=value),
            msg("Write numbers with a decimal comma and no thousands separator: 1234 or 1234,5."),
        )
    )
    return None


def _iso_date(value: str) -> str:
    """``30/06/2025`` → ``2025-06-30`` and ``06/2025`` → ``2025-06`` (Italian order: day, month, year)."""
    day = _ITALIAN_DAY.fullmatch(value)
    if day:
        return f"{day.group(3)}-{int(day.group(2)):02d}-{int(day.group(1)):02d}"
    month = _ITALIAN_MONTH.fullmatch(value)
    if month:
        return f"{month.group(2)}-{int(month.group(1)):02d}"
    return value
