"""planc comments: every reviewer's comment lands on the object it sits on, in Word's and LibreOffice's files.

The reviewed document is the DOCX planc builds from the new version of ``tests/cases/review``.
Comments are placed on a paragraph, a heading, a table row, a range over two objects, the budget
table, plus a reply, a resolved comment and a tracked replacement; ``PLACED`` says, from the
document's layout, which object each is on. LibreOffice then converts the file (DOCX → ODT → DOCX)
and comments one itself; every comment must land on the same object.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import zipfile
from pathlib import Path
from typing import Any

import pytest

from compiler import pipeline
from tests.conftest import CASES, build_into, overlay, planc
from tests.reviewing import Comment, LibreOffice, add_thread, comment_with_python_docx, track_replacement

pytestmark = pytest.mark.toolchain
REVIEW = CASES / "review"
COMMENTS = [
    Comment("Laboratori di cittadinanza", "Serve un quarto incontro.", "Anna Rossi"),  # AZ-20's description
    Comment("AZ-01 Sportello", "Titolo da rivedere.", "Bruno Verdi"),  # AZ-01's heading
    Comment("IND-01", "=Valore troppo basso", "Carla Neri", after="Indice degli indicatori"),  # its row in the index
    Comment("Laboratori di cittadinanza", "Unire le due azioni?", "Dario Bassi", last="AZ-03 Festa"),  # AZ-20 → AZ-03
    Comment("Comune di Prova", "Quota da confermare.", "Elena Sala", after="Per finanziatore"),  # budget
    Comment("Laboratori di cittadinanza", "D'accordo con Anna.", "Bruno Verdi"),  # the reply (below)
]
REPLY, RESOLVED = {5: 0}, [1]  # python-docx numbers comments from 0 in the order they are added
#: Comment text → (object, other objects its range covers); None: a part of the document, no object.
PLACED: dict[str, tuple[str | None, list[str]]] = {
    "Serve un quarto incontro.": ("AZ-20", []),
    "Titolo da rivedere.": ("AZ-01", []),
    "=Valore troppo basso": ("IND-01", []),
    "Unire le due azioni?": ("AZ-20", ["AZ-03"]),
    "Quota da confermare.": ("comune", []),  # the funder cell links to the organisation
    "D'accordo con Anna.": ("AZ-20", []),
    "Festa di quartiere": ("AZ-03", []),  # the tracked deletion, in AZ-03's row
    "Festa di strada": ("AZ-03", []),  # and insertion
}


@pytest.fixture(scope="module")
def reviewed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The plan, its DOCX, and the DOCX commented with python-docx (replies, resolved, tracked changes added)."""
    root = tmp_path_factory.mktemp("comments")
    plan = overlay(REVIEW / "new", root / "plan")
    built = build_into(plan, root / "out", "--to", "docx") / "plan.docx"
    commented = root / "revisione.docx"
    comment_with_python_docx(built, commented, COMMENTS)
    add_thread(commented, REPLY, RESOLVED)
    track_replacement(commented, "Festa di quartiere", "Festa di strada", "Rita Blu", "2025-02-12")
    return {"root": root, "plan": plan, "built": built, "commented": commented}


def register(plan: Path, *files: Path, extra: tuple[str, ...] = ()) -> dict[str, Any]:
    run = planc("comments", *map(str, files), "--plan", str(plan), "--format", "json", *extra)
    assert run.exit_code == 0, run.stdout + run.stderr
    payload: dict[str, Any] = json.loads(run.stdout)
    return payload


def placed(payload: dict[str, Any]) -> dict[str, tuple[str | None, list[str]]]:
    return {entry["text"]: (entry["object"], entry["also"]) for entry in payload["entries"]}


def test_every_comment_lands_on_the_object_it_sits_on(reviewed: dict[str, Path]) -> None:
    payload = register(reviewed["plan"], reviewed["commented"])
    assert placed(payload) == PLACED
    by_text = {entry["text"]: entry for entry in payload["entries"]}
    assert by_text["D'accordo con Anna."]["kind"] == "reply"
    assert by_text["D'accordo con Anna."]["reply_to"] == by_text["Serve un quarto incontro."]["number"]
    assert by_text["Titolo da rivedere."]["resolved"] is True
    assert (by_text["Festa di quartiere"]["kind"], by_text["Festa di strada"]["kind"]) == ("deletion", "insertion")
    assert by_text["Festa di strada"]["author"] == "Rita Blu" and by_text["Festa di strada"]["date"] == "2025-02-12"
    budget = by_text["Quota da confermare."]
    assert (budget["section"], budget["headings"]) == ("sec:budget-sources", ["Budget", "Per finanziatore"])


