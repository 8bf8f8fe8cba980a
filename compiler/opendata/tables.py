"""The plan document cut into CSV tables: one row per object, one column per field, each with its Table Schema type.

A list of ids (a body's members, an action's objectives, owners and partners) is one cell with
the ids separated by spaces (an id never holds a space); a value that is a number or a text
(baselines, targets, milestones, measurements) has a number column and a text column, one of
them empty.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from compiler.opendata.record import Record

#: Which columns a value that is a number or a text goes to.
NUMBER, TEXT = "value", "text"


@dataclass(frozen=True)
class Column:
    """A column: its name, Table Schema type, meaning, and how a row's cell is read from a record."""

    name: str
    type: str
    description: str
    get: Callable[[Record], Any]


@dataclass(frozen=True)
class Table:
    """A CSV table: its rows come from one list of the plan document."""

    name: str
    description: str
    columns: tuple[Column, ...]
    rows: Callable[[Record], Iterator[Record]]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[tuple[str, str], ...] = ()  #: (column, table whose ``id`` it names)


def _key(name: str, kind: str = "string", description: str = "") -> Column:
    return Column(name, kind, description or name.replace("_", " "), lambda row: row.get(name))


def _ids(name: str, description: str) -> Column:
    return Column(name, "string", description + " (ids separated by spaces)", lambda row: " ".join(row.get(name, [])))


def _split(value: Any) -> tuple[float | None, str | None]:
    """A value as (number, text): one of the two is ``None``."""
    return (None, value) if isinstance(value, str) else (value, None)


def _measure_columns(prefix: str, what: str) -> tuple[Column, ...]:
    def part(name: str) -> Callable[[Record], Any]:
        def read(row: Record) -> Any:
            measure = row.get(prefix) or {}
            if name in (NUMBER, TEXT):
                return _split(measure.get("value"))[0 if name == NUMBER else 1]
            return measure.get(name)

        return read

    return (
        Column(f"{prefix}_value", "number", f"the {what} as a number", part(NUMBER)),
        Column(f"{prefix}_text", "string", f"the {what} as a text (qualitative indicators)", part(TEXT)),
        Column(f"{prefix}_year", "integer", f"the year of the {what}", part("year")),
        Column(f"{prefix}_note", "string", f"a note on the {what}", part("note")),
    )


def _numbered(section: str, inner: str, owner: str) -> Callable[[Record], Iterator[Record]]:
    """The items of each object's list (milestones, budget lines), with the owner's id and their number."""

    def rows(record: Record) -> Iterator[Record]:
        for item in record[section]:
            for number, entry in enumerate(item.get(inner, []), start=1):
                yield {**entry, owner: item["id"], "number": number}

    return rows


def _section(section: str) -> Callable[[Record], Iterator[Record]]:
    return lambda record: iter(record[section])


def _value_columns() -> tuple[Column, ...]:
    return (
        Column("value", "number", "the value as a number", lambda row: _split(row.get("value"))[0]),
        Column(
            "text", "string", "the value as a text (qualitative indicators)", lambda row: _split(row.get("value"))[1]
        ),
    )


TABLES: tuple[Table, ...] = (
    Table(
        "organisations",
        "The organisations involved in the plan.",
        (
            *map(_key, ("id", "name", "short_name", "type", "legal_form")),
            _key("signatory", "boolean", "true if it signed the plan"),
            _key("illustrative", "boolean", "true if the name is a placeholder"),
            *map(_key, ("tax_code", "vat_number", "runts_number", "ipa_code", "website", "email", "description")),
        ),
        _section("organisations"),
        ("id",),
    ),
    Table(
        "bodies",
        "The plan's governance bodies.",
        (
            _key("id"),
            _key("name"),
            _ids("members", "member organisations"),
            _key("chair"),
            _key("reports_to"),
            _key("description"),
        ),
        _section("bodies"),
        ("id",),
        (("reports_to", "bodies"),),
    ),
    Table(
        "objectives",
        "Strategic axes (no parent) and the objectives under them.",
        (_key("id"), _key("title"), _key("parent", description="the axis or objective above"), _key("description")),
        _section("objectives"),
        ("id",),
        (("parent", "objectives"),),
    ),
    Table(
        "indicators",
        "How each objective is measured: unit, baseline and target.",
        (
            *map(_key, ("id", "name", "objective", "unit")),
            _key("measured", description="level, cumulative or per-period: how measured values add up"),
            _key("direction"),
            _key("source"),
            *_measure_columns("baseline", "baseline"),
            *_measure_columns("target", "target"),
            Column(
                "target_comparator",
                "string",
                "at-least, at-most, exactly or between",
                lambda r: (r.get("target") or {}).get("comparator"),
            ),
            Column(
                "target_up_to",
                "number",
                "with between, the upper bound",
                lambda r: (r.get("target") or {}).get("up_to"),
            ),
            _key("description"),
        ),
        _section("indicators"),
        ("id",),
        (("objective", "objectives"),),
    ),
    Table(
        "milestones",
        "Intermediate values of the indicators, in order.",
        (_key("indicator"), _key("number", "integer"), *_value_columns(), _key("year", "integer"), _key("note")),
        _numbered("indicators", "milestones", "indicator"),
        ("indicator", "number"),
        (("indicator", "indicators"),),
    ),
    Table(
        "actions",
        "The plan's actions: objectives, owners, partners and dates.",
        (
            _key("id"),
            _key("title"),
            _ids("objectives", "objectives it works towards"),
            _ids("owners", "organisations or bodies that lead it"),
            _ids("partners", "partner organisations"),
            _key("start", description="start month or day"),
            _key("end", description="end month or day"),
            _key("ongoing", "boolean", "true if it has no end date"),
            _key("description"),
        ),
        _section("actions"),
        ("id",),
    ),
    Table(
        "budget_lines",
        "Each action's budget, line by line.",
        (
            _key("action"),
            _key("number", "integer"),
            _key("funder", description="the funder's id: an organisation, or a funder of the plan's list"),
            _key("amount", "number"),
            _key("status", description="secured (granted) or expected (applied for, a call not yet won)"),
        ),
        _numbered("actions", "budget", "action"),
        ("action", "number"),
        (("action", "actions"),),
    ),
    Table(
        "measurements",
        "Measured values of the indicators, period by period.",
        (
            _key("indicator"),
            _key("period", description="year, month or day the value refers to"),
            *_value_columns(),
            _key("met", "boolean", "for a qualitative indicator: whether its target is met"),
            _key("source"),
            _key("note"),
        ),
        _section("measurements"),
        ("indicator", "period"),
        (("indicator", "indicators"),),
    ),
    Table(
        "statuses",
        "Each action's status over time, with the money spent up to each date.",
        (
            _key("action"),
            _key("date", description="month or day of the status"),
            _key("status"),
            _key("spent", "number", "money spent on the action up to this date"),
            _key("note"),
        ),
        _section("statuses"),
        ("action", "date"),
        (("action", "actions"),),
    ),
)


def table_rows(table: Table, record: Record) -> Iterator[list[Any]]:
    """The table's cells, row by row, in column order (``None`` for an empty cell)."""
    for row in table.rows(record):
        yield [column.get(row) for column in table.columns]
