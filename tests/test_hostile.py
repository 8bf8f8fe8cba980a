"""Hostile text in a plan field is shown literally in all three outputs, and nothing runs or is fetched.

Each folder in ``cases/hostile-text`` overlays the base plan with an action whose title and
description hold one kind of attack; ``expected.json`` lists the text that must appear as
written. (``cases/hostile`` puts the same kinds of text in every free-text field at once.)
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import CASES, overlay, planc
from tests.readers import Docx, Html, pdf_pages, planc_chart_drawings, squash

pytestmark = pytest.mark.toolchain
HOSTILE = sorted((CASES / "hostile-text").iterdir())
ALLOWED_LINKS = ("#", "https://", "http://", "mailto:")


def visible(text: str) -> str:
    return squash(text.replace("\u200b", ""))


@pytest.mark.parametrize("case", HOSTILE, ids=lambda case: case.name)
def test_hostile_text_is_literal_in_html_docx_and_pdf(case: Path, tmp_path: Path) -> None:
    plan = overlay(case, tmp_path / "plan")
    out = tmp_path / "out"
    run = planc("build", str(plan), "-o", str(out))
    assert run.exit_code == 0, run.stdout + run.stderr
    page = Html.read(out / "plan.html")
    docx = visible(Docx.read(out / "plan.docx").text)
    pdf = visible(" ".join(pdf_pages(out / "plan.pdf")))
    for text in json.loads((case / "expected.json").read_text(encoding="utf-8")):
        assert text in page.text, text
        assert visible(text) in docx, text
        assert visible(text) in pdf, text
    assert not {"script", "iframe", "link", "object", "embed"} & {element.tag for element in page.elements}
    planc_chart_drawings(page)  # the only images are planc's own charts
    assert all(not name.startswith("on") for element in page.elements for name in element.attributes)
    styled = {(e.tag, e.attributes["style"]) for e in page.elements if "style" in e.attributes}
    # pandoc's own: column widths, the right alignment of planc's money columns, the centred marks of its matrices
    aligned = {"text-align: right;", "text-align: center;"}
    assert {tag for tag, style in styled if style not in aligned} <= {"col", "table"}
    assert all(a.attributes.get("href", "#").startswith(ALLOWED_LINKS) for a in page.tags("a"))
    assert page.tags("title") and "Hijacked" not in (out / "plan.html").read_text(encoding="utf-8").split("</head>")[0]
    for name in ("plan.html", "plan.docx", "plan.pdf"):
        assert b"root:x:0:0" not in (out / name).read_bytes()
    if case.name == "pathological-brackets":
        assert pdf.count("[") >= 20_200 and docx.count("[") >= 20_200


def test_characters_no_pdf_font_has_are_warned_about_and_shown_as_a_square(tmp_path: Path) -> None:
    plan = overlay(CASES / "hostile-text" / "unicode", tmp_path / "plan")
    check = planc("check", "--format", "json", str(plan))
    assert check.exit_code == 0
    # 你好 and 🌍 print with Noto Serif CJK and Noto Sans Symbols2 (`make fonts`); no font has 😀.
    assert check.located() == ["30-actions.yaml:3:40 unprintable-character"]
    out = tmp_path / "out"
    assert planc("build", str(plan), "-o", str(out)).exit_code == 0
    html, docx = Html.read(out / "plan.html").text, Docx.read(out / "plan.docx").text
    for text in ("😀", "مرحبا بالعالم", "你好", "🌍"):
        assert text in html and text in docx
    pdf = " ".join(pdf_pages(out / "plan.pdf"))
    assert "cinese: 你好; emoji 🌍" in pdf and "😀" not in pdf and "□" in pdf
