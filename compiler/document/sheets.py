"""The action sheets: everything about each action, grouped by the axis of its first objective."""

from __future__ import annotations

from collections import defaultdict

from compiler.document.context import LayoutContext
from compiler.document.labels import ACTION_STATUS_LABELS
from compiler.document.links import ident, joined, link
from compiler.document.parts import ActionSheet, SheetGroup
from compiler.messages.diagnostics import msg
from compiler.model import Action


def sheet(ctx: LayoutContext, action: Action) -> ActionSheet:
    """One action's sheet."""
    return ActionSheet(
        id=ident(action.id),
        title=action.title,
        description=ctx.rich(action.description),
        objectives=joined(link(ref.id, f"{ref.id} {ctx.titles.get(ref.id, '')}") for ref in action.objectives),
        owner=joined(ctx.party(ref.id) for ref in action.owners),
        partners=joined(ctx.party(ref.id) for ref in action.partners),
        period=ctx.period(action),
        status=_status(ctx, action),
        budget=[(line.source, ctx.formats.money(line.amount)) for line in action.budget],
        total=ctx.formats.money(action.total_budget),
        deliverables=list(action.deliverables),
        label=action.id,
        owner_label=ctx.t(msg("Joint owners") if len(action.owners) > 1 else msg("Owner")),
    )


def _status(ctx: LayoutContext, action: Action) -> str:
    """The action's status at the monitoring date (``avviata, ottobre 2025``), once statuses are recorded."""
    progress = ctx.action_progress.get(action.id)
    if progress is None or progress.status is None:
        return ""
    label = ctx.t(ACTION_STATUS_LABELS[progress.status])
    latest = progress.latest
    return f"{label}, {ctx.formats.when(latest.date.text)}" if latest and not progress.overdue else label


def sheet_groups(ctx: LayoutContext) -> list[SheetGroup]:
    """The sheets, axis by axis; actions with no objective come last."""
    by_axis: dict[str | None, list[ActionSheet]] = defaultdict(list)
    for action in ctx.plan.actions:
        first = action.objectives[0].id if action.objectives else None
        by_axis[ctx.axis_of(first) if first else None].append(sheet(ctx, action))
    groups = [
        SheetGroup(f"{axis.id} {axis.title}", by_axis[axis.id]) for axis in ctx.children[None] if by_axis.get(axis.id)
    ]
    if by_axis.get(None):
        groups.append(SheetGroup(ctx.t(msg("Other actions")), by_axis[None]))
    return groups
