"""Figures that never lie: numbers as written, money in whole cents, shares that add up to 100 %.

Fast tests (no pandoc, no Typst): the loader keeps the text of every number, the split of an
amount and of a percentage adds up exactly, a number YAML would misread is an error where the
plan's language groups thousands with a dot, and no number a drafter can write crashes the
layout of a plan that checks clean.
"""

from __future__ import annotations

import tempfile
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compiler import pipeline, production, sources
from compiler.document import budget
from compiler.document.formats import Formats
from compiler.model.numbers import cents, decimal_places, is_printable_number
from tests.conftest import BASE, CASES, overlay, planc


def test_the_loader_keeps_the_text_of_every_number(tmp_path: Path) -> None:
    path = tmp_path / "numbers.yaml"
    path.write_text("a: 12.000\nb: [1e400, 7, '8', 2.50]\nc: {d: -0.5}\n", encoding="utf-8")
    loaded = sources.load(path, str(path)).source
    assert loaded is not None
    assert loaded.numbers == {("a",): "12.000", ("b", 0): "1e400", ("b", 1): "7", ("b", 3): "2.50", ("c", "d"): "-0.5"}


@given(total=st.integers(0, 10**30), weights=st.lists(st.integers(0, 10**6), min_size=1, max_size=12))
def test_a_split_adds_up_and_each_part_is_its_exact_share_rounded(total: int, weights: list[int]) -> None:
    parts = budget.split(total, weights)
    if not sum(weights):
        assert parts == [0] * len(weights)
        return
    assert sum(parts) == total
    for part, weight in zip(parts, weights, strict=True):
        assert abs(part - Fraction(total * weight, sum(weights))) < 1


@given(st.lists(st.integers(0, 10**12), min_size=1, max_size=40))
def test_whole_percentages_add_up_to_exactly_100(amounts: list[int]) -> None:
    shares = budget.whole_percentages(amounts)
    assert sum(shares) == (100 if sum(amounts) else 0)
    assert all(share >= 0 for share in shares)


def test_largest_remainders_get_the_rounding() -> None:
    assert budget.whole_percentages([1, 1, 1]) == [34, 33, 33]
    assert budget.whole_percentages([2, 1, 1]) == [50, 25, 25]
    assert budget.split(1000001, [70, 30]) == [700001, 300000]  # 10 000,01 € split 70/30


@pytest.mark.parametrize(
    ("text", "places", "whole_cents"),
    [("12", 0, 1200), ("12.50", 1, 1250), ("12.000", 0, 1200), ("1e3", 0, 100000), ("0.07", 2, 7)],
)
def test_cents_and_decimal_places_are_exact(text: str, places: int, whole_cents: int) -> None:
    assert decimal_places(Decimal(text)) == places
    assert cents(Decimal(text)) == whole_cents


def test_cents_are_exact_at_any_printable_size() -> None:
    largest = Decimal("9999999999999999999999999999.99")
    assert is_printable_number(largest) and cents(largest) == 999999999999999999999999999999
    assert (
        not is_printable_number(Decimal("1e28"))
        and not is_printable_number(Decimal("1e400"))
        and not is_printable_number(Decimal("1e-11"))
    )


@pytest.mark.parametrize(
    ("lang", "misread"), [("it-IT", True), ("de-DE", True), ("es-ES", True), ("it-CH", False), ("en-GB", False)]
)
def test_the_plans_language_says_whether_12_000_is_twelve_thousand(lang: str, misread: bool, tmp_path: Path) -> None:
    # Swiss Italian groups thousands with an apostrophe, English with a comma (Babel's locale data).
    plan = overlay(CASES / "invalid" / "thousands-separator", tmp_path / "plan")
    header = (plan / "00-plan.yaml").read_text(encoding="utf-8")
    (plan / "00-plan.yaml").write_text(header.replace("lang: it-IT", f"lang: {lang}"), encoding="utf-8")
    codes = {d["code"] for d in planc("check", "--format", "json", str(plan)).diagnostics}
    assert ("thousands-separator" in codes) is misread


def test_the_drafters_12_000_fails_check_at_its_line_with_what_to_write(tmp_path: Path) -> None:
    run = planc("check", str(overlay(CASES / "invalid" / "thousands-separator", tmp_path / "plan")))
    assert run.exit_code == 1
    line = next(line for line in run.stdout.splitlines() if "30-actions.yaml:11:17:" in line)
    assert "[thousands-separator]" in line and "«12.000»" in line and "12000" in line
    assert "Scrivi 12000 (senza punto)" in run.stdout


def test_a_funder_typo_fails_check_at_its_line_and_names_the_funder_meant(tmp_path: Path) -> None:
    run = planc("check", str(overlay(CASES / "invalid" / "unknown-funder", tmp_path / "plan")))
    assert run.exit_code == 1
    (line,) = [line for line in run.stdout.splitlines() if "30-actions.yaml:10:17:" in line]
    assert "[unknown-reference]" in line and "«comunne»" in line
    assert "Forse intendevi «comune»?" in run.stdout


NUMBERS = st.one_of(
    st.integers(-(10**40), 10**40).map(str),
    st.decimals(allow_nan=False, allow_infinity=False).map(str),
    st.builds(lambda m, e: f"{m}e{e}", st.integers(-999, 999), st.integers(-500, 500)),
    st.sampled_from(["12.000", "1.500", "0.125", "1e400", "-1e400", "9999999999999999999999999999.99", "1e28"]),
)


@settings(max_examples=60, deadline=None)
@given(amount=NUMBERS, value=NUMBERS)
def test_no_number_ends_in_a_crash_and_every_number_that_checks_prints(amount: str, value: str) -> None:
    files = {path.name: path.read_text(encoding="utf-8") for path in sorted(BASE.glob("*.yaml"))}
    files["30-actions.yaml"] = files["30-actions.yaml"].replace("amount: 12000", f"amount: {amount}")
    files["20-objectives.yaml"] = files["20-objectives.yaml"].replace("value: 120\n", f"value: {value}\n")
    with tempfile.TemporaryDirectory() as folder:
        for name, text in files.items():
            (Path(folder) / name).write_text(text, encoding="utf-8")
        checked = pipeline.check(Path(folder))
    if checked.has_errors(strict=False) or checked.plan is None:
        return
    markdown = production.markdown_of(checked.plan)
    assert "∞" not in markdown and "NaN" not in markdown


def test_money_and_numbers_print_every_digit_written() -> None:
    formats = Formats("it-IT")
    assert formats.money(999999999999999999999999999999) == "9.999.999.999.999.999.999.999.999.999,99\xa0€"
    assert formats.money(1200000) == "12.000\xa0€"
    assert formats.number(Decimal("1234567890123456789012345678.0000000001")) == (
        "1.234.567.890.123.456.789.012.345.678,0000000001"
    )


def test_a_year_written_2027_0_is_the_year_2027_not_a_missing_value(tmp_path: Path) -> None:
    # JSON Schema calls 2027.0 an integer, so the schema lets it through: the model must not drop it.
    checked = pipeline.check(overlay(CASES / "valid" / "whole-number-decimals", tmp_path / "plan"))
    assert checked.plan is not None and checked.plan.meta is not None
    assert checked.plan.meta.period_label() == "2025–2027"
    (indicator,) = checked.plan.indicators
    assert indicator.target is not None and indicator.target.year == 2027
