"""Importers: Italy's PNRR (2025) and AgID's three-year plans become planc sources that check with no error.

The real data lives outside the repository (``/work/shared/data/real``, or ``PLANC_REAL_DATA``);
tests that need it skip when it is missing. Each plan is imported, written and checked once per
module.
"""

from __future__ import annotations

import ast
import os
import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from compiler import importers, pipeline, sources
from compiler.importers import agid, fields, pnrr, writer
from compiler.importers.ids import IdSpace, slug, valid
from compiler.importers.pnrr_rows import read_rows
from compiler.importers.result import NOTE_KINDS, ImportResult, Item, describe
from compiler.messages.diagnostics import english, msg
from compiler.messages.translate import Translator
from compiler.sources.decode import MAX_BYTES
from tests.readers import Html

REAL = Path(os.environ.get("PLANC_REAL_DATA", "/work/shared/data/real"))
PNRR_2025 = REAL / "pnrr-italia" / "italiadomani-2025-04"
AGID = REAL / "agid-piano-triennale-ict"
#: Why each plan may warn. AgID: its plan has no indicators, so every objective at the bottom of
#: the tree warns objective-without-indicator; attori.yml lists actors that no action line names
#: (organisation-without-role). The PNRR plan has neither problem.
EXPECTED_WARNINGS = {
    # Two PNRR descriptions use the lenticular brackets 〖 〗: Noto Serif CJK prints them (`make fonts`).
    "pnrr": set(),
    # AgID called some lines "in corso" at its snapshot although their end had passed: action-late.
    "2017-2019": {"objective-without-indicator", "organisation-without-role", "action-late"},
    "2019-2021": {"objective-without-indicator", "organisation-without-role", "action-late"},
}


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


def needs(folder: Path) -> None:
    if not folder.is_dir():
        pytest.skip(f"real data not available at {folder} (see /work/shared/data/real/README.md)")


def imported(read: Any, source: Path, out: Path) -> Imported:
    result = read(source)
    writer.write(result, out)
    return Imported(result, out, pipeline.check(out))


@pytest.fixture(scope="module")
def pnrr_plan(tmp_path_factory: pytest.TempPathFactory) -> Imported:
    needs(PNRR_2025)
    return imported(pnrr.read, PNRR_2025, tmp_path_factory.mktemp("pnrr"))


@pytest.fixture(scope="module")
def agid_plans(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Imported]:
    needs(AGID)
    return {
        edition: imported(agid.read, AGID / edition, tmp_path_factory.mktemp(f"agid-{edition}"))
        for edition in ("2017-2019", "2019-2021")
    }


# --- PNRR ---------------------------------------------------------------------------------------


def test_pnrr_counts(pnrr_plan: Imported) -> None:
    assert {english(what): count for what, count in pnrr_plan.result.source_counts.items()} == {
        "milestone/target rows": 1372,
        "milestone/target codes": 1182,
        "measures": 218,
    }
    # Counted from the rows here: every version of a target is an indicator or a milestone of a
    # series, and the milestones of each measure are one qualitative indicator (the last its target).
    rows = read_rows(PNRR_2025)
    targets = {(row["nr_seq_mt"], row.key) for row in rows if row["milestone_target"].strip().lower() == "target"}
    by_measure: dict[str, set[tuple[str, tuple[str, ...]]]] = {}
    for row in rows:
        if row["milestone_target"].strip().lower() == "milestone":
            by_measure.setdefault(row.measure, set()).add((row["nr_seq_mt"], row.key))
    joined = pnrr_plan.handled("targets joined into series (earlier ones as milestones)")
    assert joined > 100
    assert pnrr_plan.result.counts() == {
        "organisations": 27,
        "axes": 7,
        "objectives": 17,
        "indicators": len(targets) - joined + len(by_measure),
        "actions": 218,
    }
    written = sum(len(item.get("milestones", [])) for item in pnrr_plan.result.indicators)
    assert written == joined + sum(len(steps) - 1 for steps in by_measure.values())


def test_pnrr_checks_with_no_error_and_only_the_expected_warnings(pnrr_plan: Imported) -> None:
    assert pnrr_plan.codes("error") == set()
    assert pnrr_plan.codes("warning") == EXPECTED_WARNINGS["pnrr"]


