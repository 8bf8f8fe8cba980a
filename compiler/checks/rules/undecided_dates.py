"""Every action has a start and an end, or says it is ongoing.

An action whose dates are not decided yet is kept and shown (“to be defined”), with this warning.
Each example is a file added to the base plan (``tests/cases/base``); the test suite runs them.

Passes (an ongoing action has no end date)::

    actions:
      - {id: AZ-02, title: Sportello permanente, objective: OB-1.1, owner: comune, start: "2025-03", end: ongoing}

Fails (the end is not decided yet)::

    actions:
      - {id: AZ-02, title: Laboratori, objective: OB-1.1, owner: comune, start: "2025-03"}
"""

from __future__ import annotations

from collections.abc import Iterator

from compiler.checks.index import Index
from compiler.checks.rule import Finding, rule_code
from compiler.messages.diagnostics import Severity, msg
from compiler.model import Plan

CODE = rule_code("dates-undecided", Severity.WARNING, __doc__)


def find(plan: Plan, index: Index) -> Iterator[Finding]:
    """Report actions with no start, or with no end and not ongoing."""
    for action in plan.actions:
        if action.start is None:
            yield (
                action.where,
                msg("Action {id} has no start date yet.", id=action.id),
                msg('Write “start:” with the month it starts, for example "2025-03", when it is decided.'),
            )
        if action.end is None and not action.ongoing:
            yield (
                action.where,
                msg("Action {id} has no end date yet.", id=action.id),
                msg('Write “end:” with the month it ends, for example "2026-12", or “end: ongoing” if it has no end.'),
            )
