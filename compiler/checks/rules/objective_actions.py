"""Every objective at the bottom of the tree has at least one action.

Each example is a file added to the base plan (``tests/cases/base``); the test suite runs them.

Passes::

    objectives:
      - {id: OB-1.2, title: Più servizi, parent: ASSE-1}
    indicators:
      - {id: IND-02, name: Servizi aperti, objective: OB-1.2, unit: servizi, baseline: {value: 0, year: 2024},
         target: {value: 3, year: 2027}}
    actions:
      - {id: AZ-02, title: Laboratori, objective: OB-1.2, owner: comune, start: "2025-03", end: "2025-12"}

Fails (nothing works towards ``OB-1.2``)::

    objectives:
      - {id: OB-1.2, title: Più servizi, parent: ASSE-1}
    indicators:
      - {id: IND-02, name: Servizi aperti, objective: OB-1.2, unit: servizi, baseline: {value: 0, year: 2024},
         target: {value: 3, year: 2027}}
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
