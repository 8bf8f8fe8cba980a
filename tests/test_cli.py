"""The command line contract: formats, languages, exit codes, and no traceback for bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from compiler.checks.rules.unknown_references import CODE as UNKNOWN_REFERENCE
from compiler.messages import report
from compiler.messages.diagnostics import Where, msg
from compiler.messages.translate import Translator
from tests.conftest import CASES, overlay, planc

UNKNOWN_OWNER = CASES / "invalid" / "unknown-owner"


def test_check_of_a_clean_plan_exits_0_and_says_so(base_plan: Path) -> None:
    run = planc("check", str(base_plan))
    assert run.exit_code == 0
    assert run.stdout == ""
    assert run.stderr.strip()


def test_text_diagnostic_names_file_line_column_severity_code_and_hint(tmp_path: Path) -> None:
    plan = overlay(UNKNOWN_OWNER, tmp_path / "plan")
    run = planc("check", "--lang", "en", str(plan))
    first, hint = run.stdout.splitlines()[:2]
    assert first.startswith(f"{plan / '30-actions.yaml'}:5:12: error [unknown-reference] “comune-prova”")
    assert hint.strip() == "hint: Did you mean “comune”? Valid ids: comune, ets-alfa, assemblea, segreteria."
    assert run.exit_code == 1


def test_json_format(tmp_path: Path) -> None:
    run = planc("check", "--format", "json", "--lang", "en", str(overlay(UNKNOWN_OWNER, tmp_path / "plan")))
    payload = json.loads(run.stdout)
    (diagnostic,) = payload["diagnostics"]
    assert set(diagnostic) == {"file", "line", "column", "severity", "code", "message", "hint"}
    assert (diagnostic["line"], diagnostic["column"], diagnostic["severity"]) == (5, 12, "error")
    assert payload["errors"] == 1


def test_github_format_escapes_newlines_and_separators(tmp_path: Path) -> None:
    run = planc("check", "--format", "github", "--lang", "en", str(overlay(UNKNOWN_OWNER, tmp_path / "plan")))
    (line,) = run.stdout.splitlines()
    assert line.startswith("::error file=")
    assert ",line=5,col=12,title=unknown-reference::" in line
    assert "%0ADid you mean" in line


def test_messages_follow_the_plan_language_unless_overridden(tmp_path: Path) -> None:
    plan = overlay(UNKNOWN_OWNER, tmp_path / "plan")
    italian = planc("check", "--format", "json", str(plan)).diagnostics[0]["message"]
    english = planc("check", "--format", "json", "--lang", "en", str(plan)).diagnostics[0]["message"]
    assert "is not the id of" in english
    assert "non è" in italian


def test_strict_turns_warnings_into_failure(tmp_path: Path) -> None:
    plan = overlay(CASES / "invalid" / "chair-not-member", tmp_path / "plan")
    assert planc("check", str(plan)).exit_code == 0
    assert planc("check", "--strict", str(plan)).exit_code == 1


def test_a_folder_without_plan_files_is_an_error(tmp_path: Path) -> None:
    run = planc("check", "--format", "json", str(tmp_path))
    assert [d["code"] for d in run.diagnostics] == ["no-plan-files"]
    assert run.exit_code == 1


@pytest.mark.parametrize(
    "arguments",
    [["check", "/no/such/folder"], ["check", "--format", "xml"], ["build", "--to", "rtf"], ["frobnicate"]],
)
def test_usage_errors_exit_2(arguments: list[str], base_plan: Path) -> None:
    if arguments[0] == "build":
        arguments = [*arguments, str(base_plan)]
    completed = subprocess.run(
        [sys.executable, "-m", "compiler", *arguments], capture_output=True, text=True, check=False
    )
    assert completed.returncode == 2
    assert "Traceback" not in completed.stderr


@pytest.mark.parametrize("epoch", ["4354819200", "99999999999999999999999", "-1", "1e9", "\u0661\u0662"])
@pytest.mark.parametrize("command", ["build", "publish"])
def test_a_source_date_epoch_documents_cannot_carry_is_a_usage_error(
    epoch: str, command: str, base_plan: Path, tmp_path: Path
) -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "compiler", command, str(base_plan), "-o", str(tmp_path / "out")],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "SOURCE_DATE_EPOCH": epoch},
    )
    assert completed.returncode == 2, completed.stderr
    assert "SOURCE_DATE_EPOCH" in completed.stderr and "Traceback" not in completed.stderr
    assert not (tmp_path / "out").exists()


def test_an_internal_error_is_one_line_and_exit_4(base_plan: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from compiler import cli, pipeline

    def explode(_plan_dir: Path) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(pipeline, "check", explode)
    monkeypatch.setattr(sys, "argv", ["planc", "check", str(base_plan)])
    with pytest.raises(SystemExit) as exited:
        cli.main()
    assert exited.value.code == cli.EXIT_INTERNAL


def test_the_console_script_and_module_agree(base_plan: Path) -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "compiler", "--version"], capture_output=True, text=True, check=True
    )
    from compiler import __version__

    assert completed.stdout.splitlines()[0] == f"planc {__version__}"


def test_text_report_shows_the_source_line_and_a_caret() -> None:
    diagnostic = UNKNOWN_REFERENCE.at(Where("plan.yaml", 2, 10), msg("No such id."))
    rendered = report.format_diagnostics(
        [diagnostic], Translator("en"), "text", {"plan.yaml": "actions:\n  - owner: comune-prova\n"}
    )
    assert rendered.splitlines()[1:] == ["     2 |   - owner: comune-prova", "       |          ^"]


@pytest.mark.parametrize(
    ("arguments", "italian"),
    [
        (["codes"], "La cartella del piano non contiene file .yaml o .yml."),
        (["build", "--to", "rtf"], "Valore non valido per --to: scegli tra html, docx, odt, pdf"),
        (["check", "--format", "xml"], "Valore non valido per '--format': 'xml' non è tra"),
        (["check", "/no/such/folder"], "Cartella '/no/such/folder' non esiste."),
        (["frobnicate"], "Il comando 'frobnicate' non esiste."),
        (["--help"], "Controlla un piano strategico scritto in YAML"),
    ],
)
def test_without_a_plan_planc_speaks_the_users_language(arguments: list[str], italian: str, base_plan: Path) -> None:
    if arguments[0] in ("build", "check") and "/no/such/folder" not in arguments:
        arguments = [*arguments, str(base_plan)]
    environment = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES")}
    completed = subprocess.run(
        [sys.executable, "-m", "compiler", *arguments],
        capture_output=True,
        text=True,
        check=False,
        env={**environment, "LANG": "it_IT.UTF-8"},
    )
    said = completed.stdout + completed.stderr
    assert italian in said, said
    assert "Usage:" not in said and "Error:" not in said and "Try '" not in said
