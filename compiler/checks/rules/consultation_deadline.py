"""The consultation's deadline is not before the plan's date.

Each example is a file added to the base plan (``tests/cases/base``, dated 15 January 2025); the
test suite runs them.

Passes::

    consultation:
      contact: Segreteria tecnica
      email: segreteria@esempio.it
      deadline: "2025-02-28"

Fails (comments would be due before the version they are about)::

    consultation:
      contact: Segreteria tecnica
      email: segreteria@esempio.it
      deadline: "2024-12-31"
"""

from __future__ import annotations

from collections.abc import Iterator

from compiler.checks.index import Index
from compiler.checks.rule import Finding, rule_code
from compiler.messages.diagnostics import Severity, msg
from compiler.model import Plan

CODE = rule_code("consultation-deadline", Severity.WARNING, __doc__)


def find(plan: Plan, index: Index) -> Iterator[Finding]:
    """Report a consultation whose deadline comes before the date of the plan's version."""
    meta, consultation = plan.meta, plan.consultation
    if meta is None or meta.date is None or consultation is None:
        return
    version_day, deadline = meta.date.first_day(), consultation.deadline.first_day()
    if version_day is None or deadline is None or deadline >= version_day:
        return
    yield (
        consultation.deadline.where,
        msg(
            "The deadline for comments, {deadline}, comes before the date of this version of the plan ({date}).",
            deadline=consultation.deadline.text,
            date=meta.date.text,
        ),
        msg("Write the last day on which comments can still be sent, after {date}.", date=meta.date.text),
    )
