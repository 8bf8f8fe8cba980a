"""Import AgID's three-year plan for IT in public administration (Piano Triennale ICT) from its site's YAML data.

Mapping: chapter → axis (``CAP-1``, numbered in order of first appearance); subchapter → objective
under it (``OB-1.2``; a chapter without subchapters gets one, ``OB-2.1``, with its title);
action line → action (``LA-07``, from ``numero``) under its subchapter; actor (``attori.yml``) → organisation with the same
id; the first actor of a line is its owner, the others its partners; expected results → the
action's deliverables. Only the Italian block is read: the ``en`` block of 2019-21 is a stale copy
of 2017-19. The plan period comes from the folder name (``2019-2021``).

The files are read with planc's own strict loader (``compiler.sources.load``): all four pass it
and give the same data as PyYAML's safe loader. It strips the BOM of ``attori.yml`` and reads
CRLF line ends; both are counted in the result.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from compiler import sources
from compiler.importers import agid_actions, fields
from compiler.importers.agid_actions import Lines
from compiler.importers.ids import IdSpace
from compiler.importers.result import ImportResult, Item, SourceError
from compiler.messages.diagnostics import msg

LINES_FILE = "linee_azione.yml"
ACTORS_FILE = "attori.yml"
#: Dates of the copies in data/real (the last commits that touched them; see its README, §4).
SNAPSHOT_DATES = {"2017-2019": "2018-05-24", "2019-2021": "2019-05-10"}
_EDITION = re.compile(r"(\d{4})-(\d{4})")
ACTOR_TYPES = {
    "amministrazioni_centrali": "amministrazioni centrali",
    "amministrazioni_territoriali": "amministrazioni territoriali",
    "amministrazioni_centrali_e_territoriali": "amministrazioni centrali e territoriali",
}
#: Words that a chapter's slug writes without their accent or capitals.
_WORDS = {"pa": "PA", "connettivita": "connettività", "interoperabilita": "interoperabilità", "ict": "ICT"}
SUMMARY = (
    "Piano importato da planc dai dati del sito del Piano Triennale per l'informatica nella Pubblica "
    "Amministrazione (AgID e Team per la Trasformazione Digitale, licenza CC BY 3.0 IT). I capitoli sono gli "
    "assi, i paragrafi gli obiettivi, le linee d'azione le azioni e i risultati attesi i loro prodotti; gli "
    "attori sono le organizzazioni, e il primo attore di ogni linea d'azione ne è il responsabile."
)


def read(source_dir: Path) -> ImportResult:
    """Read an AgID plan folder (``linee_azione.yml``, ``attori.yml``) and map it to a plan."""
    result = ImportResult(name=f"agid-piano-triennale-{source_dir.name}", source=f"AgID, {source_dir.name}", plan={})
    lines_document = _load(source_dir / LINES_FILE, result)
    actors_document = _load(source_dir / ACTORS_FILE, result)
    items, actors = lines_document.data.get("it"), actors_document.data.get("it")
    if not isinstance(items, list) or not isinstance(actors, dict):
        raise SourceError(
            msg("{folder} does not hold AgID's “it:” lists of action lines and actors.", folder=str(source_dir))
        )
    for document in (lines_document, actors_document):
        if document.data.get("en"):
            result.handled[
                msg("English block of {file} left out (stale translation)", file=Path(document.file).name)
            ] += 1
    result.source_counts = {msg("action lines"): len(items), msg("actors"): len(actors)}
    period = _period(source_dir.name)
    result.plan = _plan(source_dir.name, period, result)
    space = IdSpace()
    organisations = _organisations(actors, actors_document, space, result)
    lines = Lines(lines_document, items, organisations, _objectives(items, space, result), space)
    agid_actions.add(result, lines)
    return result


def _load(path: Path, result: ImportResult) -> sources.SourceFile:
    """Load one source file with planc's strict loader; count its BOM and CRLF line ends."""
    loaded = sources.load(path, path.name)
    if loaded.source is None:
        first = loaded.problems[0] if loaded.problems else None
        detail = f"{first.code}, {first.where.line}" if first else "?"
        raise SourceError(msg("Cannot read {file}: {detail}.", file=str(path), detail=detail))
    for problem in loaded.problems:
        result.note(
            "source-warning", f"{path.name}:{problem.where.line}", msg("planc's loader says {code}", code=problem.code)
        )
    raw = path.read_bytes()
    if raw.startswith(b"\xef\xbb\xbf"):
        result.handled[msg("UTF-8 BOM at the start of {file} stripped", file=path.name)] += 1
    if b"\r\n" in raw:
        result.handled[msg("CRLF line ends in {file} read", file=path.name)] += 1
    return loaded.source


