"""An indicator's target moves in the direction it declares.

Each example is a file added to the base plan (``tests/cases/base``); the test suite runs them.

Passes::

    indicators:
      - {id: IND-02, name: Volontari attivi, objective: OB-1.1, unit: persone, direction: increase,
         baseline: {value: 12, year: 2024}, target: {value: 30, year: 2027}}

Fails (to increase, the target must be above the baseline)::

    indicators:
      - {id: IND-02, name: Volontari attivi, objective: OB-1.1, unit: persone, direction: increase,
         baseline: {value: 12, year: 2024}, target: {value: 8, year: 2027}}
"""

from __future__ import annotations

from collections.abc import Iterator

from compiler.checks.index import Index
from compiler.checks.rule import Finding, rule_code
from compiler.messages.diagnostics import Severity, msg
from compiler.model import Plan

CODE = rule_code("target-direction", Severity.WARNING, __doc__)


def find(plan: Plan, index: Index) -> Iterator[Finding]:
    """Report targets that contradict the declared direction."""
    for indicator in plan.indicators:
        baseline, target = indicator.baseline, indicator.target
        if baseline is None or target is None:
            continue
        values = {"id": indicator.id, "target": f"{target.value:g}", "baseline": f"{baseline.value:g}"}
        if indicator.direction == "increase" and target.value <= baseline.value:
            message = msg(
                "Indicator {id} should increase, but its target ({target}) is not above its baseline ({baseline}).",
                **values,
            )
        elif indicator.direction == "decrease" and target.value >= baseline.value:
            message = msg(
                "Indicator {id} should decrease, but its target ({target}) is not below its baseline ({baseline}).",
                **values,
            )
        else:
            continue
        yield target.where, message, msg("Check the target value, or the direction.")
