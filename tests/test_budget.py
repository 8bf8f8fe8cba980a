"""Every table that shows money adds up, and agrees with the budget chapter, in the real HTML, DOCX and PDF.

A board member who adds up a column must find the total printed under it, and the same figure
in the budget chapter; the chapter's total is the sum of the amounts written in the plan files
(read here with PyYAML, not with planc). Shares of a table add up to exactly 100 %.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import CASES, EXAMPLE_PLAN, build_into, overlay
from tests.readers import Docx, Html, HtmlTables, Table, docx_definitions, docx_tables, pdf_pages

pytestmark = pytest.mark.toolchain

#: An amount as Italian readers write it: ``1.250.000 €``, ``8.500,50 €``.
MONEY = re.compile(r"(?<![\d.,])(\d{1,3}(?:\.\d{3})*)(?:,(\d{2}))?\s*€")
PERCENT = re.compile(r"(\d+)\s*%")


def amounts(text: str) -> list[int]:
    """Every amount in a text, in cents."""
    return [int(whole.replace(".", "")) * 100 + int(cents or 0) for whole, cents in MONEY.findall(text)]


def amount(cell: str) -> int:
    """The one amount of a table cell (an empty cell is no money)."""
    found = amounts(cell)
    assert len(found) <= 1, cell
    return found[0] if found else 0


def written_actions(plan: Path) -> Iterator[dict[str, Any]]:
    """The actions as written in the YAML files."""
    for path in sorted(plan.glob("*.yaml")):
        yield from (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("actions", [])


def written_budget(plan: Path) -> tuple[int, int]:
    """The plan's total and secured money in cents, from the YAML files themselves."""
    total = secured = 0
    for action in written_actions(plan):
        for line in action.get("budget", []):
            cents = int(Decimal(str(line["amount"])) * 100)
            total += cents
            secured += cents if line["status"] == "secured" else 0
    return total, secured


def written_parts(plan: Path) -> dict[tuple[str, str], Fraction]:
    """What each objective should get of each action: its stated percent, or an equal part (exact)."""
    parts: dict[tuple[str, str], Fraction] = {}
    for action in written_actions(plan):
        goals = action["objective"] if isinstance(action["objective"], list) else [action["objective"]]
        total = sum(Fraction(Decimal(str(line["amount"]))) * 100 for line in action.get("budget", []))
        stated = {share["objective"]: Fraction(share["percent"]) / 100 for share in action.get("budget_shares", [])}
        for goal in goals:
            parts[action["id"], goal] = total * stated.get(goal, Fraction(1, len(goals)))
    return parts


def chapter_table(table: Table) -> tuple[dict[str, int], tuple[int, int, int]]:
    """Check one table of secured, expected and total money; return each row's total by its first word, and the totals row.

    The money columns are found by their headers, so a table may have other columns before them.
    """
    header, *body, last = table.rows
    assert last[0] == "Totale"
    at = {name: header.index(name) for name in ("Acquisiti", "Attesi", "Totale", "Quota")}
    columns = [[amount(row[at[name]]) for row in body] for name in ("Acquisiti", "Attesi", "Totale")]
    totals = tuple(amount(last[at[name]]) for name in ("Acquisiti", "Attesi", "Totale"))
    assert tuple(sum(column) for column in columns) == totals
    for secured, expected, total in zip(*columns, strict=True):
        assert secured + expected == total
    shares = [int(PERCENT.fullmatch(row[at["Quota"]]).group(1)) for row in body]  # type: ignore[union-attr]
    assert sum(shares) == 100 and last[at["Quota"]] == "100%"
    for share, total in zip(shares, columns[2], strict=True):
        assert abs(share - 100 * total / totals[2]) < 1  # each share is its row's, rounded
    return {row[0].split()[0]: total for row, total in zip(body, columns[2], strict=True)}, totals  # type: ignore[return-value]


