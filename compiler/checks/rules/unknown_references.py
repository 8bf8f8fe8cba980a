"""Every reference names an id that exists in the plan.

Each example is a file added to the base plan (``tests/cases/base``); the test suite runs them.

Passes::

    actions:
      - {id: AZ-02, title: Laboratori, objective: OB-1.1, owner: comune, start: "2025-03", end: "2025-12"}

Fails (no object has the id ``comune-all``)::

    actions:
      - {id: AZ-02, title: Laboratori, objective: OB-1.1, owner: comune-all, start: "2025-03", end: "2025-12"}
"""

from __future__ import annotations

from collections.abc import Iterator

from compiler.checks.index import EXPECTED_KINDS, Index, Reference, references
from compiler.checks.rule import Finding, rule_code
from compiler.messages.diagnostics import Severity, msg
from compiler.model import IDENTIFIER, Plan

CODE = rule_code("unknown-reference", Severity.ERROR, __doc__)
NEEDS_WHOLE_PLAN = True


def find(plan: Plan, index: Index) -> Iterator[Finding]:
    """Report references to ids that no object has, and titles written where an id belongs.

    Other malformed ids are the schema's to report; a title the schema refused as an id is
    reported here instead, with the id it names (the pipeline keeps this diagnostic, not both).
    """
    for reference in references(plan):
        if reference.ref.id in index.kinds:
            continue
        if not IDENTIFIER.fullmatch(reference.ref.id):
            found = _named(reference, index)
            if found is not None:
                yield found
            continue
        yield (
            reference.ref.where,
            msg(
                "“{id}” (in “{field}”) is not the id of {expected} of the plan.",
                id=reference.ref.id,
                field=reference.field,
                expected=EXPECTED_KINDS[reference.kinds],
            ),
            index.suggest(reference.ref.id, reference.kinds),
        )


def _named(reference: Reference, index: Index) -> Finding | None:
    """A reference that holds an object's name (or nearly) instead of its id."""
    named = index.named(reference.ref.id, reference.kinds)
    if named is None:
        return None
    identifier, exactly = named
    written, field = reference.ref.id, reference.field
    message = (
        msg("“{written}” (in “{field}”) is the name of {id}, not its id.", written=written, field=field, id=identifier)
        if exactly
        else msg(
            "“{written}” (in “{field}”) is close to the name of {id}, but a reference needs an id.",
            written=written,
            field=field,
            id=identifier,
        )
    )
    return reference.ref.where, message, msg("Write its id instead: {id}.", id=identifier)
