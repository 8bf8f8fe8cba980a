"""Progress categories, each derived by hand from the definitions (share of the way, straight-line pace).

With a baseline in 2024 and a target in 2027, a straight line from the end of 2024 to the end of
2027 stands at 365/1095 = 1/3 of the way on 2025-12-31; with a target in 2026, at 365/730 = 1/2.
The thresholds: a ratio of share to expected share of at least 0.95 is on track, at least 0.5
moderate, at least 0 limited; a negative share is a deterioration; a share of 1 or more, achieved.
"""

from __future__ import annotations

import datetime

import pytest

from compiler.messages.diagnostics import Where
from compiler.model import Action, ActionStatus, Indicator, Measure, Measurement, PlanDate, Ref
from compiler.progress import Category, action_progress, assess, roll_up

HERE = Where("test.yaml")
END_2025 = datetime.date(2025, 12, 31)


def indicator(
    baseline: float | str | None,
    target: float | str | None,
    *,
    target_year: int = 2027,
    comparator: str | None = None,
    up_to: float | None = None,
    direction: str | None = None,
) -> Indicator:
    return Indicator(
        id="IND-1",
        name="Test",
        where=HERE,
        unit=None if isinstance(target, str) else "n",
        baseline=Measure(baseline, 2024, HERE) if baseline is not None else None,
        target=Measure(target, target_year, HERE, comparator=comparator, up_to=up_to) if target is not None else None,
        direction=direction,
    )


def measured(value: float | str, period: str = "2025", met: bool | None = None) -> Measurement:
    return Measurement(Ref("IND-1", HERE), PlanDate(period, HERE), value, HERE, met)


def category(ind: Indicator, *values: Measurement, as_of: datetime.date = END_2025) -> Category:
    return assess(ind, values, as_of).category


@pytest.mark.parametrize(
    ("latest", "expected"),
    [
        (140, Category.ON_TRACK),  # share 0.4, ratio 1.2
        (120, Category.MODERATE),  # share 0.2, ratio 0.6
        (105, Category.LIMITED),  # share 0.05, ratio 0.15
        (100, Category.LIMITED),  # no change: share 0, ratio 0
        (95, Category.DETERIORATION),  # share -0.05: further from the target than the baseline
        (200, Category.ACHIEVED),  # at the target
        (230, Category.ACHIEVED),  # target already exceeded
    ],
)
def test_an_increasing_target(latest: float, expected: Category) -> None:
    assert category(indicator(100, 200), measured(latest)) == expected


@pytest.mark.parametrize(
    ("latest", "expected"),
    [
        (32, Category.ON_TRACK),  # (32-40)/(20-40) = 0.4, ratio 1.2
        (37, Category.LIMITED),  # 0.15, ratio 0.45
        (45, Category.DETERIORATION),  # -0.25: it went up
        (18, Category.ACHIEVED),  # below the target: beyond it, in the target's direction
    ],
)
def test_a_decreasing_target(latest: float, expected: Category) -> None:
    assert category(indicator(40, 20), measured(latest)) == expected


def test_a_zero_baseline() -> None:
    # 0 → 26 by 2026: halfway on 2025-12-31; 9 is 9/26 = 0.35 of the way, ratio 0.69.
    progress = assess(indicator(0, 26, target_year=2026), [measured(9)], END_2025)
    assert progress.category == Category.MODERATE
    assert progress.share == pytest.approx(9 / 26)
    assert progress.expected == pytest.approx(0.5)


def test_no_measurement_yet_and_measurements_after_the_report_date_do_not_count() -> None:
    progress = assess(indicator(100, 200), [measured(300, "2026")], END_2025)
    assert progress.category == Category.NOT_MEASURABLE
    assert progress.latest is None and progress.reason is not None


def test_the_latest_value_decides_not_the_best() -> None:
    values = (measured(190, "2025-06"), measured(95, "2025-12"))
    assert category(indicator(100, 200), *values) == Category.DETERIORATION


def test_no_target_or_no_baseline() -> None:
    assert category(indicator(100, None), measured(150)) == Category.NOT_MEASURABLE
    assert category(indicator(None, 200), measured(150)) == Category.NOT_MEASURABLE
    assert category(indicator(None, 200), measured(210)) == Category.NOT_MEASURABLE  # beyond? which way is up?
    rising = indicator(None, 200, direction="increase")
    assert category(rising, measured(210)) == Category.ACHIEVED  # reached needs no baseline


def test_a_qualitative_indicator_is_met_or_not() -> None:
    rule = indicator("no by-law", "by-law approved", target_year=2026)
    assert category(rule, measured("approved", met=True)) == Category.ACHIEVED
    # Not met: share 0 of a way that was due halfway (2026 target): ratio 0, limited.
    assert category(rule, measured("draft presented", met=False)) == Category.LIMITED
    assert category(rule, measured("draft presented")) == Category.NOT_MEASURABLE  # met not said


