"""PNRR milestones and targets read as steps: a deadline, and a name (milestone) or unit and values (target).

The same code on several rows (one milestone shared by several sub-measures) is one step when the
rows agree on what it says, and otherwise one step per version: both are noted as ``repeated-id``.
A target's values are Italian numbers (``1.234,5``); a milestone carries ``0,00`` or nothing as
values, and anything else it carries is noted and left out.
"""

from __future__ import annotations

from dataclasses import dataclass

from compiler.importers import fields
from compiler.importers.pnrr_rows import Row
from compiler.importers.result import ImportResult
from compiler.messages.diagnostics import msg

NO_UNIT = "unità non indicata"
MILESTONE, TARGET = "milestone", "target"


@dataclass(frozen=True)
class PnrrStep:
    """One milestone or target (one version of its code), with what planc needs of it."""

    code: str
    rows: tuple[Row, ...]
    kind: str
    deadline: tuple[int, int]  #: year and first month of the quarter
    unit: str | None = None
    baseline: float | None = None
    value: float | None = None

    @property
    def first(self) -> Row:
        return self.rows[0]

    @property
    def quarter(self) -> str:
        """The deadline as published: ``Q3 2026``."""
        return f"{self.first['trimestre_di_conseguimento']} {self.first['anno_di_conseguimento']}".strip()


def read_steps(rows: list[Row], result: ImportResult) -> list[PnrrStep]:
    """Every milestone and target that can be read, one per version of its code, in the order of their first row."""
    groups: dict[str, list[list[Row]]] = {}
    for row in rows:
        versions = groups.setdefault(row["nr_seq_mt"], [])
        same = next((version for version in versions if version[0].key == row.key), None)
        if same is None:
            versions.append([row])
        else:
            same.append(row)
    found: list[PnrrStep] = []
    for code, versions in groups.items():
        _note_repeats(code, versions, result)
        found.extend(step for version in versions if (step := _step(code, version, result)))
    return found


def _note_repeats(code: str, versions: list[list[Row]], result: ImportResult) -> None:
    count = sum(len(version) for version in versions)
    if count == 1:
        return
    lines = ", ".join(str(row.line) for version in versions for row in version)
    if len(versions) == 1:
        text = msg(
            "{code} is on {count} rows (lines {lines}) that agree: read once, the measures listed with it",
            code=code,
            count=count,
            lines=lines,
        )
    else:
        text = msg(
            "{code} is on {count} rows (lines {lines}) in {versions} versions: each read on its own",
            code=code,
            count=count,
            lines=lines,
            versions=len(versions),
        )
    result.note("repeated-id", versions[0][0].where, text)


def _step(code: str, rows: list[Row], result: ImportResult) -> PnrrStep | None:
    row = rows[0]
    deadline = fields.quarter(row["trimestre_di_conseguimento"], row["anno_di_conseguimento"])
    if deadline is None:
        quarter = f"{row['trimestre_di_conseguimento']} {row['anno_di_conseguimento']}"
        result.note(
            "skipped-indicator",
            row.where,
            msg("{code}: the deadline “{deadline}” cannot be read", code=code, deadline=quarter),
        )
        return None
    kind = row["milestone_target"].strip().lower()
    if kind == MILESTONE:
        _check_milestone(code, row, result)
        return PnrrStep(code, tuple(rows), MILESTONE, deadline[0])
    if kind != TARGET:
        result.note(
            "skipped-indicator",
            row.where,
            msg("{code}: “{kind}” is neither milestone nor target", code=code, kind=row["milestone_target"]),
        )
        return None
    value = _number(code, row, "valore_obiettivo_target", result)
    if value is None:
        result.note("skipped-indicator", row.where, msg("{code}: the target has no value", code=code))
        return None
    unit = _unit(code, row, result)
    baseline = _number(code, row, "riferimento_di_partenza_target", result)
    return PnrrStep(code, tuple(rows), TARGET, deadline[0], unit, baseline, value)


def _unit(code: str, row: Row, result: ImportResult) -> str:
    unit = result.text(row["unita_di_misura_target"], row.where)
    if unit is not None:
        return unit
    result.note(
        "missing-unit",
        row.where,
        msg(
            "{code}: no unit (“{unit}”); written “{written}”",
            code=code,
            unit=row["unita_di_misura_target"],
            written=NO_UNIT,
        ),
    )
    return NO_UNIT


def _number(code: str, row: Row, column: str, result: ImportResult) -> float | None:
    raw = row[column]
    try:
        value = fields.number(raw)
    except ValueError:
        result.note(
            "unreadable-number",
            row.where,
            msg("{code}: {column} “{raw}” is not a number", code=code, column=column, raw=raw),
        )
        return None
    if value is None:
        result.handled[msg("missing markers read as no value ({column})", column=column)] += 1
        return None
    if fields.is_italian_number(raw):
        result.handled[msg("Italian numbers read (1.234,5 → 1234.5)")] += 1
    return int(value) if value.is_integer() else value


def _check_milestone(code: str, row: Row, result: ImportResult) -> None:
    """Milestones carry 0,00 (or nothing) as values; anything else is noted, not used."""
    cells = {column: row[column] for column in ("riferimento_di_partenza_target", "valore_obiettivo_target")}
    extra = [f"{column} “{raw}”" for column, raw in cells.items() if not _is_zero(raw)]
    unit = row["unita_di_misura_target"]
    if not fields.is_missing(unit):
        extra.append(f"unit “{unit}”")
    if extra:
        result.note(
            "milestone-values-ignored",
            row.where,
            msg("{code} is a milestone; ignored {columns}", code=code, columns=", ".join(extra)),
        )
    elif fields.is_missing(unit) and unit:
        result.handled[msg("missing markers read as no value ({column})", column="unita_di_misura_target")] += 1


def _is_zero(raw: str) -> bool:
    """True for the 0,00 (or missing) that milestones carry as values."""
    try:
        return not fields.number(raw)
    except ValueError:
        return False
