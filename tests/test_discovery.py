"""No plan content goes missing without a word, and nothing outside the plan folder is read.

Every entry that is, or looks like, a plan file is either read or reported: odd-case endings,
trailing spaces, pipes, dangling and looping links, links that lead out of the plan folder. A
file's size is read before its content, so a huge file is a diagnostic, never a MemoryError.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from compiler import sources
from tests.conftest import overlay, planc

OUTSIDE_TEXT = "segreto: non deve comparire\n"
OUTSIDE = "outside-plan-folder"


def check(plan: Path) -> tuple[int, list[str], str]:
    """Exit code, ``NAME CODE`` of each diagnostic, and the whole report."""
    run = planc("check", "--format", "json", str(plan))
    report = json.loads(run.stdout)
    located = [f"{Path(d['file']).name} {d['code']}" for d in report["diagnostics"]]
    return run.exit_code, located, run.stdout


@pytest.mark.parametrize(
    "name", ["40-extra.Yaml", "40-extra.YML", "40-extra.yaml ", "40-extra.yml.", "40-extra.yaml\u00a0"]
)
def test_a_file_named_almost_like_a_plan_file_is_an_error_with_its_right_name(name: str, tmp_path: Path) -> None:
    plan = overlay(None, tmp_path / "plan")
    (plan / name).write_text("context:\n  introduction: Testo.\n", encoding="utf-8")
    code, located, report = check(plan)
    assert code == 1 and located == [f"{name} ignored-file"]
    assert "40-extra.y" in json.loads(report)["diagnostics"][0]["hint"]


def test_a_link_to_a_file_outside_the_plan_folder_is_not_read_or_quoted(tmp_path: Path) -> None:
    plan = overlay(None, tmp_path / "plan")
    outside = tmp_path / "elsewhere.yaml"
    outside.write_text(OUTSIDE_TEXT, encoding="utf-8")
    (plan / "40-link.yaml").symlink_to(outside)
    (plan / "41-passwd.yaml").symlink_to("/etc/passwd")
    (plan / "42-zero.yaml").symlink_to("/dev/zero")
    code, located, report = check(plan)
    assert code == 1
    assert located == [f"{name} {OUTSIDE}" for name in ("40-link.yaml", "41-passwd.yaml", "42-zero.yaml")]
    assert "segreto" not in report and "root:" not in report


def test_a_link_inside_the_plan_folder_is_read_once(tmp_path: Path) -> None:
    plan = overlay(None, tmp_path / "plan")
    (plan / "parti").mkdir()
    (plan / "30-actions.yaml").rename(plan / "parti" / "azioni.txt")
    (plan / "30-actions.yaml").symlink_to(Path("parti") / "azioni.txt")
    (plan / "copia").symlink_to("parti")  # a folder link inside: its files are read where they are
    assert check(plan)[:2] == (0, [])


def test_a_link_to_a_folder_outside_is_reported(tmp_path: Path) -> None:
    plan = overlay(None, tmp_path / "plan")
    (tmp_path / "altrove").mkdir()
    (tmp_path / "altrove" / "x.yaml").write_text(OUTSIDE_TEXT, encoding="utf-8")
    (plan / "condivisi").symlink_to(tmp_path / "altrove")
    code, located, report = check(plan)
    assert (code, located) == (1, [f"condivisi {OUTSIDE}"])
    assert "segreto" not in report


def test_dangling_and_looping_links_pipes_and_folders_named_like_plan_files_are_errors(tmp_path: Path) -> None:
    plan = overlay(None, tmp_path / "plan")
    (plan / "40-dangling.yaml").symlink_to(plan / "missing.yaml")
    (plan / "41-loop.yaml").symlink_to(plan / "42-loop.yaml")
    (plan / "42-loop.yaml").symlink_to(plan / "41-loop.yaml")
    os.mkfifo(plan / "43-pipe.yaml")
    (plan / "44-folder.yaml").mkdir()
    code, located, _report = check(plan)  # a pipe would block a reader that opened it: it must not
    assert code == 1
    assert located == [
        f"{name} ignored-file"
        for name in ("40-dangling.yaml", "41-loop.yaml", "42-loop.yaml", "43-pipe.yaml", "44-folder.yaml")
    ]


def test_a_huge_file_is_measured_not_read(tmp_path: Path) -> None:
    plan = overlay(None, tmp_path / "plan")
    with open(plan / "40-huge.yaml", "wb") as huge:
        huge.truncate(8 * 1024**3)  # sparse: 8 GiB that take no disk, and no memory unless read
    code, located, _report = check(plan)
    assert (code, located) == (1, ["40-huge.yaml file-too-large"])


def test_a_pipe_given_to_load_is_refused_without_blocking(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.yaml")
    assert [p.code for p in sources.load(tmp_path / "pipe.yaml", "pipe.yaml").problems] == ["unreadable-file"]
