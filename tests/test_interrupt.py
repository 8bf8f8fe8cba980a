"""A build killed mid-way leaves the previous outputs whole, and the next build cleans up after it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import CASES, overlay, planc

pytestmark = pytest.mark.toolchain
SLOW_PDF = CASES / "hostile-text" / "pathological-brackets"  # 20,000 brackets: Typst takes seconds


def start_build(plan: Path, out: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "compiler", "build", str(plan), "-o", str(out)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,  # so that the whole build, pandoc and Typst included, can be killed
    )


def wait_for(out: Path, marker: str, process: subprocess.Popen[bytes]) -> None:
    """Wait until a staging folder holds ``marker`` (the build reached that step)."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        if any((folder / marker).exists() for folder in out.glob(".planc-*")):
            return
        time.sleep(0.005)
    process.communicate()  # reap it and close its pipe
    pytest.fail(f"the build never reached {marker}")


@pytest.fixture
def built_once(tmp_path: Path) -> tuple[Path, Path, dict[str, bytes]]:
    plan = overlay(SLOW_PDF, tmp_path / "plan")
    out = tmp_path / "out"
    assert planc("build", str(plan), "-o", str(out)).exit_code == 0
    (plan / "00-plan.yaml").write_text(
        (plan / "00-plan.yaml")
        .read_text(encoding="utf-8")
        .replace("Piano di prova", "Piano di prova, seconda versione"),
        encoding="utf-8",
    )
    return plan, out, {path.name: path.read_bytes() for path in out.iterdir()}


@pytest.mark.parametrize(("marker", "name"), [("typst/main.typ", "pdf"), ("plan.docx.json", "docx")])
def test_a_build_killed_while_writing_leaves_the_old_outputs(
    built_once: tuple[Path, Path, dict[str, bytes]], marker: str, name: str
) -> None:
    plan, out, before = built_once
    process = start_build(plan, out)
    wait_for(out, marker, process)
    os.killpg(process.pid, signal.SIGKILL)
    process.communicate()
    assert {path.name: path.read_bytes() for path in out.iterdir() if not path.name.startswith(".")} == before
    assert planc("build", str(plan), "-o", str(out)).exit_code == 0
    assert sorted(path.name for path in out.iterdir()) == sorted(before)
    assert (out / f"plan.{name}").read_bytes() != before[f"plan.{name}"]


def test_a_terminated_build_cleans_up_its_staging_folder(built_once: tuple[Path, Path, dict[str, bytes]]) -> None:
    plan, out, before = built_once
    process = start_build(plan, out)
    wait_for(out, "typst/main.typ", process)
    os.kill(process.pid, signal.SIGTERM)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 128 + signal.SIGTERM
    assert b"Traceback" not in stderr
    assert {path.name: path.read_bytes() for path in out.iterdir()} == before
