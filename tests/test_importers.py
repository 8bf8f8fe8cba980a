"""Importers: Italy's PNRR (2025) and AgID's three-year plans become planc sources that check with no error.

They read the trimmed sample of the real data vendored in ``tests/data/real`` (its README says
where it comes from, its licence and how it was cut; ``tools/trim_real_data.py`` cuts it again).
A missing sample is a failure, never a skip. Every count checked here is counted from the
sample's own rows (the standard ``csv`` module, planc's YAML loader), not from the importer; the
facts about single measures and action lines were read off their rows by hand.

With ``PLANC_REAL_DATA`` set to the folder of the full copy (``/work/shared/data/real`` on the
project's machine), the ``full data`` tests at the end run the same checks on the whole data and
compare with the counts its README publishes; without it they are skipped, saying so. Each plan
is imported, written and checked once per module.
"""

from __future__ import annotations

import ast
import csv
import os
import re
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import pytest

from compiler import importers, pipeline, sources
from compiler.importers import agid, fields, pnrr, writer
from compiler.importers.ids import IdSpace, slug, valid
from compiler.importers.result import NOTE_KINDS, ImportResult, Item, describe
from compiler.messages.diagnostics import english, msg
from compiler.messages.translate import Translator
from compiler.sources.decode import MAX_BYTES
from tests.readers import Html

SAMPLE = Path(__file__).resolve().parent / "data" / "real"
FULL = os.environ.get("PLANC_REAL_DATA")
PNRR_FOLDER = Path("pnrr-italia") / "italiadomani-2025-04"
AGID_FOLDER = Path("agid-piano-triennale-ict")
EDITIONS = ("2017-2019", "2019-2021")
MET_FILE = "PNRR_MeT_OAprogrammazione.csv"
BOM = b"\xef\xbb\xbf"
full_data = pytest.mark.skipif(
    FULL is None,
    reason="full data: set PLANC_REAL_DATA to the folder of the full real data (see tests/data/real/README.md)",
)


def sample(folder: Path) -> Path:
    """A folder of the vendored sample; its absence fails the test that needs it."""
    path = SAMPLE / folder
    assert path.is_dir(), f"the sample of real data is missing: {path} (tools/trim_real_data.py cuts it)"
    return path


@dataclass(frozen=True)
class Imported:
    """One imported plan: the result, the folder it was written to, and planc's check of it."""

    result: ImportResult
    out: Path
    checked: pipeline.Checked

    def by_id(self, section: str) -> dict[str, Item]:
        return {item["id"]: item for item in self.result.section(section)}

    def notes(self, kind: str) -> list[str]:
        return [f"{note.where}: {english(note.text)}" for note in self.result.notes if note.kind == kind]

    def handled(self, what: str) -> int:
        """How many times a quirk (named in English) was handled."""
        return sum(count for text, count in self.result.handled.items() if english(text) == what)

    def codes(self, severity: str) -> set[str]:
        return {d.code for d in self.checked.diagnostics if d.severity == severity}


def imported(read: Any, source: Path, out: Path) -> Imported:
    result = read(source)
    writer.write(result, out)
    return Imported(result, out, pipeline.check(out))


# --- What the PNRR rows say, counted here ---------------------------------------------------------


def step_code(step: Item) -> str:
    """The milestone or target code a step's note starts with (``M1C1-50 · scadenza: Q2 2022``)."""
    return str(step["note"]).split(" · ")[0]


@dataclass(frozen=True)
class PnrrRows:
    """The milestone/target rows as published, read with the standard ``csv`` module."""

    rows: list[dict[str, str]]

    @classmethod
    def read(cls, folder: Path) -> PnrrRows:
        with (folder / MET_FILE).open(encoding="utf-8-sig", newline="") as stream:
            return cls(list(csv.DictReader(stream)))

    @staticmethod
    def measure(row: dict[str, str]) -> frozenset[str]:
        """A measure is its pair of codes: the two columns hold them either way round."""
        return frozenset((row["codice_univoco_misura"], row["id_misura"]))

    def of_kind(self, kind: str) -> dict[str, dict[str, str]]:
        """Each milestone (or target) code, with the first row that gives it."""
        found: dict[str, dict[str, str]] = {}
        for row in self.rows:
            if row["milestone_target"].strip().lower() == kind:
                found.setdefault(row["nr_seq_mt"], row)
        return found

    @cached_property
    def measures(self) -> dict[frozenset[str], list[dict[str, str]]]:
        found: dict[frozenset[str], list[dict[str, str]]] = {}
        for row in self.rows:
            found.setdefault(self.measure(row), []).append(row)
        return found

    @cached_property
    def milestones_by_measure(self) -> dict[frozenset[str], set[str]]:
        found: dict[frozenset[str], set[str]] = {}
        for row in self.rows:
            if row["milestone_target"].strip().lower() == "milestone":
                found.setdefault(self.measure(row), set()).add(row["nr_seq_mt"])
        return found

    def distinct(self, column: str) -> set[str]:
        return {row[column] for row in self.rows}

    def with_code(self, code: str) -> list[dict[str, str]]:
        return [row for row in self.rows if row["nr_seq_mt"] == code]


@pytest.fixture(scope="module")
def pnrr_rows() -> PnrrRows:
    return PnrrRows.read(sample(PNRR_FOLDER))


