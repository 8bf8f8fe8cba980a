"""The plan at a glance, the consultation box and the plan's charts, opened in the real HTML, DOCX and PDF.

Expected figures come from the checked model (counts, consultation) or from the YAML files
themselves (the budget total), never from the layout code under test.
"""

from __future__ import annotations

import math
import re
import zipfile
from pathlib import Path

import pikepdf
import pytest

from compiler import pipeline
from compiler.model import Plan
from tests.conftest import EXAMPLE_PLAN
from tests.readers import Docx, Html, pdf_pages, squash
from tests.test_budget import written_budget

pytestmark = pytest.mark.toolchain

#: The example plan's timeline shows at most this many actions in one chart (a page).
TIMELINE_ROWS = 30


@pytest.fixture(scope="module")
def plan() -> Plan:
    checked = pipeline.check(EXAMPLE_PLAN).plan
    assert checked is not None
    return checked


def italian_money(cents: int) -> str:
    """``835.000 €`` as the Italian documents write a whole amount."""
    assert cents % 100 == 0
    return f"{cents // 100:,} €".replace(",", ".")


def expected_figures(plan: Plan) -> list[str]:
    """The summary's counts and total, from the model and the YAML files."""
    axes = [o for o in plan.objectives if o.parent is None]
    total, _secured = written_budget(EXAMPLE_PLAN)
    counts = (len(axes), len(plan.objectives) - len(axes), len(plan.indicators), len(plan.actions))
    return [*map(str, counts), str(len(plan.organisations)), italian_money(total)]


def expected_charts(plan: Plan) -> set[str]:
    """The ids of the charts the plan should have: summary, budget views, timeline of each axis, indicators."""
    parents = {o.id: o.parent.id if o.parent else None for o in plan.objectives}

    def axis_of(identifier: str) -> str:
        while parents[identifier]:
            identifier = parents[identifier]  # type: ignore[assignment]
        return identifier

    per_axis: dict[str, int] = {}
    for action in plan.actions:
        axis = axis_of(action.objectives[0].id) if action.objectives else "other"
        per_axis[axis] = per_axis.get(axis, 0) + 1
    timeline = {
        f"chart-timeline-{axis.replace('.', '-')}-{n + 1}"
        for axis, count in per_axis.items()
        for n in range(math.ceil(count / TIMELINE_ROWS))
    }
    numeric = {
        i.objective.id
        for i in plan.indicators
        if i.objective and i.baseline and i.target and all(m.is_number for m in (i.baseline, *i.milestones, i.target))
    }
    budget = {f"chart-budget-{view}" for view in ("axes", "years", "leads", "funders")}
    return {"chart-summary-axes", *budget, *timeline, *(f"chart-indicators-{o}" for o in numeric)}


def test_the_summary_page_shows_the_models_figures_in_every_format(confluenze: Path, plan: Plan) -> None:
    figures = expected_figures(plan)
    html = Html.read(confluenze / "plan.html").text
    assert re.search(r"Il piano in sintesi Il piano in cifre Periodo .{0,120}" + re.escape(" ".join(figures)), html)
    docx = Docx.read(confluenze / "plan.docx").text
    assert squash(" ".join(figures)) in squash(docx.split("Il piano in sintesi", 1)[1])[:800]
    pages = pdf_pages(confluenze / "plan.pdf")
    assert "Il piano in sintesi" in pages[1].split("\n")[:3]  # its own page, right after the cover
    assert squash(" ".join(figures)) in squash(pages[1])
    assert "Indice" not in pages[1] and "Indice" in pages[2]


