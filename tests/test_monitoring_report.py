"""The monitoring report of the example plan, opened in its three formats: every indicator's category, every
action's status, the charts with their text alternatives, and the same bytes twice."""

from __future__ import annotations

import base64
import re
import zipfile
from pathlib import Path

import pikepdf
import pytest

from compiler import pipeline
from compiler.document.labels import ACTION_STATUS_LABELS, CATEGORY_LABELS, NO_STATUS_LABEL
from compiler.messages.translate import Translator
from compiler.model import Plan
from compiler.progress import action_progress, assess, measurements_of
from compiler.progress.actions import statuses_by_action
from tests.conftest import EXAMPLE_PLAN, build_into, overlay, planc
from tests.readers import Docx, Html, pdf_pages, squash

pytestmark = pytest.mark.toolchain


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_into(EXAMPLE_PLAN, tmp_path_factory.mktemp("monitoring"), "--document", "monitoring")


@pytest.fixture(scope="module")
def plan() -> Plan:
    checked = pipeline.check(EXAMPLE_PLAN).plan
    assert checked is not None
    return checked


def expected_categories(plan: Plan) -> dict[str, str]:
    """Each indicator's category at the report's date, in Italian, from the model."""
    translate, as_of = Translator("it"), plan.as_of()
    assert as_of is not None
    series = measurements_of(plan.measurements)
    return {
        i.id: translate(CATEGORY_LABELS[assess(i, series.get(i.id, ()), as_of).category.value]) for i in plan.indicators
    }


def expected_statuses(plan: Plan) -> dict[str, str]:
    """Each action's status at the report's date, in Italian, from the model."""
    translate, as_of = Translator("it"), plan.as_of()
    assert as_of is not None
    history = statuses_by_action(plan.statuses)
    shown = {a.id: action_progress(a, history.get(a.id, ()), as_of).status for a in plan.actions}
    return {key: translate(ACTION_STATUS_LABELS[s] if s else NO_STATUS_LABEL) for key, s in shown.items()}


def test_the_report_is_written_in_three_formats_beside_its_markdown(report: Path) -> None:
    assert {p.name for p in report.iterdir()} >= {f"monitoring.{k}" for k in ("md", "html", "docx", "pdf")}


def test_every_category_occurs_in_the_example_and_every_indicator_shows_its_own(report: Path, plan: Plan) -> None:
    categories = expected_categories(plan)
    assert len(set(categories.values())) == len(CATEGORY_LABELS)  # the example shows every category
    text = squash(" ".join(pdf_pages(report / "monitoring.pdf")))
    html = Html.read(report / "monitoring.html").text
    docx = Docx.read(report / "monitoring.docx").text_after_contents
    for identifier, label in categories.items():
        name = next(i.name for i in plan.indicators if i.id == identifier)
        for shown in (squash(html), squash(docx), text):
            # After the indicator's heading (the HTML's contents name it first): its category.
            after = shown.split(squash(f"{identifier} {name}"))[1:]
            assert after, identifier
            assert any(squash(f"Progressi: {label}") in part[:400] for part in after), (identifier, label)


def test_every_action_shows_its_status(report: Path, plan: Plan) -> None:
    html = Html.read(report / "monitoring.html").text
    docx = Docx.read(report / "monitoring.docx").text
    pdf = " ".join(pdf_pages(report / "monitoring.pdf"))
    for identifier, label in expected_statuses(plan).items():
        title = next(a.title for a in plan.actions if a.id == identifier)
        for shown in (html, docx, pdf):
            row = squash(shown).split(squash(f"{identifier} {title}"), 1)
            assert len(row) == 2, identifier
            assert squash(label) in row[1][:200], (identifier, label)


