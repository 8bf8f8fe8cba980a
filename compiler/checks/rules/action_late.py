"""An action past its end date is completed, or its status says why not (late, suspended, cancelled).

The date that counts is the one the monitoring data are as of (``monitoring: date``).
Each example is a file added to the base plan (``tests/cases/base``); the test suite runs them.

Passes (AZ-01 ends in December 2026)::

    monitoring: {date: "2025-12-31"}
    statuses:
      - {action: AZ-01, date: "2025-03", status: started}

Fails (AZ-01 should have ended in December 2026, but in 2027 it is still only “started”)::

    monitoring: {date: "2027-03-31"}
    statuses:
      - {action: AZ-01, date: "2025-03", status: started}
"""

from __future__ import annotations

from collections.abc import Iterator

from compiler.checks.index import Index
from compiler.checks.rule import Finding, rule_code
from compiler.messages.diagnostics import Severity, msg
from compiler.model import Plan
from compiler.progress import action_progress
from compiler.progress.actions import statuses_by_action

CODE = rule_code("action-late", Severity.WARNING, __doc__)


def find(plan: Plan, index: Index) -> Iterator[Finding]:
    """Report each overdue action at its latest status (where the next one goes), or at its end date."""
    as_of = plan.as_of()
    if as_of is None:
        return
    history = statuses_by_action(plan.statuses)
    for action in plan.actions:
        progress = action_progress(action, history.get(action.id, ()), as_of)
        if not progress.overdue or action.end is None:
            continue
        latest = progress.latest
        yield (
            latest.where if latest else action.end.where,
            msg(
                "Action {id} should have ended by {end}, but on {date} its latest status is “{status}”.",
                id=action.id,
                end=action.end.text,
                date=as_of.isoformat(),
                status=latest.status if latest else "—",
            ),
            msg(
                "Record its status in the “statuses” section: completed, or late, suspended or cancelled with a note; "
                "or move its end date if the plan changed."
            ),
        )
