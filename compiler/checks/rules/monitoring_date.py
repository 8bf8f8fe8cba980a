"""Measurements and statuses come with the date they are as of (the “monitoring” section).

Progress is measured at that date, never at the day the documents are built.
Each example is a file added to the base plan (``tests/cases/base``); the test suite runs them.

Passes::

    monitoring: {date: "2025-12-31"}
    measurements:
      - {indicator: IND-01, period: 2025, value: 180}

Fails (as of when?)::

    measurements:
      - {indicator: IND-01, period: 2025, value: 180}
"""

from __future__ import annotations

from collections.abc import Iterator

from compiler.checks.index import Index
from compiler.checks.rule import Finding, rule_code
from compiler.messages.diagnostics import Severity, msg
from compiler.model import Plan

CODE = rule_code("monitoring-date", Severity.WARNING, __doc__)
NEEDS_WHOLE_PLAN = True


def find(plan: Plan, index: Index) -> Iterator[Finding]:
    """Report the first measurement or status when no file has a “monitoring” section."""
    written = [entry.where for entry in plan.measurements] + [entry.where for entry in plan.statuses]
    if not written or plan.monitoring is not None:
        return
    yield (
        written[0],
        msg("The plan records measurements or statuses, but no “monitoring” section says the date they are as of."),
        msg("Add to one file a “monitoring:” section with the line “date: 2025-12-31” (the day the data are as of)."),
    )
