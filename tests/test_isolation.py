"""No planc process imports code from the working directory or the plan folder.

A plan folder is shared, downloaded, unpacked from e-mail: it may hold a ``compiler/`` package, a
``typst.py`` or a ``sitecustomize.py`` next to the plan files, and a drafter runs ``planc build``
from inside it. Each booby trap here writes a marker file when imported; the build must succeed
and no marker may appear.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import overlay, planc

pytestmark = pytest.mark.toolchain
TRAPS = (
    "compiler/__init__.py",
    "compiler/outputs/__init__.py",
    "compiler/outputs/typst.py",
    "typst.py",
    "sitecustomize.py",
    "usercustomize.py",
    "json.py",
)


def booby_trapped(folder: Path) -> Path:
    """A plan folder that also holds Python code which records that it ran."""
    plan = overlay(None, folder)
    for name in TRAPS:
        trap = plan / name
        trap.parent.mkdir(parents=True, exist_ok=True)
        marker = plan / f"RAN-{name.replace('/', '.')}"
        trap.write_text(f"open({str(marker)!r}, 'w').close()\n", encoding="utf-8")
    return plan


def markers(plan: Path) -> list[str]:
    return sorted(path.name for path in plan.glob("RAN-*"))


def test_the_console_script_runs_no_code_from_the_working_directory(tmp_path: Path) -> None:
    plan = booby_trapped(tmp_path / "plan")
    script = Path(sys.executable).parent / "planc"
    environment = {key: value for key, value in os.environ.items() if not key.startswith("PYTHON")}
    run = subprocess.run(
        [str(script), "build", ".", "-o", str(tmp_path / "out")],
        cwd=plan,
        capture_output=True,
        env=environment,
        timeout=300,
        check=False,
    )
    assert run.returncode == 0, run.stderr.decode()
    assert (tmp_path / "out" / "plan.pdf").stat().st_size > 0
    assert markers(plan) == []


def test_the_pdf_child_process_runs_no_code_from_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = booby_trapped(tmp_path / "plan")
    monkeypatch.chdir(plan)
    run = planc("build", ".", "-o", str(tmp_path / "out"), "--to", "pdf")
    assert run.exit_code == 0, run.stderr
    assert markers(plan) == []