def test_pnrr_missions_are_axes_and_components_their_objectives(pnrr_plan: Imported) -> None:
    objectives = pnrr_plan.by_id("objectives")
    assert objectives["M1"] == {"id": "M1", "title": "Digitalizzazione, innovazione, competitività e cultura"}
    assert objectives["M7C1"] == {"id": "M7C1", "title": "REPowerEU", "parent": "M7"}
    assert {goal["parent"] for goal in objectives.values() if "parent" in goal} == {f"M{n}" for n in range(1, 8)}


def test_pnrr_measure_with_swapped_codes_dates_from_quarters(pnrr_plan: Imported) -> None:
    action = pnrr_plan.by_id("actions")["M1C1I1.01"]  # rows give M1C1I1.01 and M1C1I1.1 both ways round
    assert (action["title"], action["objective"]) == ("Infrastrutture digitali", "M1C1")
    assert action["owner"] == "pcm-dipartim-trasformazione-digitale"
    assert (action["start"], action["end"]) == ("2022-01", "2026-06")  # Q1 2022 … Q2 2026
    assert "M1C1I1.1" not in pnrr_plan.by_id("actions")


def test_pnrr_measure_with_two_owners_and_a_prefix_code(pnrr_plan: Imported) -> None:
    actions = pnrr_plan.by_id("actions")
    action = actions["M1C1I3.00"]  # also written M1C1I3, which prefixes its sub-measures too
    assert "M1C1I3" not in actions
    assert action["owner"] == ["giust-amm-va-consiglio-di-stato-e-tar", "ministero-della-giustizia"]  # joint owners
    assert "partners" not in action
    assert len(pnrr_plan.notes("several-owners")) == 7


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
    assert pnrr_plan.handled("Italian numbers read (1.234,5 → 1234.5)") > 1000


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


def test_pnrr_repeated_codes_are_read_once_and_reported(pnrr_plan: Imported) -> None:
    repeated = pnrr_plan.notes("repeated-id")
    assert len(repeated) == 117
    assert any("M4C1-10 is on 6 rows" in note for note in repeated)
    # The six rows agree: the milestone is read once, and it is a step of each of the six reforms
    # whose sub-measures it is on (the indicator of each names the reform).
    measures = {row.measure for row in read_rows(PNRR_2025) if row["nr_seq_mt"] == "M4C1-10"}
    assert len(measures) == 6
    for measure in measures:
        (indicator,) = (
            i for i in pnrr_plan.result.indicators if i["name"].startswith(f"Milestone della misura {measure}:")
        )
        notes = [step["note"] for step in (*indicator.get("milestones", []), indicator["target"])]
        assert sum(note.startswith("M4C1-10 ") for note in notes) == 1, measure
        assert "M4C1R1.02 (M4C1R1.02.00)" in indicator["description"]


def test_pnrr_owners_carry_their_tax_and_ipa_codes(pnrr_plan: Imported) -> None:
    justice = pnrr_plan.by_id("organisations")["ministero-della-giustizia"]
    assert (justice["tax_code"], justice["ipa_code"]) == ("80184430587", "M_DG")  # checked by check-digit


def test_pnrr_missing_markers_and_zero_targets_are_reported(pnrr_plan: Imported) -> None:
    assert {note.split(": ")[1] for note in pnrr_plan.notes("missing-unit")} >= {"M2C2-18", "M3C2-00-ITA-6"}
    assert pnrr_plan.by_id("indicators")["M2C2-18"]["unit"] == "unità non indicata"
    assert pnrr_plan.handled("missing markers read as no value (unita_di_misura_target)") == 26  # "NA"
    zero = pnrr_plan.by_id("indicators")["M1C1-80"]
    assert (zero["baseline"]["value"], zero["target"]["value"]) == (0, 0)
    assert "direction" not in zero
    assert len(pnrr_plan.notes("zero-target")) == 13


def test_pnrr_plan_section(pnrr_plan: Imported) -> None:
    plan = pnrr_plan.result.plan
    assert (plan["date"], plan["version"], plan["period"]) == ("2025-04-01", "2025.04", {"start": 2020, "end": 2027})
    assert (plan["lang"], plan["status"], plan["currency"]) == ("it-IT", "draft", "EUR")


def test_pnrr_files_are_split_by_mission_and_under_the_limit(pnrr_plan: Imported) -> None:
    names = sorted(path.name for path in pnrr_plan.out.glob("*.yaml"))
    assert names[:3] == ["00-plan.yaml", "10-organisations.yaml", "20-objectives.yaml"]
    assert "30-indicators-07-m7.yaml" in names
    assert "40-actions-01-m1.yaml" in names
    assert all(path.stat().st_size <= MAX_BYTES for path in pnrr_plan.out.glob("*.yaml"))