@pytest.fixture(scope="module")
def pnrr_plan(tmp_path_factory: pytest.TempPathFactory) -> Imported:
    return imported(pnrr.read, sample(PNRR_FOLDER), tmp_path_factory.mktemp("pnrr"))


def check_pnrr_structure(plan: Imported, data: PnrrRows) -> None:
    """Counts, and every milestone and target written exactly once, against the rows."""
    assert {english(what): count for what, count in plan.result.source_counts.items()} == {
        "milestone/target rows": len(data.rows),
        "milestone/target codes": len(data.distinct("nr_seq_mt")),
        "measures": len(data.measures),
    }
    indicators = plan.result.indicators
    quantitative = [item for item in indicators if "unit" in item]
    # Every target is one indicator, or a milestone of the series it leads into (joined): once.
    joined = [step_code(step) for item in quantitative for step in item.get("milestones", [])]
    assert sorted([*(item["id"] for item in quantitative), *joined]) == sorted(data.of_kind("target"))
    assert plan.handled("targets joined into series (earlier ones as milestones)") == len(joined)
    # The milestones of each measure, once each, are the steps of one qualitative indicator.
    for codes, milestones in data.milestones_by_measure.items():
        names = tuple(f"Milestone della misura {code}:" for code in codes)
        (indicator,) = (item for item in indicators if item["name"].startswith(names))
        steps = [*indicator.get("milestones", []), indicator["target"]]
        assert sorted(step_code(step) for step in steps) == sorted(milestones), sorted(codes)
    assert plan.result.counts() == {
        "organisations": len(data.distinct("amministrazione_titolare")),
        "axes": len(data.distinct("missione")),
        "objectives": len(data.distinct("componente")),
        "indicators": len(quantitative) + len(data.milestones_by_measure),
        "actions": len(data.measures),
    }
    assert len(indicators) == len(quantitative) + len(data.milestones_by_measure)


# --- PNRR ---------------------------------------------------------------------------------------


def test_pnrr_counts(pnrr_plan: Imported, pnrr_rows: PnrrRows) -> None:
    check_pnrr_structure(pnrr_plan, pnrr_rows)
    # The sample keeps the series the tests below name, so some targets are joined.
    assert pnrr_plan.handled("targets joined into series (earlier ones as milestones)") >= 7


def test_pnrr_checks_with_no_error_and_no_warning(pnrr_plan: Imported) -> None:
    # Two descriptions (M1C1-91) use the lenticular brackets 〖 〗: Noto Serif CJK prints them (`make fonts`).
    assert pnrr_plan.codes("error") == set()
    assert pnrr_plan.codes("warning") == set()


def test_pnrr_missions_are_axes_and_components_their_objectives(pnrr_plan: Imported, pnrr_rows: PnrrRows) -> None:
    objectives = pnrr_plan.by_id("objectives")
    assert objectives["M1"] == {"id": "M1", "title": "Digitalizzazione, innovazione, competitività e cultura"}
    assert objectives["M7C1"] == {"id": "M7C1", "title": "REPowerEU", "parent": "M7"}
    parents = {row["componente"]: row["missione"] for row in pnrr_rows.rows}
    assert {goal["id"]: goal["parent"] for goal in objectives.values() if "parent" in goal} == parents
    assert set(parents.values()) == {f"M{n}" for n in range(1, 8)}  # the sample keeps every mission


def test_pnrr_component_with_two_titles_keeps_the_usual_one(pnrr_plan: Imported, pnrr_rows: PnrrRows) -> None:
    titles = Counter(row["descrizione_componente"] for row in pnrr_rows.rows if row["componente"] == "M2C2")
    (usual, _count), (other, _once) = titles.most_common()
    assert pnrr_plan.by_id("objectives")["M2C2"]["title"] == usual
    assert pnrr_plan.notes("variant-text") == [f"M2C2: component M2C2 also written “{other}”; kept “{usual}”"]


def test_pnrr_measure_with_swapped_codes_dates_from_quarters(pnrr_plan: Imported) -> None:
    action = pnrr_plan.by_id("actions")["M1C1I1.01"]  # rows give M1C1I1.01 and M1C1I1.1 both ways round
    assert (action["title"], action["objective"]) == ("Infrastrutture digitali", "M1C1")
    assert action["owner"] == "pcm-dipartim-trasformazione-digitale"
    assert (action["start"], action["end"]) == ("2022-01", "2026-06")  # Q1 2022 … Q2 2026
    assert "M1C1I1.1" not in pnrr_plan.by_id("actions")


def test_pnrr_measure_with_two_owners_and_a_prefix_code(pnrr_plan: Imported, pnrr_rows: PnrrRows) -> None:
    actions = pnrr_plan.by_id("actions")
    action = actions["M1C1I3.00"]  # also written M1C1I3, which prefixes its sub-measures too
    assert "M1C1I3" not in actions
    assert action["owner"] == ["giust-amm-va-consiglio-di-stato-e-tar", "ministero-della-giustizia"]  # joint owners
    assert "partners" not in action
    shared = [
        rows for rows in pnrr_rows.measures.values() if len({row["amministrazione_titolare"] for row in rows}) > 1
    ]
    assert len(pnrr_plan.notes("several-owners")) == len(shared) >= 2


