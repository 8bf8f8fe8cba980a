"""A sheet per organisation: the actions it leads, those it is a partner in, the money it puts in, its seats.

Amounts say what they are. Next to an action stands the action's whole budget: the plan does not
record how a budget is shared between the lead and the partners, so no figure here pretends to
be an organisation's share. The money an organisation puts in is what the plan records of it (the
budget lines it funds), and its total equals the organisation's row of the budget by funder.
"""

from __future__ import annotations

from collections import defaultdict

from compiler.document import budget
from compiler.document.context import LayoutContext, once_per_layout
from compiler.document.labels import FUNDING_STATUS_LABELS
from compiler.document.links import anchor_of, joined, link
from compiler.document.markdown import Markdown, escape
from compiler.document.money_rows import AmountRow
from compiler.document.view_parts import CommitmentRow, FundingRow, OrganisationSheet
from compiler.messages.diagnostics import msg
from compiler.model import Action, FundingLine, Organisation


def sheet_anchor(identifier: str) -> Markdown:
    """The anchor of an organisation's sheet (its own anchor is in the table of organisations)."""
    return Markdown(f"sec:sheet-{anchor_of(identifier)}")


def organisation_sheets(ctx: LayoutContext) -> list[OrganisationSheet]:
    """Every organisation's sheet, in plan order."""
    return [organisation_sheet(ctx, organisation) for organisation in ctx.plan.organisations]


def actions_of(ctx: LayoutContext, identifier: str) -> tuple[list[Action], list[Action]]:
    """The actions an organisation leads, and those it is a partner in (and does not lead), in plan order."""
    leads, partners = _roles(ctx)
    return leads.get(identifier, []), partners.get(identifier, [])


@once_per_layout
def _roles(ctx: LayoutContext) -> tuple[dict[str, list[Action]], dict[str, list[Action]]]:
    """Every organisation's actions as lead and as partner, in plan order, from one pass over the actions."""
    leads: dict[str, list[Action]] = defaultdict(list)
    partners: dict[str, list[Action]] = defaultdict(list)
    for action in ctx.plan.actions:
        owners = dict.fromkeys(ref.id for ref in action.owners)
        for identifier in owners:
            leads[identifier].append(action)
        for identifier in dict.fromkeys(ref.id for ref in action.partners if ref.id not in owners):
            partners[identifier].append(action)
    return dict(leads), dict(partners)


def organisation_sheet(ctx: LayoutContext, organisation: Organisation) -> OrganisationSheet:
    """One organisation's sheet."""
    leads, partners = actions_of(ctx, organisation.id)
    return OrganisationSheet(
        anchor=sheet_anchor(organisation.id),
        name=organisation.name,
        label=organisation.id,
        seats=seats(ctx, organisation.id),
        leads=[_row(ctx, action, organisation.id) for action in leads],
        partners=[_row(ctx, action, organisation.id) for action in partners],
        funds=_funds(ctx, organisation.id),
        funds_total=_funds_total(ctx, organisation.id),
    )


def seats(ctx: LayoutContext, identifier: str) -> list[Markdown]:
    """The governance bodies an organisation sits in, and as what: ``Cabina di regia (chair)``."""
    found: list[Markdown] = []
    for body in ctx.plan.governance:
        chair = body.chair is not None and body.chair.id == identifier
        if chair or any(ref.id == identifier for ref in body.members):
            role = ctx.t(msg("chair") if chair else msg("member"))
            found.append(Markdown(f"{ctx.party(body.id)} ({escape(role)})"))
    return found


def _row(ctx: LayoutContext, action: Action, identifier: str) -> CommitmentRow:
    """An action as a row of a sheet: the others who lead it, its period and its whole budget."""
    others = [ref.id for ref in action.owners if ref.id != identifier]
    total = ctx.formats.money(action.total_cents) if action.budget else ctx.t(msg("not stated"))
    return CommitmentRow(
        action=link(action.id, f"{action.id} {action.title}"),
        leads=joined(ctx.party(other) for other in others),
        period=ctx.period(action),
        budget=total,
    )


def _funds(ctx: LayoutContext, identifier: str) -> list[FundingRow]:
    """The budget lines an organisation funds, action by action."""
    return [
        FundingRow(
            link(action.id, f"{action.id} {action.title}"),
            ctx.formats.money(line.cents),
            ctx.t(FUNDING_STATUS_LABELS[line.status]) if line.status in FUNDING_STATUS_LABELS else "",
        )
        for action, line in _funded(ctx).get(identifier, [])
    ]


@once_per_layout
def _funded(ctx: LayoutContext) -> dict[str, list[tuple[Action, FundingLine]]]:
    """Every funder's budget lines with their actions, in plan order, from one pass over the actions."""
    found: dict[str, list[tuple[Action, FundingLine]]] = defaultdict(list)
    for action in ctx.plan.actions:
        for line in action.budget:
            if line.funder is not None:
                found[line.funder.id].append((action, line))
    return dict(found)


def _funds_total(ctx: LayoutContext, identifier: str) -> AmountRow:
    """The money an organisation puts in: secured, expected, in all (its row of the budget by funder)."""
    return budget.amount_row(ctx, Markdown(""), budget.funder_money(ctx).get(identifier, budget.Money()), None)
