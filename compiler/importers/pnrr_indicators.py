"""PNRR milestones and targets as indicators of their component, with intermediate steps as milestones.

Targets: the targets of one measure with the same unit form a series where the data links them:
a national step towards an EU target (``M1C1-139-ITA-1`` → ``M1C1-139``), or a later target whose
baseline is an earlier one's value (``M1C1-147`` starts from ``M1C1-139``'s 4.083). A series is one
indicator named after its last target: the earlier targets are its milestones, the first one's
baseline is its baseline. A series whose values would not move one way is left as separate targets
(``series-not-joined``). Each measures against the first year of the plan period (the source gives
no baseline year); its direction follows the values.

Milestones (qualitative): the milestones of one measure, in deadline order, are the milestones of
one qualitative indicator named after the measure, the last one its target; each step's value is
the milestone's name, its note the code and the deadline.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

from compiler.importers.ids import valid
from compiler.importers.pnrr_rows import MET_FILE, Ids, Row
from compiler.importers.pnrr_steps import MILESTONE, PnrrStep, read_steps
from compiler.importers.result import ImportResult, Item
from compiler.messages.diagnostics import msg
from compiler.model import natural_key

SCOPES = {"UE": "traguardo europeo (UE)", "ITA": "traguardo nazionale (ITA)"}
SOURCE = f"Italia Domani, {MET_FILE}"


def add(result: ImportResult, rows: list[Row], ids: Ids) -> None:
    """Add one indicator per series of targets and one per measure with milestones."""
    steps = read_steps(rows, result)
    milestones: dict[str, list[PnrrStep]] = {}
    targets: dict[tuple[str, str | None], list[PnrrStep]] = {}
    for step in steps:
        if step.kind == MILESTONE:
            for measure in dict.fromkeys(row.measure for row in step.rows):
                milestones.setdefault(measure, []).append(step)
        else:
            targets.setdefault((step.first.measure, step.unit), []).append(step)
    made: list[tuple[int, Item]] = []
    for group in targets.values():
        for series in _series(sorted(group, key=_order), result):
            made.append((series[-1].first.line, _quantitative(series, ids, result)))
    for measure, group in milestones.items():
        ordered = sorted(group, key=_order)
        made.append((ordered[-1].first.line, _qualitative(measure, ordered, ids, result)))
    result.indicators.extend(item for _line, item in sorted(made, key=lambda pair: pair[0]))


def _order(step: PnrrStep) -> tuple[tuple[int, int], tuple[tuple[int, int, str], ...]]:
    return step.deadline, natural_key(step.code)


def _series(steps: list[PnrrStep], result: ImportResult) -> Iterator[list[PnrrStep]]:
    """Link each target to the next one the data says it leads to; yield the chains, one way only."""
    following: dict[int, PnrrStep] = {}
    linked: set[int] = set()
    for index, earlier in enumerate(steps):
        later = next((s for s in steps[index + 1 :] if id(s) not in linked and _continues(earlier, s)), None)
        if later is not None:
            following[id(earlier)] = later
            linked.add(id(later))
    for head in (step for step in steps if id(step) not in linked):
        chain = [head]
        while id(chain[-1]) in following:
            chain.append(following[id(chain[-1])])
        if len(chain) > 1 and not _one_way(chain):
            codes = ", ".join(step.code for step in chain)
            result.note(
                "series-not-joined", head.first.where, msg("{codes} do not move one way: kept apart", codes=codes)
            )
            yield from ([step] for step in chain)
            continue
        if len(chain) > 1:
            result.handled[msg("targets joined into series (earlier ones as milestones)")] += len(chain) - 1
        yield chain


def _continues(earlier: PnrrStep, later: PnrrStep) -> bool:
    """True if ``later`` carries ``earlier`` on: its EU target, or a target that starts where it ends."""
    if later.deadline <= earlier.deadline:
        return False
    if earlier.code.startswith(f"{later.code}-ITA-"):
        return True
    return later.baseline is not None and bool(earlier.value) and later.baseline == earlier.value


def _one_way(chain: list[PnrrStep]) -> bool:
    values = [value for value in (chain[0].baseline, *(step.value for step in chain)) if value is not None]
    steps = [after - before for before, after in pairwise(values)]
    return all(step >= 0 for step in steps) or all(step <= 0 for step in steps)


def _quantitative(series: list[PnrrStep], ids: Ids, result: ImportResult) -> Item:
    head, last = series[0], series[-1]
    baseline = head.baseline
    if baseline is None:
        baseline = 0
        result.note("default-baseline", head.first.where, msg("{code}: no baseline value; 0 assumed", code=head.code))
    item: Item = {
        "id": _claim(last, ids, result),
        "name": result.text(last.first["nome_milestone_target"], last.first.where) or f"Target {last.code}",
        "description": result.text(_description(series), last.first.where, rich=True),
        "objective": ids.components[last.first["componente"]],
        "unit": last.unit,
        "baseline": {"value": baseline, "year": result.plan["period"]["start"]},
        "milestones": [
            {"value": step.value, "year": step.deadline[0], "note": f"{step.code} · scadenza: {step.quarter}"}
            for step in series[:-1]
        ],
        "target": {"value": last.value, "year": last.deadline[0], "note": f"Scadenza: {last.quarter}"},
        "direction": _direction(last, baseline, result),
        "source": SOURCE,
    }
    return {key: value for key, value in item.items() if value not in (None, [])}


def _qualitative(measure: str, steps: list[PnrrStep], ids: Ids, result: ImportResult) -> Item:
    last = steps[-1]
    title = last.first["descrizione_misura"].strip()
    item: Item = {
        "id": _claim(last, ids, result),
        "name": result.text(
            f"Milestone della misura {measure}: {title}" if title else f"Milestone di {measure}", measure
        ),
        "description": result.text(_description(steps), last.first.where, rich=True),
        "objective": ids.components[last.first["componente"]],
        "milestones": [_reached(step, result) for step in steps[:-1]],
        "target": _reached(last, result),
        "source": SOURCE,
    }
    return {key: value for key, value in item.items() if value not in (None, [])}


def _reached(step: PnrrStep, result: ImportResult) -> Item:
    """A milestone as a qualitative value: what is reached, by when."""
    name = result.text(step.first["nome_milestone_target"], step.first.where) or f"Milestone {step.code}"
    return {"value": name, "year": step.deadline[0], "note": f"{step.code} · scadenza: {step.quarter}"}


def _claim(step: PnrrStep, ids: Ids, result: ImportResult) -> str:
    identifier = ids.space.claim(step.code, "MT")
    if valid(step.code, "MT") != step.code:
        result.note(
            "renamed-id",
            step.first.where,
            msg("{code} is not a valid id: it became {id}", code=step.code, id=identifier),
        )
    return identifier


def _direction(last: PnrrStep, baseline: float, result: ImportResult) -> str | None:
    target = last.value or 0
    if target > baseline:
        return "increase"
    if target < baseline:
        return "decrease"
    if target == 0:
        result.note(
            "zero-target",
            last.first.where,
            msg("{code}: baseline and target are both 0 (maybe “not given”): no direction", code=last.code),
        )
        return None
    return "maintain"


def _description(steps: list[PnrrStep]) -> str:
    """Each step's specific description, check and measures; a series names its steps in order."""
    parts = [_step_text(step, titled=len(steps) > 1) for step in steps]
    return "\n\n".join(part for part in parts if part)


def _step_text(step: PnrrStep, titled: bool) -> str:
    row = step.first
    parts = [row["descrizione_specifica_di_ogni_milestone_e_target"].strip()]
    if row["indicatore_qualitativo"].strip():
        parts.append(f"**Verifica:** {row['indicatore_qualitativo'].strip()}")
    measures = ", ".join(dict.fromkeys(f"{r.measure} ({r['codice_univoco_submisura']})" for r in step.rows))
    scope = SCOPES.get(row["ita_ue"], row["ita_ue"] or "traguardo")
    parts.append(f"{scope[0].upper()}{scope[1:]}; misure: {measures}.")
    if titled:
        parts.insert(0, f"**{step.code}** ({step.kind}, scadenza {step.quarter})")
    return "\n\n".join(part for part in parts if part)
