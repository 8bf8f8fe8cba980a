"""One indicator's progress at the report's date: its latest value, the share of the way covered, its category.

How a target is read (the baseline ``b``, the latest value ``v``):

- a plain target ``t`` is reached when ``v`` is at ``t`` or beyond it, away from ``b``; the share
  is ``(v − b) / (t − b)``, so a decreasing target works the same way as an increasing one and a
  baseline of zero needs no special case;
- ``at-least t`` is reached when ``v ≥ t``, ``at-most t`` when ``v ≤ t``; the share runs from ``b`` to ``t``;
- ``exactly t`` is reached when ``v = t``; the share is ``1 − |t − v| / |t − b|`` (overshooting is
  no better than falling short by as much);
- ``between lo and hi`` is reached inside the range; the share runs from ``b`` to the bound on
  ``b``'s side;
- a target equal to its baseline (or a baseline already inside an ``at-least``/``at-most``/range
  target) is a level to keep: reached (or, for a plain target, passed in the indicator's
  ``direction``), or else a deterioration;
- a qualitative indicator is reached when its latest measurement says ``met: true``; otherwise
  its share is 0 (nothing in between);
- without a measurement, a target, a baseline (unless the target is already reached) or ``met``,
  the indicator is not measurable, and the reason says why.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from compiler.messages.diagnostics import Text, msg
from compiler.model import Indicator, Measure, Measurement
from compiler.progress.categories import Category, categorise

#: Two numbers closer than this (relative to their size) are the same value.
_TOLERANCE = 1e-9


@dataclass(frozen=True)
class IndicatorProgress:
    """Where one indicator stands at the report's date."""

    indicator: Indicator
    category: Category
    series: tuple[Measurement, ...]  #: its measurements up to the report's date, oldest first
    latest: Measurement | None = None
    share: float | None = None  #: of the distance from baseline to target, covered by ``latest``
    expected: float | None = None  #: the share a straight line says is due at the report's date
    reason: Text | None = None  #: why it is not measurable


def measurements_of(measurements: Iterable[Measurement]) -> dict[str, list[Measurement]]:
    """Each indicator's measurements, oldest period first (by the period's last day, then its first)."""
    found: dict[str, list[Measurement]] = defaultdict(list)
    for measurement in measurements:
        found[measurement.indicator.id].append(measurement)
    for series in found.values():
        series.sort(key=_period_key)
    return dict(found)


def _period_key(measurement: Measurement) -> tuple[datetime.date, datetime.date]:
    last, first = measurement.period.last_day(), measurement.period.first_day()
    return (last or datetime.date.max, first or datetime.date.max)


def assess(indicator: Indicator, measurements: Iterable[Measurement], as_of: datetime.date) -> IndicatorProgress:
    """The indicator's category at ``as_of``, from its measurements whose period has ended by then."""
    series = tuple(m for m in sorted(measurements, key=_period_key) if _period_key(m)[0] <= as_of)
    if not series:
        return IndicatorProgress(indicator, Category.NOT_MEASURABLE, series, reason=msg("no measurement yet"))
    latest, target = series[-1], indicator.target
    if target is None:
        return IndicatorProgress(indicator, Category.NOT_MEASURABLE, series, latest, reason=msg("no target"))
    expected = _expected(indicator.baseline, target, as_of)
    if isinstance(latest.value, str) or not target.is_number:
        return _qualitative(indicator, series, expected)
    reached = _reached(target, float(latest.value), indicator.direction)
    baseline = indicator.baseline
    if baseline is None or not baseline.is_number:
        if reached:
            return IndicatorProgress(indicator, Category.ACHIEVED, series, latest)
        return IndicatorProgress(indicator, Category.NOT_MEASURABLE, series, latest, reason=msg("no baseline"))
    share = 1.0 if reached else _share(float(baseline.value), target, float(latest.value), indicator.direction)
    category = categorise(share, expected if expected is not None else 0.0)
    return IndicatorProgress(indicator, category, series, latest, share, expected)


def _qualitative(indicator: Indicator, series: tuple[Measurement, ...], expected: float | None) -> IndicatorProgress:
    latest = series[-1]
    if latest.met is None:
        reason = msg("the latest measurement does not say whether the target is met")
        return IndicatorProgress(indicator, Category.NOT_MEASURABLE, series, latest, reason=reason)
    share = 1.0 if latest.met else 0.0
    return IndicatorProgress(indicator, categorise(share, expected or 0.0), series, latest, share, expected)


def _expected(baseline: Measure | None, target: Measure, as_of: datetime.date) -> float | None:
    """Where a straight line from the end of the baseline year to the end of the target year stands."""
    if baseline is None:
        return None
    start, end = datetime.date(baseline.year, 12, 31), datetime.date(target.year, 12, 31)
    if end <= start:
        return 1.0
    return min(1.0, max(0.0, (as_of - start).days / (end - start).days))


def _same(a: float, b: float) -> bool:
    return abs(a - b) <= _TOLERANCE * max(1.0, abs(a), abs(b))


def _reached(target: Measure, value: float, direction: str | None) -> bool:
    goal = float(target.value)
    if target.comparator is None and direction in ("increase", "decrease"):
        return value >= goal if direction == "increase" else value <= goal
    if target.comparator == "at-least":
        return value >= goal or _same(value, goal)
    if target.comparator == "at-most":
        return value <= goal or _same(value, goal)
    if target.comparator == "between" and target.up_to is not None:
        return goal <= value <= target.up_to
    return _same(value, goal)  # plain and exactly: beyond a plain target is decided by the share


def _share(baseline: float, target: Measure, value: float, direction: str | None) -> float:
    """The share of the distance from the baseline towards the target that ``value`` has covered."""
    goal = _goal(baseline, target)
    if goal is None or _same(goal, baseline):  # a level to keep: kept, or beyond it in the written direction
        beyond = (direction == "increase" and value > baseline) or (direction == "decrease" and value < baseline)
        return 1.0 if beyond and target.comparator is None else -1.0
    if target.comparator == "exactly":
        return 1 - abs(goal - value) / abs(goal - baseline)
    return (value - baseline) / (goal - baseline)


def _goal(baseline: float, target: Measure) -> float | None:
    """The value the way leads to: the target, or the bound of a range on the baseline's side."""
    low = float(target.value)
    if target.comparator == "between" and target.up_to is not None:
        high = float(target.up_to)
        if low <= baseline <= high:
            return None
        return low if baseline < low else high
    if target.comparator == "at-least" and baseline >= low:
        return None
    if target.comparator == "at-most" and baseline <= low:
        return None
    return low
