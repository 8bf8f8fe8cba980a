"""An indicator's baseline year is not after its target year.

Each example is a file added to the base plan (``tests/cases/base``); the test suite runs them.

Passes::

    indicators:
      - {id: IND-02, name: Volontari attivi, objective: OB-1.1, unit: persone, baseline: {value: 12, year: 2024},
         target: {value: 30, year: 2027}}

Fails::

    indicators:
      - {id: IND-02, name: Volontari attivi, objective: OB-1.1, unit: persone, baseline: {value: 12, year: 2028},
         target: {value: 30, year: 2027}}
"""

from __future__ import annotations

from collections.abc import Iterator

from compiler.checks.index import Index
from compiler.checks.rule import Finding, rule_code
from compiler.messages.diagnostics import Severity, msg
from compiler.model import Plan

CODE = rule_code("indicator-years", Severity.ERROR, __doc__)


def find(plan: Plan, index: Index) -> Iterator[Finding]:
    """Report baselines dated after their targets."""
    for indicator in plan.indicators:
        baseline, target = indicator.baseline, indicator.target
        if baseline is not None and target is not None and baseline.year > target.year:
            yield (
                baseline.where,
                msg(
                    "Indicator {id}: the baseline year ({baseline}) comes after the target year ({target}).",
                    id=indicator.id,
                    baseline=baseline.year,
                    target=target.year,
                ),
                msg("The baseline is the starting point: its year must be the same as or earlier than the target's."),
            )
