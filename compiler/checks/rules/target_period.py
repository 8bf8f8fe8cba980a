"""An indicator's target falls inside the plan's period, or a milestone inside it marks the way to a later one.

A long-term target (2035 in a 2025–2027 plan) is legitimate: a milestone inside the period says
what the plan itself will reach, and silences this warning.
Each example is a file added to the base plan (``tests/cases/base``); the test suite runs them.

Passes (the plan's period is 2025–2027)::

    indicators:
      - {id: IND-02, name: Volontari attivi, objective: OB-1.1, unit: persone, baseline: {value: 12, year: 2024},
         milestones: [{value: 30, year: 2027}], target: {value: 80, year: 2035}}

Fails (nothing says where the plan gets by 2027)::

    indicators:
      - {id: IND-02, name: Volontari attivi, objective: OB-1.1, unit: persone,
         baseline: {value: 12, year: 2024}, target: {value: 30, year: 2030}}
"""

from __future__ import annotations

from collections.abc import Iterator

from compiler.checks.index import Index
from compiler.checks.rule import Finding, rule_code
from compiler.messages.diagnostics import Arg, Severity, msg
from compiler.model import Plan

CODE = rule_code("target-outside-period", Severity.WARNING, __doc__)


def find(plan: Plan, index: Index) -> Iterator[Finding]:
    """Report targets before the period, and targets after it with no milestone inside it."""
    bounds = plan.meta.period() if plan.meta else None
    if bounds is None:
        return  # no period, or an inverted one (reported once, by date-order)
    start, end = bounds[0].year, bounds[1].year
    for indicator in plan.indicators:
        target = indicator.target
        if target is None or start <= target.year <= end:
            continue
        values: dict[str, Arg] = {"id": indicator.id, "year": target.year, "start": start, "end": end}
        if target.year < start:
            yield (
                target.where,
                msg("Indicator {id}: the target year {year} is before the plan period ({start}–{end}).", **values),
                msg("Choose a target year between {start} and {end}.", start=start, end=end),
            )
        elif not any(start <= milestone.year <= end for milestone in indicator.milestones):
            yield (
                target.where,
                msg(
                    "Indicator {id}: the target year {year} is after the plan period ({start}–{end}), "
                    "and no milestone says what the plan reaches by then.",
                    **values,
                ),
                msg(
                    "For a long-term target, add a milestone with a year between {start} and {end}; "
                    "otherwise choose a target year in the period.",
                    start=start,
                    end=end,
                ),
            )
