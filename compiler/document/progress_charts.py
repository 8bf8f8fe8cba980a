"""The monitoring report's charts, as specs: an indicator's series, and an axis's actions planned and actual.

Time runs in years with fractions (``2025.5`` is the start of July 2025); a value of a period
sits at the end of the period (a baseline of 2024 at the start of 2025), as the straight line
of the progress method has it. Every label is in the reader's language and number format.
"""

from __future__ import annotations

import datetime
import math

from compiler.charts import Bar, Chart, Mark, Series, Tick
from compiler.document.context import LayoutContext
from compiler.document.links import anchor_of
from compiler.messages.diagnostics import msg
from compiler.model import Action, Indicator, Measure
from compiler.progress import IndicatorProgress

_COMPARATOR_SIGNS = {"at-least": "≥ ", "at-most": "≤ ", "exactly": "= "}


def position(day: datetime.date) -> float:
    """A day as a year with its fraction."""
    start = datetime.date(day.year, 1, 1)
    length = (datetime.date(day.year + 1, 1, 1) - start).days
    return day.year + (day - start).days / length


def year_end(year: int) -> float:
    """Where a value of a whole year sits: at its end."""
    return float(year + 1)


def _years(first: int, last: int) -> tuple[tuple[Tick, ...], tuple[float, ...], tuple[float, float]]:
    """Year labels in the middle of each year, rules at the years' edges, and the span."""
    ticks = tuple(Tick(year + 0.5, str(year)) for year in range(first, last + 1))
    return ticks, tuple(float(year) for year in range(first, last + 2)), (float(first), float(last + 1))


def nice_ticks(low: float, high: float, count: int = 4) -> list[float]:
    """About ``count`` round steps from ``low`` (or 0) to at least ``high``."""
    low = min(low, 0.0) if low >= 0 else low
    span = (high - low) or abs(high) or 1.0
    raw = span / count
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    first = math.floor(low / step) * step
    ticks = [first]
    while ticks[-1] < high - 1e-9:
        ticks.append(ticks[-1] + step)
    return ticks


def target_label(ctx: LayoutContext, target: Measure) -> str:
    """A target's value as a chart labels it: ``≥ 30``, ``10–20``."""
    value = ctx.value(target.value)
    if target.comparator == "between" and target.up_to is not None:
        return f"{value}–{ctx.formats.number(target.up_to)}"
    return _COMPARATOR_SIGNS.get(target.comparator or "", "") + value


def indicator_chart(ctx: LayoutContext, progress: IndicatorProgress) -> Chart | None:
    """An indicator's baseline, milestones and target (planned) and its measurements, up to the report's date."""
    indicator = progress.indicator
    planned = [m for m in (indicator.baseline, *indicator.milestones, indicator.target) if m is not None]
    measured = [m for m in progress.series if not isinstance(m.value, str)]
    if indicator.is_qualitative or not measured or ctx.as_of is None or any(not m.is_number for m in planned):
        return None
    plan_marks = [Mark(year_end(m.year), float(m.value), ctx.value(m.value)) for m in planned]
    if indicator.target is not None and plan_marks:
        plan_marks[-1] = Mark(plan_marks[-1].x, plan_marks[-1].y, target_label(ctx, indicator.target))
    baseline = [plan_marks[0]] if indicator.baseline is not None else []
    data = [
        Mark(position(m.period.last_day() or ctx.as_of), float(m.value), ctx.value(m.value))
        for m in measured
        if not isinstance(m.value, str)
    ]
    values = [mark.y for mark in (*plan_marks, *data)]
    years = [m.year for m in planned] + [ctx.as_of.year] + [mark_year(m.x) for m in data]
    ticks, grid, span = _years(min(years), max(years))
    return Chart(
        id=f"chart-{anchor_of(indicator.id)}",
        description=_indicator_description(ctx, indicator, progress),
        x_ticks=ticks,
        x_grid=grid,
        x_range=span,
        y_ticks=tuple(Tick(at, ctx.value(at)) for at in nice_ticks(min(values), max(values))),
        series=(Series("planned", tuple(plan_marks)), Series("measured", (*baseline, *data))),
        legend=(("planned", ctx.t(msg("baseline, milestones and target"))), ("measured", ctx.t(msg("measured")))),
        marker=Tick(position(ctx.as_of), ctx.formats.day(ctx.as_of)),
    )


def mark_year(x: float) -> int:
    """The year a position at a period's end belongs to."""
    return math.ceil(x) - 1


def _indicator_description(ctx: LayoutContext, indicator: Indicator, progress: IndicatorProgress) -> str:
    baseline, measured = ctx.t(msg("baseline")), ctx.t(msg("measured"))
    milestone, target = ctx.t(msg("milestone")), ctx.t(msg("target"))
    points = [f"{baseline} {ctx.measure(indicator.baseline)}"] if indicator.baseline else []
    points += [f"{measured} {ctx.value(m.value)} ({ctx.formats.when(m.period.text)})" for m in progress.series]
    points += [f"{milestone} {ctx.measure(m)}" for m in indicator.milestones]
    if indicator.target is not None:
        points.append(f"{target} {ctx.measure(indicator.target)}")
    return ctx.t(
        msg(
            "Chart of indicator {id}, {name} ({unit}): {points}. The table below gives the same data.",
            id=indicator.id,
            name=indicator.name,
            unit=indicator.unit or "",
            points="; ".join(points),
        )
    )


def actions_chart(ctx: LayoutContext, chart_id: str, actions: list[Action]) -> Chart | None:
    """Each action's planned period (light) and its actual one (dark; red when late), up to the report's date."""
    as_of = ctx.as_of
    period = ctx.meta.period()
    if as_of is None or period is None or not actions:
        return None
    bars: list[Bar] = []
    for row, action in enumerate(actions):
        start = action.start.first_day() if action.start else None
        end = action.end.last_day() if action.end else (period[1] if action.ongoing else None)
        if start is not None and end is not None:
            bars.append(Bar(row, position(start), position(end + datetime.timedelta(days=1)), "planned"))
        progress = ctx.action_progress[action.id]
        began = progress.began
        if began is not None:
            stop = progress.ended or as_of
            style = "late" if progress.status == "late" else "measured"
            bars.append(Bar(row, position(began), position(stop + datetime.timedelta(days=1)), style))
    ticks, grid, span = _years(period[0].year, max(period[1].year, as_of.year))
    legend = (("planned", ctx.t(msg("planned"))), ("measured", ctx.t(msg("actual"))), ("late", ctx.t(msg("late"))))
    return Chart(
        id=chart_id,
        description=_actions_description(ctx, actions),
        x_ticks=ticks,
        x_grid=grid,
        x_range=span,
        rows=tuple(action.id for action in actions),
        bars=tuple(bars),
        legend=legend,
        marker=Tick(position(as_of), ctx.formats.day(as_of)),
    )


def _actions_description(ctx: LayoutContext, actions: list[Action]) -> str:
    return ctx.t(
        msg(
            "Timeline of actions {ids}: for each, the planned period and, below it, the period of actual work "
            "up to the report's date. The table above gives the same data.",
            ids=", ".join(action.id for action in actions),
        )
    )
