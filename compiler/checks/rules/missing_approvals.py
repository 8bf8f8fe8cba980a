"""An approved plan has an approval of its version from every signatory.

Each example replaces the base plan's ``00-plan.yaml`` (whose signatories are ``comune`` and
``ets-alfa``); the test suite runs them.

Passes::

    # 00-plan.yaml
    plan: {title: Piano di prova, version: "1.0", status: approved, date: "2025-01-15", lang: it-IT, period: {start: 2025, end: 2027}}
    approvals:
      - {by: comune, act: Delibera di Giunta, number: 45, date: "2025-03-12"}
      - {by: ets-alfa, act: Delibera del Consiglio direttivo, number: 3, date: "2025-03-20"}

Fails (``ets-alfa`` has not approved version 1.0)::

    # 00-plan.yaml
    plan: {title: Piano di prova, version: "1.0", status: approved, date: "2025-01-15", lang: it-IT, period: {start: 2025, end: 2027}}
    approvals:
      - {by: comune, act: Delibera di Giunta, number: 45, date: "2025-03-12"}
      - {by: ets-alfa, version: "0.9", act: Delibera del Consiglio direttivo, number: 3, date: "2025-03-20"}
"""

from __future__ import annotations

from collections.abc import Iterator

from compiler.checks.index import Index
from compiler.checks.rule import Finding, rule_code
from compiler.messages.diagnostics import Severity, msg
from compiler.model import Plan

CODE = rule_code("missing-approval", Severity.ERROR, __doc__)
NEEDS_WHOLE_PLAN = True


def missing_signatories(plan: Plan) -> list[str]:
    """The signatories that have not approved the plan's current version, in plan order."""
    version = plan.meta.version if plan.meta else ""
    approved = {a.by.id for a in plan.approvals if (a.version or version) == version}
    return [o.id for o in plan.organisations if o.signatory and o.id not in approved]


def find(plan: Plan, index: Index) -> Iterator[Finding]:
    """Report an approved plan that some signatories have not approved."""
    meta = plan.meta
    if meta is None or meta.status != "approved":
        return
    missing = missing_signatories(plan)
    if missing:
        yield (
            meta.status_where or meta.where,
            msg(
                "The plan is marked approved, but version {version} has no approval from: {missing}.",
                version=meta.version,
                missing=tuple(missing),
            ),
            msg(
                "Add each signatory's act under “approvals:” (by, act, number, date), "
                "or keep the status “review” until every signatory has approved."
            ),
        )