def objective_tables(tables: list[Table], parts: dict[tuple[str, str], Fraction]) -> Iterator[tuple[str, int]]:
    """Each objective's table of actions adds up to its total row, and counts each action for its part.

    An action shared by several objectives counts for the part it states (or an equal part), to
    the cent. Yield each objective and its total.
    """
    for table in tables:
        if table.rows[0][0] != "Azione" or not any(MONEY.search(row[-1]) for row in table.rows):
            continue
        _header, *body, last = table.rows
        found = re.match(r"Azioni dell’obiettivo (\S+?)(?:\.\s|$)", table.caption)
        assert found, table.caption
        for row in body:
            assert abs(amount(row[-1]) - parts[row[0], found.group(1)]) < 1, (found.group(1), row)
        assert last[:2] == ["", "Totale"]
        assert sum(amount(row[-1]) for row in body) == amount(last[-1])
        yield found.group(1), amount(last[-1])


def sheet_budgets(lines: list[str]) -> int:
    """Each action sheet's budget is the sum of its lines, of its split and of its years; return the sum of the sheets."""
    total = 0
    action = None
    for line in lines:
        if line.startswith("Budget:"):
            action, *parts = amounts(line)
            assert sum(parts) == action, line
            total += action
        elif line.startswith(("Budget per obiettivo:", "Per anno:")):
            assert sum(amounts(line)) == action, line
    return total


def written_axes(plan: Path) -> dict[str, str]:
    """Each objective's axis (the objective without a parent above it), from the YAML files."""
    parents: dict[str, str | None] = {}
    for path in sorted(plan.glob("*.yaml")):
        for objective in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("objectives", []):
            parents[objective["id"]] = objective.get("parent")
    axes = {}
    for identifier in parents:
        top = identifier
        while parents.get(top):
            top = parents[top]  # type: ignore[assignment]
        axes[identifier] = top
    return axes


def written_organisations(plan: Path) -> dict[str, str]:
    """Each organisation's name and id, as written in the YAML files."""
    found: dict[str, str] = {}
    for path in sorted(plan.glob("*.yaml")):
        for entry in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("organisations", []):
            found[entry["name"]] = entry["id"]
    return found


def organisation_tables(tables: list[Table], plan: Path) -> int:
    """The organisations' sheets: each action's amount is its whole written budget, each organisation's
    funds are exactly the budget lines it funds (secured and expected as written). Return how many tables."""
    actions = {action["id"]: action for action in written_actions(plan)}
    organisations = written_organisations(plan)
    checked = 0
    for table in tables:
        header = table.rows[0][0]
        if header in ("Azione di cui è responsabile", "Azione in cui è partner"):
            for row in table.rows[1:]:
                budget = actions[row[0].split()[0]].get("budget", [])
                assert amount(row[-1]) == sum(int(Decimal(str(line["amount"])) * 100) for line in budget), row
        elif header == "Risorse conferite":
            funder = organisations[table.caption.split(":")[0]]
            lines = [line for action in actions.values() for line in action.get("budget", [])]
            mine = [line for line in lines if line["funder"] == funder]
            _header, *body, last = table.rows
            assert sorted(amount(row[1]) for row in body) == sorted(int(Decimal(str(x["amount"])) * 100) for x in mine)
            secured = sum(int(Decimal(str(x["amount"])) * 100) for x in mine if x["status"] == "secured")
            assert amount(last[1]) == sum(amount(row[1]) for row in body)
            assert amounts(last[2]) == [secured, amount(last[1]) - secured], last
        else:
            continue
        checked += 1
    return checked


