"""An indicator with measured numbers says how they add up: level, cumulative or per-period.

Whether a value is the total since the start, the count of one period or a level at one time
changes what “progress” means: the indicator says it once (``measured``).
Each example is a file added to the base plan (``tests/cases/base``); the test suite runs them.

Passes::

    monitoring: {date: "2025-12-31"}
    indicators:
      - {id: IND-02, name: Volontari, objective: OB-1.1, unit: persone, measured: per-period,
         baseline: {value: 10, year: 2024}, target: {value: 30, year: 2027}}
    measurements:
      - {indicator: IND-02, period: 2025, value: 14}

Fails (are 14 volunteers those of 2025 alone, or all since 2024?)::

    monitoring: {date: "2025-12-31"}
    indicators:
      - {id: IND-02, name: Volontari, objective: OB-1.1, unit: persone,
         baseline: {value: 10, year: 2024}, target: {value: 30, year: 2027}}
    measurements:
      - {indicator: IND-02, period: 2025, value: 14}
"""

from __future__ import annotations

from collections.abc import Iterator

from compiler.checks.index import Index
from compiler.checks.rule import Finding, rule_code
from compiler.messages.diagnostics import Severity, msg
from compiler.model import Plan

CODE = rule_code("measured-not-declared", Severity.WARNING, __doc__)


def find(plan: Plan, index: Index) -> Iterator[Finding]:
    """Report each measured quantitative indicator without ``measured``, once."""
    measured = {m.indicator.id for m in plan.measurements if m.is_number}
    for indicator in plan.indicators:
        if indicator.id in measured and indicator.measured is None and not indicator.is_qualitative:
            yield (
                indicator.where,
                msg("Indicator {id} has measurements but does not say how its values add up.", id=indicator.id),
                msg(
                    "Add “measured: level” (a share, a rate, how many exist at a time), “measured: cumulative” "
                    "(the total since the start) or “measured: per-period” (what happened in that period alone)."
                ),
            )
