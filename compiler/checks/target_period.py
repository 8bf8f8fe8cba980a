"""An indicator's target falls inside the plan's period.

Passes (plan period 2025–2027)::

    target: {value: 30, year: 2027}

Fails::

    target: {value: 30, year: 2030}
"""

from __future__ import annotations

from collections.abc import Iterator

from compiler.checks.index import Finding, Index
from compiler.diagnostics import Severity, msg
from compiler.model import Plan

CODE = "target-outside-period"
SEVERITY = Severity.ERROR


def find(plan: Plan, index: Index) -> Iterator[Finding]:
    """Report target years outside the plan period."""
    if plan.meta is None or plan.meta.period_start is None or plan.meta.period_end is None:
        return
    first, last = plan.meta.period_start.first_day(), plan.meta.period_end.last_day()
    if first is None or last is None or last < first:
        return  # an inverted period is reported once, by date-order
    for indicator in plan.indicators:
        target = indicator.target
        if target is not None and not first.year <= target.year <= last.year:
            yield (
                target.where,
                msg(
                    "Indicator {id}: the target year {year} is outside the plan period ({start}–{end}).",
                    id=indicator.id,
                    year=target.year,
                    start=first.year,
                    end=last.year,
                ),
                msg("Choose a target year between {start} and {end}.", start=first.year, end=last.year),
            )
