"""An indicator's years run in order: baseline, then milestones, then target.

Each example is a file added to the base plan (``tests/cases/base``); the test suite runs them.

Passes::

    indicators:
      - {id: IND-02, name: Volontari attivi, objective: OB-1.1, unit: persone, baseline: {value: 12, year: 2024},
         milestones: [{value: 20, year: 2025}, {value: 25, year: 2026}], target: {value: 30, year: 2027}}

Fails (the second milestone is dated before the first)::

    indicators:
      - {id: IND-02, name: Volontari attivi, objective: OB-1.1, unit: persone, baseline: {value: 12, year: 2024},
         milestones: [{value: 20, year: 2026}, {value: 25, year: 2025}], target: {value: 30, year: 2027}}
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

from compiler.checks.index import Index
from compiler.checks.rule import Finding, rule_code
from compiler.checks.steps import steps
from compiler.messages.diagnostics import Severity, msg
from compiler.model import Plan

CODE = rule_code("indicator-years", Severity.ERROR, __doc__)


def find(plan: Plan, index: Index) -> Iterator[Finding]:
    """Report a value dated after the value that should follow it."""
    for indicator in plan.indicators:
        for earlier, later in pairwise(steps(indicator)):
            if earlier.measure.year > later.measure.year:
                yield (
                    earlier.measure.where,
                    msg(
                        "Indicator {id}: {first} ({year}) comes after {second} ({later}).",
                        id=indicator.id,
                        first=earlier.name,
                        year=earlier.measure.year,
                        second=later.name,
                        later=later.measure.year,
                    ),
                    msg("Put the years in order: the baseline first, then each milestone, then the target."),
                )
