"""Every id is used once in the whole plan, whatever kind of object it names.

Passes::

    objectives:
      - {id: OB-1, title: Inclusione}
    actions:
      - {id: AZ-1, title: Sportello, ...}

Fails (``OB-1`` twice, even across files and kinds)::

    objectives:
      - {id: OB-1, title: Inclusione}
    actions:
      - {id: OB-1, title: Sportello, ...}
"""

from __future__ import annotations

from collections.abc import Iterator

from compiler.checks.index import Index
from compiler.checks.rule import Finding, rule_code
from compiler.messages.diagnostics import Severity, Where, msg
from compiler.model import Plan

CODE = rule_code("duplicate-id", Severity.ERROR, __doc__)


def find(plan: Plan, index: Index) -> Iterator[Finding]:
    """Report every id after its first definition."""
    first: dict[str, Where] = {}
    for thing in plan.identified():
        earlier = first.get(thing.id)
        if earlier is None:
            first[thing.id] = thing.where
            continue
        yield (
            thing.where,
            msg(
                "The id “{id}” is already used in {file} at line {line}.",
                id=thing.id,
                file=earlier.file,
                line=earlier.line,
            ),
            msg("Give this object a new id, for example “{id}-2”, and update the references to it.", id=thing.id),
        )
