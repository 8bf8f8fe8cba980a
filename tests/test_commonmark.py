"""planc reads its Markdown with pandoc's CommonMark reader: the AST must be the one pandoc's own
Markdown reader makes of the same text, for every kind of document planc writes."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from compiler import pipeline, production
from compiler.outputs import pandoc
from tests.conftest import CASES, EXAMPLE_PLAN, overlay

#: Plans whose documents hold every kind of block planc writes: the example, every valid case, the
#: hostile plan and each hostile-text case (markup of every kind in plan text), other languages.
PLANS = [
    EXAMPLE_PLAN,
    *sorted((CASES / "valid").iterdir()),
    CASES / "hostile",
    *sorted((CASES / "hostile-text").iterdir()),
    *sorted((CASES / "languages").iterdir()),
]


def reference(markdown: str) -> dict[str, Any]:
    """pandoc's Markdown reader on the whole text, at 60 columns as planc's Markdown is written for."""
    command = [pandoc.executable(), "--from", pandoc.MARKDOWN, "--to", "json", "--columns=60"]
    found: dict[str, Any] = json.loads(
        subprocess.run(command, input=markdown, capture_output=True, text=True, check=True).stdout
    )
    return found


def read(markdown: str, tmp_path: Path, parts: int = 1) -> dict[str, Any]:
    data = tmp_path / "data"
    data.mkdir(exist_ok=True)
    return pandoc.read_markdown(markdown, tmp_path, data, parts)


def markdowns(folder: Path, tmp_path: Path) -> list[str]:
    """The plan's Markdown, its monitoring report's if it has one, and its first organisation's document."""
    plan_dir = folder if folder == EXAMPLE_PLAN else overlay(folder, tmp_path / "plan")
    (plan_dir / "strings.json").unlink(missing_ok=True)
    checked = pipeline.check(plan_dir)
    assert checked.plan is not None
    plan = checked.plan
    found = [production.markdown_of(plan)]
    if plan.monitoring is not None:
        found.append(production.report_markdown_of(plan)[0])
    if plan.organisations:
        found.append(production.organisation_markdown_of(plan, plan.organisations[0]))
    return found


@pytest.mark.parametrize("folder", PLANS, ids=lambda folder: folder.name)
def test_the_same_ast_as_pandoc_markdown(folder: Path, tmp_path: Path) -> None:
    for markdown in markdowns(folder, tmp_path):
        assert read(markdown, tmp_path) == reference(markdown)


def test_pieces_read_apart_are_the_whole(tmp_path: Path) -> None:
    markdown = markdowns(EXAMPLE_PLAN, tmp_path)[0]
    assert read(markdown, tmp_path, parts=3) == reference(markdown)


def table(longest: int, caption: list[str]) -> str:
    """A pipe table whose longest line has ``longest`` characters, then its caption's lines."""
    rows = ["| Azione | Importo |", "|:-------|--------:|", "| AZ-01 | " + "9" * (longest - 12) + " |"]
    assert max(map(len, rows)) == longest
    return "\n".join([*rows, "", *caption, ""])


@pytest.mark.parametrize("longest", [59, 60, 61, 80])
@pytest.mark.parametrize(
    "caption", [[], [": Una didascalia"], [": Una didascalia", "su due righe"]], ids=["none", "one", "two"]
)
def test_widths_and_captions_at_the_edges(longest: int, caption: list[str], tmp_path: Path) -> None:
    """Widths come from the dashes only past 60 columns; captions of one or more lines; in a div too."""
    markdown = table(longest, caption)
    in_div = f"::: {{.box}}\n{markdown}\n:::\n"
    for text in (markdown, in_div, f"Testo prima.\n\n{markdown}\nTesto dopo.\n"):
        assert read(text, tmp_path) == reference(text)
    ast = read(markdown, tmp_path)
    widths = [width["t"] for _align, width in ast["blocks"][0]["c"][2]]
    assert widths == (["ColWidth"] * 2 if longest > 60 else ["ColWidthDefault"] * 2)
