"""An action's owner is not also one of its partners.

With joint leadership (``owner: [a, b]``) every owner is accountable, so none of them is a partner.
Each example is a file added to the base plan (``tests/cases/base``); the test suite runs them.

Passes::

    actions:
      - {id: AZ-02, title: Laboratori, objective: OB-1.1, owner: [comune, ets-alfa], start: "2025-03", end: "2025-12"}

Fails::

    actions:
      - {id: AZ-02, title: Laboratori, objective: OB-1.1, owner: [comune, ets-alfa], start: "2025-03", end: "2025-12", partners: [comune]}
"""

from __future__ import annotations

from collections.abc import Iterator

from compiler.checks.index import Index
from compiler.checks.rule import Finding, rule_code
from compiler.messages.diagnostics import Severity, msg
from compiler.model import Plan

CODE = rule_code("owner-is-partner", Severity.ERROR, __doc__)


def find(plan: Plan, index: Index) -> Iterator[Finding]:
    """Report partners that are one of the action's owners."""
    for action in plan.actions:
        owners = {owner.id for owner in action.owners}
        for partner in action.partners:
            if partner.id in owners:
                yield (
                    partner.where,
                    msg(
                        "“{id}” leads action {action}, so it cannot also be one of its partners.",
                        id=partner.id,
                        action=action.id,
                    ),
                    msg("Remove “{id}” from the partners.", id=partner.id),
                )