def test_pnrr_targets_linked_by_the_data_are_one_indicator_with_milestones(pnrr_plan: Imported) -> None:
    indicators = pnrr_plan.by_id("indicators")
    # 260.000,00 → 208.000,00 (M1C1-00-ITA-50, Q2 2022) → … → M1C1-00-ITA-59 (Q2 2026): each target
    # starts from the value of the one before, so they are one series named after the last.
    series = indicators["M1C1-00-ITA-59"]
    assert series["baseline"] == {"value": 260000, "year": 2020}
    assert series["milestones"][0] == {"value": 208000, "year": 2022, "note": "M1C1-00-ITA-50 · scadenza: Q2 2022"}
    assert [step["year"] for step in series["milestones"]] == [2022, 2023, 2024, 2025]
    assert (series["unit"], series["direction"], series["objective"]) == ("Numero", "decrease", "M1C1")
    assert series["target"]["note"] == "Scadenza: Q2 2026"
    assert "M1C1-00-ITA-50" not in indicators
    # A national step towards an EU target: M1C1-139-ITA-1 → M1C1-139 → M1C1-147-ITA-1 → M1C1-147.
    cloud = indicators["M1C1-147"]
    assert [step["value"] for step in cloud["milestones"]] == [1064, 4083, 10086]
    assert cloud["target"]["value"] == 12464
    assert {"M1C1-139", "M1C1-139-ITA-1", "M1C1-147-ITA-1"}.isdisjoint(indicators)


def test_pnrr_italian_numbers_are_read(pnrr_plan: Imported, pnrr_rows: PnrrRows) -> None:
    # Each target's value and baseline, once per code; the data writes every Italian number with a decimal comma.
    columns = ("valore_obiettivo_target", "riferimento_di_partenza_target")
    cells = [row[column] for row in pnrr_rows.of_kind("target").values() for column in columns]
    italian = sum("," in cell for cell in cells)
    assert pnrr_plan.handled("Italian numbers read (1.234,5 → 1234.5)") == italian > 100
    assert pnrr_plan.by_id("indicators")["M1C1-147"]["target"]["value"] == 12464  # "12.464,00"


def test_pnrr_series_that_would_not_move_one_way_is_kept_apart(pnrr_plan: Imported) -> None:
    # M1C3-17-ITA-1 (3.050 by Q3 2024) leads into its EU target M1C3-17 (3.000 by Q4 2025): up from 0, then down.
    notes = [note.split(": ", 1)[1] for note in pnrr_plan.notes("series-not-joined")]
    assert "M1C3-17-ITA-1, M1C3-17 do not move one way: kept apart" in notes
    assert {"M1C3-17-ITA-1", "M1C3-17"} <= set(pnrr_plan.by_id("indicators"))


def test_pnrr_milestones_of_a_measure_are_one_qualitative_indicator(pnrr_plan: Imported) -> None:
    indicator = pnrr_plan.by_id("indicators")["M1C1-3"]  # the last milestone of measure M1C1I1.01
    assert indicator["name"] == "Milestone della misura M1C1I1.01: Infrastrutture digitali"
    assert indicator["milestones"] == [
        {
            "value": "Pubblicazione di un bando pubblico a livello UE per un contratto di PPP",
            "year": 2022,
            "note": "M1C1-00-ITA-2 · scadenza: Q1 2022",
        }
    ]
    assert indicator["target"] == {
        "value": "Completamento del Polo Strategico Nazionale (PSN)",
        "year": 2022,
        "note": "M1C1-3 · scadenza: Q4 2022",
    }
    assert not {"unit", "baseline", "direction"} & set(indicator)
    assert "M1C1-00-ITA-2" not in pnrr_plan.by_id("indicators")


def test_pnrr_repeated_codes_are_read_once_and_reported(pnrr_plan: Imported, pnrr_rows: PnrrRows) -> None:
    repeated = Counter(row["nr_seq_mt"] for row in pnrr_rows.rows)
    assert len(pnrr_plan.notes("repeated-id")) == sum(count > 1 for count in repeated.values())
    assert any(f"M4C1-10 is on {repeated['M4C1-10']} rows" in note for note in pnrr_plan.notes("repeated-id"))
    # The rows agree: the milestone is read once, and it is a step of each of the reforms whose
    # sub-measures it is on (six of them; the indicator of each names the reform).
    measures = {PnrrRows.measure(row) for row in pnrr_rows.with_code("M4C1-10")}
    assert len(measures) == 6
    for codes in measures:
        names = tuple(f"Milestone della misura {code}:" for code in codes)
        (indicator,) = (i for i in pnrr_plan.result.indicators if i["name"].startswith(names))
        steps = [*indicator.get("milestones", []), indicator["target"]]
        assert sum(step_code(step) == "M4C1-10" for step in steps) == 1, sorted(codes)
        assert "M4C1R1.02 (M4C1R1.02.00)" in indicator["description"]


