"""One organisation's own document: its sheet, the bodies it sits in and the sheets of its actions.

It is the plan's own layout, narrowed: the same templates place it, so each part reads as it does
in the whole plan. Links to what the excerpt leaves out become plain text (``outputs.ast_gate``).
"""

from __future__ import annotations

import dataclasses

from compiler.document import budget, front, glossary, organisation_sheets, parties, sheets
from compiler.document.context import LayoutContext
from compiler.document.markdown import Markdown
from compiler.document.parts import PlanDocument
from compiler.messages.diagnostics import msg
from compiler.messages.translate import Translator
from compiler.model import Organisation, Plan


def lay_out_for(plan: Plan, translate: Translator, organisation: Organisation) -> PlanDocument:
    """What the document of ``organisation`` shows: what it leads, where it is a partner, its seats.

    Longer than 40 lines: one keyword per part of the document, in reading order; nothing to split.
    """
    ctx = LayoutContext(plan, translate, with_glossary=True)
    leads, partners = organisation_sheets.actions_of(ctx, organisation.id)
    seated = [
        body
        for body in plan.governance
        if (body.chair is not None and body.chair.id == organisation.id)
        or any(ref.id == organisation.id for ref in body.members)
    ]
    intro = msg(
        "This document gathers what concerns {name} in the plan “{title}”, version {version}: the actions it "
        "leads, those it is a partner in, the money it puts in and its seats in the governance bodies. "
        "The whole plan remains the reference.",
        name=organisation.name,
        title=ctx.meta.title,
        version=ctx.meta.version,
    )
    cover = dataclasses.replace(
        front.cover(ctx), summary=ctx.rich(translate(intro)), signatories=[], prepared_with=[], supported_by=[]
    )
    return PlanDocument(
        lang=ctx.meta.lang,
        draft=ctx.meta.status != "approved",
        cover=dataclasses.replace(cover, for_whom=organisation.name),
        vision=None,
        mission=None,
        values=[],
        context=None,
        topics=[],
        laws=[],
        organisation_groups=[],
        bodies=[parties.body(ctx, body) for body in seated],
        axes=[],
        sheet_groups=sheets.sheet_groups(ctx, {action.id for action in (*leads, *partners)}),
        objective_grids=[],
        organisation_grids=None,
        budget_by_objective=[],
        budget_by_funder=[],
        budget_total=budget.amount_row(ctx, Markdown(""), budget.Money(), None),
        indicator_index=[],
        has_budget=False,
        organisation_sheets=[organisation_sheets.organisation_sheet(ctx, organisation)],
        sheets_title=translate(msg("Its commitments in the plan")),
        glossary=glossary.glossary(ctx),
    )
