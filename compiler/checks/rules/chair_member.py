"""A governance body's chair is one of its members.

Passes::

    - {id: cabina, members: [comune-al, ets-alfa], chair: comune-al}

Fails::

    - {id: cabina, members: [comune-al, ets-alfa], chair: provincia-al}
"""

from __future__ import annotations

from collections.abc import Iterator

from compiler.checks.index import Index
from compiler.checks.rule import Finding, rule_code
from compiler.messages.diagnostics import Severity, msg
from compiler.model import Plan

CODE = rule_code("chair-not-member", Severity.WARNING, __doc__)


def find(plan: Plan, index: Index) -> Iterator[Finding]:
    """Report chairs missing from their body's members."""
    for group in plan.governance:
        if group.chair is None or not group.members:
            continue
        if group.chair.id not in {member.id for member in group.members}:
            yield (
                group.chair.where,
                msg("“{id}” chairs “{body}” but is not among its members.", id=group.chair.id, body=group.id),
                msg("Add “{id}” to the members, or choose a chair among them.", id=group.chair.id),
            )