def test_pnrr_owners_carry_their_tax_and_ipa_codes(pnrr_plan: Imported, pnrr_rows: PnrrRows) -> None:
    justice = pnrr_plan.by_id("organisations")["ministero-della-giustizia"]
    assert (justice["tax_code"], justice["ipa_code"]) == ("80184430587", "M_DG")  # checked by check-digit
    # Some owners are spelt otherwise in the registry (MIN DELL'UNIVERSITA' …): matched all the same.
    registry = sample(PNRR_FOLDER) / "AmmTitolari_interoperabilitaBDAP.csv"
    with registry.open(encoding="utf-8-sig", newline="") as stream:
        spelt = {entry["amministrazione_titolare"] for entry in csv.DictReader(stream)}
    otherwise = pnrr_rows.distinct("amministrazione_titolare") - spelt
    assert pnrr_plan.handled("owner names matched to the registry despite different spelling") == len(otherwise) > 0
    assert pnrr_plan.notes("owner-not-in-registry") == []


def test_pnrr_missing_markers_and_zero_targets_are_reported(pnrr_plan: Imported, pnrr_rows: PnrrRows) -> None:
    targets, milestones = pnrr_rows.of_kind("target"), pnrr_rows.of_kind("milestone")
    no_unit = {
        code for code, row in targets.items() if row["unita_di_misura_target"].strip() in ("", "NA", "N/A", "n.c.")
    }
    assert {note.split(": ")[1] for note in pnrr_plan.notes("missing-unit")} == no_unit >= {"M2C2-18", "M3C2-00-ITA-6"}
    assert pnrr_plan.by_id("indicators")["M2C2-18"]["unit"] == "unità non indicata"
    marked = [code for code, row in milestones.items() if row["unita_di_misura_target"] == "NA"]
    assert pnrr_plan.handled("missing markers read as no value (unita_di_misura_target)") == len(marked) > 0
    zero = pnrr_plan.by_id("indicators")["M1C1-80"]
    assert (zero["baseline"]["value"], zero["target"]["value"]) == (0, 0)
    assert "direction" not in zero
    # A target of 0 from a baseline of 0 (or none) has no direction.
    zeros = {
        code
        for code, row in targets.items()
        if row["valore_obiettivo_target"] in ("0", "0,00")
        and row["riferimento_di_partenza_target"] in ("0", "0,00", "")
    }
    assert {note.split(": ")[1] for note in pnrr_plan.notes("zero-target")} == zeros


def test_pnrr_milestone_carrying_a_unit_is_noted(pnrr_plan: Imported) -> None:
    assert [note.split(": ", 1)[1] for note in pnrr_plan.notes("milestone-values-ignored")] == [
        "M2C1-14 is a milestone; ignored unit “Pubblicazione nella GURI”"
    ]


def test_pnrr_plan_section(pnrr_plan: Imported, pnrr_rows: PnrrRows) -> None:
    plan = pnrr_plan.result.plan
    years = sorted(int(year) for year in pnrr_rows.distinct("anno_di_conseguimento"))
    assert (plan["date"], plan["version"]) == ("2025-04-01", "2025.04")  # the folder: italiadomani-2025-04
    assert plan["period"] == {"start": years[0], "end": years[-1]}
    assert (plan["lang"], plan["status"], plan["currency"]) == ("it-IT", "draft", "EUR")


def test_pnrr_files_are_split_by_mission_and_under_the_limit(pnrr_plan: Imported, pnrr_rows: PnrrRows) -> None:
    missions = sorted(pnrr_rows.distinct("missione"), key=lambda code: int(code[1:]))
    sections = ("30-indicators", "40-actions")
    by_mission = [f"{section}-{n:02d}-{slug(code)}.yaml" for n, code in enumerate(missions, 1) for section in sections]
    names = sorted(path.name for path in pnrr_plan.out.glob("*.yaml"))
    assert names == sorted(["00-plan.yaml", "10-organisations.yaml", "20-objectives.yaml", *by_mission])
    assert "30-indicators-07-m7.yaml" in names
    assert all(path.stat().st_size <= MAX_BYTES for path in pnrr_plan.out.glob("*.yaml"))


# --- What the AgID files say, counted here --------------------------------------------------------


def agid_data(folder: Path, name: str) -> dict[str, Any]:
    loaded = sources.load(folder / name, name).source
    assert loaded is not None, folder / name
    return loaded.data


def agid_lines(folder: Path) -> list[dict[str, Any]]:
    items = agid_data(folder, "linee_azione.yml")["it"]
    assert isinstance(items, list)
    return items


def agid_actors(folder: Path) -> dict[str, Any]:
    actors = agid_data(folder, "attori.yml")["it"]
    assert isinstance(actors, dict)
    return actors


def expected_agid_counts(folder: Path) -> dict[str, int]:
    """Chapters are axes; each (chapter, subchapter or none) an objective; actors organisations; lines actions."""
    lines = agid_lines(folder)
    chapters = {line.get("chapter") for line in lines}
    objectives = {(line.get("chapter"), line.get("subchapter")) for line in lines}
    return {
        "organisations": len(agid_actors(folder)),
        "axes": len(chapters),
        "objectives": len(objectives),
        "indicators": 0,
        "actions": len(lines),
    }


def expected_agid_warnings(plan: Imported, folder: Path) -> set[str]:
    """Why an AgID plan warns: no indicators at all; actors that no line names; lines past their end, not done."""
    named = {actor for line in agid_lines(folder) for actor in line.get("attori") or []}
    warnings = {"objective-without-indicator"}
    if set(agid_actors(folder)) - named:
        warnings.add("organisation-without-role")
    snapshot = plan.result.plan["date"][:7]
    done = {status["action"] for status in plan.result.statuses if status["status"] == "completed"}
    if any(action["end"] < snapshot and action["id"] not in done for action in plan.result.actions):
        warnings.add("action-late")
    return warnings


