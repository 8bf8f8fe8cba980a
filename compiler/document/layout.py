"""Lay out a checked plan: what the document shows, in order, computed from the model.

The templates only loop and place. Plain strings here are escaped when the template prints
them; ``Markdown`` values (links, descriptive text) were made safe by ``document.markdown``.
"""

from __future__ import annotations

from compiler.charts import Chart
from compiler.document import (
    annexes,
    budget,
    front,
    glossary,
    objectives,
    organisation_sheets,
    parties,
    sheets,
    tables,
)
from compiler.document.context import LayoutContext
from compiler.document.markdown import Markdown
from compiler.document.parts import AxisView, ChartView, PlanDocument, Summary, TimelineGroup
from compiler.document.plan_charts import budget_charts
from compiler.document.summary import plan_summary
from compiler.document.timeline import timeline
from compiler.messages.diagnostics import msg
from compiler.messages.translate import Translator
from compiler.model import Plan, natural_key
from compiler.review.changes import Changes


def lay_out(plan: Plan, translate: Translator, changes: Changes | None = None) -> PlanDocument:
    """Everything the document of a checked plan shows, in the plan's language (and the changes since ``changes``).

    Longer than 40 lines: one keyword per part of the document, in reading order; nothing to split.
    """
    ctx = LayoutContext(plan, translate, with_glossary=True)
    ctx.marks.update(annexes.change_marks(ctx, changes))
    vision, context = plan.vision, plan.context
    indicators = sorted(plan.indicators, key=lambda i: natural_key(i.id))
    approvals = annexes.approvals(ctx) if plan.approvals else None
    axes = [objectives.axis(ctx, axis) for axis in ctx.children[None]]
    at_a_glance, groups, money_charts = plan_summary(ctx), timeline(ctx), budget_charts(ctx)
    return PlanDocument(
        lang=ctx.meta.lang,
        draft=ctx.meta.status != "approved",
        cover=annexes.with_approvals(front.cover(ctx), approvals, ctx.meta.version),
        vision=ctx.rich(vision.statement) if vision else None,
        mission=ctx.rich(vision.mission) if vision else None,
        values=[(value.name, ctx.rich(value.description) or Markdown("")) for value in vision.values] if vision else [],
        context=ctx.rich(context.introduction) if context else None,
        topics=[(topic.title, ctx.rich(topic.text) or Markdown("")) for topic in context.topics] if context else [],
        laws=[front.law(ctx, law) for law in context.legal_framework] if context else [],
        organisation_groups=parties.organisation_groups(ctx),
        bodies=[parties.body(ctx, body) for body in plan.governance],
        axes=axes,
        sheet_groups=sheets.sheet_groups(ctx),
        objective_grids=tables.objective_grids(ctx),
        organisation_grids=tables.organisation_grids(ctx),
        budget_by_objective=budget.by_objective(ctx),
        budget_by_funder=budget.by_funder(ctx),
        budget_total=budget.amount_row(
            ctx, Markdown(""), total := budget.plan_money(ctx), 100 if total.total else None
        ),
        indicator_index=[objectives.indicator_row(ctx, i, with_anchor=True) for i in indicators],
        has_illustrative=any(o.illustrative for o in plan.organisations),
        index_with_milestones=any(i.milestones for i in indicators),
        has_budget=any(action.budget for action in plan.actions),
        changes=annexes.changes_annex(ctx, changes) if changes is not None else None,
        marks=ctx.marks,
        observation_groups=annexes.observation_groups(ctx),
        approvals=approvals,
        action_index=sheets.action_index(ctx),
        organisation_sheets=organisation_sheets.organisation_sheets(ctx),
        sheets_title=translate(msg("Organisation sheets")),
        glossary=glossary.glossary(ctx),
        summary=at_a_glance,
        consultation=front.consultation(ctx),
        timeline=groups,
        budget_by_axis=budget.by_axis(ctx),
        budget_by_year=budget.by_year(ctx),
        budget_by_lead=budget.by_lead(ctx),
        budget_charts=money_charts,
        charts=_charts(at_a_glance, axes, groups, money_charts),
    )


def _charts(
    at_a_glance: Summary, axes: list[AxisView], groups: list[TimelineGroup], money: dict[str, ChartView]
) -> tuple[Chart, ...]:
    """Every chart of the document, in document order (the order the pictures are drawn in)."""
    views = [at_a_glance.chart] if at_a_glance.chart else []
    for axis in axes:
        views += [
            objective.chart for objective in [*([axis.own] if axis.own else []), *axis.objectives] if objective.chart
        ]
    views += [view for group in groups for view in group.charts]
    views += list(money.values())
    return tuple(view.chart for view in views)
