"""PNRR measures (investments and reforms) as actions: owner, partners, dates from their deadlines.

An action runs from the first month of the quarter of its measure's earliest milestone or target
to the last month of the quarter of its latest one (``Q2 2024`` → starts ``2024-04``, ends
``2024-06``). A measure with several owning administrations is led by all of them jointly (each
is accountable for its own sub-measures), the one on most rows first.
"""

from __future__ import annotations

import re
from collections import Counter

from compiler.importers import fields
from compiler.importers.pnrr_rows import Ids, Row
from compiler.importers.result import ImportResult, Item
from compiler.messages.diagnostics import msg
from compiler.model import natural_key

_KIND = re.compile(r"M\d+(?:C\d+)?([IR])")
KINDS = {"I": "Investimento", "R": "Riforma"}


def add(result: ImportResult, rows: list[Row], ids: Ids) -> None:
    """Add one action per measure, in code order."""
    measures: dict[str, list[Row]] = {}
    for row in rows:
        measures.setdefault(row.measure, []).append(row)
    swapped = sum(1 for row in rows if row.swapped)
    if swapped:
        swaps = msg("rows whose measure codes were swapped between codice_univoco_misura and id_misura")
        result.handled[swaps] = swapped
    for code in sorted(measures, key=natural_key):
        result.actions.append(_action(code, measures[code], ids, result))


def _action(code: str, rows: list[Row], ids: Ids, result: ImportResult) -> Item:
    where = rows[0].where
    action_id = ids.space.claim(code, "M")
    if action_id != code:
        result.note("renamed-id", where, msg("measure {code} became {id}", code=code, id=action_id))
    titles = Counter(row["descrizione_misura"] for row in rows).most_common()
    objectives = list(dict.fromkeys(ids.components[row["componente"]] for row in rows))
    action: Item = {
        "id": action_id,
        "title": result.text(titles[0][0], where) or code,
        "description": result.text(_description(code, rows), where, rich=True),
        "objective": objectives[0] if len(objectives) == 1 else objectives,
    }
    action.update(_parties(code, rows, ids.owners, result))
    action.update(_dates(code, rows, result))
    action["deliverables"] = _deliverables(rows, result)
    return action


def _description(code: str, rows: list[Row]) -> str:
    found = _KIND.match(code)
    kind = KINDS.get(found.group(1), "Misura") if found else "Misura"
    aliases = sorted({row.alias for row in rows if row.alias and row.alias != code})
    lines = [f"{kind} {code}" + (f" (anche {', '.join(aliases)})." if aliases else "."), "", "Sub-misure:", ""]
    submeasures = dict.fromkeys((row["codice_univoco_submisura"], row["descrizione_submisura"]) for row in rows)
    lines.extend(f"- {sub}: {title}" if title else f"- {sub}" for sub, title in submeasures)
    return "\n".join(lines)


def _parties(code: str, rows: list[Row], owners: dict[str, str], result: ImportResult) -> Item:
    """Every owning administration is accountable for its sub-measures: several lead jointly, most rows first."""
    ranked = [name for name, _count in Counter(row["amministrazione_titolare"] for row in rows).most_common()]
    if len(ranked) == 1:
        return {"owner": owners[ranked[0]]}
    result.note(
        "several-owners",
        rows[0].where,
        msg(
            "measure {code} has {count} owners: {owners} lead it jointly",
            code=code,
            count=len(ranked),
            owners=", ".join(ranked),
        ),
    )
    return {"owner": [owners[name] for name in ranked]}


def _dates(code: str, rows: list[Row], result: ImportResult) -> Item:
    deadlines = [fields.quarter(row["trimestre_di_conseguimento"], row["anno_di_conseguimento"]) for row in rows]
    known = [deadline for deadline in deadlines if deadline is not None]
    if not known:
        period = result.plan["period"]
        result.note(
            "default-date",
            rows[0].where,
            msg("measure {code} has no readable deadline: it spans the plan period", code=code),
        )
        return {"start": f"{period['start']}-01", "end": f"{period['end']}-12"}
    result.handled[msg("quarters read as months (Q3 2026 → 2026-07…2026-09)")] += len(known)
    start = min(first for first, _last in known)
    end = max(last for _first, last in known)
    return {"start": fields.month_text(start), "end": fields.month_text(end)}


def _deliverables(rows: list[Row], result: ImportResult) -> list[str]:
    """Each milestone and target of the measure, once, with its deadline."""
    listed = []
    for row in rows:
        deadline = f"{row['trimestre_di_conseguimento']} {row['anno_di_conseguimento']}".strip()
        name = row["nome_milestone_target"] or row["milestone_target"]
        listed.append(result.text(f"{row['nr_seq_mt']} ({row['milestone_target']}, {deadline}): {name}", row.where))
    return [text for text in dict.fromkeys(listed) if text]