@pytest.fixture(scope="module")
def agid_plans(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Imported]:
    return {
        edition: imported(agid.read, sample(AGID_FOLDER / edition), tmp_path_factory.mktemp(f"agid-{edition}"))
        for edition in EDITIONS
    }


# --- AgID ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("edition", EDITIONS)
def test_agid_counts_and_check(agid_plans: dict[str, Imported], edition: str) -> None:
    plan, folder = agid_plans[edition], sample(AGID_FOLDER / edition)
    assert plan.result.counts() == expected_agid_counts(folder)
    assert plan.codes("error") == set()
    assert plan.codes("warning") == expected_agid_warnings(plan, folder)
    # AgID called some lines "in corso" at its snapshot although their end had passed.
    assert "action-late" in plan.codes("warning")


def test_agid_bom_and_crlf_are_read(agid_plans: dict[str, Imported]) -> None:
    plan, folder = agid_plans["2019-2021"], sample(AGID_FOLDER / "2019-2021")
    assert (folder / "attori.yml").read_bytes().startswith(BOM)
    assert b"\r\n" in (folder / "linee_azione.yml").read_bytes()
    assert plan.handled("UTF-8 BOM at the start of attori.yml stripped") == 1
    assert plan.handled("CRLF line ends in linee_azione.yml read") == 1
    assert plan.by_id("organisations")["team-digitale"]["name"] == "Team per la trasformazione digitale"


def test_agid_action_line_with_results_deadline(agid_plans: dict[str, Imported]) -> None:
    action = agid_plans["2019-2021"].by_id("actions")["LA-01"]
    assert (action["objective"], action["owner"], action["partners"]) == ("OB-1.1", "agid", ["team-digitale", "consip"])
    assert (action["start"], action["end"]) == ("2019-01", "2020-12")
    statuses = [status for status in agid_plans["2019-2021"].result.statuses if status["action"] == "LA-01"]
    assert statuses == [{"action": "LA-01", "date": "2019-05-10", "status": "started"}]  # "in corso " at the snapshot
    (line,) = (line for line in agid_lines(sample(AGID_FOLDER / "2019-2021")) if line["numero"] == 1)
    assert len(action["deliverables"]) == len(line["risultati"])  # the last one says "(entro dicembre 2020)"


def test_agid_typo_key_a_is_the_deadline(agid_plans: dict[str, Imported]) -> None:
    plan = agid_plans["2019-2021"]
    assert plan.by_id("actions")["LA-07"]["end"] == "2020-03"
    # The note points at the line where the action line with the typo starts.
    text = (sample(AGID_FOLDER / "2019-2021") / "linee_azione.yml").read_text(encoding="utf-8").splitlines()
    typo = text.index("    a: 03/2020")
    start = max(number for number, line in enumerate(text[:typo]) if line.startswith("  - ")) + 1
    assert plan.notes("typo-key") == [f"linee_azione.yml:{start}: key “a: 03/2020” read as “entro” (the deadline)"]


def test_agid_2017_quirks(agid_plans: dict[str, Imported]) -> None:
    plan, lines = agid_plans["2017-2019"], agid_lines(sample(AGID_FOLDER / "2017-2019"))
    actions = plan.by_id("actions")
    assert "deliverables" not in actions["LA-01"]  # risultati: "---"
    placeholders = [line for line in lines if line.get("risultati") == "---"]
    assert len(plan.notes("placeholder-results")) == len(placeholders) > 1
    results = [result for line in lines if isinstance(line.get("risultati"), list) for result in line["risultati"]]
    misspelt = [result for result in results if "note" in result]
    assert plan.handled("result key “note” read as “nota”") == len(misspelt) == 1
    late = actions["LA-11"]  # inizio 01/2018, but its results' latest date is "dicembre 2017"
    assert (late["start"], late["end"]) == ("2018-01", "2019-12")
    assert len(plan.notes("date-order")) == 1
    assert plan.by_id("objectives")["OB-2.1"] == {"id": "OB-2.1", "title": "Dati della PA", "parent": "CAP-2"}


def test_agid_import_gives_the_same_bytes_twice(agid_plans: dict[str, Imported], tmp_path: Path) -> None:
    first = agid_plans["2017-2019"].out
    writer.write(agid.read(sample(AGID_FOLDER / "2017-2019")), tmp_path)
    assert {path.name: path.read_bytes() for path in tmp_path.glob("*.yaml")} == {
        path.name: path.read_bytes() for path in first.glob("*.yaml")
    }


@pytest.mark.toolchain
def test_agid_2019_builds_to_html(agid_plans: dict[str, Imported], tmp_path: Path) -> None:
    started = time.monotonic()
    built = pipeline.build(agid_plans["2019-2021"].out, pipeline.BuildOptions(out=tmp_path, formats=("html",)))
    assert not built.checked.has_errors()
    html = (tmp_path / "plan.html").read_text(encoding="utf-8")
    assert "Piano Triennale per l'informatica" in html
    last = max(agid_lines(sample(AGID_FOLDER / "2019-2021")), key=lambda line: int(line["numero"]))
    assert f"LA-{last['numero']:02d}" in html
    assert time.monotonic() - started < 20


