"""Plans shaped like real ones build, and every format shows what they say.

Each valid case folder for issue #10's constructs (official numbering, deeper trees, qualitative
indicators, milestones and comparators, ongoing and jointly led actions, organisations' codes and
contacts, sections left empty) is built once into HTML, DOCX and PDF; the tests open the outputs.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from compiler import pipeline
from compiler.document.links import anchor_of
from compiler.model import natural_key
from tests.conftest import CASES, build_into, overlay
from tests.readers import Docx, Html, W, pdf_links, pdf_pages, squash

pytestmark = pytest.mark.toolchain
SHAPES = (
    "official-numbering",
    "deep-tree",
    "qualitative-indicator",
    "targets-and-milestones",
    "long-term-target",
    "ongoing-action",
    "joint-leadership",
    "organisation-details",
    "empty-sections",
)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each case built once into the three formats."""
    folders = {}
    for name in SHAPES:
        plan = overlay(CASES / "valid" / name, tmp_path_factory.mktemp(name) / "plan")
        folders[name] = build_into(plan, plan.parent / "out")
    return folders


def texts(out: Path) -> tuple[str, str, str]:
    """The HTML text, and the DOCX and PDF text with whitespace and hyphens squashed."""
    html = Html.read(out / "plan.html").text
    return html, squash(Docx.read(out / "plan.docx").text), squash(" ".join(pdf_pages(out / "plan.pdf")))


def shown_everywhere(out: Path, *phrases: str) -> None:
    html, docx, pdf = texts(out)
    for phrase in phrases:
        assert " ".join(phrase.split()) in html, phrase  # the HTML text has its spaces (NBSP too) collapsed
        assert squash(phrase) in docx, phrase
        assert squash(phrase) in pdf, phrase


@pytest.mark.parametrize("name", SHAPES)
def test_every_object_is_shown_and_every_link_resolves_in_every_format(built: dict[str, Path], name: str) -> None:
    out = built[name]
    checked = pipeline.check(out.parent / "plan")
    assert checked.plan is not None
    things = [*checked.plan.objectives, *checked.plan.indicators, *checked.plan.actions]
    shown_everywhere(out, *(thing.id for thing in things))
    anchors = {anchor_of(thing.id) for thing in checked.plan.identified()}
    page = Html.read(out / "plan.html")
    assert anchors <= page.ids()
    assert {
        a.attributes["href"][1:] for a in page.tags("a") if a.attributes.get("href", "").startswith("#")
    } <= page.ids()
    document = Docx.read(out / "plan.docx")
    assert anchors <= document.bookmarks()
    assert document.anchors() <= document.bookmarks()
    total, resolved = pdf_links(out / "plan.pdf")
    assert total == resolved > 0


def test_official_numbering_is_anchored_letter_first_and_sorted_naturally(built: dict[str, Path]) -> None:
    out = built["official-numbering"]
    document = Docx.read(out / "plan.docx")
    assert "id:1.2" in document.bookmarks()  # Word bookmarks must start with a letter
    assert all(name[0].isalpha() for name in document.bookmarks())
    assert {"id:11.10", "id:1.a.1"} <= Html.read(out / "plan.html").ids()
    index = Html.read(out / "plan.html").text.split("Indice degli indicatori")[-1]
    written = ["1.2.1", "1.a.1", "11.2.1", "11.10.1"]
    assert sorted(written, key=natural_key) == written  # 2 before 10, digits before letters
    assert [index.index(f" {identifier} ") for identifier in written] == sorted(
        index.index(f" {identifier} ") for identifier in written
    )


