"""An object's former id (formerly) is no longer in use, and only one object claims it.

``formerly`` tells ``planc diff`` that an object was renamed: its old id must not be the id of an
object of this version, and two objects cannot both have been it.
Each example is a file added to the base plan (``tests/cases/base``); the test suite runs them.

Passes::

    actions:
      - {id: AZ-02, formerly: AZ-2, title: Laboratori, objective: OB-1.1, owner: comune, start: "2025-03", end: "2025-12"}

Fails (``AZ-01`` is still the id of an action)::

    actions:
      - {id: AZ-02, formerly: AZ-01, title: Laboratori, objective: OB-1.1, owner: comune, start: "2025-03", end: "2025-12"}
"""

from __future__ import annotations

from collections.abc import Iterator

from compiler.checks.index import KIND_NAMES, Index
from compiler.checks.rule import Finding, rule_code
from compiler.messages.diagnostics import Severity, msg
from compiler.model import Plan

CODE = rule_code("formerly-in-use", Severity.ERROR, __doc__)


def find(plan: Plan, index: Index) -> Iterator[Finding]:
    """Report former ids that are current ids, or that two objects claim."""
    claimed: dict[str, str] = {}
    for thing in plan.identified():
        for former in thing.formerly:
            kind = index.kinds.get(former.id)
            if kind is not None:
                yield (
                    former.where,
                    msg(
                        "“{former}” is still the id of {kind} of the plan, so {id} cannot have had it before.",
                        former=former.id,
                        kind=KIND_NAMES[kind],
                        id=thing.id,
                    ),
                    msg("Remove “formerly: {former}”, or give the other object a new id.", former=former.id),
                )
            elif former.id in claimed:
                yield (
                    former.where,
                    msg(
                        "{first} already says it was “{former}”: only one object can have been it.",
                        first=claimed[former.id],
                        former=former.id,
                    ),
                    msg("Keep “formerly: {former}” on one object only.", former=former.id),
                )
            else:
                claimed[former.id] = thing.id
