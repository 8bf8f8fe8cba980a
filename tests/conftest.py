"""Shared helpers: plans assembled from the base case, and planc run through click's runner."""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from compiler.cli import cli

ROOT = Path(__file__).resolve().parent.parent
CASES = Path(__file__).resolve().parent / "cases"
BASE = CASES / "base"
EXAMPLE_PLAN = ROOT / "plan"


def overlay(case: Path | None, target: Path) -> Path:
    """Copy the base plan into ``target``, then the case's own files over it."""
    target.mkdir(parents=True, exist_ok=True)
    for source in [*sorted(BASE.iterdir()), *(sorted(case.iterdir()) if case else [])]:
        if source.is_file() and not source.name.startswith("expected"):
            shutil.copyfile(source, target / source.name)
    return target


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite the golden files from the current output (review the diff)",
    )


@dataclass
class Run:
    """What one planc command did."""

    exit_code: int
    stdout: str
    stderr: str

    @property
    def diagnostics(self) -> list[dict[str, Any]]:
        payload: dict[str, Any] = json.loads(self.stdout)
        return list(payload["diagnostics"])

    def located(self) -> list[str]:
        """Diagnostics as ``FILE:LINE:COL CODE`` lines, with the file's base name."""
        return [f"{Path(d['file']).name}:{d['line']}:{d['column']} {d['code']}" for d in self.diagnostics]


def planc(*arguments: str) -> Run:
    """Run planc in process (exceptions propagate, so a crash fails the test)."""
    result = CliRunner().invoke(cli, list(arguments), catch_exceptions=False)
    return Run(result.exit_code, result.stdout, result.stderr)


@pytest.fixture
def base_plan(tmp_path: Path) -> Path:
    """A fresh copy of the small valid plan every case starts from."""
    return overlay(None, tmp_path / "plan")


def build_into(plan: Path, out: Path, *options: str) -> Path:
    """Build ``plan`` into ``out`` (the build must succeed) and return ``out``."""
    run = planc("build", str(plan), "-o", str(out), *options)
    assert run.exit_code == 0, run.stdout + run.stderr
    return out


@pytest.fixture(scope="session")
def confluenze(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example plan, built once for the whole session (read it, never change it)."""
    return build_into(EXAMPLE_PLAN, tmp_path_factory.mktemp("confluenze"))


@pytest.fixture(scope="session")
def monitoring(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example plan's monitoring report, built once for the whole session (read it, never change it)."""
    return build_into(EXAMPLE_PLAN, tmp_path_factory.mktemp("monitoring"), "--document", "monitoring")


@pytest.fixture(scope="session")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The base plan with markup, code or template syntax in every free-text field, built once."""
    plan = overlay(CASES / "hostile", tmp_path_factory.mktemp("hostile") / "plan")
    (plan / "strings.json").unlink()
    return build_into(plan, plan.parent / "out")
