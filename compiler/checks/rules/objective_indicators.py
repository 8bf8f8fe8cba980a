"""Every objective at the bottom of the tree has at least one indicator.

Passes::

    objectives: [{id: OB-1.1, parent: ASSE-1, ...}]
    indicators: [{id: IND-01, objective: OB-1.1, ...}]

Fails (there is no way to tell whether ``OB-1.1`` was reached)::

    objectives: [{id: OB-1.1, parent: ASSE-1, ...}]
    indicators: []
"""

from __future__ import annotations

from collections.abc import Iterator

from compiler.checks.index import Index
from compiler.checks.rule import Finding, rule_code
from compiler.messages.diagnostics import Severity, msg
from compiler.model import Plan

CODE = rule_code("objective-without-indicator", Severity.WARNING, __doc__)
NEEDS_WHOLE_PLAN = True


def find(plan: Plan, index: Index) -> Iterator[Finding]:
    """Report leaf objectives that no indicator measures."""
    measured = {indicator.objective.id for indicator in plan.indicators if indicator.objective}
    for goal in plan.objectives:
        if index.is_leaf(goal.id) and goal.id not in measured:
            yield (
                goal.where,
                msg("No indicator measures objective {id}.", id=goal.id),
                msg("Add an indicator with “objective: {id}”, a baseline and a target.", id=goal.id),
            )
