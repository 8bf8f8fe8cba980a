"""Every objective at the bottom of the tree has at least one action.

Passes::

    objectives: [{id: OB-1.1, parent: ASSE-1, ...}]
    actions: [{id: AZ-1, objective: OB-1.1, ...}]

Fails (nothing works towards ``OB-1.1``)::

    objectives: [{id: OB-1.1, parent: ASSE-1, ...}]
    actions: []
"""

from __future__ import annotations

from collections.abc import Iterator

from compiler.checks.index import Index
from compiler.checks.rule import Finding, rule_code
from compiler.messages.diagnostics import Severity, msg
from compiler.model import Plan

CODE = rule_code("objective-without-action", Severity.WARNING, __doc__)
NEEDS_WHOLE_PLAN = True


def find(plan: Plan, index: Index) -> Iterator[Finding]:
    """Report leaf objectives that no action names."""
    served = {ref.id for action in plan.actions for ref in action.objectives}
    for goal in plan.objectives:
        if index.is_leaf(goal.id) and goal.id not in served:
            yield (
                goal.where,
                msg("No action works towards objective {id}.", id=goal.id),
                msg("Add an action with “objective: {id}”, or remove the objective.", id=goal.id),
            )