def test_the_consultation_box_says_to_whom_by_when_and_how_in_every_format(confluenze: Path, plan: Plan) -> None:
    consultation = plan.consultation
    assert consultation is not None and consultation.email and plan.meta and plan.meta.status == "draft"
    day = consultation.deadline.first_day()
    assert day is not None
    months = ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto"]
    months += ["settembre", "ottobre", "novembre", "dicembre"]
    words = [f"osservazioni entro il {day.day} {months[day.month - 1]} {day.year}", consultation.contact]
    page = Html.read(confluenze / "plan.html")
    assert [e.attributes.get("class") for e in page.tags("div")].count("consultation") == 1
    body = Docx.read(confluenze / "plan.docx").parts["word/document.xml"]
    box = re.findall(r'<w:pStyle w:val="Consultation"\s*/>.*?</w:p>', body, re.S)
    assert len(box) == 3  # when, to whom, how
    cover = pdf_pages(confluenze / "plan.pdf")[0]
    for text in (*words, consultation.email):
        assert text in page.text and squash(text) in squash(cover), text
        assert squash(text) in squash(Docx.read(confluenze / "plan.docx").text), text
    assert squash(words[0]) in squash(re.sub(r"<[^>]+>", "", box[0]))


def test_every_chart_is_an_svg_figure_with_its_alternative_and_a_data_table_in_the_html(
    confluenze: Path, plan: Plan
) -> None:
    page = Html.read(confluenze / "plan.html")
    figures = [e.attributes["id"] for e in page.tags("figure") if e.attributes.get("class") == "chart"]
    assert set(figures) == expected_charts(plan) and len(figures) == len(set(figures))
    sequence = [e.tag for e in page.elements]
    starts = [i for i, e in enumerate(page.elements) if e.tag == "figure"]
    for start in starts:
        # The data table is the next table (the timeline, the budget) or the last one before (the indicators),
        # with no heading in between.
        after = sequence[start:]
        before = sequence[: start + 1][::-1]
        near = [
            side.index("table")
            for side in (after, before)
            if "table" in side and not _heading(side, side.index("table"))
        ]
        assert near, page.elements[start].attributes["id"]
    alts = {figure: image.attributes["alt"] for figure, image in zip(figures, page.tags("img"), strict=True)}
    for action in plan.actions:
        assert any(re.search(rf"\b{action.id} T\d 20\d\d", alt) for key, alt in alts.items() if "timeline" in key)
    total, _secured = written_budget(EXAMPLE_PLAN)
    for view in ("axes", "years", "leads", "funders"):
        listed = [a for a in re.findall(r": ([\d.]+)\s€ \(", alts[f"chart-budget-{view}"])]
        assert sum(int(a.replace(".", "")) for a in listed) * 100 == total, view


def _heading(elements: list[str], upto: int) -> bool:
    return any(tag in ("h1", "h2", "h3", "h4") for tag in elements[1:upto])


def test_every_chart_is_a_described_png_in_the_docx(confluenze: Path, plan: Plan) -> None:
    with zipfile.ZipFile(confluenze / "plan.docx") as package:
        pictures = [name for name in package.namelist() if name.startswith("word/media/")]
        body = package.read("word/document.xml").decode("utf-8")
    assert pictures and all(name.endswith(".png") for name in pictures)  # equal charts share one picture
    descriptions = re.findall(r'<wp:docPr [^>]*descr="([^"]+)"', body)
    assert len(descriptions) == len(expected_charts(plan)) and all(len(d) > 60 for d in descriptions)
    assert sum(d.startswith("Cronoprogramma delle azioni dell’asse") for d in descriptions) == sum(
        "timeline" in chart for chart in expected_charts(plan)
    )


def test_every_chart_is_a_tagged_figure_with_alt_text_in_the_pdf(confluenze: Path, plan: Plan) -> None:
    with pikepdf.open(confluenze / "plan.pdf") as pdf:
        found, stack = [], [pdf.Root.StructTreeRoot]
        while stack:
            node = stack.pop()
            if isinstance(node, pikepdf.Array):
                stack.extend(node)
            elif isinstance(node, pikepdf.Dictionary):
                if node.get("/S") == "/Figure" and "/Alt" in node:
                    found.append(str(node.Alt))
                if node.get("/K") is not None:
                    stack.append(node.K)
    charts = expected_charts(plan)
    assert len([alt for alt in found if "grafico a barre" in alt]) == 5
    assert len([alt for alt in found if alt.startswith("Cronoprogramma")]) == sum("timeline" in c for c in charts)
    assert len([alt for alt in found if alt.startswith("Grafico degli indicatori")]) == sum(
        "indicators" in c for c in charts
    )
