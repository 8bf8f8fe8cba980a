"""The make contract: a second `make` with nothing changed does no pandoc or Typst work."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT, overlay

pytestmark = pytest.mark.toolchain


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_a_second_make_with_nothing_changed_rebuilds_nothing(tmp_path: Path) -> None:
    plan, out = overlay(None, tmp_path / "plan"), tmp_path / "out"
    variables = [f"PLAN={plan}", f"OUT={out}"]
    subprocess.run(["make", "-s", "build", *variables], cwd=ROOT, check=True, capture_output=True)
    assert (out / "plan.pdf").exists()
    question = subprocess.run(["make", "-q", f"{out}/.built", *variables], cwd=ROOT, check=False, capture_output=True)
    assert question.returncode == 0, "make thinks the outputs are out of date"
    dry_run = subprocess.run(["make", "-n", "build", *variables], cwd=ROOT, check=True, capture_output=True, text=True)
    assert "planc build" not in dry_run.stdout
    (plan / "30-actions.yaml").touch()
    dry_run = subprocess.run(["make", "-n", "build", *variables], cwd=ROOT, check=True, capture_output=True, text=True)
    assert "planc build" in dry_run.stdout
