"""Every period ends on or after its start: the plan's and each action's.

Each example is a file added to the base plan (``tests/cases/base``); the test suite runs them.

Passes::

    actions:
      - {id: AZ-02, title: Laboratori, objective: OB-1.1, owner: comune, start: "2025-03", end: "2025-12"}

Fails::

    actions:
      - {id: AZ-02, title: Laboratori, objective: OB-1.1, owner: comune, start: "2025-12", end: "2025-03"}
"""

from __future__ import annotations

from collections.abc import Iterator

from compiler.checks.index import Index
from compiler.checks.rule import Finding, rule_code
from compiler.messages.diagnostics import Severity, Text, msg
from compiler.model import Plan, PlanDate

CODE = rule_code("date-order", Severity.ERROR, __doc__)


def find(plan: Plan, index: Index) -> Iterator[Finding]:
    """Report periods whose end comes before their start."""
    periods: list[tuple[Text, PlanDate | None, PlanDate | None]] = []
    if plan.meta is not None:
        periods.append((msg("The plan period"), plan.meta.period_start, plan.meta.period_end))
    periods.extend((msg("Action {id}", id=action.id), action.start, action.end) for action in plan.actions)
    for owner, start, end in periods:
        if start is None or end is None:
            continue
        first, last = start.first_day(), end.last_day()
        if first is not None and last is not None and last < first:
            yield (
                end.where,
                msg("{owner} ends ({end}) before it starts ({start}).", owner=owner, end=end.text, start=start.text),
                msg("Swap the two dates, or correct the one that is wrong."),
            )
