"""A report quotes plan text, so it must not let that text forge report lines or drive the terminal.

Keys and values are quoted in messages; a plan can write a newline, an escape sequence or a
text-direction control into them with YAML escapes. The report shows each such character as a
visible escape, in every format, and it always prints: on a terminal that is not UTF-8, and for a
file whose name is not valid UTF-8.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compiler.messages import report
from tests.conftest import overlay, planc

#: What must never reach a terminal raw: control characters (but the newlines between lines),
#: text-direction controls and line separators.
INVISIBLE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]")
FORGED = "/tmp/plan/00-plan.yaml:1:1: error [forged] a line planc never wrote"
#: An unknown key that holds a newline, an escape sequence and a right-to-left override.
HOSTILE_KEY = f'  "nota\\n{FORGED}\\e[2J\\u202e": 1\n'


def hostile_plan(tmp_path: Path) -> Path:
    plan = overlay(None, tmp_path / "plan")
    header = plan / "00-plan.yaml"
    header.write_text(header.read_text(encoding="utf-8") + HOSTILE_KEY, encoding="utf-8")
    return plan


@pytest.mark.parametrize("output_format", ["text", "json", "github"])
def test_no_character_of_a_quoted_key_can_forge_a_line_or_reach_the_terminal(
    output_format: str, tmp_path: Path
) -> None:
    run = planc("check", "--format", output_format, str(hostile_plan(tmp_path)))
    assert run.exit_code == 1
    diagnostics = json.loads(run.stdout)["diagnostics"] if output_format == "json" else []
    text = run.stdout + " ".join(str(value) for d in diagnostics for value in d.values())  # JSON: decoded
    for character in ("\x1b", "\u202e"):
        assert character not in text + run.stderr
    assert "\\x1B[2J" in text and "\\u202E" in text
    if output_format == "text":
        lines = run.stdout.splitlines()
        assert not any(line.startswith(FORGED) for line in lines)
        assert all(line.startswith((str(tmp_path), " ")) for line in lines), lines
    assert all("\n" not in d["message"] for d in diagnostics)


def test_visible_names_every_invisible_character_and_keeps_the_rest() -> None:
    assert report.visible("a\nb\tc\x1b[0m\u202ed\u2028é“x”😀") == "a\\nb\\tc\\x1B[0m\\u202Ed\\u2028é“x”😀"
    assert report.visible(os.fsdecode(b"azioni\xff.yaml")) == "azioni\\xFF.yaml"


def console(*arguments: str, **environment: str) -> subprocess.CompletedProcess[bytes]:
    """Run the installed console script as a user would, with extra environment variables."""
    script = Path(sys.executable).parent / "planc"
    return subprocess.run(
        [str(script), *arguments], capture_output=True, env={**os.environ, **environment}, timeout=120, check=False
    )


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
def test_the_report_prints_on_a_terminal_that_is_not_utf8(encoding: str, tmp_path: Path) -> None:
    plan = overlay(None, tmp_path / "plan")
    actions = plan / "30-actions.yaml"
    actions.write_text(actions.read_text(encoding="utf-8").replace("owner: comune", "owner: comunë"))
    for output_format in ("text", "json"):
        run = console("check", "--format", output_format, str(plan), PYTHONIOENCODING=encoding)
        assert run.returncode == 1, run.stderr
        assert b"invalid-id" in run.stdout and b"internal error" not in run.stderr
        run.stdout.decode(encoding)  # what it printed is text in the terminal's encoding


def test_the_report_prints_for_a_file_name_that_is_not_utf8(tmp_path: Path) -> None:
    plan = overlay(None, tmp_path / "plan")
    broken = os.fsdecode(b"30-azioni\xff.yaml")
    actions = (plan / "30-actions.yaml").read_text(encoding="utf-8")
    (plan / "30-actions.yaml").unlink()
    (plan / broken).write_text(actions.replace("owner: comune", "owner: nessuno"), encoding="utf-8")
    for output_format in ("text", "json", "github"):
        run = console("check", "--format", output_format, str(plan))
        assert run.returncode == 1, run.stderr
        assert b"30-azioni\\xFF.yaml" in run.stdout.replace(b"\\\\", b"\\")
        run.stdout.decode("utf-8")


@settings(max_examples=30, deadline=None)  # three checks per example: bounded for CI
@given(key=st.text(min_size=1, max_size=12), value=st.text(max_size=12))
def test_any_key_or_value_written_with_escapes_never_reaches_the_report_raw(key: str, value: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        plan = overlay(None, Path(folder) / "plan")
        header = plan / "00-plan.yaml"
        line = f"  {json.dumps(key)}: {json.dumps(value)}\n"  # JSON strings are YAML double-quoted scalars
        header.write_text(header.read_text(encoding="utf-8") + line, encoding="utf-8")
        for output_format in ("text", "json", "github"):
            run = planc("check", "--format", output_format, str(plan))
            assert run.exit_code in (0, 1)
            shown = run.stdout + run.stderr
            if output_format == "json":
                shown += " ".join(str(v) for d in json.loads(run.stdout)["diagnostics"] for v in d.values())
            assert not INVISIBLE.search(shown.replace("\n", "")), repr(shown)
