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
        if source.name != "expected.txt":
            shutil.copyfile(source, target / source.name)
    return target


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
