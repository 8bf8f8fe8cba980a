"""planc serve in Debian's Chromium, as a drafter uses it (tests/clients/serve.mjs drives the page).

The server is the real command (``planc serve --no-browser``) on a copy of the example plan.
"""

from __future__ import annotations

import difflib
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import EXAMPLE_PLAN, ROOT, planc
from tests.test_clients import NODE_MODULES, need, need_npm

pytestmark = [
    pytest.mark.clients,
    pytest.mark.toolchain,
    pytest.mark.skipif(
        os.environ.get("PLANC_SKIP_CLIENTS") == "1", reason="PLANC_SKIP_CLIENTS=1: real clients skipped"
    ),
]
SCRIPT = ROOT / "tests" / "clients" / "serve.mjs"


def start(plan: Path) -> tuple[subprocess.Popen[str], str]:
    """Start ``planc serve`` and return it with the address it prints."""
    command = [sys.executable, "-m", "compiler", "serve", str(plan), "--no-browser"]
    server = subprocess.Popen(command, cwd=ROOT, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    assert server.stderr is not None
    line = server.stderr.readline()
    found = re.search(r"http://127\.0\.0\.1:[0-9]+/[A-Za-z0-9_-]+/", line)
    assert found, line
    return server, found.group(0)


@pytest.fixture(scope="module")
def session(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """One drafter's session in Chromium, its report, and the plan files before it."""
    need_npm(NODE_MODULES / "playwright-core" / "package.json")
    plan = tmp_path_factory.mktemp("serve") / "plan"
    shutil.copytree(EXAMPLE_PLAN, plan)
    before = {path.name: path.read_text(encoding="utf-8") for path in plan.glob("*.yaml")}
    server, url = start(plan)
    try:
        shots = os.environ.get("PLANC_SCREENSHOTS", "")
        command = [need("node"), str(SCRIPT), url, str(plan), *([shots] if shots else [])]
        done = subprocess.run(
            command, cwd=ROOT, capture_output=True, text=True, timeout=600, check=False,
            env={**os.environ, "CHROMIUM": need("chromium")},
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        report: dict[str, Any] = json.loads(done.stdout)
    finally:
        server.terminate()
        server.wait(timeout=30)
        if server.stderr is not None:
            server.stderr.close()
    return {"report": report, "before": before, "plan": plan, "url": url}


def changed(before: str, after: str) -> list[str]:
    diff = difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
    return [line for line in diff if line[:1] in "+-" and not line.startswith(("+++", "---"))]


def test_the_preview_follows_a_save_without_a_reload(session: dict[str, Any]) -> None:
    follow = session["report"]["follow"]
    assert follow["before"] >= 0 and follow["after"] >= 0
    assert follow["url"] == session["url"]  # the page itself was never reloaded
    assert "ultima versione senza errori" in follow["stale"] and "segreteria" in follow["stale"]
    assert follow["documentKept"]
    expected = ("422 (Unprocessable Entity)", "409 (Conflict)")  # the two refused saves, on purpose
    assert [line for line in session["report"]["console"] if not line.endswith(expected)] == []


def test_a_form_changes_the_end_and_owner_lines_only_and_the_plan_stays_clean(session: dict[str, Any]) -> None:
    save = session["report"]["save"]
    assert save["notice"] == "Salvato."
    name = next(name for name in session["before"] if name.startswith("30-"))
    lines = changed(session["before"][name], save["file"])
    assert lines == ["-    owner: ets-omicron", "+    owner: ets-alfa", '-    end: "2025-12"', '+    end: "2027-06"']
    comments = [line for line in session["before"][name].splitlines() if line.lstrip().startswith("#")]
    assert all(comment in save["file"].splitlines() for comment in comments)
    plan = session["plan"]
    check_copy = plan.parent / "after-save"
    shutil.copytree(EXAMPLE_PLAN, check_copy)
    (check_copy / name).write_text(save["file"], encoding="utf-8")
    assert planc("check", str(check_copy)).exit_code == 0


def test_a_wrong_value_gets_the_italian_message_next_to_its_field(session: dict[str, Any]) -> None:
    wrong = session["report"]["wrong"]
    assert "Non è stato salvato nulla" in wrong["refusal"]
    assert "L’azione AZ-20 finisce (2024-01) prima di cominciare (2025-05)" in wrong["atEnd"]
    assert wrong["endInvalid"] == "true"
    assert wrong["file"] == session["report"]["save"]["file"]


def test_a_save_after_an_outside_edit_is_refused(session: dict[str, Any]) -> None:
    conflict = session["report"]["conflict"]
    assert "modificato dopo l’apertura del modulo" in conflict["refusal"]
    assert conflict["unchanged"]


def test_axe_finds_no_violation_in_the_editor_pages(session: dict[str, Any]) -> None:
    axe = session["report"]["axe"]
    assert set(axe) == {"preview", "contents", "form", "form with errors"}
    assert axe == {name: [] for name in axe}, json.dumps(axe, indent=2, ensure_ascii=False)


def test_rows_can_be_added_with_the_script(session: dict[str, Any]) -> None:
    rows = session["report"]["addRow"]
    assert rows["after"] == rows["before"] + 1


def test_everything_works_without_javascript(session: dict[str, Any]) -> None:
    plain = session["report"]["noJs"]
    assert plain["before"] >= 0 and plain["after"] >= 0  # the page followed the save by itself
    assert plain["notice"] == "Salvato."
    assert "      - funder: bandi\n        amount: 4500\n        status: expected\n" in plain["file"]