def test_the_register_is_in_plan_order_with_replies_after_what_they_answer(reviewed: dict[str, Path]) -> None:
    entries = register(reviewed["plan"], reviewed["commented"])["entries"]
    order = [entry["text"] for entry in entries]
    # OB-1.1's table (AZ-03's row) comes before the action sheets (AZ-01, AZ-20), then the budget, then the index.
    sequence = ["Festa di quartiere", "Titolo da rivedere.", "Serve un quarto incontro.", "Quota da confermare."]
    assert [order.index(text) for text in [*sequence, "=Valore troppo basso"]] == sorted(
        order.index(text) for text in [*sequence, "=Valore troppo basso"]
    )
    assert order.index("D'accordo con Anna.") == order.index("Serve un quarto incontro.") + 1
    assert [entry["number"] for entry in entries] == list(range(1, len(entries) + 1))


def test_the_csv_opens_in_an_italian_spreadsheet_and_no_cell_is_a_formula(reviewed: dict[str, Path]) -> None:
    run = planc("comments", str(reviewed["commented"]), "--plan", str(reviewed["plan"]))
    assert run.stdout.startswith("\ufeffN.;Elemento;Parte del documento;Tipo;Autore;Data;Testo;")
    rows = run.stdout.splitlines()
    assert len(rows) == 1 + len(PLACED)
    assert any(";'=Valore troppo basso;" in row for row in rows)
    assert not any(";=" in row for row in rows)


def test_the_markdown_groups_the_comments_by_object(reviewed: dict[str, Path]) -> None:
    run = planc("comments", str(reviewed["commented"]), "--plan", str(reviewed["plan"]), "--format", "markdown")
    headings = [line for line in run.stdout.splitlines() if line.startswith("## ")]
    assert headings[0] == "## AZ\\-03 Festa di quartiere"
    assert len(headings) == len({obj for obj, _ in PLACED.values()})


def test_comments_land_on_the_same_objects_when_the_bookmarks_are_gone(
    reviewed: dict[str, Path], tmp_path: Path
) -> None:
    stripped = tmp_path / "senza-segnalibri.docx"
    with zipfile.ZipFile(reviewed["commented"]) as source, zipfile.ZipFile(stripped, "w") as target:
        for name in source.namelist():
            data = source.read(name)
            if name == "word/document.xml":
                data = re.sub(rb"<w:bookmark(?:Start|End) [^>]*/>", b"", data)
            target.writestr(name, data)
    assert b"bookmarkStart" not in zipfile.ZipFile(stripped).read("word/document.xml")
    assert placed(register(reviewed["plan"], stripped)) == PLACED


def test_into_adds_observations_in_a_new_file_that_checks_and_changes_no_other(
    reviewed: dict[str, Path], tmp_path: Path
) -> None:
    plan = overlay(REVIEW / "new", tmp_path / "plan")
    before = {path.name: path.read_bytes() for path in plan.iterdir()}
    run = planc("comments", str(reviewed["commented"]), "--plan", str(plan), "--into", str(plan))
    assert run.exit_code == 0, run.stderr
    added = sorted(set(path.name for path in plan.iterdir()) - set(before))
    assert added == ["90-osservazioni.yaml"]
    assert {name: (plan / name).read_bytes() for name in before} == before
    checked = pipeline.check(plan)
    assert [d.code for d in checked.diagnostics] == []
    assert checked.plan is not None
    observations = checked.plan.observations
    # One per comment (the reply joins the comment it answers) and per suggested edit.
    assert len(observations) == len(PLACED) - 1
    first = next(o for o in observations if o.text.startswith("Serve un quarto incontro."))
    assert (first.on.id if first.on else None, first.origin, first.source) == (
        "AZ-20",
        "comments",
        str(reviewed["commented"]),
    )
    assert "Risposta di Bruno Verdi: D'accordo con Anna." in first.text
    assert all(o.outcome is None for o in observations)
    again = planc("comments", str(reviewed["commented"]), "--plan", str(plan), "--into", str(plan))
    assert again.exit_code == 0 and "Nessuna nuova osservazione" in again.stderr
    assert sorted(path.name for path in plan.iterdir()) == sorted([*before, *added])


