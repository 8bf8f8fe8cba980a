"""The monitoring report's body: each axis and objective with its indicators (chart, category, data) and actions."""

from __future__ import annotations

from compiler.charts import Chart
from compiler.document.context import LayoutContext
from compiler.document.labels import ACTION_STATUS_LABELS, CATEGORY_LABELS, MEASURED_LABELS, NO_STATUS_LABEL
from compiler.document.links import anchor_of, ident
from compiler.document.markdown import Markdown
from compiler.document.progress_charts import actions_chart, indicator_chart
from compiler.document.report_parts import ActionReport, AxisReport, IndicatorReport, ObjectiveReport, SeriesRow
from compiler.messages.diagnostics import Text, msg
from compiler.model import Action, Indicator, Measure, Objective
from compiler.model.numbers import cents
from compiler.progress import Category, IndicatorProgress, roll_up

#: An axis is a level-1 heading of the report, an objective under it level 2, its indicators one below.
AXIS_LEVEL, DEEPEST_LEVEL = 1, 5


def category_label(ctx: LayoutContext, category: Category) -> str:
    """A category in the reader's words."""
    return ctx.t(CATEGORY_LABELS[category.value])


def status_label(ctx: LayoutContext, status: str | None) -> str:
    """An action's status in the reader's words."""
    return ctx.t(ACTION_STATUS_LABELS.get(status or "", NO_STATUS_LABEL))


def first_axis(ctx: LayoutContext, action: Action) -> str | None:
    """The axis an action counts under: that of its first objective (as in the plan's budget)."""
    return ctx.axis_of(action.objectives[0].id) if action.objectives else None


def axis_report(ctx: LayoutContext, axis: Objective, charts: list[Chart]) -> AxisReport:
    """An axis: its objectives (or itself, with none under it), the roll-up of every indicator below it."""
    below = ctx.descendants(axis) or [axis]
    objectives = [objective_report(ctx, goal, charts) for goal in below]
    indicators = [i for goal in [axis, *below] for i in ctx.indicators_of.get(goal.id, [])]
    category = roll_up(ctx.progress[i.id].category for i in indicators)
    actions = [a for a in ctx.plan.actions if first_axis(ctx, a) == axis.id]
    timeline = actions_chart(ctx, f"chart-actions-{anchor_of(axis.id)}", actions)
    if timeline is not None:
        charts.append(timeline)
    return AxisReport(
        id=ident(axis.id),
        label=axis.id,
        title=axis.title,
        category=category_label(ctx, category),
        objectives=objectives,
        timeline=Markdown(timeline.id) if timeline else None,
        timeline_caption=ctx.t(msg("Actions of axis {id}: planned and actual", id=axis.id)),
    )


def objective_report(ctx: LayoutContext, objective: Objective, charts: list[Chart]) -> ObjectiveReport:
    """An objective with its indicators and the actions that work towards it."""
    indicators = ctx.indicators_of.get(objective.id, [])
    depth = ctx.depth(objective)
    return ObjectiveReport(
        id=Markdown(f"report-{anchor_of(objective.id)}") if depth == 0 else ident(objective.id),
        label=objective.id,
        title=objective.title,
        heading=Markdown("#" * min(AXIS_LEVEL + max(depth, 1), DEEPEST_LEVEL)),
        category=category_label(ctx, roll_up(ctx.progress[i.id].category for i in indicators)),
        indicators=[indicator_report(ctx, ctx.progress[i.id], charts) for i in indicators],
        actions=[action_report(ctx, a) for a in ctx.actions_of.get(objective.id, [])],
    )


def indicator_report(ctx: LayoutContext, progress: IndicatorProgress, charts: list[Chart]) -> IndicatorReport:
    """One indicator's category, latest value, pace, chart and data table."""
    indicator = progress.indicator
    chart = indicator_chart(ctx, progress)
    if chart is not None:
        charts.append(chart)
    latest = progress.latest
    return IndicatorReport(
        id=ident(indicator.id),
        label=indicator.id,
        name=indicator.name,
        unit=indicator.unit or "",
        measured=ctx.t(MEASURED_LABELS[indicator.measured]) if indicator.measured in MEASURED_LABELS else "",
        category=category_label(ctx, progress.category),
        latest=f"{ctx.value(latest.value)} ({ctx.formats.when(latest.period.text)})" if latest else "—",
        pace=_pace(ctx, progress),
        reason=ctx.t(progress.reason) if progress.reason else "",
        chart=Markdown(chart.id) if chart else None,
        caption=ctx.t(msg("Indicator {id}: baseline, measurements, milestones and target", id=indicator.id)),
        rows=series_rows(ctx, indicator, progress),
    )


def _pace(ctx: LayoutContext, progress: IndicatorProgress) -> str:
    if progress.share is None or progress.expected is None:
        return ""
    return ctx.t(
        msg(
            "{share} of the way from baseline to target covered; {expected} due by the report's date",
            share=ctx.formats.proportion(progress.share),
            expected=ctx.formats.proportion(progress.expected),
        )
    )


def series_rows(ctx: LayoutContext, indicator: Indicator, progress: IndicatorProgress) -> list[SeriesRow]:
    """The indicator's data: baseline, measurements, milestones and target, in time order."""
    rows: list[tuple[float, SeriesRow]] = []
    if indicator.baseline is not None:
        rows.append((indicator.baseline.year, _planned_row(ctx, msg("baseline"), indicator.baseline)))
    for number, milestone in enumerate(indicator.milestones, start=1):
        name = msg("milestone")
        rows.append((milestone.year + 0.9, _planned_row(ctx, name, milestone, f" {number}")))
    if indicator.target is not None:
        rows.append((indicator.target.year + 0.95, _planned_row(ctx, msg("target"), indicator.target)))
    for measurement in progress.series:
        day = measurement.period.last_day()
        met = (
            {True: msg("target met"), False: msg("target not met")}.get(measurement.met)
            if measurement.met is not None
            else None
        )
        value = ctx.value(measurement.value) + (f" ({ctx.t(met)})" if met else "")
        row = SeriesRow(
            ctx.t(msg("measured")), ctx.formats.when(measurement.period.text), value, measurement.source or ""
        )
        rows.append((day.year + day.timetuple().tm_yday / 400 if day else 0.0, row))
    return [row for _key, row in sorted(rows, key=lambda pair: pair[0])]


def _planned_row(ctx: LayoutContext, what: Text, measure: Measure, number: str = "") -> SeriesRow:
    value = ctx.measure(measure).removesuffix(f" ({measure.year})")
    return SeriesRow(ctx.t(what) + number, str(measure.year), value, measure.note or "")


def action_report(ctx: LayoutContext, action: Action) -> ActionReport:
    """An action's planned period, status at the report's date, and money."""
    progress = ctx.action_progress[action.id]
    latest = progress.latest
    note = latest.note if latest and latest.note else ""
    if progress.overdue:
        end = ctx.formats.when(action.end.text) if action.end else ""
        note = ctx.t(msg("Past its end ({end}) and not completed: shown as late.", end=end)) + (
            f" {note}" if note else ""
        )
    spent = progress.spent
    return ActionReport(
        label=action.id,
        title=action.title,
        period=ctx.period(action),
        status=status_label(ctx, progress.status),
        since=ctx.formats.when(latest.date.text) if latest else "",
        note=note,
        planned=ctx.formats.money(action.total_cents) if action.budget else "—",
        spent=ctx.formats.money(cents(spent)) if spent is not None else "—",
    )
