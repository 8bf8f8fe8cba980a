"""PNRR milestones and targets as indicators of their component.

A target keeps its unit, baseline (``riferimento_di_partenza_target``) and value
(``valore_obiettivo_target``), read as Italian numbers; its direction follows the two values.
A milestone is qualitative, so it becomes a 0 → 1 indicator with the unit ``milestone``: 0 until
it is reached, 1 when it is, ``direction: increase``. Both measure against the first year of the
plan period (the source gives no baseline year) and target their deadline year.

The same code on several rows (one milestone shared by several sub-measures) is one indicator
when the rows agree on what it says, and otherwise one indicator per version (``M4C1-10``,
``M4C1-10_2``): both are noted as ``repeated-id``.
"""

from __future__ import annotations

from compiler.importers import fields
from compiler.importers.ids import valid
from compiler.importers.pnrr_rows import MET_FILE, Ids, Row
from compiler.importers.result import ImportResult, Item
from compiler.messages.diagnostics import msg

MILESTONE_UNIT = "milestone"
NO_UNIT = "unità non indicata"
SCOPES = {"UE": "traguardo europeo (UE)", "ITA": "traguardo nazionale (ITA)"}


def add(result: ImportResult, rows: list[Row], ids: Ids) -> None:
    """Add one indicator per milestone or target, in the order of their first row."""
    groups: dict[str, list[list[Row]]] = {}
    for row in rows:
        versions = groups.setdefault(row["nr_seq_mt"], [])
        same = next((version for version in versions if version[0].key == row.key), None)
        if same is None:
            versions.append([row])
        else:
            same.append(row)
    for code, versions in groups.items():
        made = [item for version in versions if (item := _indicator(code, version, ids, result))]
        result.indicators.extend(made)
        _note_repeats(code, versions, made, result)


def _note_repeats(code: str, versions: list[list[Row]], made: list[Item], result: ImportResult) -> None:
    count = sum(len(version) for version in versions)
    if count == 1:
        return
    lines = ", ".join(str(row.line) for version in versions for row in version)
    if len(versions) == 1:
        text = msg(
            "{code} is on {count} rows (lines {lines}) that agree: one indicator, the measures listed in it",
            code=code,
            count=count,
            lines=lines,
        )
    else:
        text = msg(
            "{code} is on {count} rows (lines {lines}) in {versions} versions: indicators {ids}",
            code=code,
            count=count,
            lines=lines,
            versions=len(versions),
            ids=", ".join(str(item["id"]) for item in made),
        )
    result.note("repeated-id", versions[0][0].where, text)


def _indicator(code: str, rows: list[Row], ids: Ids, result: ImportResult) -> Item | None:
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
    values = _values(code, row, result)
    if values is None:
        return None
    unit, baseline, target, direction = values
    indicator_id = ids.space.claim(code, "MT")
    if valid(code, "MT") != code:
        result.note(
            "renamed-id", row.where, msg("{code} is not a valid id: it became {id}", code=code, id=indicator_id)
        )
    item: Item = {
        "id": indicator_id,
        "name": result.text(row["nome_milestone_target"], row.where) or f"{row['milestone_target']} {code}",
        "description": result.text(_description(rows), row.where, rich=True),
        "objective": ids.components[row["componente"]],
        "unit": unit,
        "baseline": {"value": baseline, "year": result.plan["period"]["start"]},
        "target": {
            "value": target,
            "year": deadline[1][0],
            "note": f"Scadenza: {row['trimestre_di_conseguimento']} {row['anno_di_conseguimento']}",
        },
        "direction": direction,
        "source": f"Italia Domani, {MET_FILE}",
    }
    return {key: value for key, value in item.items() if value is not None}


def _values(code: str, row: Row, result: ImportResult) -> tuple[str, float, float, str | None] | None:
    """Unit, baseline, target and direction; ``None`` if the row cannot make an indicator."""
    kind = row["milestone_target"].strip().lower()
    if kind == "milestone":
        _check_milestone(code, row, result)
        return MILESTONE_UNIT, 0, 1, "increase"
    if kind != "target":
        result.note(
            "skipped-indicator",
            row.where,
            msg("{code}: “{kind}” is neither milestone nor target", code=code, kind=row["milestone_target"]),
        )
        return None
    target = _number(code, row, "valore_obiettivo_target", result)
    if target is None:
        result.note("skipped-indicator", row.where, msg("{code}: the target has no value", code=code))
        return None
    baseline = _number(code, row, "riferimento_di_partenza_target", result)
    if baseline is None:
        baseline = 0
        result.note("default-baseline", row.where, msg("{code}: no baseline value; 0 assumed", code=code))
    unit = result.text(row["unita_di_misura_target"], row.where)
    if unit is None:
        unit = NO_UNIT
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
    return unit, baseline, target, _direction(code, row, baseline, target, result)


def _direction(code: str, row: Row, baseline: float, target: float, result: ImportResult) -> str | None:
    if target > baseline:
        return "increase"
    if target < baseline:
        return "decrease"
    if target == 0:
        result.note(
            "zero-target",
            row.where,
            msg("{code}: baseline and target are both 0 (maybe “not given”): no direction", code=code),
        )
        return None
    return "maintain"


def _number(code: str, row: Row, column: str, result: ImportResult) -> float | None:
    raw = row[column]
    try:
        value = fields.number(raw)
    except ValueError:
        result.note(
            "unreadable-number",
            row.where,
            msg("{code}: {column} “{value}” is not a number", code=code, column=column, value=raw),
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


def _description(rows: list[Row]) -> str:
    row = rows[0]
    parts = [row["descrizione_specifica_di_ogni_milestone_e_target"].strip()]
    if row["indicatore_qualitativo"].strip():
        parts.append(f"**Verifica:** {row['indicatore_qualitativo'].strip()}")
    measures = ", ".join(dict.fromkeys(f"{r.measure} ({r['codice_univoco_submisura']})" for r in rows))
    scope = SCOPES.get(row["ita_ue"], row["ita_ue"] or "traguardo")
    parts.append(f"{scope[0].upper()}{scope[1:]}; misure: {measures}.")
    return "\n\n".join(part for part in parts if part)


def _is_zero(raw: str) -> bool:
    """True for the 0,00 (or missing) that milestones carry as values."""
    try:
        return not fields.number(raw)
    except ValueError:
        return False