@pytest.mark.parametrize(
    ("target", "latest", "expected"),
    [
        (("at-least", None, 5, 20), 21, Category.ACHIEVED),
        (("at-least", None, 5, 20), 20, Category.ACHIEVED),  # "at least 20" includes 20
        (("at-least", None, 5, 20), 12, Category.ON_TRACK),  # 7/15 = 0.47, ratio 1.4
        (("at-most", None, 30, 10), 10, Category.ACHIEVED),
        (("at-most", None, 30, 10), 25, Category.MODERATE),  # 5/20 = 0.25, ratio 0.75
        (("between", 60, 20, 40), 45, Category.ACHIEVED),  # inside 40–60
        (("between", 60, 20, 40), 30, Category.ON_TRACK),  # half of the way to 40, ratio 1.5
        (("between", 60, 80, 40), 75, Category.MODERATE),  # from 80 down to 60: 5/20 = 0.25, ratio 0.75
        (("exactly", None, 20, 50), 50, Category.ACHIEVED),
        (("exactly", None, 20, 50), 65, Category.ON_TRACK),  # 15 past 50 is as far as 35: 1 - 15/30 = 0.5
        (("exactly", None, 20, 50), 85, Category.DETERIORATION),  # 35 past: further than the baseline
    ],
)
def test_comparator_targets(target: tuple[str, float | None, float, float], latest: float, expected: Category) -> None:
    comparator, up_to, baseline, value = target
    ind = indicator(baseline, value, comparator=comparator, up_to=up_to)
    assert category(ind, measured(latest)) == expected


def test_a_level_to_keep() -> None:
    keep = indicator(100, 100, direction="maintain")
    assert category(keep, measured(100)) == Category.ACHIEVED
    assert category(keep, measured(90)) == Category.DETERIORATION
    grow = indicator(100, 100, direction="increase")
    assert category(grow, measured(104)) == Category.ACHIEVED  # beyond, in the written direction
    assert category(indicator(50, 40, comparator="at-least"), measured(45)) == Category.ACHIEVED
    assert category(indicator(50, 40, comparator="at-least"), measured(35)) == Category.DETERIORATION


def test_after_the_target_year_the_whole_way_is_due() -> None:
    # In 2028 the line stands at 1: 0.9 of the way is a ratio of 0.9, moderate.
    progress = assess(indicator(100, 200), [measured(190, "2028")], datetime.date(2028, 12, 31))
    assert progress.expected == 1.0
    assert progress.category == Category.MODERATE


def test_roll_up_takes_the_middle_category_and_the_lower_of_two() -> None:
    assert roll_up([Category.ACHIEVED, Category.ON_TRACK, Category.DETERIORATION]) == Category.ON_TRACK
    assert roll_up([Category.ACHIEVED, Category.LIMITED]) == Category.LIMITED
    assert roll_up([Category.ACHIEVED, Category.NOT_MEASURABLE]) == Category.ACHIEVED
    assert roll_up([Category.NOT_MEASURABLE]) == Category.NOT_MEASURABLE
    assert roll_up([]) == Category.NOT_MEASURABLE


def action(end: str | None) -> Action:
    return Action(id="AZ-1", title="Test", where=HERE, end=PlanDate(end, HERE) if end else None)


def status(day: str, value: str, spent: float | None = None) -> ActionStatus:
    return ActionStatus(Ref("AZ-1", HERE), PlanDate(day, HERE), value, HERE, spent=spent)


@pytest.mark.parametrize(
    ("statuses", "overdue", "shown"),
    [
        ((status("2025-02", "started"), status("2025-05", "on-track")), True, "late"),  # past June, not finished
        ((), True, "late"),  # nothing recorded, and the end has passed
        ((status("2025-02", "started"), status("2025-07", "completed")), False, "completed"),
        ((status("2025-02", "started"), status("2025-07", "suspended")), False, "suspended"),
        ((status("2025-02", "started"), status("2025-09", "cancelled")), False, "cancelled"),
        ((status("2025-02", "started"), status("2026-02", "completed")), True, "late"),  # after the report: unknown
    ],
)
def test_an_action_past_its_end_is_late_unless_its_status_says_otherwise(
    statuses: tuple[ActionStatus, ...], overdue: bool, shown: str
) -> None:
    progress = action_progress(action("2025-06"), statuses, END_2025)
    assert (progress.overdue, progress.status) == (overdue, shown)


def test_an_action_not_yet_due_keeps_its_status_and_its_latest_spending() -> None:
    statuses = (status("2025-03", "started", 1000), status("2025-09", "on-track"), status("2025-11", "on-track", 4000))
    progress = action_progress(action("2026-12"), statuses, END_2025)
    assert (progress.overdue, progress.status, progress.spent) == (False, "on-track", 4000)
    assert progress.began == datetime.date(2025, 3, 1)
