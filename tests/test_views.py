"""The views of the plan: its matrices, each organisation's own sheet and document, the glossary.

Expected values come from the model (who leads, who is a partner, which objective an action
serves), never from the layout under test. The end-to-end tests open the real outputs.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from compiler import pipeline
from compiler.document.layout import lay_out
from compiler.document.markdown import escape
from compiler.document.view_parts import Grid
from compiler.messages.translate import Translator
from compiler.model import Plan
from compiler.production import markdown_of, organisation_markdown_of
from tests.conftest import EXAMPLE_PLAN, build_into, overlay, planc
from tests.readers import Docx, Html, pdf_pages, squash

_TARGET = re.compile(r"\(#([^)]+)\)$")
_ANCHOR = re.compile(r"\{#([^}\s]+)")

#: An extra objective no action serves, and an organisation with no role: the gaps a matrix must show.
GAPS = """\
objectives:
  - id: OB-1.2
    title: Obiettivo ancora senza azioni
    parent: ASSE-1
organisations:
  - id: ets-beta
    name: Associazione Beta
    type: third-sector
"""

#: Terms made of HTML, maths, template, Typst and table syntax (none of it the drafters' Markdown), each used twice.
HOSTILE_TERMS = ("<b>B</b>", "$x$", "{{ t }}", "C|D", "[x]", '#read("p")', "@ref", "a\\b")
HOSTILE_GLOSSARY = "glossary:\n" + "".join(
    f"  - term: {json.dumps(term)}\n    definition: Definizione {number}.\n"
    for number, term in enumerate(HOSTILE_TERMS)
)
HOSTILE_VISION = "vision:\n  statement: " + json.dumps(" e ".join(f"prima {t} poi {t}" for t in HOSTILE_TERMS) + ".")


def _checked(plan_dir: Path) -> Plan:
    checked = pipeline.check(plan_dir)
    assert checked.plan is not None, checked.diagnostics
    return checked.plan


@pytest.fixture(scope="module")
def example() -> Plan:
    return _checked(EXAMPLE_PLAN)


@pytest.fixture
def with_gaps(tmp_path: Path) -> Plan:
    plan = overlay(None, tmp_path / "plan")
    (plan / "25-gaps.yaml").write_text(GAPS, encoding="utf-8")
    return _checked(plan)


def _target(label: str) -> str:
    """The id a row's label links to: ``[AZ\\-01 Title](#AZ-01)`` → ``AZ-01``."""
    found = _TARGET.search(label)
    assert found, label
    return found.group(1)


def _cells(grids: list[Grid]) -> dict[tuple[str, str], str]:
    """Every cell of the grids by (row's id, column's id)."""
    return {
        (_target(row.label), column.replace("\\", "")): cell
        for grid in grids
        for row in grid.rows
        for column, cell in zip(grid.columns, row.cells, strict=True)
    }


def _axis(plan: Plan, objective_id: str) -> str:
    parents = {o.id: o.parent.id if o.parent else None for o in plan.objectives}
    while parents[objective_id] is not None:
        objective_id = str(parents[objective_id])
    return objective_id


def test_the_objectives_grid_marks_exactly_the_objectives_each_action_serves(example: Plan) -> None:
    document = lay_out(example, Translator.for_document("en-GB"))
    cells = _cells([grid for group in document.objective_grids for grid in group.grids])
    served = {(action.id, ref.id) for action in example.actions for ref in action.objectives}
    assert {pair for pair, cell in cells.items() if cell} == served
    assert set(cells.values()) == {"yes", ""}
    assert all(len(grid.columns) <= 6 for group in document.objective_grids for grid in group.grids)
    for group in document.objective_grids:
        for grid in group.grids:
            assert grid.totals is not None
            for column, count in zip(grid.columns, grid.totals.cells, strict=True):
                objective = column.replace("\\", "")
                assert int(count) == sum(1 for action_id, served_id in served if served_id == objective)


def test_the_organisations_grid_marks_who_leads_and_who_is_a_partner_in_each_axis(example: Plan) -> None:
    document = lay_out(example, Translator.for_document("en-GB"))
    assert document.organisation_grids is not None
    cells = _cells(document.organisation_grids.grids)
    expected: dict[tuple[str, str], set[str]] = {}
    for action in example.actions:
        for axis in {_axis(example, ref.id) for ref in action.objectives}:
            for ref in action.owners:
                expected.setdefault((ref.id, axis), set()).add("L")
            for ref in action.partners:
                expected.setdefault((ref.id, axis), set()).add("P")
    found = {pair: set(re.findall(r"[LP]", cell)) for pair, cell in cells.items() if cell}
    assert found == expected
    assert {organisation.id for organisation in example.organisations} <= {row for row, _ in cells}


def test_an_objective_without_actions_and_an_organisation_without_a_role_are_named(with_gaps: Plan) -> None:
    document = lay_out(with_gaps, Translator.for_document("en-GB"))
    (group,) = document.objective_grids
    cells = _cells(group.grids)
    assert all(cells[(action.id, "OB-1.2")] == "" for action in with_gaps.actions)
    assert "(#OB-1.2)" in group.gaps and "(#OB-1.1)" not in group.gaps
    assert document.organisation_grids is not None
    organisations = _cells(document.organisation_grids.grids)
    assert organisations[("ets-beta", "ASSE-1")] == ""
    assert "(#ets-beta)" in document.organisation_grids.gaps
    assert "(#ets-alfa)" not in document.organisation_grids.gaps


