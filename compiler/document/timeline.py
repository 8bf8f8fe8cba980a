"""The plan's timeline: the actions of each axis by quarter, as charts of a page at most each, and as a table."""

from __future__ import annotations

from collections import defaultdict

from compiler.document import schedule
from compiler.document.context import LayoutContext
from compiler.document.links import anchor_of, link
from compiler.document.markdown import Markdown
from compiler.document.parts import TimelineGroup, TimelineRow
from compiler.document.plan_charts import chart_view, timeline_chart
from compiler.document.report_sections import first_axis
from compiler.messages.diagnostics import msg
from compiler.model import Action

#: Actions in one chart: a chart fits a page; an axis with more actions gets several charts.
TIMELINE_ROWS = 30


def _years(ctx: LayoutContext, spans: list[schedule.Quarter]) -> range | None:
    """The whole years the timeline shows: the plan's period and every action's."""
    period = ctx.meta.period()
    years = [quarter[0] for quarter in spans] + ([period[0].year, period[1].year] if period else [])
    return range(min(years), max(years) + 1) if years else None


def _quarters(ctx: LayoutContext, action: Action) -> tuple[schedule.Quarter, schedule.Quarter] | None:
    days = schedule.action_span(ctx.meta, action)
    return (schedule.quarter_of(days[0]), schedule.quarter_of(days[1])) if days else None


def timeline(ctx: LayoutContext) -> list[TimelineGroup]:
    """The actions axis by axis (under the axis of their first objective), then those with no objective."""
    by_axis: dict[str | None, list[Action]] = defaultdict(list)
    for action in ctx.plan.actions:
        by_axis[first_axis(ctx, action)].append(action)
    quarters = {action.id: _quarters(ctx, action) for action in ctx.plan.actions}
    years = _years(ctx, [q for pair in quarters.values() if pair for q in pair])
    if years is None:
        return []
    groups = [(axis.id, axis.title) for axis in ctx.children[None] if by_axis.get(axis.id)]
    if by_axis.get(None):
        groups.append(("", ctx.t(msg("Other actions"))))
    return [
        _group(ctx, number, (label, title), [(a, quarters[a.id]) for a in by_axis[label or None]], years)
        for number, (label, title) in enumerate(groups, start=1)
    ]


def _group(
    ctx: LayoutContext,
    number: int,
    heading: tuple[str, str],
    scheduled: list[tuple[Action, tuple[schedule.Quarter, schedule.Quarter] | None]],
    years: range,
) -> TimelineGroup:
    """An axis's charts (``TIMELINE_ROWS`` actions each) and its table; ``heading`` is the axis's id and title."""
    label, title = heading
    actions = [action for action, _quarters in scheduled]
    quarters = {action.id: found for action, found in scheduled}
    key = anchor_of(label) if label else "other"
    charts = []
    for first in range(0, len(actions), TIMELINE_ROWS):
        page = actions[first : first + TIMELINE_ROWS]
        part = ""
        if len(actions) > TIMELINE_ROWS:
            last, count = str(first + len(page)), str(len(actions))
            part = " " + ctx.t(msg("({first}–{last} of {count})", first=str(first + 1), last=last, count=count))
        if label:
            caption = ctx.t(msg("Timeline of the actions of axis {id}{part}", id=label, part=part))
        else:
            caption = ctx.t(msg("Timeline of the other actions{part}", part=part))
        rows = [(action.id, quarters[action.id]) for action in page]
        chart = timeline_chart(ctx, f"chart-timeline-{key}-{first // TIMELINE_ROWS + 1}", caption, rows, years)
        charts.append(chart_view(chart, caption))
    return TimelineGroup(
        Markdown(f"sec:timeline-{number}"),
        label,
        title,
        charts,
        [_row(ctx, action, quarters[action.id]) for action in actions],
    )


def _row(ctx: LayoutContext, action: Action, quarters: tuple[schedule.Quarter, schedule.Quarter] | None) -> TimelineRow:
    if quarters is None:
        shown = ctx.t(msg("period to be defined"))
    else:
        shown = f"{schedule.quarter_label(ctx.t, quarters[0])} – {schedule.quarter_label(ctx.t, quarters[1])}"
    return TimelineRow(link(action.id), action.title, ctx.period(action), shown)
