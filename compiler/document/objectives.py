"""The strategic axes and their objectives, each with its indicators and actions as table rows."""

from __future__ import annotations

from compiler.document.context import LayoutContext
from compiler.document.labels import DIRECTION_LABELS
from compiler.document.links import anchor, ident, joined, link
from compiler.document.markdown import Markdown
from compiler.document.parts import ActionRow, AxisView, IndicatorRow, ObjectiveView
from compiler.model import Action, Indicator, Objective


def axis(ctx: LayoutContext, axis: Objective) -> AxisView:
    """An axis and every objective below it."""
    below = [objective(ctx, goal) for goal in ctx.descendants(axis)]
    # An axis with no objective under it holds its own indicators and actions.
    own = None if below else objective(ctx, axis)
    return AxisView(ident(axis.id), axis.title, ctx.rich(axis.description), below, own)


def objective(ctx: LayoutContext, objective: Objective) -> ObjectiveView:
    """An objective with its indicators and actions."""
    return ObjectiveView(
        id=ident(objective.id),
        title=objective.title,
        description=ctx.rich(objective.description) if objective.parent else None,
        indicators=[indicator_row(ctx, i) for i in ctx.indicators_of.get(objective.id, [])],
        actions=[action_row(ctx, a) for a in ctx.actions_of.get(objective.id, [])],
    )


def indicator_row(ctx: LayoutContext, indicator: Indicator, with_anchor: bool = False) -> IndicatorRow:
    """An indicator as a table row (the row of the index is the indicator's anchor)."""
    return IndicatorRow(
        id=Markdown(
            (anchor(indicator.id, indicator.id) if with_anchor else link(indicator.id)) + ctx.mark(indicator.id)
        ),
        name=indicator.name,
        objective=link(indicator.objective.id) if indicator.objective else None,
        unit=indicator.unit or "",
        baseline=ctx.measure(indicator.baseline),
        target=ctx.measure(indicator.target),
        direction=ctx.t(DIRECTION_LABELS[indicator.direction]) if indicator.direction in DIRECTION_LABELS else "",
        source=indicator.source or "",
    )


def action_row(ctx: LayoutContext, action: Action) -> ActionRow:
    """An action as a row of its objective's table."""
    return ActionRow(
        id=Markdown(link(action.id) + ctx.mark(action.id)),
        title=action.title,
        owner=ctx.party(action.owner.id) if action.owner else Markdown(""),
        partners=joined(ctx.party(ref.id) for ref in action.partners),
        period=ctx.period(action),
        budget=ctx.formats.money(action.total_budget) if action.budget else "",
    )
