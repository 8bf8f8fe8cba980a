"""Every organisation has a role: it leads or partners an action, sits in a body, or supports the plan.

Passes::

    organisations: [{id: ets-alfa, ...}]
    actions: [{id: AZ-1, owner: comune-al, partners: [ets-alfa], ...}]

Fails (``ets-alfa`` is listed but does nothing in the plan)::

    organisations: [{id: ets-alfa, ...}]
    actions: [{id: AZ-1, owner: comune-al, partners: [], ...}]
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