# --- The command --------------------------------------------------------------------------------


def test_command_writes_the_plan_and_reports(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = sample(AGID_FOLDER / "2019-2021")
    assert importers.main(["agid", str(folder), "-o", str(tmp_path / "out")]) == 0
    report = capsys.readouterr().err
    actors = len(agid_actors(folder))
    assert f"Creato il piano agid-piano-triennale-2019-2021: {actors} organizzazioni" in report  # the plan is Italian
    assert "typo-key: 1. La chiave errata «a:» di AgID" in report
    assert (tmp_path / "out" / "00-plan.yaml").is_file()


def test_command_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert importers.main(["pnrr", str(tmp_path / "missing"), "-o", str(tmp_path / "out")]) == 1
    assert importers.main(["nothing", str(tmp_path), "-o", str(tmp_path / "out")]) == 2
    hand_written = tmp_path / "plan"
    hand_written.mkdir()
    (hand_written / "00-plan.yaml").write_text("plan:\n  title: Mine\n", encoding="utf-8")
    assert importers.main(["agid", str(sample(AGID_FOLDER / "2017-2019")), "-o", str(hand_written)]) == 3
    assert (hand_written / "00-plan.yaml").read_text(encoding="utf-8") == "plan:\n  title: Mine\n"
    assert "Cannot read the source" in capsys.readouterr().err


# --- Full data (optional: PLANC_REAL_DATA) --------------------------------------------------------


def full(folder: Path) -> Path:
    """A folder of the full data that PLANC_REAL_DATA names; asked for and missing, it is a failure."""
    assert FULL is not None
    path = Path(FULL) / folder
    assert path.is_dir(), f"PLANC_REAL_DATA is set, but {path} is not there"
    return path


@full_data
def test_full_pnrr_imports_and_checks_as_its_readme_counts(tmp_path: Path) -> None:
    folder = full(PNRR_FOLDER)
    plan = imported(pnrr.read, folder, tmp_path)
    check_pnrr_structure(plan, PnrrRows.read(folder))
    assert (plan.codes("error"), plan.codes("warning")) == (set(), set())
    # The counts its README publishes (§2b, PNRR quirks): 1,372 rows, 1,182 unique ids, 7 missions,
    # 17 components, 27 owners, 117 repeated ids.
    counts = {english(what): count for what, count in plan.result.source_counts.items()}
    assert (counts["milestone/target rows"], counts["milestone/target codes"]) == (1372, 1182)
    assert [len(plan.result.section(name)) for name in ("organisations", "objectives")] == [27, 7 + 17]
    assert len(plan.notes("repeated-id")) == 117


@full_data
@pytest.mark.parametrize(
    ("edition", "lines", "actors", "chapters"), [("2017-2019", 67, 31, 8), ("2019-2021", 90, 71, 9)]
)
def test_full_agid_imports_and_checks_as_its_readme_counts(
    tmp_path: Path, edition: str, lines: int, actors: int, chapters: int
) -> None:
    folder = full(AGID_FOLDER / edition)
    plan = imported(agid.read, folder, tmp_path)
    assert plan.result.counts() == expected_agid_counts(folder)
    # The counts its README publishes (§4): action lines, actors, chapters.
    assert (len(plan.result.actions), len(plan.result.organisations)) == (lines, actors)
    assert sum("parent" not in objective for objective in plan.result.objectives) == chapters
    assert plan.codes("error") == set()
    assert plan.codes("warning") == expected_agid_warnings(plan, folder)


@full_data
def test_the_sample_is_what_the_trim_tool_cuts_from_the_full_data(tmp_path: Path) -> None:
    """Cut, not edited: the vendored files are exactly what ``tools/trim_real_data.py`` cuts today."""
    assert FULL is not None
    tool = Path(__file__).resolve().parent.parent / "tools" / "trim_real_data.py"
    subprocess.run([sys.executable, str(tool), FULL, str(tmp_path)], check=True, capture_output=True)
    cut = {path.relative_to(tmp_path): path.read_bytes() for path in tmp_path.rglob("*") if path.is_file()}
    vendored = {path.relative_to(SAMPLE): path.read_bytes() for path in SAMPLE.rglob("*") if path.is_file()}
    assert cut == {name: data for name, data in vendored.items() if name.suffix in (".csv", ".yml")}


# --- Writer, fields and ids (no real data needed) -----------------------------------------------

TRICKY = [
    "true",
    "NO",
    "0100",
    "1e5",
    "12",
    "-3.5",
    "2025-03",
    "2025-03-31",
    "null",
    "~",
    "12:30",
    "- x",
    "# c",
    "a: b",
]


def tiny(texts: list[str]) -> ImportResult:
    plan: Item = {"title": "T", "version": "1.0", "status": "draft", "date": "2025-01-01", "lang": "it-IT"}
    result = ImportResult(name="tiny", source="a test", plan={**plan, "period": {"start": 2025, "end": 2026}})
    result.organisations = [
        {"id": f"org-{n}", "name": "Org", "type": "other", "description": text} for n, text in enumerate(texts)
    ]
    return result


def test_writer_quotes_every_string_planc_would_type_otherwise(tmp_path: Path) -> None:
    multiline = "first line  \n\n- a list item\n  indented: yes"
    written = writer.write(tiny([*TRICKY, multiline]), tmp_path)
    document = sources.load(tmp_path / "10-organisations.yaml", "10").source
    assert document is not None
    assert [item["description"] for item in document.data["organisations"]] == [*TRICKY, multiline]
    assert [path.name for path in written] == ["00-plan.yaml", "10-organisations.yaml"]


def test_writer_splits_files_over_the_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(writer, "MAX_BYTES", 1500)
    written = writer.write(tiny([f"text {n} " * 8 for n in range(40)]), tmp_path)
    parts = [path.name for path in written if path.name.startswith("10-")]
    assert len(parts) > 1
    assert all(path.stat().st_size <= 1500 for path in written)


def test_writer_replaces_its_own_files_only(tmp_path: Path) -> None:
    writer.write(tiny(["one"]), tmp_path)
    (tmp_path / "10-organisations.yaml").rename(tmp_path / "15-stale.yaml")
    writer.write(tiny(["two"]), tmp_path)
    assert sorted(path.name for path in tmp_path.glob("*.yaml")) == ["00-plan.yaml", "10-organisations.yaml"]
    (tmp_path / "99-mine.yaml").write_text("actions: []\n", encoding="utf-8")
    with pytest.raises(writer.WriteError, match=r"99-mine\.yaml"):
        writer.write(tiny(["three"]), tmp_path)


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        *[("1.234,5", 1234.5), ("8978483,60", 8978483.6), ("0,00", 0.0), ("69.900,00", 69900.0), ("53", 53.0)],
        *[("12.5", 12.5), ("-1,5", -1.5), ("N/A", None), ("n.c.", None), ("NA", None), ("", None), (" ", None)],
    ],
)
def test_numbers_as_published(raw: str, value: float | None) -> None:
    assert fields.number(raw) == value


