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


def _rebuilds(variables: list[str]) -> bool:
    dry_run = subprocess.run(["make", "-n", "build", *variables], cwd=ROOT, check=True, capture_output=True, text=True)
    return "planc build" in dry_run.stdout


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_a_plan_file_added_removed_or_renamed_rebuilds(tmp_path: Path) -> None:
    plan, out = overlay(None, tmp_path / "plan with spaces"), tmp_path / "out"
    variables = [f"PLAN={plan}", f"OUT={out}"]
    extra = plan / "50 contesto.yml"
    changes = [
        lambda: (plan / "30-actions.yaml").rename(plan / "30 azioni.yml"),  # same size and time, a new name
        lambda: extra.write_text("context:\n  introduction: Testo.\n", encoding="utf-8"),  # added
        extra.unlink,  # removed
        lambda: (plan / ".nascosto.yaml").write_text("{}\n", encoding="utf-8"),  # hidden: not a plan file
    ]
    subprocess.run(["make", "-s", "build", *variables], cwd=ROOT, check=True, capture_output=True)
    for number, change in enumerate(changes):
        change()
        assert _rebuilds(variables) == (number < len(changes) - 1), number
        subprocess.run(["make", "-s", "build", *variables], cwd=ROOT, check=True, capture_output=True)
        assert not _rebuilds(variables), number


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_signatories_writes_one_set_per_signatory(tmp_path: Path) -> None:
    plan, out = overlay(None, tmp_path / "plan"), tmp_path / "out"
    organisations = (plan / "10-organisations.yaml").read_text(encoding="utf-8")
    signatories = [block.split()[0] for block in organisations.split("- id: ")[1:] if "signatory: true" in block]
    assert len(signatories) == 2  # the base plan: the Comune and one association
    variables = [f"PLAN={plan}", f"OUT={out}"]
    subprocess.run(["make", "-s", "signatories", *variables], cwd=ROOT, check=True, capture_output=True)
    written = sorted(path.name for path in (out / "organisations").iterdir())
    formats = ("docx", "html", "md", "pdf")
    assert written == sorted(f"plan-{org}.{ext}" for org in signatories for ext in formats)
    chosen = subprocess.run(
        ["make", "-n", "signatories", *variables, "ORGS=comune"], cwd=ROOT, check=True, capture_output=True, text=True
    )
    assert "--for 'comune'" in chosen.stdout and "--for-signatories" not in chosen.stdout
