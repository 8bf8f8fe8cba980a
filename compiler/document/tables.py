"""The plan's summary tables: who does what (matrices) and where the money goes (budget)."""

from __future__ import annotations

from collections import defaultdict

from compiler.document.context import LayoutContext
from compiler.document.links import joined, link
from compiler.document.markdown import escape
from compiler.document.parts import AmountRow, MatrixRow


def objective_matrix(ctx: LayoutContext) -> list[MatrixRow]:
    """Each objective at the bottom of the tree with the actions that work towards it."""
    return [
        MatrixRow(link(o.id, f"{o.id} {o.title}"), [joined(link(a.id) for a in ctx.actions_of.get(o.id, []))])
        for o in ctx.leaves()
    ]


def organisation_matrix(ctx: LayoutContext) -> list[MatrixRow]:
    """Each organisation and body with the actions it leads and those it is a partner in."""
    leads: dict[str, list[str]] = defaultdict(list)
    partners: dict[str, list[str]] = defaultdict(list)
    for action in ctx.plan.actions:
        for ref in action.owners:
            leads[ref.id].append(action.id)
        for ref in action.partners:
            partners[ref.id].append(action.id)
    parties = [(o.id, o.name) for o in ctx.plan.organisations] + [(b.id, b.name) for b in ctx.plan.governance]
    return [
        MatrixRow(
            link(identifier, name), [joined(map(link, leads[identifier])), joined(map(link, partners[identifier]))]
        )
        for identifier, name in parties
    ]


def budget_by_objective(ctx: LayoutContext) -> list[AmountRow]:
    """The budget of each objective (an action with several objectives counts under its first)."""
    amounts: dict[str, float] = defaultdict(float)
    for action in ctx.plan.actions:
        if action.objectives:
            amounts[action.objectives[0].id] += action.total_budget
    total = sum(amounts.values())
    return [
        AmountRow(
            link(o.id, f"{o.id} {o.title}"), ctx.formats.money(amounts[o.id]), ctx.formats.share(amounts[o.id], total)
        )
        for o in ctx.leaves()
    ]


def budget_by_source(ctx: LayoutContext) -> list[AmountRow]:
    """The budget by funding source, largest first."""
    amounts: dict[str, float] = defaultdict(float)
    for action in ctx.plan.actions:
        for line in action.budget:
            amounts[line.source] += line.amount
    total = sum(amounts.values())
    ranked = sorted(amounts.items(), key=lambda item: (-item[1], item[0]))
    return [
        AmountRow(escape(source), ctx.formats.money(amount), ctx.formats.share(amount, total))
        for source, amount in ranked
    ]
