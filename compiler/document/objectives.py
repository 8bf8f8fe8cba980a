"""The strategic axes and the objective tree below each, with indicators and actions as table rows."""

from __future__ import annotations

from compiler.document import budget
from compiler.document.budget import Money
from compiler.document.context import LayoutContext
from compiler.document.labels import CATEGORY_LABELS, DIRECTION_LABELS
from compiler.document.links import anchor, ident, joined, link
from compiler.document.markdown import Markdown, escape, inline
from compiler.document.parts import ActionRow, AxisView, ChartView, IndicatorRow, ObjectiveView
from compiler.document.plan_charts import chart_view, indicators_chart
from compiler.messages.diagnostics import msg
from compiler.model import Action, Indicator, Objective

#: An axis is a level-2 heading (``##``), an objective under it level 3; pandoc stops at 6.
AXIS_LEVEL, DEEPEST_LEVEL = 2, 6


def axis(ctx: LayoutContext, axis: Objective) -> AxisView:
    """An axis and every objective below it, depth first, each at the heading level of its depth."""
    below = [objective(ctx, goal) for goal in ctx.descendants(axis)]
    # An axis with no objective under it holds its own indicators and actions.
    own = None if below else objective(ctx, axis)
    return AxisView(ident(axis.id), axis.id, axis.title, ctx.rich(axis.description), below, own)


def objective(ctx: LayoutContext, objective: Objective) -> ObjectiveView:
    """An objective with its indicators and actions, each counted for the part of its budget this objective gets."""
    indicators = [indicator_row(ctx, i) for i in ctx.indicators_of.get(objective.id, [])]
    actions = ctx.actions_of.get(objective.id, [])
    parts = {action.id: budget.allocation(action).get(objective.id, Money()) for action in actions}
    funded = [action for action in actions if action.budget]
    return ObjectiveView(
        id=ident(objective.id),
        title=objective.title,
        description=ctx.rich(objective.description) if objective.parent else None,
        indicators=indicators,
        actions=[action_row(ctx, a, parts[a.id]) for a in actions],
        label=objective.id,
        heading=Markdown("#" * min(AXIS_LEVEL + ctx.depth(objective), DEEPEST_LEVEL)),
        is_leaf=not ctx.children.get(objective.id),
        with_milestones=any(row.milestones for row in indicators),
        budget_total=ctx.formats.money(sum(parts[a.id].total for a in funded)) if funded else "",
        budget_note=_after_caption(
            [split_note(ctx, a, objective.id, parts[a.id]) for a in funded if len(a.objectives) > 1]
        ),
        with_progress=any(row.progress for row in indicators),
        chart=_indicators_chart(ctx, objective),
    )


def _indicators_chart(ctx: LayoutContext, objective: Objective) -> ChartView | None:
    chart = indicators_chart(ctx, objective)
    caption = msg("Indicators of objective {id}, from baseline to target", id=objective.id)
    return chart_view(chart, ctx.t(caption)) if chart else None


def _after_caption(notes: list[str]) -> Markdown:
    """Sentences that follow a table's caption (``. AZ-08 also serves…``), or nothing."""
    return Markdown(f"{escape('.')} {escape(' '.join(notes))}") if notes else Markdown("")


def split_note(ctx: LayoutContext, action: Action, objective_id: str, part: Money) -> str:
    """How much of a shared action's budget an objective's table counts, and why."""
    others = ", ".join(ref.id for ref in action.objectives if ref.id != objective_id)
    money = {"action": action.id, "others": others, "part": ctx.formats.money(part.total)}
    money["total"] = ctx.formats.money(action.total_cents)
    stated = {share.objective.id: share.percent for share in action.budget_shares}
    if objective_id in stated:
        return ctx.t(
            msg(
                "{action} also serves {others}: here it counts for {part} of its {total}, the {percent} share it "
                "states for this objective.",
                percent=ctx.formats.percent(stated[objective_id]),
                **money,
            )
        )
    return ctx.t(
        msg(
            "{action} also serves {others}: here it counts for {part} of its {total}, split equally between its objectives.",
            **money,
        )
    )


def indicator_row(ctx: LayoutContext, indicator: Indicator, with_anchor: bool = False) -> IndicatorRow:
    """An indicator as a table row (the row of the index is the indicator's anchor)."""
    direction = ctx.t(DIRECTION_LABELS[indicator.direction]) if indicator.direction in DIRECTION_LABELS else ""
    return IndicatorRow(
        id=Markdown(
            (anchor(indicator.id, indicator.id) if with_anchor else link(indicator.id)) + ctx.mark(indicator.id)
        ),
        name=indicator.name,
        objective=link(indicator.objective.id) if indicator.objective else None,
        unit=indicator.unit or "",
        baseline=ctx.measure(indicator.baseline),
        target=ctx.measure(indicator.target, direction),
        direction=direction,
        description=inline(indicator.description) if indicator.description else None,
        source=indicator.source or "",
        milestones=ctx.milestones(indicator),
        progress=_progress(ctx, indicator),
    )


def _progress(ctx: LayoutContext, indicator: Indicator) -> str:
    """``172,5 (2025) · progressi moderati``, or nothing before the first measurement."""
    progress = ctx.progress.get(indicator.id)
    latest = progress.latest if progress else None
    if progress is None or latest is None:
        return ""
    category = ctx.t(CATEGORY_LABELS[progress.category.value])
    return f"{ctx.value(latest.value)} ({ctx.formats.when(latest.period.text)}) · {category}"


def action_row(ctx: LayoutContext, action: Action, part: Money) -> ActionRow:
    """An action as a row of its objective's table, with the part of its budget that goes to this objective."""
    return ActionRow(
        id=Markdown(link(action.id) + ctx.mark(action.id)),
        title=action.title,
        owner=joined(ctx.party(ref.id) for ref in action.owners),
        partners=joined(ctx.party(ref.id) for ref in action.partners),
        period=ctx.period(action),
        budget=ctx.formats.money(part.total) if action.budget else "",
    )
