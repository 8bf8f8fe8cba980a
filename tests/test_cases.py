"""Case folders: each invalid plan gives exactly the diagnostics in its expected.txt.

A case folder holds only the files that differ from ``cases/base``; ``expected.txt`` lists one
``FILE:LINE:COL CODE`` line per diagnostic. For a case with errors, ``planc build`` must exit 1
and leave outputs that were already there byte for byte as they were, with nothing added.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import CASES, overlay, planc

INVALID = sorted((CASES / "invalid").iterdir())
VALID = sorted((CASES / "valid").iterdir())
OLD_OUTPUTS = {"plan.html": b"<p>old</p>", "plan.docx": b"old docx", "plan.pdf": b"%PDF old", "plan.md": b"old"}


def expected(case: Path) -> list[str]:
    return (case / "expected.txt").read_text(encoding="utf-8").splitlines()


@pytest.mark.parametrize("case", INVALID, ids=lambda case: case.name)
def test_invalid_case_reports_exactly_its_diagnostics(case: Path, tmp_path: Path) -> None:
    plan = overlay(case, tmp_path / "plan")
    run = planc("check", "--format", "json", str(plan))
    assert run.located() == expected(case)
    has_errors = any(d["severity"] == "error" for d in run.diagnostics)
    assert run.exit_code == (1 if has_errors else 0)
    assert planc("check", "--strict", "--format", "json", str(plan)).exit_code == 1


@pytest.mark.parametrize("case", INVALID, ids=lambda case: case.name)
def test_a_plan_with_errors_writes_nothing_and_keeps_old_outputs(case: Path, tmp_path: Path) -> None:
    plan = overlay(case, tmp_path / "plan")
    out = tmp_path / "out"
    out.mkdir()
    for name, content in OLD_OUTPUTS.items():
        (out / name).write_bytes(content)
    run = planc("build", str(plan), "-o", str(out), "--strict", "--format", "json")
    assert run.exit_code == 1
    assert "Traceback" not in run.stdout + run.stderr
    assert {p.name: p.read_bytes() for p in out.iterdir()} == OLD_OUTPUTS


@pytest.mark.parametrize("case", VALID, ids=lambda case: case.name)
def test_valid_case_is_clean_even_under_strict(case: Path, tmp_path: Path) -> None:
    run = planc("check", "--strict", "--format", "json", str(overlay(case, tmp_path / "plan")))
    assert run.diagnostics == []
    assert run.exit_code == 0


def test_italian_scalars_arrive_as_the_strings_written(tmp_path: Path) -> None:
    from compiler import pipeline

    checked = pipeline.check(overlay(CASES / "valid" / "italian-scalars", tmp_path / "plan"))
    assert checked.plan is not None
    (town_hall, _) = checked.plan.organisations
    assert town_hall.address == "Piazza della Libertà 1, 00100 Novara (NO)"
    assert checked.plan.governance[0].meetings == "12:30"


def test_the_example_plan_is_clean() -> None:
    from tests.conftest import EXAMPLE_PLAN

    run = planc("check", "--strict", "--format", "json", str(EXAMPLE_PLAN))
    assert run.diagnostics == []
    assert run.exit_code == 0
