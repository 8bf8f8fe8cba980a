"""An approved plan has answered every observation: each has its outcome.

Each example replaces the base plan's ``00-plan.yaml``; the test suite runs them.

Passes::

    # 00-plan.yaml
    plan: {title: Piano di prova, version: "1.0", status: approved, date: "2025-01-15", lang: it-IT, period: {start: 2025, end: 2027}}
    approvals:
      - {by: comune, act: Delibera di Giunta, number: 45, date: "2025-03-12"}
      - {by: ets-alfa, act: Delibera del Consiglio direttivo, number: 3, date: "2025-03-20"}
    observations:
      - {on: AZ-01, by: Mario Rossi, date: "2025-02-10", origin: meeting, text: Anticipare l'avvio., outcome: accepted}

Fails (the plan is approved, but the observation has no outcome)::

    # 00-plan.yaml
    plan: {title: Piano di prova, version: "1.0", status: approved, date: "2025-01-15", lang: it-IT, period: {start: 2025, end: 2027}}
    approvals:
      - {by: comune, act: Delibera di Giunta, number: 45, date: "2025-03-12"}
      - {by: ets-alfa, act: Delibera del Consiglio direttivo, number: 3, date: "2025-03-20"}
    observations:
      - {on: AZ-01, by: Mario Rossi, date: "2025-02-10", origin: meeting, text: Anticipare l'avvio.}
"""

from __future__ import annotations

from collections.abc import Iterator

from compiler.checks.index import Index
from compiler.checks.rule import Finding, rule_code
from compiler.messages.diagnostics import Severity, msg
from compiler.model import Plan

CODE = rule_code("observation-without-outcome", Severity.ERROR, __doc__)


def find(plan: Plan, index: Index) -> Iterator[Finding]:
    """Report, in an approved plan, each observation without an outcome."""
    if plan.meta is None or plan.meta.status != "approved":
        return
    for observation in plan.observations:
        if observation.outcome is None:
            yield (
                observation.where,
                msg(
                    "The plan is approved, but the observation by {by} has no outcome yet.",
                    by=observation.by,
                ),
                msg(
                    "Write its “outcome” (accepted, partly-accepted or not-accepted) and the “response”, "
                    "or set the plan's status back to “review”."
                ),
            )
