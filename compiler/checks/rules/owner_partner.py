"""An action's owner is not also one of its partners.

Passes::

    - {id: AZ-1, owner: comune-al, partners: [ets-alfa], ...}

Fails::

    - {id: AZ-1, owner: comune-al, partners: [ets-alfa, comune-al], ...}
"""

from __future__ import annotations

from collections.abc import Iterator

from compiler.checks.index import Index
from compiler.checks.rule import Finding, rule_code
from compiler.messages.diagnostics import Severity, msg
from compiler.model import Plan

CODE = rule_code("owner-is-partner", Severity.ERROR, __doc__)


def find(plan: Plan, index: Index) -> Iterator[Finding]:
    """Report partners that are the action's owner."""
    for action in plan.actions:
        if action.owner is None:
            continue
        for partner in action.partners:
            if partner.id == action.owner.id:
                yield (
                    partner.where,
                    msg(
                        "“{id}” leads action {action}, so it cannot also be one of its partners.",
                        id=partner.id,
                        action=action.id,
                    ),
                    msg("Remove “{id}” from the partners.", id=partner.id),
                )
