"""An action's status is dated on or before the date the monitoring data are as of, once per date.

Each example is a file added to the base plan (``tests/cases/base``); the test suite runs them.

Passes::

    monitoring: {date: "2025-12-31"}
    statuses:
      - {action: AZ-01, date: "2025-03", status: started}
      - {action: AZ-01, date: "2025-10", status: on-track, spent: 4000}

Fails (a status in 2026, but the data are as of the end of 2025)::

    monitoring: {date: "2025-12-31"}
    statuses:
      - {action: AZ-01, date: "2026-02", status: on-track}
"""

from __future__ import annotations

from collections.abc import Iterator

from compiler.checks.index import Index
from compiler.checks.rule import Finding, rule_code
from compiler.messages.diagnostics import Severity, msg
from compiler.model import ActionStatus, Plan

CODE = rule_code("status-date", Severity.ERROR, __doc__)


def find(plan: Plan, index: Index) -> Iterator[Finding]:
    """Report statuses dated after the report's date, and a second status of an action on the same date."""
    as_of = plan.as_of()
    seen: dict[tuple[str, str], ActionStatus] = {}
    for entry in plan.statuses:
        day = entry.date.first_day()
        if day is not None and as_of is not None and day > as_of:
            yield (
                entry.date.where,
                msg(
                    "This status is dated {day}, after {date}, the date the monitoring data are as of.",
                    day=entry.date.text,
                    date=as_of.isoformat(),
                ),
                msg("Check the date; or, if the data are newer, move the date in the “monitoring” section forward."),
            )
        earlier = seen.setdefault((entry.action.id, entry.date.text), entry)
        if earlier is not entry:
            yield (
                entry.where,
                msg(
                    "Action {id} already has a status on {day} ({file}, line {line}).",
                    id=entry.action.id,
                    day=entry.date.text,
                    file=earlier.where.file,
                    line=earlier.where.line,
                ),
                msg("Keep one status per date: delete one of the two, or correct its date."),
            )