def test_each_organisation_document_holds_exactly_the_actions_it_leads_or_is_a_partner_in(example: Plan) -> None:
    action_ids = {action.id for action in example.actions}
    for organisation in example.organisations:
        mine = {
            action.id
            for action in example.actions
            if organisation.id in {ref.id for ref in (*action.owners, *action.partners)}
        }
        markdown = organisation_markdown_of(example, organisation)
        assert set(_ANCHOR.findall(markdown)) & action_ids == mine, organisation.id
        assert organisation.name in markdown


def test_the_plan_has_a_sheet_for_every_organisation(example: Plan) -> None:
    markdown = markdown_of(example)
    for organisation in example.organisations:
        assert f"{{#sec:sheet-{organisation.id} .unnumbered}}" in markdown  # a plan object: its name is its number


def test_for_an_unknown_organisation_says_so_in_italian_suggests_the_likeliest_and_writes_nothing(
    base_plan: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    run = planc("build", str(base_plan), "-o", str(out), "--for", "ets-alfx", "--to", "html")
    assert run.exit_code == 1
    assert "Il piano non ha un’organizzazione con l’id «ets-alfx»" in run.stderr
    assert "«ets-alfa»" in run.stderr
    assert "Traceback" not in run.stdout + run.stderr
    assert not out.exists() or not any(out.iterdir())


def test_for_a_governance_body_explains_that_it_takes_an_organisation(base_plan: Path, tmp_path: Path) -> None:
    run = planc("build", str(base_plan), "-o", str(tmp_path / "out"), "--for", "assemblea", "--lang", "en")
    assert run.exit_code == 1
    assert "“assemblea” is a governance body, not an organisation" in run.stderr


def test_for_with_the_monitoring_report_is_a_usage_error(base_plan: Path, tmp_path: Path) -> None:
    run = planc("build", str(base_plan), "-o", str(tmp_path), "--for", "comune", "--document", "monitoring")
    assert run.exit_code == 2


@pytest.fixture
def hostile_glossary(tmp_path: Path) -> Path:
    plan = overlay(None, tmp_path / "plan")
    (plan / "05-vision.yaml").write_text(HOSTILE_VISION + "\n", encoding="utf-8")
    (plan / "40-glossary.yaml").write_text(HOSTILE_GLOSSARY, encoding="utf-8")
    return plan


def test_hostile_terms_link_their_first_use_once_and_change_no_markdown(hostile_glossary: Path) -> None:
    plan = _checked(hostile_glossary)
    markdown = markdown_of(plan)
    anchors = sorted(set(re.findall(r"\{#(sec:glossary-[^}]+)\}", markdown)))
    assert len(anchors) == len(HOSTILE_TERMS)
    for anchor in anchors:
        assert markdown.count(f"](#{anchor})") == 1, anchor
    assert "\x02" not in markdown and "\x03" not in markdown and "\x04" not in markdown
    assert "<b>" not in markdown and "{{ t }}" not in markdown  # escaped, not raw


def test_the_example_glossary_links_each_used_term_once(example: Plan) -> None:
    markdown = markdown_of(example)
    for entry in example.glossary:
        anchor = re.search(rf"\[\*\*{re.escape(escape(entry.term))}\*\*\]\{{#(sec:glossary-[^}}]+)\}}", markdown)
        assert anchor, entry.term
        assert markdown.count(f"](#{anchor.group(1)})") <= 1, entry.term
    assert markdown.count("](#sec:glossary-ets)") == 1


@pytest.mark.toolchain
def test_hostile_terms_are_shown_literally_and_linked_in_the_html(hostile_glossary: Path, tmp_path: Path) -> None:
    out = build_into(hostile_glossary, tmp_path / "out", "--to", "html")
    page = Html.read(out / "plan.html")
    ids = {element.attributes.get("id") for element in page.elements}
    links = [
        e.attributes["href"] for e in page.elements if e.tag == "a" and "#sec:glossary-" in e.attributes.get("href", "")
    ]
    assert len(links) == len(HOSTILE_TERMS) and all(href[1:] in ids for href in links)
    assert not [e for e in page.elements if e.tag in ("b", "script", "math")]
    for term in HOSTILE_TERMS:
        assert page.text.count(term) >= 3, term  # twice in the vision, once in the glossary


@pytest.mark.toolchain
def test_for_writes_an_organisation_s_own_documents_with_exactly_its_actions(example: Plan, tmp_path: Path) -> None:
    organisation = next(o for o in example.organisations if o.id == "ets-alfa")
    mine = [a for a in example.actions if organisation.id in {r.id for r in (*a.owners, *a.partners)}]
    others = [a for a in example.actions if a not in mine]
    assert mine and others
    out = build_into(EXAMPLE_PLAN, tmp_path / "out", "--for", organisation.id)
    stem = f"plan-{organisation.id}"
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{stem}.{ext}" for ext in ("md", "html", "docx", "pdf"))
    html_ids = {e.attributes.get("id") for e in Html.read(out / f"{stem}.html").elements}
    assert {a.id for a in example.actions} & html_ids == {a.id for a in mine}
    docx = squash(Docx.read(out / f"{stem}.docx").text)
    pdf = squash(" ".join(pdf_pages(out / f"{stem}.pdf")))
    for action in mine:
        assert squash(f"{action.id} {action.title}") in docx and squash(f"{action.id} {action.title}") in pdf
    for action in others:
        assert squash(f"{action.id} {action.title}") not in docx + pdf, action.id
    assert squash(organisation.name) in pdf