def reconcile(tables: list[Table], lines: list[str], plan: Path) -> None:
    money = [t for t in tables if any(MONEY.search(cell) for row in t.rows for cell in row)]
    (by_objective,) = [t for t in money if t.rows[0][0] == "Obiettivo"]
    (by_funder,) = [t for t in money if t.rows[0][0] == "Finanziatore"]
    chapter, totals = chapter_table(by_objective)
    _funders, funder_totals = chapter_table(by_funder)
    total, secured = written_budget(plan)
    assert totals == funder_totals == (secured, total - secured, total)
    tables_of = dict(objective_tables(money, written_parts(plan)))
    assert organisation_tables(money, plan) > 0  # the organisations' sheets, against the YAML
    assert tables_of == {identifier: cents for identifier, cents in chapter.items() if cents}
    # Every other table showing money is the summary's figures or a secured/expected/total table (by
    # axis, year, lead, source) that adds up to the chapter's totals; by axis, each axis gets the sum
    # of its objectives' totals.
    others = [t for t in money if t not in (by_objective, by_funder) and t.rows[0][0] != "Azione"]
    # The organisations' sheets: what each funds adds up to its row of the chapter's table by funder;
    # the tables of the actions it leads or is a partner in show each action's whole budget (as stated).
    provided = [t for t in others if t.rows[0][0] == "Risorse conferite"]
    funder_rows = {row[0]: amount(row[by_funder.rows[0].index("Totale")]) for row in by_funder.rows[1:-1]}
    for table in provided:
        _header, *body, last = table.rows
        assert last[0] == "Totale" and sum(amount(row[1]) for row in body) == amount(last[1]), table.caption
        name = table.caption.split(":")[0]  # the chapter names a funder by its short name, when it has one
        (row_total,) = [cents for funder, cents in funder_rows.items() if funder in name]
        assert amount(last[1]) == row_total, table.caption
    assert provided, "no organisation sheet shows what it funds"
    others = [t for t in others if t not in provided and not t.rows[0][0].startswith("Azione ")]
    figures = [t for t in others if t.rows[0][-1] == "Budget"]
    assert [amount(t.rows[1][-1]) for t in figures] == [total] * len(figures)
    axes = written_axes(plan)
    expected_axes = {axis: sum(c for o, c in chapter.items() if axes[o] == axis) for axis in set(axes.values())}
    by_axis = 0
    for table in others:
        if table not in figures:
            rows, table_totals = chapter_table(table)
            assert table_totals == totals, table.caption
            if table.rows[0][0] == "Asse":
                by_axis += 1
                assert rows == {axis: expected_axes[axis] for axis in rows}, table.caption
                assert {axis for axis, cents in expected_axes.items() if cents} <= set(rows)
    assert by_axis == 2 and len(figures) == 1  # the summary's and the budget chapter's
    assert sheet_budgets(lines) == total


@pytest.fixture(scope="module", params=["confluenze", "shared-budget"])
def built(
    request: pytest.FixtureRequest, confluenze: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, Path]:
    """The example plan, and a small plan with odd cents split 70/30 and equally; each with its outputs."""
    if request.param == "confluenze":
        return EXAMPLE_PLAN, confluenze
    plan = overlay(CASES / "valid" / "shared-budget", tmp_path_factory.mktemp("shared") / "plan")
    return plan, build_into(plan, plan.parent / "out")


def test_html_tables_add_up_to_the_budget_chapter(built: tuple[Path, Path]) -> None:
    plan, out = built
    page = HtmlTables.read(out / "plan.html")
    reconcile(page.tables, page.items, plan)


def test_docx_tables_add_up_to_the_budget_chapter(built: tuple[Path, Path]) -> None:
    plan, out = built
    document = Docx.read(out / "plan.docx")
    reconcile(docx_tables(document), docx_definitions(document), plan)


def test_the_pdf_prints_every_amount_of_the_html_as_many_times(built: tuple[Path, Path]) -> None:
    # Table captions come before a table in HTML and after it in the PDF: compare counts, not order.
    _plan, out = built
    in_html = amounts(Html.read(out / "plan.html").text)
    assert len(in_html) > 5
    assert Counter(amounts(" ".join(pdf_pages(out / "plan.pdf")))) == Counter(in_html)
