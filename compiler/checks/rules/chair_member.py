"""A governance body's chair is one of its members.

Each example is a file added to the base plan (``tests/cases/base``); the test suite runs them.

Passes::

    governance:
      - {id: cabina, name: Cabina di regia, members: [comune, ets-alfa], chair: comune}

Fails (``comune`` chairs a body it is not a member of)::

    governance:
      - {id: cabina, name: Cabina di regia, members: [ets-alfa], chair: comune}
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
