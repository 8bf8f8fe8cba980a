"""The plan's charts, as specs: money by row (axis, year, lead, funder), the actions' timeline, an objective's indicators.

Each chart is drawn from the same figures as the table the document places beside it, and says
so in its text alternative. Amounts on a chart are written without the currency, which the
chart's note names once; the exact amounts are in the table.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from compiler.charts import Bar, Chart, Mark, Panel, Series, Tick
from compiler.document import budget
from compiler.document.budget import Money, top_rows
from compiler.document.context import LayoutContext
from compiler.document.links import anchor_of
from compiler.document.markdown import Markdown
from compiler.document.parts import ChartView
from compiler.document.progress_charts import nice_ticks, target_label
from compiler.document.schedule import Quarter, quarter_label
from compiler.messages.diagnostics import msg
from compiler.model import Indicator, Measure, Objective

#: The rows a money chart shows (a page's height): beyond them, the smallest add up in one last row.
MONEY_ROWS = 30
#: Room after the longest bar for its amount, as a share of the axis.
_LABEL_ROOM = 1.22


def chart_view(chart: Chart, caption: str) -> ChartView:
    """A chart with the caption its placeholder shows."""
    return ChartView(Markdown(chart.id), caption, chart)


def money_chart(ctx: LayoutContext, chart_id: str, what: str, rows: list[tuple[str, Money]]) -> Chart | None:
    """Horizontal bars, one a row: the money secured (dark) then expected (light), the total written after."""
    shown = top_rows(rows, MONEY_ROWS, lambda count: ctx.t(msg("{count} others", count=str(count))))
    high = max((money.total for _label, money in shown), default=0) / 100
    if not high:
        return None
    ticks = nice_ticks(0, high)
    bars: list[Bar] = []
    for row, (_label, money) in enumerate(shown):
        secured, total = money.secured / 100, money.total / 100
        written = ctx.formats.amount(money.total)
        if money.secured:
            bars.append(Bar(row, 0, secured, "secured", "" if money.expected else written))
        if money.expected:
            bars.append(Bar(row, secured, total, "expected", written))
    return Chart(
        id=chart_id,
        description=_money_description(ctx, what, shown),
        x_ticks=tuple(Tick(at, ctx.formats.amount(round(at * 100))) for at in ticks),
        x_range=(0.0, max(ticks[-1], high * _LABEL_ROOM)),
        rows=tuple(label for label, _money in shown),
        bars=tuple(bars),
        legend=(("secured", ctx.t(msg("secured"))), ("expected", ctx.t(msg("expected")))),
        note=ctx.t(msg("Amounts in {currency}", currency=ctx.formats.currency_name())),
    )


def budget_charts(ctx: LayoutContext) -> dict[str, ChartView]:
    """The budget chapter's charts, each beside its table: by axis, by year, by lead organisation, by funder."""
    axes, years = budget.axis_money(ctx), budget.year_money(ctx)
    undecided = ctx.t(msg("Period to be defined"))
    wanted = {
        "axes": (msg("Budget by axis"), [(a.id, axes.get(a.id, Money())) for a in ctx.children[None]]),
        "years": (
            msg("Budget by year"),
            [(str(year) if year else undecided, years[year]) for year in sorted(years, key=lambda y: y or 10**6)],
        ),
        "leads": (msg("Budget by lead organisation"), [(ctx.funder_name(i), m) for i, m in budget.ranked_leads(ctx)]),
        "funders": (
            msg("Budget by funder"),
            [(ctx.funder_name(i), m) for i, m in budget.ranked_funders(ctx) if m.total],
        ),
    }
    found: dict[str, ChartView] = {}
    for key, (caption, rows) in wanted.items():
        chart = money_chart(ctx, f"chart-budget-{key}", ctx.t(caption), rows)
        if chart is not None:
            found[key] = chart_view(chart, ctx.t(caption))
    return found


