"""“The plan at a glance”: the page after the cover, every figure from the model and the budget chapter's own sums.

The money here is ``document.budget``'s, computed the same way as in the budget chapter, so the
summary and the chapter agree to the cent.
"""

from __future__ import annotations

from collections import Counter

from compiler.document import budget
from compiler.document.budget import Money
from compiler.document.context import LayoutContext
from compiler.document.links import link
from compiler.document.markdown import Markdown, escape
from compiler.document.money_rows import AmountRow
from compiler.document.parts import AxisSummary, ChartView, Summary
from compiler.document.plan_charts import chart_view, money_chart
from compiler.document.report_sections import first_axis
from compiler.messages.diagnostics import msg

#: The sources of money the summary names; the others add up in one row (the budget chapter lists each).
SUMMARY_FUNDERS = 5
#: How many of those who lead the most actions the summary names.
SUMMARY_LEADERS = 3


def plan_summary(ctx: LayoutContext) -> Summary:
    """The summary page of a checked plan."""
    total = budget.plan_money(ctx)
    return Summary(
        figures=_figures(ctx, total),
        axes=_axes(ctx),
        axes_total=AxisSummary(
            sum(len(ctx.descendants(axis)) for axis in ctx.children[None]),
            len(ctx.plan.actions),
            budget.amount_row(ctx, Markdown(""), total, 100 if total.total else None),
        ),
        funders=_funders(ctx),
        leaders=_leaders(ctx),
        chart=_chart(ctx),
        money=bool(total.total),
    )


def _figures(ctx: LayoutContext, total: Money) -> list[tuple[str, str]]:
    meta = ctx.meta
    period = ctx.formats.period(
        meta.period_start.text if meta.period_start else None, meta.period_end.text if meta.period_end else None
    )
    counts = [
        (msg("Axes"), len(ctx.children[None])),
        (msg("Objectives"), sum(1 for o in ctx.plan.objectives if o.parent is not None)),
        (msg("Indicators"), len(ctx.plan.indicators)),
        (msg("Actions"), len(ctx.plan.actions)),
        (msg("Organisations"), len(ctx.plan.organisations)),
    ]
    figures = [(ctx.t(msg("Period")), period)] if period else []
    figures += [(ctx.t(label), str(count)) for label, count in counts]
    return [*figures, (ctx.t(msg("Budget")), ctx.formats.money(total.total))] if total.total else figures


def _axes(ctx: LayoutContext) -> list[AxisSummary]:
    axes = ctx.children[None]
    money = budget.axis_money(ctx)
    actions = Counter(first_axis(ctx, action) for action in ctx.plan.actions)
    rows = budget.rows(ctx, ((link(a.id, f"{a.id} {a.title}"), money.get(a.id, Money())) for a in axes))
    return [
        AxisSummary(len(ctx.descendants(axis)), actions[axis.id], row) for axis, row in zip(axes, rows, strict=True)
    ]


def _funders(ctx: LayoutContext) -> list[AmountRow]:
    labelled = [(ctx.funder(identifier), money) for identifier, money in budget.ranked_funders(ctx) if money.total]
    shown = budget.top_rows(
        labelled, SUMMARY_FUNDERS, lambda count: escape(ctx.t(msg("{count} other sources", count=str(count))))
    )
    return budget.rows(ctx, shown)


def _leaders(ctx: LayoutContext) -> list[tuple[Markdown, int]]:
    led = Counter(ref.id for action in ctx.plan.actions for ref in action.owners)
    ranked = sorted(led.items(), key=lambda item: (-item[1], ctx.funder_name(item[0])))
    return [(ctx.party(identifier), count) for identifier, count in ranked[:SUMMARY_LEADERS]]


def _chart(ctx: LayoutContext) -> ChartView | None:
    money = budget.axis_money(ctx)
    caption = ctx.t(msg("Budget by axis"))
    rows = [(axis.id, money.get(axis.id, Money())) for axis in ctx.children[None]]
    chart = money_chart(ctx, "chart-summary-axes", caption, rows)
    return chart_view(chart, caption) if chart else None
