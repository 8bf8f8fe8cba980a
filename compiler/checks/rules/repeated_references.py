"""A list of references names each id once.

Each example is a file added to the base plan (``tests/cases/base``); the test suite runs them.

Passes::

    actions:
      - {id: AZ-02, title: Laboratori, objective: OB-1.1, owner: comune, start: "2025-03", end: "2025-12", partners: [ets-alfa]}

Fails (``ets-alfa`` twice)::

    actions:
      - {id: AZ-02, title: Laboratori, objective: OB-1.1, owner: comune, start: "2025-03", end: "2025-12", partners: [ets-alfa, ets-alfa]}
"""

from __future__ import annotations

from collections.abc import Iterator

from compiler.checks.index import Index
from compiler.checks.rule import Finding, rule_code
from compiler.messages.diagnostics import Severity, msg
from compiler.model import Plan, Ref

CODE = rule_code("repeated-reference", Severity.WARNING, __doc__)


def find(plan: Plan, index: Index) -> Iterator[Finding]:
    """Report ids listed twice in members, owners, partners or objectives."""
    lists: list[tuple[str, tuple[Ref, ...]]] = []
    for group in plan.governance:
        lists.append(("members", group.members))
    for action in plan.actions:
        lists.extend((("owner", action.owners), ("partners", action.partners), ("objective", action.objectives)))
    for field, refs in lists:
        seen: set[str] = set()
        for ref in refs:
            if ref.id in seen:
                yield (
                    ref.where,
                    msg("“{id}” is listed twice in “{field}”.", id=ref.id, field=field),
                    msg("Delete the second “{id}”.", id=ref.id),
                )
            seen.add(ref.id)
