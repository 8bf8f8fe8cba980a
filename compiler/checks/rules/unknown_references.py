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

from compiler.checks.index import EXPECTED_KINDS, Index, references
from compiler.checks.rule import Finding, rule_code
from compiler.messages.diagnostics import Severity, msg
from compiler.model import IDENTIFIER, Plan

CODE = rule_code("unknown-reference", Severity.ERROR, __doc__)
NEEDS_WHOLE_PLAN = True


def find(plan: Plan, index: Index) -> Iterator[Finding]:
    """Report references to ids that no object has (malformed ids are the schema's to report)."""
    for reference in references(plan):
        if reference.ref.id not in index.kinds and IDENTIFIER.fullmatch(reference.ref.id):
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
