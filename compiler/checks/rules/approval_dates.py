"""An approval of the current version is not dated before the version itself.

Each example is a file added to the base plan (``tests/cases/base``, dated 15 January 2025); the
test suite runs them.

Passes::

    approvals:
      - {by: comune, act: Delibera di Giunta, number: 45, date: "2025-03-12"}

Fails (the act is dated before the version it approves)::

    approvals:
      - {by: comune, act: Delibera di Giunta, number: 45, date: "2024-12-12"}
"""

from __future__ import annotations

from collections.abc import Iterator

from compiler.checks.index import Index
from compiler.checks.rule import Finding, rule_code
from compiler.messages.diagnostics import Severity, msg
from compiler.model import Plan

CODE = rule_code("approval-before-version", Severity.ERROR, __doc__)


def find(plan: Plan, index: Index) -> Iterator[Finding]:
    """Report approvals of this version dated before the version's date."""
    meta = plan.meta
    version_day = meta.date.first_day() if meta is not None and meta.date is not None else None
    if meta is None or version_day is None:
        return
    for approval in plan.approvals:
        day = approval.date.first_day() if approval.date else None
        if approval.date is None or day is None or (approval.version or meta.version) != meta.version:
            continue
        if day < version_day:
            yield (
                approval.date.where,
                msg(
                    "This approval is dated {day}, before version {version} of the plan ({version_day}).",
                    day=approval.date.text,
                    version=meta.version,
                    version_day=meta.date.text if meta.date else "",
                ),
                msg("Check the act's date, or say which earlier version it approved (“version:”)."),
            )
