"""Every action happens inside the plan's period.

Each example is a file added to the base plan (``tests/cases/base``); the test suite runs them.

Passes (the plan's period is 2025–2027)::

    actions:
      - {id: AZ-02, title: Laboratori, objective: OB-1.1, owner: comune, start: "2025-03", end: "2027-12"}

Fails::

    actions:
      - {id: AZ-02, title: Laboratori, objective: OB-1.1, owner: comune, start: "2024-10", end: "2025-06"}
"""

from __future__ import annotations

from collections.abc import Iterator

from compiler.checks.index import Index
from compiler.checks.rule import Finding, rule_code
from compiler.messages.diagnostics import Severity, msg
from compiler.model import Plan

CODE = rule_code("outside-period", Severity.ERROR, __doc__)


def find(plan: Plan, index: Index) -> Iterator[Finding]:
    """Report action starts before the period and ends after it."""
    bounds = plan.meta.period() if plan.meta else None
    if plan.meta is None or bounds is None:
        return  # no period, or an inverted one (reported once, by date-order)
    first, last = bounds
    period = plan.meta.period_label()
    hint = msg("Move the date inside the plan period, or widen the period in the “plan” section.")
    for action in plan.actions:
        start = action.start.first_day() if action.start else None
        if action.start is not None and start is not None and start < first:
            yield (
                action.start.where,
                msg(
                    "Action {id} starts in {date}, before the plan period ({period}).",
                    id=action.id,
                    date=action.start.text,
                    period=period,
                ),
                hint,
            )
        end = action.end.last_day() if action.end else None
        if action.end is not None and end is not None and end > last:
            yield (
                action.end.where,
                msg(
                    "Action {id} ends in {date}, after the plan period ({period}).",
                    id=action.id,
                    date=action.end.text,
                    period=period,
                ),
                hint,
            )