def _period(folder: str) -> tuple[int, int]:
    found = _EDITION.search(folder)
    years = (int(found.group(1)), int(found.group(2))) if found else (0, -1)
    if not (years[0] in fields.YEARS and years[1] in fields.YEARS and years[0] <= years[1]):
        raise SourceError(
            msg("The folder name “{folder}” does not say the plan's years (such as 2019-2021).", folder=folder)
        )
    return years


def _plan(folder: str, period: tuple[int, int], result: ImportResult) -> Item:
    date = SNAPSHOT_DATES.get(f"{period[0]}-{period[1]}")
    if date is None:
        date = f"{period[0]}-01-01"
        result.note("default-date", folder, msg("unknown edition: the plan date is set to {date}", date=date))
    return {
        "title": f"Piano Triennale per l'informatica nella Pubblica Amministrazione {period[0]}-{period[1]}",
        "subtitle": "Linee d'azione, attori e risultati attesi: dati AgID (pianotriennale-ict.italia.it)",
        "slug": f"agid-piano-triennale-{period[0]}-{period[1]}",
        "version": date[:7].replace("-", "."),
        "status": "draft",
        "date": date,
        "lang": "it-IT",
        "period": {"start": period[0], "end": period[1]},
        "territory": "Italia",
        "currency": "EUR",
        "summary": SUMMARY,
    }


def _organisations(
    actors: dict[str, Any], document: sources.SourceFile, space: IdSpace, result: ImportResult
) -> dict[str, str]:
    """Add each actor as an organisation; return actor key → organisation id."""
    ids = {}
    for key, entry in actors.items():
        where = f"{ACTORS_FILE}:{document.where(('it', key)).line}"
        ids[key] = space.claim(key, "org")
        if ids[key] != key:
            result.note("renamed-id", where, msg("actor {actor} became {id}", actor=key, id=ids[key]))
        fields = entry if isinstance(entry, dict) else {}
        organisation: Item = {"id": ids[key], "name": result.text(fields.get("nome"), where) or key}
        kind = fields.get("tipo")
        organisation["type"] = "public-administration" if kind in ACTOR_TYPES else "other"
        if kind in ACTOR_TYPES:
            organisation["description"] = f"Tipo secondo AgID: {ACTOR_TYPES[kind]}."
        else:
            result.note(
                "actor-type",
                where,
                msg("actor {actor} has tipo {kind}: written as type “other”", actor=key, kind=repr(kind)),
            )
        result.organisations.append(organisation)
    return ids


def _objectives(items: list[Any], space: IdSpace, result: ImportResult) -> dict[tuple[str, str | None], str]:
    """Add chapters as axes and subchapters as objectives; return (chapter, subchapter) → objective id.

    A chapter without subchapters gets one objective with its own title: planc's documents give an
    axis with no objective under it the same anchor twice, which pandoc refuses.
    """
    chapters: dict[str, dict[str | None, None]] = {}
    for item in items:
        fields = item if isinstance(item, dict) else {}
        chapter, subchapter = str(fields.get("chapter") or "altro"), fields.get("subchapter")
        chapters.setdefault(chapter, {})[str(subchapter) if subchapter else None] = None
    found: dict[tuple[str, str | None], str] = {}
    for number, (chapter, subchapters) in enumerate(chapters.items(), 1):
        axis = space.claim(f"CAP-{number}")
        result.objectives.append({"id": axis, "title": title(chapter)})
        result.handled[msg("chapter and subchapter titles written from their slugs")] += 1
        named = [subchapter for subchapter in subchapters if subchapter is not None]
        for position, subchapter in enumerate(named, 1):
            found[(chapter, subchapter)] = space.claim(f"OB-{number}.{position}")
            result.objectives.append({"id": found[(chapter, subchapter)], "title": title(subchapter), "parent": axis})
        if None in subchapters:
            found[(chapter, None)] = space.claim(f"OB-{number}.{0 if named else 1}")
            own = f"{title(chapter)}: altro" if named else title(chapter)
            result.objectives.append({"id": found[(chapter, None)], "title": own, "parent": axis})
        if named and None in subchapters:
            result.note("no-subchapter", chapter, msg("some lines have no subchapter: they go under “altro”"))
        elif not named:
            result.handled[msg("chapters without subchapters given one objective with their title")] += 1
    return found


def title(slug_text: str) -> str:
    """A title from a slug: "dati-della-pa" → "Dati della PA"."""
    words = [_WORDS.get(word, word) for word in slug_text.replace("_", "-").split("-") if word]
    text = " ".join(words) or slug_text
    return text[0].upper() + text[1:]
