"""A reference points to the right kind of object: a partner is an organisation, not an action.

Each example is a file added to the base plan (``tests/cases/base``); the test suite runs them.

Passes::

    actions:
      - {id: AZ-02, title: Laboratori, objective: OB-1.1, owner: segreteria, start: "2025-03", end: "2025-12", partners: [ets-alfa]}

Fails (``AZ-01`` exists, but it is an action, not an organisation)::

    actions:
      - {id: AZ-02, title: Laboratori, objective: OB-1.1, owner: comune, start: "2025-03", end: "2025-12", partners: [AZ-01]}
"""

from __future__ import annotations

from collections.abc import Iterator

from compiler.checks.index import EXPECTED_KINDS, KIND_NAMES, Index, references
from compiler.checks.rule import Finding, rule_code
from compiler.messages.diagnostics import Severity, msg
from compiler.model import Plan

CODE = rule_code("wrong-reference-kind", Severity.ERROR, __doc__)


def find(plan: Plan, index: Index) -> Iterator[Finding]:
    """Report references to an id of the wrong kind."""
    for reference in references(plan):
        kind = index.kinds.get(reference.ref.id)
        if kind is not None and kind not in reference.kinds:
            yield (
                reference.ref.where,
                msg(
                    "“{id}” is {actual}, but “{field}” must name {expected}.",
                    id=reference.ref.id,
                    actual=KIND_NAMES[kind],
                    field=reference.field,
                    expected=EXPECTED_KINDS[reference.kinds],
                ),
                index.suggest(reference.ref.id, reference.kinds),
            )
