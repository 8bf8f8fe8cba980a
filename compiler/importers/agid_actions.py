"""AgID action lines as actions: owner and partners from ``attori``, dates, status and expected results.

Dates: ``inizio`` (``MM/YYYY``) is the start; the end is ``fine``, else ``entro``, else ``a`` (a
typo for ``entro`` in 2019-21), else the latest month named in the expected results ("(entro
dicembre 2020)"). Missing, an action starts with the plan period and ends with it; a date
outside the period is moved to its edge. All of these are noted.

``risultati`` is a list of results (each ``descrizione``, maybe ``stato`` and ``nota``, once
misspelt ``note``), or one string; the string ``---`` is a placeholder for "none yet".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from compiler import sources
from compiler.importers import fields
from compiler.importers.fields import Month
from compiler.importers.ids import IdSpace
from compiler.importers.result import ImportResult, Item
from compiler.messages.diagnostics import msg

FILE = "linee_azione.yml"
STATUS = {"in corso": "started", "completo": "completed", "completato": "completed", "completata": "completed"}
AMBITI = {"pac": "PA centrale", "pal": "PA locale", "pac_pal": "PA centrale e locale"}
KNOWN_KEYS = frozenset(
    {"chapter", "subchapter", "numero", "nome", "stato", "attori", "descrizione", "risultati"}
    | {"aree-intervento", "ambito", "inizio", "fine", "entro"}
)
END_KEYS = ("fine", "entro", "a")
PLACEHOLDER = "---"


@dataclass(frozen=True)
class Lines:
    """The action lines with what they refer to: actor → organisation id, chapter → objective id."""

    document: sources.SourceFile
    items: list[Any]
    organisations: dict[str, str]
    objectives: dict[tuple[str, str | None], str]
    space: IdSpace


def add(result: ImportResult, lines: Lines) -> None:
    """Add one action per action line, in file order."""
    for index, item in enumerate(lines.items):
        where = f"{FILE}:{lines.document.where(('it', index)).line}"
        if not isinstance(item, dict):
            result.note("skipped-action", where, msg("this entry is not an action line"))
            continue
        action = _action(item, where, lines, result)
        if action is not None:
            result.actions.append(action)


def _action(item: dict[str, Any], where: str, lines: Lines, result: ImportResult) -> Item | None:
    parties = _parties(item, where, lines, result)
    if parties is None:
        return None
    _note_keys(item, where, result)
    numero = item.get("numero")
    action_id = lines.space.claim(f"LA-{numero:02d}" if isinstance(numero, int) else "LA-x")
    if not isinstance(numero, int) or action_id != f"LA-{numero:02d}":
        result.note(
            "repeated-id",
            where,
            msg("numero {number} is missing or repeated: the id is {id}", number=repr(numero), id=action_id),
        )
    chapter, subchapter = str(item.get("chapter") or "altro"), item.get("subchapter")
    results = _results(item, where, result)
    action: Item = {
        "id": action_id,
        "title": result.text(item.get("nome"), where) or f"Linea d'azione {numero}",
        "description": result.text(_description(item), where, rich=True),
        "objective": lines.objectives[(chapter, str(subchapter) if subchapter else None)],
        **parties,
        **_dates(item, results, where, result),
        "deliverables": _deliverables(results, where, result),
    }
    status = _status(item, where, result)
    if status is not None:  # as of the snapshot AgID published: the plan's date
        result.statuses.append({"action": action_id, "date": result.plan["date"], "status": status})
    return {key: value for key, value in action.items() if value not in (None, [])}


def _parties(item: dict[str, Any], where: str, lines: Lines, result: ImportResult) -> Item | None:
    """The first actor leads; the others are partners (each once)."""
    actors = item.get("attori")
    named = [str(actor) for actor in (actors if isinstance(actors, list) else [actors]) if actor]
    known = [actor for actor in dict.fromkeys(named) if actor in lines.organisations]
    for actor in dict.fromkeys(named):
        if actor not in lines.organisations:
            result.note("unknown-actor", where, msg("actor {actor} is not in attori.yml: left out", actor=str(actor)))
    if len(named) != len(set(named)):
        result.note("repeated-actor", where, msg("an actor is listed twice: kept once"))
    if not known:
        result.note("skipped-action", where, msg("no known actor to lead this line: left out"))
        return None
    parties: Item = {"owner": lines.organisations[known[0]]}
    if len(known) > 1:
        parties["partners"] = [lines.organisations[actor] for actor in known[1:]]
    return parties


def _note_keys(item: dict[str, Any], where: str, result: ImportResult) -> None:
    for key, value in item.items():
        if key == "a":
            result.note("typo-key", where, msg("key “a: {value}” read as “entro” (the deadline)", value=str(value)))
        elif key not in KNOWN_KEYS:
            result.note("unknown-key", where, msg("key “{key}” is not part of AgID's format: left out", key=str(key)))


def _description(item: dict[str, Any]) -> str:
    parts = [str(item.get("descrizione") or "").strip()]
    if item.get("aree-intervento"):
        parts.append(f"**Aree di intervento:** {str(item['aree-intervento']).strip()}")
    if item.get("ambito"):
        parts.append(f"**Ambito:** {AMBITI.get(str(item['ambito']), str(item['ambito']))}")
    return "\n\n".join(part for part in parts if part)


def _status(item: dict[str, Any], where: str, result: ImportResult) -> str | None:
    stato = item.get("stato")
    if stato is None:
        result.handled[msg("action lines without stato: no status written")] += 1
        return None
    status = STATUS.get(str(stato).strip().lower())
    if status is None:
        result.note(
            "unknown-status", where, msg("stato “{status}” has no planc equivalent: left out", status=str(stato))
        )
    return status


def _results(item: dict[str, Any], where: str, result: ImportResult) -> list[dict[str, Any]]:
    """The expected results as a list of mappings, whichever way they were written."""
    raw = item.get("risultati")
    if isinstance(raw, str):
        if raw.strip() == PLACEHOLDER:
            result.note("placeholder-results", where, msg("risultati is “---”: no deliverables"))
            return []
        result.handled[msg("risultati written as one string instead of a list")] += 1
        return [{"descrizione": raw}]
    if not isinstance(raw, list):
        return []
    return [entry if isinstance(entry, dict) else {"descrizione": entry} for entry in raw]


def _deliverables(results: list[dict[str, Any]], where: str, result: ImportResult) -> list[str]:
    listed = []
    for entry in results:
        if "note" in entry:
            result.handled[msg("result key “note” read as “nota”")] += 1
        remarks = [f"{label}: {entry[key]}" for key, label in _REMARKS if entry.get(key)]
        text = str(entry.get("descrizione") or "").strip() + (f" ({'; '.join(remarks)})" if remarks else "")
        cleaned = result.text(text, where)
        if cleaned:
            listed.append(cleaned)
    return listed


_REMARKS = (("stato", "stato"), ("nota", "nota"), ("note", "nota"))


def _dates(item: dict[str, Any], results: list[dict[str, Any]], where: str, result: ImportResult) -> Item:
    period = result.plan["period"]
    first, last = (int(period["start"]), 1), (int(period["end"]), 12)
    start = _month(item, "inizio", where, result)
    if start is None:
        start = first
        result.note("default-start", where, msg("no inizio: the action starts with the plan period"))
    end = next((month for key in END_KEYS if (month := _month(item, key, where, result))), None)
    if end is None:
        end = _deadline(results, start, where, result)
    if end is None:
        end = last
        result.note(
            "default-end", where, msg("no fine, entro or later deadline in the results: it ends with the plan period")
        )
    start, end = _inside(start, end, (first, last), where, result)
    return {"start": fields.month_text(start), "end": fields.month_text(end)}


def _deadline(results: list[dict[str, Any]], start: Month, where: str, result: ImportResult) -> Month | None:
    """The latest deadline named in the results' text, if it is not before the start."""
    texts = [str(entry.get("descrizione") or "") for entry in results]
    deadlines = [month for text in texts for month in fields.months_in(text)]
    if not deadlines:
        return None
    if max(deadlines) < start:
        latest = fields.month_text(max(deadlines))
        result.note(
            "date-order",
            where,
            msg("the results' latest deadline ({latest}) is before inizio: not used as the end", latest=str(latest)),
        )
        return None
    result.handled[msg("end dates read from deadlines in the results' text")] += 1
    return max(deadlines)


def _month(item: dict[str, Any], key: str, where: str, result: ImportResult) -> Month | None:
    raw = item.get(key)
    month = fields.month_year(raw)
    if raw is not None and month is None:
        result.note("unreadable-date", where, msg("{key} “{value}” is not MM/YYYY: left out", key=key, value=str(raw)))
    elif month is not None:
        result.handled[msg("MM/YYYY dates read")] += 1
    return month


def _inside(
    start: Month, end: Month, period: tuple[Month, Month], where: str, result: ImportResult
) -> tuple[Month, Month]:
    """Move dates outside the period to its edge, and an end before the start to the start."""
    moved_start = min(max(start, period[0]), period[1])
    moved_end = min(max(end, period[0]), period[1])
    if (moved_start, moved_end) != (start, end):
        result.note(
            "clamped-date",
            where,
            msg(
                "{start}…{end} moved inside the plan period",
                start=fields.month_text(start),
                end=fields.month_text(end),
            ),
        )
    if moved_end < moved_start:
        result.note(
            "date-order",
            where,
            msg("ends ({end}) before it starts: end set to the start", end=fields.month_text(moved_end)),
        )
        moved_end = moved_start
    return moved_start, moved_end