# --- AgID ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("edition", "counts"),
    [
        ("2017-2019", {"organisations": 31, "axes": 8, "objectives": 10, "indicators": 0, "actions": 67}),
        ("2019-2021", {"organisations": 71, "axes": 9, "objectives": 11, "indicators": 0, "actions": 90}),
    ],
)
def test_agid_counts_and_check(agid_plans: dict[str, Imported], edition: str, counts: dict[str, int]) -> None:
    plan = agid_plans[edition]
    assert plan.result.counts() == counts
    assert plan.codes("error") == set()
    assert plan.codes("warning") == EXPECTED_WARNINGS[edition]


def test_agid_bom_and_crlf_are_read(agid_plans: dict[str, Imported]) -> None:
    plan = agid_plans["2019-2021"]
    assert plan.handled("UTF-8 BOM at the start of attori.yml stripped") == 1
    assert plan.handled("CRLF line ends in linee_azione.yml read") == 1
    assert (
        agid_plans["2019-2021"].by_id("organisations")["team-digitale"]["name"] == "Team per la trasformazione digitale"
    )


def test_agid_action_line_with_results_deadline(agid_plans: dict[str, Imported]) -> None:
    action = agid_plans["2019-2021"].by_id("actions")["LA-01"]
    assert (action["objective"], action["owner"], action["partners"]) == ("OB-1.1", "agid", ["team-digitale", "consip"])
    assert (action["start"], action["end"]) == ("2019-01", "2020-12")
    statuses = [status for status in agid_plans["2019-2021"].result.statuses if status["action"] == "LA-01"]
    assert statuses == [{"action": "LA-01", "date": "2019-05-10", "status": "started"}]  # "in corso" at the snapshot
    assert len(action["deliverables"]) == 3  # the last one says "(entro dicembre 2020)"


def test_agid_typo_key_a_is_the_deadline(agid_plans: dict[str, Imported]) -> None:
    plan = agid_plans["2019-2021"]
    assert plan.by_id("actions")["LA-07"]["end"] == "2020-03"
    assert plan.notes("typo-key") == ["linee_azione.yml:110: key “a: 03/2020” read as “entro” (the deadline)"]


def test_agid_2017_quirks(agid_plans: dict[str, Imported]) -> None:
    plan = agid_plans["2017-2019"]
    actions = plan.by_id("actions")
    assert "deliverables" not in actions["LA-01"]  # risultati: "---"
    assert len(plan.notes("placeholder-results")) == 15
    assert plan.handled("result key “note” read as “nota”") == 1
    late = actions["LA-11"]  # inizio 01/2018, but its results' latest date is "dicembre 2017"
    assert (late["start"], late["end"]) == ("2018-01", "2019-12")
    assert len(plan.notes("date-order")) == 1
    assert plan.by_id("objectives")["OB-2.1"] == {"id": "OB-2.1", "title": "Dati della PA", "parent": "CAP-2"}


def test_agid_import_gives_the_same_bytes_twice(agid_plans: dict[str, Imported], tmp_path: Path) -> None:
    first = agid_plans["2017-2019"].out
    writer.write(agid.read(AGID / "2017-2019"), tmp_path)
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
    assert "LA-90" in html
    assert time.monotonic() - started < 20


# --- The command --------------------------------------------------------------------------------


def test_command_writes_the_plan_and_reports(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    needs(AGID)
    assert importers.main(["agid", str(AGID / "2019-2021"), "-o", str(tmp_path / "out")]) == 0
    report = capsys.readouterr().err
    assert "Creato il piano agid-piano-triennale-2019-2021: 71 organizzazioni" in report  # the plan is Italian
    assert "typo-key: 1. La chiave errata «a:» di AgID" in report
    assert (tmp_path / "out" / "00-plan.yaml").is_file()


def test_command_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert importers.main(["pnrr", str(tmp_path / "missing"), "-o", str(tmp_path / "out")]) == 1
    assert importers.main(["nothing", str(tmp_path), "-o", str(tmp_path / "out")]) == 2
    hand_written = tmp_path / "plan"
    hand_written.mkdir()
    (hand_written / "00-plan.yaml").write_text("plan:\n  title: Mine\n", encoding="utf-8")
    needs(AGID)
    assert importers.main(["agid", str(AGID / "2017-2019"), "-o", str(hand_written)]) == 3
    assert (hand_written / "00-plan.yaml").read_text(encoding="utf-8") == "plan:\n  title: Mine\n"
    assert "Cannot read the source" in capsys.readouterr().err


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
