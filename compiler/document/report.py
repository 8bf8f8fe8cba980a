"""Lay out the monitoring report: the summary, the method, each axis and objective, the data appendix.

Everything is computed at the report's date (``monitoring: date``) by ``compiler.progress``;
the templates only loop and place.
"""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict
from decimal import Decimal

from compiler.charts import Chart
from compiler.document import budget
from compiler.document.budget import whole_percentages
from compiler.document.context import LayoutContext
from compiler.document.labels import ACTION_STATUS_LABELS
from compiler.document.report_parts import CountRow, MeasurementRow, MoneyRow, MonitoringDocument, StatusRow
from compiler.document.report_sections import axis_report, category_label, status_label
from compiler.messages.diagnostics import msg
from compiler.messages.translate import Translator
from compiler.model import Plan, natural_key
from compiler.model.numbers import cents
from compiler.progress.actions import STATUSES
from compiler.progress.categories import MODERATE, ON_TRACK, Category


def lay_out_report(plan: Plan, translate: Translator) -> MonitoringDocument:
    """Everything the monitoring report of a checked plan with a ``monitoring`` section shows."""
    ctx = LayoutContext(plan, translate)
    if ctx.as_of is None or plan.monitoring is None:
        raise ValueError("only a plan with a monitoring date has a monitoring report")
    charts: list[Chart] = []
    axes = [axis_report(ctx, axis, charts) for axis in ctx.children[None]]
    measured = sum(1 for progress in ctx.progress.values() if progress.latest is not None)
    return MonitoringDocument(
        lang=ctx.meta.lang,
        title=ctx.t(msg("Monitoring report")),
        plan_title=ctx.meta.title,
        as_of=ctx.formats.day(ctx.as_of),
        illustrative=plan.monitoring.illustrative,
        note=ctx.rich(plan.monitoring.note),
        indicator_counts=_indicator_counts(ctx),
        status_counts=_status_counts(ctx),
        measured_count=measured,
        indicator_total=len(plan.indicators),
        money=_money_by_axis(ctx),
        money_total=_money_total(ctx),
        method=_method(ctx),
        axes=axes,
        measurements=_measurement_rows(ctx),
        statuses=_status_rows(ctx),
        charts=tuple(charts),
    )


def _indicator_counts(ctx: LayoutContext) -> list[CountRow]:
    counts = Counter(progress.category for progress in ctx.progress.values())
    shares = whole_percentages([counts[c] for c in Category])  # the column adds up to 100 %
    return [
        CountRow(category_label(ctx, c), counts[c], ctx.formats.percent(share))
        for c, share in zip(Category, shares, strict=True)
    ]


def _status_counts(ctx: LayoutContext) -> list[CountRow]:
    counts = Counter(progress.status for progress in ctx.action_progress.values())
    statuses: list[str | None] = [*STATUSES, None]
    shares = whole_percentages([counts[s] for s in statuses])
    return [
        CountRow(status_label(ctx, s), counts[s], ctx.formats.percent(share))
        for s, share in zip(statuses, shares, strict=True)
    ]


def _spent_ratio(ctx: LayoutContext, spent: int, planned: int) -> str:
    return ctx.formats.proportion(Decimal(spent) / planned) if planned else ""


def _axis_money(ctx: LayoutContext) -> tuple[dict[str | None, int], dict[str | None, int]]:
    """Planned and spent cents by axis: each action's shared as its budget is between its objectives."""
    planned: dict[str | None, int] = defaultdict(int)
    spent: dict[str | None, int] = defaultdict(int)
    for action in ctx.plan.actions:
        parts = budget.allocation(action)
        used = cents(ctx.action_progress[action.id].spent or Decimal(0))
        objectives: list[str | None] = [ref.id for ref in action.objectives] or [None]
        used_parts = budget.split(used, budget.weights(action)) if action.objectives else [used]
        for objective, used_part in zip(objectives, used_parts, strict=True):
            axis = ctx.axis_of(objective) if objective else None
            planned[axis] += parts[objective].total if objective in parts else 0
            spent[axis] += used_part
    return planned, spent


def _money_by_axis(ctx: LayoutContext) -> list[MoneyRow]:
    planned, spent = _axis_money(ctx)
    return [
        MoneyRow(
            f"{axis.id} {axis.title}",
            ctx.formats.money(planned[axis.id]),
            ctx.formats.money(spent[axis.id]),
            _spent_ratio(ctx, spent[axis.id], planned[axis.id]),
        )
        for axis in ctx.children[None]
    ]


def _money_total(ctx: LayoutContext) -> MoneyRow:
    planned = sum(action.total_cents for action in ctx.plan.actions)
    spent = sum(cents(progress.spent or Decimal(0)) for progress in ctx.action_progress.values())
    total = ctx.t(msg("Total"))
    return MoneyRow(total, ctx.formats.money(planned), ctx.formats.money(spent), _spent_ratio(ctx, spent, planned))


def _method(ctx: LayoutContext) -> list[str]:
    on_track, moderate = ctx.formats.proportion(ON_TRACK), ctx.formats.proportion(MODERATE)
    return [
        ctx.t(
            msg(
                "For each indicator, the share of the way from its baseline to its target that the latest "
                "measured value has covered is compared with the share a straight line from the baseline "
                "(the end of its year) to the target (the end of its year) reaches on the report's date."
            )
        ),
        ctx.t(
            msg(
                "Target achieved: the latest value meets the target. On track: at least {on_track} of the share "
                "due. Moderate progress: at least {moderate}. Limited progress: less, but not below the "
                "baseline. Deterioration: further from the target than the baseline. Not measurable: no "
                "measurement yet, or no baseline or target.",
                on_track=on_track,
                moderate=moderate,
            )
        ),
        ctx.t(
            msg(
                "Targets with “at least”, “at most” or a range are met inside their bound; a qualitative "
                "indicator is met when its latest measurement says so. An objective or axis takes the middle "
                "category of its measurable indicators (with an even number, the lower of the two middle ones); "
                "actions past their end date that are not completed, suspended or cancelled are shown as late."
            )
        ),
    ]


def _measurement_rows(ctx: LayoutContext) -> list[MeasurementRow]:
    rows = sorted(
        ctx.plan.measurements,
        key=lambda m: (natural_key(m.indicator.id), m.period.last_day() or datetime.date.min, m.period.text),
    )
    met = {True: ctx.t(msg("yes")), False: ctx.t(msg("no")), None: ""}
    return [
        MeasurementRow(
            m.indicator.id,
            ctx.formats.when(m.period.text),
            ctx.value(m.value),
            met[m.met],
            m.source or "",
            m.note or "",
        )
        for m in rows
    ]


def _status_rows(ctx: LayoutContext) -> list[StatusRow]:
    rows = sorted(ctx.plan.statuses, key=lambda s: (natural_key(s.action.id), s.date.first_day() or datetime.date.min))
    return [
        StatusRow(
            s.action.id,
            ctx.formats.when(s.date.text),
            ctx.t(ACTION_STATUS_LABELS[s.status]) if s.status in ACTION_STATUS_LABELS else s.status,
            ctx.formats.money(cents(s.spent)) if s.spent is not None else "",
            s.note or "",
        )
        for s in rows
    ]
