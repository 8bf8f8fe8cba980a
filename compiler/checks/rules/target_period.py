"""An indicator's target falls inside the plan's period.

Each example is a file added to the base plan (``tests/cases/base``); the test suite runs them.

Passes (the plan's period is 2025–2027)::

    indicators:
      - {id: IND-02, name: Volontari attivi, objective: OB-1.1, unit: persone,
         baseline: {value: 12, year: 2024}, target: {value: 30, year: 2027}}

Fails::

    indicators:
      - {id: IND-02, name: Volontari attivi, objective: OB-1.1, unit: persone,
         baseline: {value: 12, year: 2024}, target: {value: 30, year: 2030}}
"""

from __future__ import annotations

from collections.abc import Iterator

from compiler.checks.index import Index
from compiler.checks.rule import Finding, rule_code
from compiler.messages.diagnostics import Severity, msg
from compiler.model import Plan

CODE = rule_code("target-outside-period", Severity.ERROR, __doc__)


def find(plan: Plan, index: Index) -> Iterator[Finding]:
    """Report target years outside the plan period."""
    bounds = plan.meta.period() if plan.meta else None
    if bounds is None:
        return  # no period, or an inverted one (reported once, by date-order)
    first, last = bounds
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