def _money_description(ctx: LayoutContext, what: str, rows: list[tuple[str, Money]]) -> str:
    money = ctx.formats.money
    items = "; ".join(
        ctx.t(
            msg(
                "{label}: {total} ({secured} secured, {expected} expected)",
                label=label,
                total=money(m.total),
                secured=money(m.secured),
                expected=money(m.expected),
            )
        )
        for label, m in rows
    )
    return ctx.t(msg("{what}, bar chart: {items}. The table gives the same figures.", what=what, items=items))


def _position(quarter: Quarter) -> float:
    """Where a quarter starts on a time axis in years (``2025.25`` is April 2025)."""
    year, number = quarter
    return year + (number - 1) / 4


#: Beyond this many years, the timeline rules mark the years only, not every quarter.
QUARTER_RULES_UP_TO = 8


def timeline_chart(
    ctx: LayoutContext,
    chart_id: str,
    caption: str,
    rows: list[tuple[str, tuple[Quarter, Quarter] | None]],
    years: range,
) -> Chart:
    """One bar a row, over the quarters in which an action runs; a row without a period has no bar."""
    every = 4 if len(years) <= QUARTER_RULES_UP_TO else 1
    bars = tuple(
        Bar(row, _position(quarters[0]), _position(quarters[1]) + 0.25, "scheduled")
        for row, (_label, quarters) in enumerate(rows)
        if quarters is not None
    )
    undecided = ctx.t(msg("period to be defined"))
    items = "; ".join(
        f"{label} {quarter_label(ctx.t, q[0])} – {quarter_label(ctx.t, q[1])}" if q else f"{label} {undecided}"
        for label, q in rows
    )
    return Chart(
        id=chart_id,
        description=ctx.t(
            msg("{caption}, by quarter: {items}. The table below gives the same data.", caption=caption, items=items)
        ),
        x_ticks=tuple(Tick(year + 0.5, str(year)) for year in years),
        x_grid=tuple(years.start + step / every for step in range(len(years) * every + 1)),
        x_range=(float(years.start), float(years.stop)),
        rows=tuple(label for label, _quarters in rows),
        bars=bars,
    )


def _chartable(indicator: Indicator) -> list[Measure] | None:
    """An indicator's baseline, milestones and target in time order, if all are numbers (else no chart)."""
    if indicator.baseline is None or indicator.target is None:
        return None
    measures = [indicator.baseline, *indicator.milestones, indicator.target]
    if not all(measure.is_number for measure in measures):
        return None
    return sorted(measures, key=lambda measure: measure.year)


def _panel(ctx: LayoutContext, indicator: Indicator, measures: list[Measure]) -> Panel:
    target = indicator.target
    marks = tuple(
        Mark(
            measure.year + 0.5,
            float(measure.value),
            target_label(ctx, measure) if measure is target else ctx.value(measure.value),
        )
        for measure in measures
    )
    values = [mark.y for mark in marks]
    years = sorted({measure.year for measure in measures})
    return Panel(
        title=indicator.id,
        subtitle=indicator.unit or "",
        x_ticks=tuple(Tick(year + 0.5, str(year)) for year in years),
        y_ticks=tuple(Tick(at, ctx.value(Decimal(str(at)))) for at in nice_ticks(min(values), max(values), 2)),
        series=(Series("scheduled", marks),),
    )


def indicators_chart(ctx: LayoutContext, objective: Objective) -> Chart | None:
    """Each indicator of an objective from its baseline to its target through its milestones (numbers only)."""
    found = [(i, measures) for i in ctx.indicators_of.get(objective.id, []) if (measures := _chartable(i))]
    if not found:
        return None
    items = "; ".join(
        f"{i.id} {i.name}"
        + (f" ({i.unit})" if i.unit else "")
        + ": "
        + ", ".join(ctx.measure(replace(m, note=None)) for m in measures)
        for i, measures in found
    )
    return Chart(
        id=f"chart-indicators-{anchor_of(objective.id)}",
        description=ctx.t(
            msg(
                "Chart of the indicators of objective {id}, each from its baseline through its milestones to its "
                "target: {items}. The table above gives the same data.",
                id=objective.id,
                items=items,
            )
        ),
        x_ticks=(),
        panels=tuple(_panel(ctx, indicator, measures) for indicator, measures in found),
    )
