"""The plan's summary tables: who does what (matrices); the budget tables are ``document.budget``'s."""

from __future__ import annotations

from collections import defaultdict

from compiler.document.context import LayoutContext
from compiler.document.links import joined, link
from compiler.document.parts import MatrixRow


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