def test_html_charts_are_svg_images_with_their_text_alternative(report: Path, plan: Plan) -> None:
    page = Html.read(report / "monitoring.html")
    images = page.tags("img")
    measured = {m.indicator.id for m in plan.measurements if m.is_number}
    axes = [o for o in plan.objectives if o.parent is None]
    assert len(images) == len(measured) + len(axes)
    for image in images:
        assert image.attributes["src"].startswith("data:image/svg+xml;base64,")
        svg = base64.b64decode(image.attributes["src"].split(",", 1)[1])
        assert svg.startswith(b"<svg") and b"<script" not in svg
        assert len(image.attributes["alt"]) > 40
    alts = " ".join(image.attributes["alt"] for image in images)
    for identifier in measured:
        assert f"indicatore {identifier}," in alts


def test_docx_charts_are_png_pictures_with_descriptions(report: Path, plan: Plan) -> None:
    with zipfile.ZipFile(report / "monitoring.docx") as package:
        pictures = [name for name in package.namelist() if name.startswith("word/media/")]
        body = package.read("word/document.xml").decode("utf-8")
    assert pictures and all(name.endswith(".png") for name in pictures)
    descriptions = re.findall(r'<wp:docPr [^>]*descr="([^"]+)"', body)
    assert len(descriptions) == len(pictures)
    assert all(description.startswith(("Grafico", "Cronologia")) for description in descriptions)


def test_pdf_charts_are_figures_with_alt_text_in_a_pdf_ua_file(report: Path) -> None:
    with pikepdf.open(report / "monitoring.pdf") as pdf:
        metadata = str(pdf.open_metadata())
        assert "pdfuaid" in metadata and "pdfaid" in metadata
        figures = [
            element
            for element in _structure(pdf.Root.StructTreeRoot)
            if element.get("/S") == "/Figure" and "/Alt" in element
        ]
    alts = [str(figure.Alt) for figure in figures]
    assert any(alt.startswith("Grafico dell'indicatore IND-01") for alt in alts)
    assert any(alt.startswith("Cronologia delle azioni") for alt in alts)


def _structure(node: pikepdf.Object) -> list[pikepdf.Dictionary]:
    found, stack = [], [node]
    while stack:
        current = stack.pop()
        if isinstance(current, pikepdf.Array):
            stack.extend(current)
        elif isinstance(current, pikepdf.Dictionary):
            found.append(current)
            kids = current.get("/K")
            if kids is not None:
                stack.append(kids)
    return found


def test_two_builds_of_the_report_are_byte_identical(report: Path, tmp_path: Path) -> None:
    again = build_into(EXAMPLE_PLAN, tmp_path / "again", "--document", "monitoring")
    for name in ("monitoring.md", "monitoring.html", "monitoring.docx", "monitoring.pdf"):
        assert (again / name).read_bytes() == (report / name).read_bytes(), name


def test_the_illustrative_data_are_said_so_on_the_cover(report: Path) -> None:
    assert "Dati illustrativi." in pdf_pages(report / "monitoring.pdf")[0]


def test_a_plan_without_monitoring_has_no_report_and_writes_nothing(tmp_path: Path) -> None:
    run = planc("build", str(overlay(None, tmp_path / "plan")), "-o", str(tmp_path / "out"), "--document", "monitoring")
    assert run.exit_code == 1
    assert "monitoring" in run.stderr
    assert not (tmp_path / "out").exists()


def test_only_planc_s_own_charts_become_pictures() -> None:
    from compiler.charts import Chart
    from compiler.outputs.figures import Picture, placeholder

    pictures = {"chart-IND-01": Picture(Chart("chart-IND-01", "alt", ()))}
    own = {"t": "Div", "c": [["chart-IND-01", ["chart"], []], []]}
    forged = {"t": "Div", "c": [["chart-IND-99", ["chart"], []], []]}
    unclassed = {"t": "Div", "c": [["chart-IND-01", [], []], []]}
    assert placeholder(own, pictures) is not None
    assert placeholder(forged, pictures) is None
    assert placeholder(unclassed, pictures) is None