def test_a_deeper_tree_is_nested_headings_in_every_format(built: dict[str, Path]) -> None:
    out = built["deep-tree"]
    levels = {"ASSE-1": 2, "OB-1.1": 3, "OB-1.1.1": 4, "OB-1.1.1.a": 5, "OB-1.1.2": 4}
    page = Html.read(out / "plan.html")
    sections = {element.attributes.get("id"): element.attributes.get("class") for element in page.tags("section")}
    # Plan objects' headings are unnumbered: their id is their number.
    assert {identifier: sections.get(identifier) for identifier in levels} == {
        identifier: f"level{level} unnumbered" for identifier, level in levels.items()
    }
    styles: dict[str, str | None] = {}
    waiting: list[str] = []  # pandoc puts a section's bookmark just before its heading
    for node in Docx.read(out / "plan.docx").body.iter():
        if node.tag == f"{W}bookmarkStart":
            waiting.append(node.attrib[f"{W}name"])
        elif node.tag == f"{W}p":
            style = node.find(f"{W}pPr/{W}pStyle")
            styles.update(dict.fromkeys(waiting, style.attrib[f"{W}val"] if style is not None else None))
            waiting = []
    assert {identifier: styles.get(identifier) for identifier in levels} == {
        identifier: f"Heading{level}" for identifier, level in levels.items()
    }
    pdf = " ".join(pdf_pages(out / "plan.pdf"))
    # A plan object's heading is unnumbered in the PDF too (its id is its number), on a line of its own.
    assert re.search(r"(?m)^OB-1\.1\.1\.a ", pdf) and not re.search(r"\d\s+OB-1\.1\.1\.a", pdf)
    html = page.text
    assert "Nessuna azione" not in html.split("OB-1.1 Ridurre")[1].split("OB-1.1.1 Raggiungere")[0]


def test_qualitative_values_milestones_and_comparators_read_as_written(built: dict[str, Path]) -> None:
    shown_everywhere(
        built["qualitative-indicator"],
        "nessun regolamento (2024)",
        "proposta presentata alla Giunta (2025)",
        "regolamento approvato dal Consiglio comunale (2026)",
    )
    shown_everywhere(
        built["targets-and-milestones"],
        "Tappe intermedie",
        "180 (2025); 240 (2026)",
        "almeno 300 (2027)",
        "tra 15 e 20 (2027)",
        "al massimo 2 (2027)",
        "esattamente 3 (2026)",
        "da definire",  # IND-04 has no baseline yet
    )
    shown_everywhere(built["long-term-target"], "300 (2027)", "1.000 (2035)")


def test_ongoing_and_jointly_led_actions(built: dict[str, Path]) -> None:
    shown_everywhere(built["ongoing-action"], "marzo 2025 – in corso")
    shown_everywhere(built["joint-leadership"], "Responsabili (congiunti)")
    html = Html.read(built["joint-leadership"] / "plan.html").text
    grid = html.split("Organizzazioni e organi in ciascun asse")[-1].split("Schede delle organizzazioni")[0]
    assert "Comune di Prova R Associazione Alfa R Cooperativa sociale Beta P" in grid  # two leads, one partner
    sheets = html.split("Schede delle organizzazioni")[-1]
    assert "AZ-01 Sportello di quartiere (insieme a Associazione Alfa)" in sheets
    assert "AZ-01 Sportello di quartiere (insieme a Comune di Prova)" in sheets
    assert re.search(r"Cooperativa sociale Beta .*Partner in: 1", sheets)


def test_organisations_show_types_legal_form_codes_and_contacts(built: dict[str, Path]) -> None:
    out = built["organisation-details"]
    shown_everywhere(
        out,
        "Organizzazioni internazionali",
        "Università ed enti di ricerca",
        "Scuole",
        "Reti e consorzi",
        "Forma giuridica: Ente locale",
        "C.F.\u00a096000000016",
        "Codice IPA\u00a0c_a182",
        "N.\u00a0RUNTS\u00a0123456",
        "P.\u00a0IVA\u00a012345670017",
        "Tel. +39 0131 515111",
    )
    links = {a.attributes["href"] for a in Html.read(out / "plan.html").tags("a")}
    assert {"https://www.comune.prova.it", "mailto:protocollo@comune.prova.it", "https://www.unesco.org"} <= links


def test_sections_left_empty_make_no_chapter_and_no_zero_budget(built: dict[str, Path]) -> None:
    out = built["empty-sections"]
    page = Html.read(out / "plan.html")
    for absent in ("sec:vision", "sec:governance", "sec:budget", "sec:context"):
        assert absent not in page.ids()
    html, docx, pdf = texts(out)
    for text in (html, docx, pdf):
        assert "0 €" not in text and "0€" not in text
        assert "Governance" not in text and "Visione" not in text