def test_unreadable_number_raises() -> None:
    with pytest.raises(ValueError, match="not a number"):
        fields.number("circa 10")


def test_quarters_months_and_deadlines_in_words() -> None:
    assert fields.quarter("Q3", "2026") == ((2026, 7), (2026, 9))
    assert fields.quarter("T1", 2024) == ((2024, 1), (2024, 3))
    assert fields.quarter("N/A", "N/A") is None
    assert fields.month_year("03/2020") == (2020, 3)
    assert fields.month_year("13/2020") is None
    assert fields.months_in("(entro dicembre 2020) e (da giugno 2019); entro il 2021") == [(2020, 12), (2021, 12)]


def test_text_is_cleaned_and_cut_with_an_ellipsis() -> None:
    cleaned = fields.clean("a\u200e b\r\n" + "x" * 2500)
    assert cleaned.text is not None
    assert len(cleaned.text) == fields.TEXT_LIMIT
    assert cleaned.text.startswith("a b x") and cleaned.text.endswith("…")
    assert [english(change) for change in cleaned.changes] == [
        "removed 1 invisible character(s)",
        "cut from 2504 to 2000 characters",
    ]
    assert fields.clean("N/A").text is None


def test_ids_are_valid_and_unique() -> None:
    space = IdSpace()
    assert [space.claim("M1C1-17"), space.claim("M1C1-17"), space.claim("M1C1-17")] == [
        "M1C1-17",
        "M1C1-17_2",
        "M1C1-17_3",
    ]
    assert valid("1.2 bis") == "1.2-bis"  # official numbering may start with a digit
    assert valid("§ 3") == "3"
    assert valid("(a)") == "a"
    assert valid("—") == "x"
    assert slug("MIN DELL'UNIVERSITÀ E DELLA RICERCA") == "min-dell-universita-e-della-ricerca"


def test_report_names_each_kind_of_note() -> None:
    result = tiny(["x"])
    result.source_counts = {msg("rows"): 2}
    result.note("repeated-id", "file.csv:3", msg("X is on 2 rows"))
    result.handled[msg("Italian numbers read")] = 4
    report = describe(result)
    assert "Read a test: 2 rows." in report
    assert "Italian numbers read: 4" in report
    assert f"repeated-id: 1. {english(NOTE_KINDS['repeated-id'])}\n    file.csv:3: X is on 2 rows" in report
    italian = describe(result, translate=Translator("it"))
    assert "Letto a test: 2 rows." in italian and "Non ripreso così com'era scritto" in italian


def test_every_kind_of_note_is_documented() -> None:
    noted = set()
    for path in (Path(importers.__file__).parent).glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "attr", None) == "note" and node.args:
                kind = node.args[0]
                assert isinstance(kind, ast.Constant), f"{path.name}:{node.lineno}: a note's kind must be a literal"
                noted.add(kind.value)
    assert noted == set(NOTE_KINDS)


@pytest.mark.toolchain
def test_pnrr_builds_to_html_with_its_milestones_as_milestones(pnrr_plan: Imported, tmp_path: Path) -> None:
    built = pipeline.build(pnrr_plan.out, pipeline.BuildOptions(out=tmp_path, formats=("html",)))
    assert not built.checked.has_errors()
    text = Html.read(tmp_path / "plan.html").text
    # Baseline, the three earlier targets as milestones, then the last target (M1C1-147's row).
    # Each milestone and the target may carry its note (the PNRR code and deadline) after a dash.
    series = r"0 \(2020\) 1\.064 \(2023\)[^;]*; 4\.083 \(2024\)[^;]*; 10\.086 \(2025\)[^;]* 12\.464 \(2026\)"
    assert re.search(series, text), "the series of M1C1-147 in order"
    assert "Completamento del Polo Strategico Nazionale (PSN) (2022)" in text  # a milestone, shown as written


