"""A list of references names each id once.

Passes::

    partners: [ets-alfa, ets-beta]

Fails (``ets-alfa`` twice)::

    partners: [ets-alfa, ets-beta, ets-alfa]
"""

from __future__ import annotations

from collections.abc import Iterator

from compiler.checks.index import Index
from compiler.checks.rule import Finding, rule_code
from compiler.messages.diagnostics import Severity, msg
from compiler.model import Plan, Ref

CODE = rule_code("repeated-reference", Severity.WARNING, __doc__)


def find(plan: Plan, index: Index) -> Iterator[Finding]:
    """Report ids listed twice in members, partners or objectives."""
    lists: list[tuple[str, tuple[Ref, ...]]] = []
    for group in plan.governance:
        lists.append(("members", group.members))
    for action in plan.actions:
        lists.extend((("partners", action.partners), ("objective", action.objectives)))
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
