"""The documents a board reads: headings numbered alike in every format, the index of actions with
its pages, and PDF tables whose short rows never split across pages."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from compiler import pipeline
from compiler.outputs.table_columns import (
    LINE_CHARACTERS,
    ROW_LINES_KEPT,
    ROWS_WHOLE,
    TABLE_LINES_KEPT,
    TABLE_WHOLE,
    fit_columns,
)
from tests.conftest import EXAMPLE_PLAN
from tests.readers import Docx, W, pdf_pages, squash

_HEADING = re.compile(r"^(#+) (.+?) \{#(\S+)( \.unnumbered)?\}$", re.MULTILINE)


def expected_numbers(markdown: str) -> list[tuple[str, str]]:
    """Each numbered heading of the Markdown as (number, title), counted here as a reader counts them."""
    counters: list[int] = []
    numbered = []
    for hashes, title, _anchor, unnumbered in _HEADING.findall(markdown):
        if unnumbered:
            continue
        level = len(hashes)
        counters = [*counters[:level], 0, 0, 0, 0, 0, 0][:level]
        counters[level - 1] += 1
        numbered.append((".".join(map(str, counters)), re.sub(r"\\(.)", r"\1", title)))
    return numbered


@pytest.mark.toolchain
def test_numbered_headings_carry_the_same_numbers_in_html_docx_and_pdf(confluenze: Path) -> None:
    expected = expected_numbers((confluenze / "plan.md").read_text(encoding="utf-8"))
    assert ("1", "Visione, missione e valori") in expected and len(expected) > 10
    page = (confluenze / "plan.html").read_text(encoding="utf-8")
    found = re.findall(
        r'<h\d data-number="([\d.]+)"><span class="header-section-number">\1</span>\s*(.*?)</h\d>', page, re.DOTALL
    )
    assert [(number, squash(html.unescape(re.sub("<[^>]+>", "", title)))) for number, title in found] == [
        (number, squash(title)) for number, title in expected
    ]
    docx = Docx.read(confluenze / "plan.docx")
    numbers = [
        "".join(
            t.text or ""
            for run in p.iter(f"{W}r")
            if run.find(f"{W}rPr/{W}rStyle[@{W}val='SectionNumber']") is not None
            for t in run.iter(f"{W}t")
        )
        for p in docx.body.iter(f"{W}p")
        if any((s.attrib.get(f"{W}val") or "").startswith("Heading") for s in p.iter(f"{W}pStyle"))
    ]
    assert [number for number in numbers if number] == [number for number, _title in expected]
    pdf = squash(" ".join(pdf_pages(confluenze / "plan.pdf")[2:]))  # past the cover and the contents
    for number, title in expected:
        assert squash(f"{number} {title}") in pdf, (number, title)


@pytest.mark.toolchain
def test_plan_objects_headings_are_not_numbered(confluenze: Path) -> None:
    checked = pipeline.check(EXAMPLE_PLAN)
    assert checked.plan is not None
    page = (confluenze / "plan.html").read_text(encoding="utf-8")
    headings = re.findall(r'<h\d class="unnumbered">(.*?)</h\d>', page, re.S)
    unnumbered = {text.split()[0] for text in (re.sub(r"<[^>]*>", "", h) for h in headings) if text.strip()}
    for thing in [*checked.plan.objectives, *checked.plan.actions]:
        assert thing.id in unnumbered, thing.id


@pytest.mark.toolchain
def test_the_index_of_actions_gives_the_page_of_each_sheet(confluenze: Path) -> None:
    checked = pipeline.check(EXAMPLE_PLAN)
    assert checked.plan is not None
    pages = pdf_pages(confluenze / "plan.pdf")
    entries = [
        (match.group(1), int(match.group(2)))
        for match in re.finditer(r"^(AZ-\d+)\b.*?(\d+)\s*$", pages[-1], re.MULTILINE)
    ]
    actions = sorted(checked.plan.actions, key=lambda action: int(action.id.split("-")[1]))
    assert [action_id for action_id, _page in entries] == [action.id for action in actions]
    sheets = next(index for index, text in enumerate(pages) if squash("Schede delle azioni") in squash(text))
    for action, (_id, number) in zip(actions, entries, strict=True):
        assert number - 1 >= sheets, action.id
        assert squash(f"{action.id} {action.title}") in squash(pages[number - 1]), (action.id, number)
    assert [number for _id, number in entries] == sorted(number for _id, number in entries)


def table(*rows: list[str]) -> dict[str, object]:
    """A pandoc table (pipe-table widths) of plain-text cells."""

    def cell(text: str) -> list[object]:
        return [["", [], []], {"t": "AlignDefault"}, 1, 1, [{"t": "Plain", "c": [{"t": "Str", "c": text}]}]]

    specs = [[{"t": "AlignDefault"}, {"t": "ColWidth", "c": 1 / len(rows[0])}] for _ in rows[0]]
    head = [["", [], []], [[["", [], []], [cell(text) for text in rows[0]]]]]
    body = [["", [], []], 0, [], [[["", [], []], [cell(text) for text in row]] for row in rows[1:]]]
    return {"t": "Table", "c": [["", [], []], [None, []], specs, head, [body], [["", [], []], []]]}


def test_a_table_of_short_rows_keeps_each_row_on_one_page_and_a_short_table_the_page_too() -> None:
    (block,) = fit_columns([table(["Id", "Name"], ["IND-1", "Persone raggiunte"], ["IND-2", "Enti coinvolti"])])
    assert block["t"] == "Div" and block["c"][0][1] == [ROWS_WHOLE, TABLE_WHOLE]  # 3 lines and a caption
    assert block["c"][1][0]["t"] == "Table"
    rows = [[f"IND-{number}", "Persone raggiunte"] for number in range(TABLE_LINES_KEPT)]
    (long,) = fit_columns([table(["Id", "Name"], *rows)])
    assert long["c"][0][1] == [ROWS_WHOLE]  # each row whole, the table free to continue on the next page


def test_a_row_taller_than_a_third_of_a_page_may_break() -> None:
    # One unbreakable-free cell of more characters than ROW_LINES_KEPT full lines hold: even alone
    # on the whole line, it takes more lines than a row kept whole may.
    long_text = " ".join(["parola"] * (LINE_CHARACTERS * (ROW_LINES_KEPT + 1) // 7 + 1))
    (block,) = fit_columns([table(["Id", "Description"], ["IND-1", long_text])])
    assert block["t"] == "Table"
