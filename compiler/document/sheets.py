"""The action sheets: everything about each action, grouped by the axis of its first objective."""

from __future__ import annotations

from collections import defaultdict

from compiler.document import budget
from compiler.document.context import LayoutContext
from compiler.document.labels import ACTION_STATUS_LABELS, FUNDING_STATUS_LABELS
from compiler.document.links import ident, joined, link
from compiler.document.markdown import Markdown, escape
from compiler.document.parts import ActionSheet, SheetGroup
from compiler.messages.diagnostics import msg
from compiler.model import Action, natural_key


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
        budget=[
            (
                ctx.funder(line.funder.id) if line.funder else Markdown(""),
                ctx.formats.money(line.cents),
                ctx.t(FUNDING_STATUS_LABELS[line.status]) if line.status in FUNDING_STATUS_LABELS else "",
            )
            for line in action.budget
        ],
        total=ctx.formats.money(action.total_cents),
        deliverables=list(action.deliverables),
        label=action.id,
        owner_label=ctx.t(msg("Joint owners") if len(action.owners) > 1 else msg("Owner")),
        budget_split=budget_split(ctx, action),
        by_year=_by_year(ctx, action),
        indicators=[
            link(indicator.id, f"{indicator.id} {indicator.name}")
            for ref in action.objectives
            for indicator in ctx.indicators_of.get(ref.id, [])
        ],
    )


def _by_year(ctx: LayoutContext, action: Action) -> str:
    """``2025: 4.000 €; 2026: 12.000 €`` as the budget by year counts it, or nothing for a single year."""
    years = budget.action_years(ctx, action) if action.budget else None
    if not years or len(years) < 2:
        return ""
    return "; ".join(f"{year}: {ctx.formats.money(money.total)}" for year, money in years)


def budget_split(ctx: LayoutContext, action: Action) -> Markdown:
    """How a budget is shared between several objectives: ``OB-1.3: 6.000 €, OB-5.1: 6.000 € (equal split)``."""
    if len(action.objectives) < 2 or not action.budget:
        return Markdown("")
    parts = budget.allocation(action)
    listed = joined(
        Markdown(f"{link(ref.id)}: {escape(ctx.formats.money(parts[ref.id].total))}") for ref in action.objectives
    )
    if action.budget_shares:
        percents = {share.objective.id: share.percent for share in action.budget_shares}
        shares = ", ".join(f"{ref.id} {ctx.formats.percent(percents.get(ref.id, 0))}" for ref in action.objectives)
        how = msg("shares stated by the action: {shares}", shares=shares)
    else:
        how = msg("split equally between the objectives")
    return Markdown(f"{listed} ({escape(ctx.t(how))})")


def _status(ctx: LayoutContext, action: Action) -> str:
    """The action's status at the monitoring date (``avviata, ottobre 2025``), once statuses are recorded."""
    progress = ctx.action_progress.get(action.id)
    if progress is None or progress.status is None:
        return ""
    label = ctx.t(ACTION_STATUS_LABELS[progress.status])
    latest = progress.latest
    return f"{label}, {ctx.formats.when(latest.date.text)}" if latest and not progress.overdue else label


def sheet_groups(ctx: LayoutContext, only: set[str] | None = None) -> list[SheetGroup]:
    """The sheets (of the actions whose ids are ``only``, or all), axis by axis; actions with no objective come last."""
    by_axis: dict[str | None, list[ActionSheet]] = defaultdict(list)
    for action in ctx.plan.actions:
        if only is not None and action.id not in only:
            continue
        first = action.objectives[0].id if action.objectives else None
        by_axis[ctx.axis_of(first) if first else None].append(sheet(ctx, action))
    groups = [
        SheetGroup(f"{axis.id} {axis.title}", by_axis[axis.id]) for axis in ctx.children[None] if by_axis.get(axis.id)
    ]
    if by_axis.get(None):
        groups.append(SheetGroup(ctx.t(msg("Other actions")), by_axis[None]))
    return groups


def action_index(ctx: LayoutContext) -> list[Markdown]:
    """Every action by id, linked to its sheet (the PDF adds the page)."""
    return [
        link(action.id, f"{action.id} {action.title}")
        for action in sorted(ctx.plan.actions, key=lambda a: natural_key(a.id))
    ]