def test_comments_on_an_older_version_say_which_commented_objects_changed(tmp_path: Path) -> None:
    root = tmp_path / "publish"
    old = overlay(REVIEW / "old", tmp_path / "old")
    assert planc("publish", str(old), "-o", str(root)).exit_code == 0
    published = next((root / "1.0").glob("*.docx"))
    commented = tmp_path / "vecchia.docx"
    comment_with_python_docx(
        published,
        commented,
        [
            Comment("AZ-01 Sportello", "Va bene.", "Anna Rossi"),  # changed since
            Comment("AZ-02 Laboratori", "Titolo?", "Anna Rossi"),  # renamed AZ-20 since
            Comment("IND-02", "Utile?", "Anna Rossi"),  # removed since
            Comment("ASSE-1 Inclusione", "Chiaro.", "Anna Rossi", after="Assi strategici"),  # unchanged (its heading)
        ],
    )
    current = overlay(REVIEW / "new", tmp_path / "new")
    header = current / "00-plan.yaml"
    header.write_text(header.read_text().replace('version: "1.0"', 'version: "1.1"'))
    run = planc("comments", str(commented), "--plan", str(current), "--published", str(root), "--format", "json")
    assert run.exit_code == 0, run.stderr
    assert "vecchia.docx è stato fatto sulla versione 1.0" in run.stderr
    assert "Elementi commentati che sono cambiati: AZ-01, AZ-20, IND-02." in run.stderr
    entries = {e["text"]: (e["object"], e["changed_since"]) for e in json.loads(run.stdout)["entries"]}
    assert entries == {
        "Va bene.": ("AZ-01", True),
        "Titolo?": ("AZ-20", True),
        "Utile?": ("IND-02", True),
        "Chiaro.": ("ASSE-1", False),
    }


def test_a_file_that_is_not_a_document_is_refused_clearly(reviewed: dict[str, Path], tmp_path: Path) -> None:
    fake = tmp_path / "commenti.docx"
    fake.write_text("not a zip", encoding="utf-8")
    run = planc("comments", str(fake), "--plan", str(reviewed["plan"]))
    assert run.exit_code == 1
    assert "non è un documento DOCX o ODT" in run.stderr and "Traceback" not in run.stderr


# LibreOffice: the same comments after a round trip, and comments LibreOffice makes itself.

clients = pytest.mark.skipif(os.environ.get("PLANC_SKIP_CLIENTS") == "1", reason="PLANC_SKIP_CLIENTS=1")


def office(tmp_path_factory: pytest.TempPathFactory) -> LibreOffice:
    if shutil.which("soffice") is None:
        pytest.fail("soffice is not installed (Debian package libreoffice-writer-nogui): run `make clients`")
    return LibreOffice(tmp_path_factory.mktemp("libreoffice"))


@pytest.fixture(scope="module")
def round_trip(reviewed: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The commented DOCX saved by LibreOffice as ODT, and that ODT saved again as DOCX."""
    libreoffice = office(tmp_path_factory)
    odt = libreoffice.convert(reviewed["commented"], "odt", reviewed["root"] / "odt")
    return {"odt": odt, "docx": libreoffice.convert(odt, "docx", reviewed["root"] / "docx-again")}


@pytest.mark.clients
@clients
@pytest.mark.parametrize("kind", ["odt", "docx"])
def test_every_comment_lands_on_the_same_object_after_a_libreoffice_round_trip(
    reviewed: dict[str, Path], round_trip: dict[str, Path], kind: str
) -> None:
    payload = register(reviewed["plan"], round_trip[kind])
    assert placed(payload) == PLACED
    by_text = {entry["text"]: entry for entry in payload["entries"]}
    assert by_text["Titolo da rivedere."]["resolved"] is True
    # LibreOffice 7.4 keeps a reply as a comment of its own on the same text (7.5 on keeps the thread).
    assert by_text["D'accordo con Anna."]["object"] == "AZ-20"


@pytest.mark.clients
@clients
def test_comments_made_in_libreoffice_land_on_their_objects(
    reviewed: dict[str, Path], tmp_path_factory: pytest.TempPathFactory
) -> None:
    libreoffice = office(tmp_path_factory)
    made = libreoffice.comment(
        reviewed["built"],
        reviewed["root"] / "libreoffice",
        [
            ("Laboratori di cittadinanza", "Lia Gallo", "Paragrafo"),
            ("AZ-01 Sportello", "Lia Gallo", "Titolo"),
            ("IND-01", "Lia Gallo", "Riga"),
            ("OB-1.1>>Totale", "Lia Gallo", "Bilancio"),  # OB-1.1 table's total row: the objective
        ],
    )
    expected = {"Paragrafo": ("AZ-20", []), "Titolo": ("AZ-01", []), "Riga": ("IND-01", []), "Bilancio": ("OB-1.1", [])}
    for document in made:
        payload = register(reviewed["plan"], document)
        assert placed(payload) == expected, document.name
        assert payload["files"][0]["version"] == "1.0"  # LibreOffice keeps planc's custom properties
