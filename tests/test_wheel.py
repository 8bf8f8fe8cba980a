"""A normal install works: the wheel, installed into a fresh virtual environment outside the checkout.

The wheel is built from the files git tracks (as a fresh clone has them), installed without
``-e`` into a new venv in a temporary folder, and run there on a copy of the example plan: the
schema, templates and catalogues must come from inside the package.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE_PLAN, ROOT

pytestmark = [pytest.mark.toolchain, pytest.mark.slow]


def run(*command: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    environment = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "VIRTUAL_ENV")}
    return subprocess.run(
        [str(part) for part in command],
        check=False,
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        timeout=900,
    )


def tracked_copy(target: Path) -> Path:
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    for name in filter(None, listed.decode("utf-8").split("\0")):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    return target


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bin folder of a fresh venv with planc's wheel installed."""
    scratch = tmp_path_factory.mktemp("wheel")
    source = tracked_copy(scratch / "source")
    built = run(sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", scratch / "dist", source, cwd=scratch)
    assert built.returncode == 0, built.stderr
    (wheel,) = (scratch / "dist").glob("planc-*.whl")
    assert run(sys.executable, "-m", "venv", scratch / "venv", cwd=scratch).returncode == 0
    pip = run(scratch / "venv" / "bin" / "python", "-m", "pip", "install", "--quiet", wheel, cwd=scratch)
    assert pip.returncode == 0, pip.stderr
    assert "deprecat" not in (pip.stdout + pip.stderr).lower()
    return scratch / "venv" / "bin"


def test_the_installed_planc_checks_and_builds_the_example_plan(installed: Path, tmp_path: Path) -> None:
    shutil.copytree(EXAMPLE_PLAN, tmp_path / "plan")
    checked = run(installed / "planc", "check", "plan", cwd=tmp_path)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    built = run(installed / "planc", "build", "plan", "-o", "out", cwd=tmp_path)
    assert built.returncode == 0, built.stdout + built.stderr
    assert sorted(path.name for path in (tmp_path / "out").iterdir()) == [
        "plan.docx",
        "plan.html",
        "plan.md",
        "plan.pdf",
    ]
    assert "Indice" in (tmp_path / "out" / "plan.html").read_text(encoding="utf-8")  # the Italian catalogue


def test_the_installed_planc_reports_its_versions_and_finds_nothing_of_the_checkout(installed: Path) -> None:
    version = run(installed / "planc", "--version", cwd=installed)
    assert version.returncode == 0
    lines = version.stdout.splitlines()
    assert [line.split()[0] for line in lines] == ["planc", "pandoc", "Typst"], version.stdout
    where = run(installed / "python", "-c", "import compiler; print(compiler.__file__)", cwd=installed)
    assert str(installed.parent) in where.stdout and str(ROOT) not in where.stdout
