"""planc diff: two versions that differ in a known set of ways give exactly that set, from folders and git.

The two versions are the base plan with ``tests/cases/review/old`` or ``…/new`` over it; their
README lists the differences, which ``KNOWN`` restates: the expectation is written by hand, not
taken from planc's output. Published versions are compared in ``test_review_documents.py``.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from compiler.review.changes import compare
from tests.conftest import CASES, overlay, planc

REVIEW = CASES / "review"
#: (change, section, id, formerly, {changed field path: (before, after)}) — the README's list.
KNOWN = [
    ("changed", "indicators", "IND-01", None, {"target.value": (300, 350)}),
    ("removed", "indicators", "IND-02", None, {}),
    ("changed", "actions", "AZ-01", None, {"owner": ("comune", "segreteria"), "budget.0.amount": (12000, 15000)}),
    ("changed", "actions", "AZ-20", "AZ-02", {}),
    ("added", "actions", "AZ-03", None, {}),
]


def versions(tmp_path: Path) -> tuple[Path, Path]:
    return overlay(REVIEW / "old", tmp_path / "old"), overlay(REVIEW / "new", tmp_path / "new")


def found(payload: dict[str, Any]) -> list[tuple[Any, ...]]:
    return [
        (
            item["change"],
            item["section"],
            item["id"],
            item["formerly"],
            {".".join(map(str, f["path"])): (f["before"], f["after"]) for f in item["fields"]},
        )
        for item in payload["changes"]
    ]


def test_two_folders_differ_in_exactly_the_known_ways_in_json(tmp_path: Path) -> None:
    old, new = versions(tmp_path)
    run = planc("diff", str(old), str(new), "--format", "json")
    assert run.exit_code == 1
    payload = json.loads(run.stdout)
    assert found(payload) == KNOWN
    assert payload["summary"] == {"changed": 3, "added": 1, "removed": 1, "renamed": 1}


def test_the_text_names_each_change_and_each_field_in_italian_and_english(tmp_path: Path) -> None:
    old, new = versions(tmp_path)
    italian = planc("diff", str(old), str(new)).stdout.splitlines()
    assert italian[1:] == [
        "Modificato: Indicatore IND-01 «Persone raggiunte»",
        "    Valore atteso › Valore: 300 → 350",
        "Eliminato: Indicatore IND-02 «Incontri di quartiere»",
        "Modificato: Azione AZ-01 «Sportello di quartiere»",
        "    Responsabile: Comune di Prova (comune) → Segreteria tecnica (segreteria)",
        "    Budget › Voce di budget 1 › Importo: 12.000\xa0€ → 15.000\xa0€",  # Babel: no-break space
        "Modificato: Azione AZ-20 «Laboratori nelle scuole» (prima AZ-02)",
        "Nuovo: Azione AZ-03 «Festa di quartiere»",
        "Modificati: 3, nuovi: 1, eliminati: 1 (con un nuovo id: 1).",
    ]
    english = planc("diff", str(old), str(new), "--lang", "en").stdout
    assert "Changed: Action AZ-01 “Sportello di quartiere”" in english
    assert "    Owner: Comune di Prova (comune) → Segreteria tecnica (segreteria)" in english
    assert "    Budget › Budget line 1 › Amount: €12,000 → €15,000" in english


def test_the_markdown_has_one_section_per_changed_object(tmp_path: Path) -> None:
    old, new = versions(tmp_path)
    markdown = planc("diff", str(old), str(new), "--format", "markdown").stdout
    headings = [line for line in markdown.splitlines() if line.startswith("## ")]
    assert [
        identifier.replace("-", "\\-") in heading
        for heading, (_c, _s, identifier, *_) in zip(headings, KNOWN, strict=True)
    ] == [True] * len(KNOWN)
    assert "- **Responsabile**: Comune di Prova \\(comune\\) → Segreteria tecnica \\(segreteria\\)" in markdown


def test_the_same_version_twice_differs_in_nothing_and_exits_0(tmp_path: Path) -> None:
    old, _ = versions(tmp_path)
    run = planc("diff", str(old), str(old), "--format", "json")
    assert (run.exit_code, json.loads(run.stdout)["changes"]) == (0, [])


def test_a_version_that_cannot_be_found_is_a_usage_error(tmp_path: Path) -> None:
    old, _ = versions(tmp_path)
    run = planc("diff", "no-such-version", str(old), "--plan", str(old), "--published", str(tmp_path / "none"))
    assert run.exit_code == 2
    assert "«no-such-version»" in run.stderr
    assert "Traceback" not in run.stdout + run.stderr


def test_a_version_with_errors_is_not_compared(tmp_path: Path) -> None:
    old, new = versions(tmp_path)
    (new / "30-actions.yaml").write_text("actions:\n  - id: AZ-01\n", encoding="utf-8")
    run = planc("diff", str(old), str(new))
    assert run.exit_code == 2
    assert "30-actions.yaml:2:" in run.stdout
    assert "errori" in run.stderr


def git(repository: Path, *arguments: str) -> None:
    environment = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org"}
    environment.update(GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.org", GIT_CONFIG_GLOBAL=os.devnull)
    subprocess.run(["git", "-C", str(repository), *arguments], check=True, capture_output=True, env=environment)


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    """A git repository whose plan folder is the old version in one commit and the new one in the next."""
    if shutil.which("git") is None:
        pytest.fail("git is not installed")
    old, new = versions(tmp_path / "versions")
    repository = tmp_path / "repository"
    repository.mkdir()
    git(repository, "init", "-q")
    shutil.copytree(old, repository / "plan")
    git(repository, "add", "-A")
    git(repository, "commit", "-qm", "old")
    git(repository, "tag", "v1")
    shutil.rmtree(repository / "plan")
    shutil.copytree(new, repository / "plan")
    git(repository, "add", "-A")
    git(repository, "commit", "-qm", "new")
    return repository


def test_two_git_revisions_differ_in_exactly_the_known_ways(repository: Path) -> None:
    plan = str(repository / "plan")
    run = planc("diff", "HEAD~1", "HEAD", "--plan", plan, "--format", "json")
    assert (run.exit_code, found(json.loads(run.stdout))) == (1, KNOWN)
    tagged = planc("diff", "v1", "--plan", plan, "--format", "json")  # against the working folder
    assert found(json.loads(tagged.stdout)) == KNOWN


def test_a_revision_names_a_folder_with_rev_colon_folder(repository: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(repository)
    run = planc("diff", "HEAD~1:plan", "HEAD:plan", "--format", "json")
    assert found(json.loads(run.stdout)) == KNOWN


def test_a_reference_to_a_renamed_object_is_not_a_change() -> None:
    old = {"objectives": [{"id": "OB-1", "title": "A"}], "indicators": [{"id": "I", "name": "n", "objective": "OB-1"}]}
    new = {
        "objectives": [{"id": "OB-01", "formerly": "OB-1", "title": "A"}],
        "indicators": [{"id": "I", "name": "n", "objective": "OB-01"}],
    }
    changes = compare(old, new)
    assert [(c.change, c.id, c.formerly, c.fields) for c in changes.objects] == [("changed", "OB-01", "OB-1", ())]


def test_similar_objects_with_different_ids_are_never_paired() -> None:
    old = {"actions": [{"id": "AZ-1", "title": "Same"}]}
    new = {"actions": [{"id": "AZ-2", "title": "Same"}]}
    assert [(c.change, c.id) for c in compare(old, new).objects] == [("added", "AZ-2"), ("removed", "AZ-1")]


def test_fields_the_comparison_has_never_heard_of_are_compared_too() -> None:
    """Fields other parts of planc add (funders, milestones, identifiers) need no change here."""
    old = {"actions": [{"id": "AZ-1", "budget": [{"funder": "fcsp", "amount": 10, "secured": True}]}]}
    new = {
        "actions": [
            {"id": "AZ-1", "budget": [{"funder": "comune", "amount": 10, "secured": False}], "leads": ["a", "b"]}
        ]
    }
    fields = compare(old, new).objects[0].fields
    assert [(f.path, f.before, f.after) for f in fields] == [
        (("budget", 0, "funder"), "fcsp", "comune"),
        (("budget", 0, "secured"), True, False),
        (("leads",), None, ["a", "b"]),
    ]
