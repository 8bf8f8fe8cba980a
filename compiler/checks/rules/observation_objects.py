"""An observation is on an object of the plan, or says that the object was removed.

Each example is a file added to the base plan (``tests/cases/base``); the test suite runs them.

Passes::

    observations:
      - {on: AZ-01, by: Mario Rossi, date: "2025-02-10", origin: meeting, text: Anticipare l'avvio.}
      - {on: AZ-09, removed: true, by: Anna Bianchi, date: "2025-02-11", origin: letter, text: Azione da togliere.}

Fails (there is no ``AZ-09``, and the observation does not say it was removed)::

    observations:
      - {on: AZ-09, by: Anna Bianchi, date: "2025-02-11", origin: letter, text: Azione da togliere.}
"""

from __future__ import annotations

from collections.abc import Iterator

from compiler.checks.index import KIND_NAMES, Index
from compiler.checks.rule import Finding, rule_code
from compiler.messages.diagnostics import Severity, msg
from compiler.messages.suggest import did_you_mean
from compiler.model import IDENTIFIER, Plan

CODE = rule_code("observation-object", Severity.ERROR, __doc__)
NEEDS_WHOLE_PLAN = True


def find(plan: Plan, index: Index) -> Iterator[Finding]:
    """Report observations on unknown objects, and "removed" objects that are still there."""
    ids = list(index.kinds)
    for observation in plan.observations:
        on = observation.on
        if on is None or not IDENTIFIER.fullmatch(on.id):
            continue
        kind = index.kinds.get(on.id)
        if kind is None and not observation.removed:
            yield (
                on.where,
                msg("The observation is on “{id}”, which is not the id of an object of the plan.", id=on.id),
                did_you_mean(
                    on.id,
                    ids,
                    msg("If {id} was removed from the plan, add “removed: true” to the observation.", id=on.id),
                ),
            )
        elif kind is not None and observation.removed:
            yield (
                on.where,
                msg(
                    "The observation says “{id}” was removed, but it is {kind} of the plan.",
                    id=on.id,
                    kind=KIND_NAMES[kind],
                ),
                msg("Remove “removed: true” from the observation."),
            )
