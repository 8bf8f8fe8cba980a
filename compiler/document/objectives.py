"""The strategic axes and the objective tree below each, with indicators and actions as table rows."""

from __future__ import annotations

from compiler.document.context import LayoutContext
from compiler.document.labels import CATEGORY_LABELS, DIRECTION_LABELS
from compiler.document.links import anchor, ident, joined, link
from compiler.document.markdown import Markdown
from compiler.document.parts import ActionRow, AxisView, IndicatorRow, ObjectiveView
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
    """An objective with its indicators and actions."""
    indicators = [indicator_row(ctx, i) for i in ctx.indicators_of.get(objective.id, [])]
    return ObjectiveView(
        id=ident(objective.id),
        title=objective.title,
        description=ctx.rich(objective.description) if objective.parent else None,
        indicators=indicators,
        actions=[action_row(ctx, a) for a in ctx.actions_of.get(objective.id, [])],
        label=objective.id,
        heading=Markdown("#" * min(AXIS_LEVEL + ctx.depth(objective), DEEPEST_LEVEL)),
        is_leaf=not ctx.children.get(objective.id),
        with_milestones=any(row.milestones for row in indicators),
        with_progress=any(row.progress for row in indicators),
    )


def indicator_row(ctx: LayoutContext, indicator: Indicator, with_anchor: bool = False) -> IndicatorRow:
    """An indicator as a table row (the row of the index is the indicator's anchor)."""
    return IndicatorRow(
        id=anchor(indicator.id, indicator.id) if with_anchor else link(indicator.id),
        name=indicator.name,
        objective=link(indicator.objective.id) if indicator.objective else None,
        unit=indicator.unit or "",
        baseline=ctx.measure(indicator.baseline),
        target=ctx.measure(indicator.target),
        direction=ctx.t(DIRECTION_LABELS[indicator.direction]) if indicator.direction in DIRECTION_LABELS else "",
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


def action_row(ctx: LayoutContext, action: Action) -> ActionRow:
    """An action as a row of its objective's table."""
    return ActionRow(
        id=link(action.id),
        title=action.title,
        owner=joined(ctx.party(ref.id) for ref in action.owners),
        partners=joined(ctx.party(ref.id) for ref in action.partners),
        period=ctx.period(action),
        budget=ctx.formats.money(action.total_budget) if action.budget else "",
    )
