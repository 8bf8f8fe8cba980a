"""Every year and date of the plan falls between 1900 and 2107.

The documents carry the plan's date in their files (a DOCX cannot record a later one), and a
year such as 2150 or 1025 is a typo. Each example is a file added to the base plan
(``tests/cases/base``); the test suite runs them.

Passes::

    actions:
      - {id: AZ-02, title: Laboratori, objective: OB-1.1, owner: comune, start: "2025-03", end: "2025-12"}

Fails (2205 for 2025)::

    actions:
      - {id: AZ-02, title: Laboratori, objective: OB-1.1, owner: comune, start: "2025-03", end: "2205-12"}
"""

from __future__ import annotations

from collections.abc import Iterator

from compiler.checks.index import Index
from compiler.checks.rule import Finding, rule_code
from compiler.messages.diagnostics import Severity, msg
from compiler.model import Plan, PlanDate
from compiler.model.dates import FIRST_YEAR, LAST_YEAR

CODE = rule_code("date-out-of-range", Severity.ERROR, __doc__)


def find(plan: Plan, index: Index) -> Iterator[Finding]:
    """Report dates whose year is before the first or after the last year a plan may use."""
    dates: list[PlanDate | None] = []
    if plan.meta is not None:
        dates.extend((plan.meta.date, plan.meta.period_start, plan.meta.period_end))
    for action in plan.actions:
        dates.extend((action.start, action.end))
    for date in dates:
        year = date.year() if date is not None else None
        if date is not None and year is not None and not FIRST_YEAR <= year <= LAST_YEAR:
            yield (
                date.where,
                msg(
                    "The year of “{date}” is not between {first} and {last}.",
                    date=date.text,
                    first=FIRST_YEAR,
                    last=LAST_YEAR,
                ),
                msg("Check the year: it has four digits, for example 2025."),
            )
