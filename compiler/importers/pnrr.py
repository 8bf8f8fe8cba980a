"""Import Italy's Recovery Plan (PNRR) from an Italia Domani snapshot (2025 edition of the files).

Mapping: mission → axis (``M1``); component → objective under it (``M1C1``); measure, an
investment or a reform → action (``M1C1I1.01``) owned by its Amministrazione Titolare;
targets → indicators of their component, a series of linked targets as one indicator with the
earlier ones as its milestones; a measure's milestones → one qualitative indicator whose
milestones they are (``pnrr_indicators``); owning administrations → organisations
(``public-administration``, with their tax and IPA codes from the owners' registry). The plan period runs from the first to the last
deadline year in the data; the plan date is the snapshot's month (``…-2025-04`` → 2025-04-01).

Quirks handled (each counted or noted in the result): measure codes swapped between
``codice_univoco_misura`` and ``id_misura``; milestone/target codes repeated over several
sub-measures; Italian numbers (``1.234,5``); missing markers (``N/A``, ``n.c.``, ``NA``, empty);
quarters as deadlines (``Q3 2026`` → 2026-07…2026-09); owner names spelt differently in the
owners' registry; two titles for one component.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from compiler.importers import fields, pnrr_actions, pnrr_indicators
from compiler.importers.ids import IdSpace, ascii_text, slug
from compiler.importers.pnrr_rows import MET_FILE, Ids, Row, read_registry, read_rows
from compiler.importers.result import ImportResult, Item, SourceError
from compiler.messages.diagnostics import Text, msg
from compiler.model import natural_key

_SNAPSHOT = re.compile(r"(\d{4})-(\d{2})(?:-(\d{2}))?$")
_NOT_WORD = re.compile(r"[^A-Z0-9]+")
_TAX_CODE = re.compile(r"[0-9]{11}")
_IPA = re.compile(r"[A-Za-z0-9_]{2,30}")
SUMMARY = (
    "Piano importato da planc dai dati aperti di **Italia Domani** (Presidenza del Consiglio dei Ministri / MEF, "
    "sistema ReGiS), nella copia pubblicata da ondata. Le missioni del PNRR sono gli assi, le componenti gli "
    "obiettivi, le misure (investimenti e riforme) le azioni; le amministrazioni titolari sono le "
    "organizzazioni responsabili. I target sono indicatori numerici: quando i dati collegano più target della "
    "stessa misura (un traguardo nazionale verso uno europeo, o un target che parte dal valore del precedente), "
    "quelli intermedi sono le tappe dell'ultimo. Le milestone di una misura sono le tappe di un indicatore "
    "qualitativo, in ordine di scadenza. Il periodo del piano va dalla prima all'ultima scadenza presente nei dati."
)


def read(source_dir: Path) -> ImportResult:
    """Read a PNRR snapshot folder and map it to a plan."""
    rows = read_rows(source_dir)
    if not rows:
        raise SourceError(msg("{file} holds no rows.", file=str(source_dir / MET_FILE)))
    result = ImportResult(name=slug(f"pnrr-{source_dir.name}"), source=f"Italia Domani, {source_dir.name}", plan={})
    result.source_counts = {
        msg("milestone/target rows"): len(rows),
        msg("milestone/target codes"): len({row["nr_seq_mt"] for row in rows}),
        msg("measures"): len({row.measure for row in rows}),
    }
    period = _period(rows, result)
    result.plan = _plan(source_dir.name, period, result)
    space = IdSpace()
    owners = _organisations(rows, read_registry(source_dir), space, result)
    components = _objectives(rows, space, result)
    ids = Ids(owners, components, space)
    pnrr_actions.add(result, rows, ids)
    pnrr_indicators.add(result, rows, ids)
    return result


def _period(rows: list[Row], result: ImportResult) -> tuple[int, int]:
    """The first and last deadline year."""
    years = sorted({year for row in rows if (year := fields.deadline_year(row["anno_di_conseguimento"])) is not None})
    if not years:
        raise SourceError(msg("{file} has no deadline year (anno_di_conseguimento) on any row.", file=MET_FILE))
    result.handled[msg("plan period taken from the first and last deadline year")] += 1
    return years[0], years[-1]


def _plan(folder: str, period: tuple[int, int], result: ImportResult) -> Item:
    found = _SNAPSHOT.search(folder)
    if found:
        year, month, day = found.group(1), found.group(2), found.group(3) or "01"
    else:
        year, month, day = str(period[0]), "01", "01"
        result.note(
            "default-date", folder, msg("no YYYY-MM in the folder name: plan date set to {date}", date=f"{year}-01-01")
        )
    return {
        "title": "Piano Nazionale di Ripresa e Resilienza (PNRR)",
        "subtitle": f"Missioni, componenti, misure, milestone e target: dati Italia Domani, {year}-{month}",
        "slug": slug(f"pnrr-{folder}"),
        "version": f"{year}.{month}",
        "status": "draft",
        "date": f"{year}-{month}-{day}",
        "lang": "it-IT",
        "period": {"start": period[0], "end": period[1]},
        "territory": "Italia",
        "currency": "EUR",
        "summary": SUMMARY,
    }


def most_common(values: list[str], result: ImportResult, where: str, what: Text) -> str:
    """The most frequent spelling (the first seen on a tie), noting the others."""
    ranked = Counter(values).most_common()
    for other, _count in ranked[1:]:
        result.note(
            "variant-text",
            where,
            msg("{what} also written “{other}”; kept “{kept}”", what=what, other=other, kept=ranked[0][0]),
        )
    return ranked[0][0]


def _objectives(rows: list[Row], space: IdSpace, result: ImportResult) -> dict[str, str]:
    """Add missions as axes and components as their objectives; return component code → id."""
    missions: dict[str, list[str]] = {}
    components: dict[str, tuple[str, list[str]]] = {}
    for row in rows:
        missions.setdefault(row["missione"], []).append(row["descrizione_missione"])
        parent, titles = components.setdefault(row["componente"], (row["missione"], []))
        titles.append(row["descrizione_componente"])
        if parent != row["missione"]:
            result.note(
                "variant-text",
                row.where,
                msg("component {component} also under mission {mission}", component=row["componente"], mission=parent),
            )
    mission_ids = {}
    for code in sorted(missions, key=natural_key):
        mission_ids[code] = space.claim(code, "M")
        title = most_common(missions[code], result, code, msg("mission {code}", code=code))
        result.objectives.append({"id": mission_ids[code], "title": result.text(title, code) or code})
    ids = {}
    for code in sorted(components, key=natural_key):
        parent, titles = components[code]
        ids[code] = space.claim(code, "C")
        title = result.text(most_common(titles, result, code, msg("component {code}", code=code)), code) or code
        result.objectives.append({"id": ids[code], "title": title, "parent": mission_ids[parent]})
    return ids


def _organisations(
    rows: list[Row], registry: list[dict[str, str]] | None, space: IdSpace, result: ImportResult
) -> dict[str, str]:
    """Add each owning administration; return owner name → organisation id."""
    known = {_owner_key(entry["amministrazione_titolare"]): entry for entry in registry or []}
    if registry is None:
        result.note(
            "no-registry", "AmmTitolari_interoperabilitaBDAP.csv", msg("not in the snapshot: owners have no codes")
        )
    ids = {}
    for name in sorted({row["amministrazione_titolare"] for row in rows}):
        ids[name] = space.claim(slug(name, "pa"), "pa")
        organisation: Item = {"id": ids[name], "name": result.text(name, name) or ids[name]}
        organisation["type"] = "public-administration"
        entry = known.get(_owner_key(name))
        if entry is None and registry is not None:
            result.note("owner-not-in-registry", name, msg("no row of the owners' registry matches this name"))
        elif entry is not None:
            if entry["amministrazione_titolare"] != name:
                result.handled[msg("owner names matched to the registry despite different spelling")] += 1
            organisation.update(_registry_codes(entry, name, result))
            description = result.text(_registry_description(entry), name, rich=True)
            if description:
                organisation["description"] = description
        result.organisations.append(organisation)
    return ids


def _owner_key(name: str) -> str:
    """Compare owner names without accents, apostrophes, dashes or spacing: they differ between files."""
    return _NOT_WORD.sub(" ", ascii_text(name).upper()).strip()


def _registry_codes(entry: dict[str, str], name: str, result: ImportResult) -> Item:
    """The owner's tax code and IPA code, where they have the shape planc checks."""
    codes: Item = {}
    for column, field, shape in (("codice_fiscale", "tax_code", _TAX_CODE), ("codice_ente_ipa", "ipa_code", _IPA)):
        value = (entry.get(column) or "").strip()
        if shape.fullmatch(value):
            codes[field] = value
        elif value:
            result.note(
                "unreadable-code",
                name,
                msg("{column} “{value}” is not in the shape of the field: left out", column=column, value=value),
            )
    return codes


def _registry_description(entry: dict[str, str]) -> str:
    parts = []
    unit, unit_code = entry.get("denominazione_unita_organizzativa"), entry.get("codice_uo")
    if unit:
        parts.append(f"Unità organizzativa: {unit} ({unit_code}).")
    before = entry.get("amministrazione_titolare_precedente_dl_1732022")
    if before:
        parts.append(f"Denominazione prima del DL 173/2022: {before}.")
    return " ".join(parts)
