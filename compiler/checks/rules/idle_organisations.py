"""Every organisation has a role: it leads or partners an action, sits in a body, or supports the plan.

Each example is a file added to the base plan (``tests/cases/base``); the test suite runs them.

Passes::

    organisations:
      - {id: ets-beta, name: Associazione Beta, type: third-sector}
    actions:
      - {id: AZ-02, title: Laboratori, objective: OB-1.1, owner: comune, start: "2025-03", end: "2025-12", partners: [ets-beta]}

Fails (``ets-beta`` is listed but does nothing in the plan)::

    organisations:
      - {id: ets-beta, name: Associazione Beta, type: third-sector}
"""

from __future__ import annotations

from collections.abc import Iterator

from compiler.checks.index import ORGANISATION, Index, references
from compiler.checks.rule import Finding, rule_code
from compiler.messages.diagnostics import Severity, msg
from compiler.model import Plan

CODE = rule_code("organisation-without-role", Severity.WARNING, __doc__)
NEEDS_WHOLE_PLAN = True


def find(plan: Plan, index: Index) -> Iterator[Finding]:
    """Report organisations that no reference names."""
    named = {reference.ref.id for reference in references(plan) if ORGANISATION in reference.kinds}
    for organisation in plan.organisations:
        if organisation.id not in named:
            yield (
                organisation.where,
                msg("{name} ({id}) has no role in the plan.", name=organisation.name, id=organisation.id),
                msg("Name it as owner or partner of an action, or as member of a governance body."),
            )