# --- Malformed sources: exit 1 with a message, and never a plan that fails check ------------------

MEASURE_ROW = {
    "missione": "M1",
    "descrizione_missione": "Digitalizzazione",
    "componente": "M1C1",
    "descrizione_componente": "Pubblica amministrazione digitale",
    "codice_univoco_misura": "M1C1I1.01",
    "id_misura": "M1C1I1.1",
    "descrizione_misura": "Infrastrutture digitali",
    "codice_univoco_submisura": "M1C1I1.01.00",
    "descrizione_submisura": "",
    "amministrazione_titolare": "Ministero della prova",
    "nr_seq_mt": "M1C1-1",
    "milestone_target": "Target",
    "nome_milestone_target": "Enti migrati",
    "descrizione_specifica_di_ogni_milestone_e_target": "Enti migrati al cloud",
    "ita_ue": "UE",
    "indicatore_qualitativo": "",
    "unita_di_misura_target": "Numero",
    "riferimento_di_partenza_target": "0",
    "valore_obiettivo_target": "100",
    "trimestre_di_conseguimento": "Q2",
    "anno_di_conseguimento": "2025",
}


def snapshot(folder: Path, rows: list[dict[str, str]], registry: str | None = None) -> Path:
    """A tiny Italia Domani snapshot folder: the milestones-and-targets file, and perhaps a registry."""
    import csv

    folder.mkdir(parents=True)
    with (folder / "PNRR_MeT_OAprogrammazione.csv").open("w", encoding="utf-8", newline="") as stream:
        table = csv.writer(stream, quoting=csv.QUOTE_ALL)
        table.writerow(MEASURE_ROW)
        table.writerows([[row.get(column, "") for column in MEASURE_ROW] for row in rows])
    if registry is not None:
        (folder / "AmmTitolari_interoperabilitaBDAP.csv").write_text(registry, encoding="utf-8")
    return folder


def run_pnrr(source: Path, out: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = importers.main(["pnrr", str(source), "-o", str(out)])
    return code, capsys.readouterr().err


def test_a_tiny_snapshot_imports_into_a_plan_that_checks(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    second = {**MEASURE_ROW, "nr_seq_mt": "M1C1-2", "anno_di_conseguimento": "0000"}  # not a year: left out
    code, report = run_pnrr(snapshot(tmp_path / "x-2025-04", [MEASURE_ROW, second]), tmp_path / "out", capsys)
    assert code == 0, report
    checked = pipeline.check(tmp_path / "out")
    assert not checked.has_errors(), [d.code for d in checked.diagnostics]
    assert checked.plan is not None and checked.plan.meta is not None
    assert str(checked.plan.meta.period) != "" and "0000" not in (tmp_path / "out" / "00-plan.yaml").read_text()


@pytest.mark.parametrize(
    ("rows", "registry", "said"),
    [
        ([{k: v for k, v in MEASURE_ROW.items() if k != "anno_di_conseguimento"}], None, ":2: the row has 20 cells"),
        ([{**MEASURE_ROW, "anno_di_conseguimento": "0000"}], None, "no deadline year"),
        ([MEASURE_ROW], "codice_ente_ipa,nome\nabc,Ministero della prova\n", "no column amministrazione_titolare"),
        ([MEASURE_ROW], "amministrazione_titolare,codice_ente_ipa\nMinistero della prova\n", ":2: the row has 1 cells"),
    ],
    ids=["short-row", "year-0000", "registry-without-owner", "registry-short-row"],
)
def test_a_malformed_snapshot_is_exit_1_with_a_message_and_writes_nothing(
    rows: list[dict[str, str]], registry: str | None, said: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = snapshot(tmp_path / "x-2025-04", rows, registry)
    if said.startswith(":2: the row has 20"):  # the CSV writer wrote every column: cut the last cell off
        table = source / "PNRR_MeT_OAprogrammazione.csv"
        lines = table.read_text(encoding="utf-8").splitlines()
        table.write_text("\n".join([lines[0], lines[1].rsplit(",", 1)[0]]) + "\n", encoding="utf-8")
    code, report = run_pnrr(source, tmp_path / "out", capsys)
    assert code == 1 and said in report, report
    assert "Traceback" not in report
    assert not list((tmp_path / "out").glob("*.yaml"))


def test_an_importer_never_writes_a_plan_that_fails_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    source = snapshot(tmp_path / "x-2025-04", [MEASURE_ROW])
    read = pnrr.read

    def read_with_a_dangling_owner(folder: Path) -> ImportResult:
        result = read(folder)
        result.actions[0]["owner"] = "pa-nessuno"  # as if a mapping went wrong
        return result

    monkeypatch.setitem(importers.IMPORTERS, "pnrr", (read_with_a_dangling_owner, "PNRR"))
    code, report = run_pnrr(source, tmp_path / "out", capsys)
    assert code == 1 and "unknown-reference" in report
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())
