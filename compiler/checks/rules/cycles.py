"""Objective parents and governance reporting lines never loop back on themselves.

Each example is a file added to the base plan (``tests/cases/base``); the test suite runs them.

Passes::

    governance:
      - {id: cabina, name: Cabina di regia, members: [comune], reports_to: assemblea}

Fails (the steering committee reports to the working table, which reports to it)::

    governance:
      - {id: cabina, name: Cabina di regia, members: [comune], reports_to: tavolo}
      - {id: tavolo, name: Tavolo tecnico, members: [ets-alfa], reports_to: cabina}
"""

from __future__ import annotations

from collections.abc import Iterator

from compiler.checks.index import Index
from compiler.checks.rule import Finding, rule_code
from compiler.messages.diagnostics import Severity, msg
from compiler.model import Plan, Ref

CODE = rule_code("reference-cycle", Severity.ERROR, __doc__)


def find(plan: Plan, index: Index) -> Iterator[Finding]:
    """Report each loop once, at the reference that closes it in plan order."""
    parents = {goal.id: goal.parent for goal in plan.objectives if goal.parent is not None}
    reports = {group.id: group.reports_to for group in plan.governance if group.reports_to is not None}
    for field, links in (("parent", parents), ("reports_to", reports)):
        yield from _loops(field, links)


def _loops(field: str, links: dict[str, Ref]) -> Iterator[Finding]:
    done: set[str] = set()
    for start in links:
        trail: list[str] = []
        current: str | None = start
        while current is not None and current not in done and current not in trail:
            trail.append(current)
            link = links.get(current)
            current = link.id if link is not None else None
        if current is not None and current in trail:
            loop = [*trail[trail.index(current) :], current]
            yield (
                links[loop[-2]].where,
                msg("“{field}” goes round in a circle: {loop}.", field=field, loop=" → ".join(loop)),
                msg("Break the circle: one of these must point to something outside it, or to nothing."),
            )
        done.update(trail)
