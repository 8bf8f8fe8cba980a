"""A per-period indicator's periods do not overlap: each value counts one period alone.

Each example is a file added to the base plan (``tests/cases/base``); the test suite runs them.

Passes::

    monitoring: {date: "2025-12-31"}
    indicators:
      - {id: IND-02, name: Accessi allo sportello, objective: OB-1.1, unit: accessi, measured: per-period,
         baseline: {value: 400, year: 2024}, target: {value: 900, year: 2027}}
    measurements:
      - {indicator: IND-02, period: "2025-06", value: 300}
      - {indicator: IND-02, period: "2025-12", value: 320}

Fails (June is inside 2025: its accesses would be counted twice)::

    monitoring: {date: "2025-12-31"}
    indicators:
      - {id: IND-02, name: Accessi allo sportello, objective: OB-1.1, unit: accessi, measured: per-period,
         baseline: {value: 400, year: 2024}, target: {value: 900, year: 2027}}
    measurements:
      - {indicator: IND-02, period: 2025, value: 620}
      - {indicator: IND-02, period: "2025-06", value: 300}
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from compiler.checks.index import Index
from compiler.checks.rule import Finding, rule_code
from compiler.messages.diagnostics import Severity, msg
from compiler.model import Plan
from compiler.progress import measurements_of

CODE = rule_code("period-overlap", Severity.ERROR, __doc__)


def find(plan: Plan, index: Index) -> Iterator[Finding]:
    """Report a per-period measurement whose period overlaps another one's (the same period is a duplicate)."""
    for identifier, series in measurements_of(plan.measurements).items():
        indicator = index.indicators.get(identifier)
        if indicator is None or indicator.measured != "per-period":
            continue
        dated = [(m, first, last) for m in series if (first := m.period.first_day()) and (last := m.period.last_day())]
        for (one, a_first, a_last), (other, b_first, b_last) in itertools.combinations(dated, 2):
            if (a_first, a_last) != (b_first, b_last) and a_first <= b_last and b_first <= a_last:
                later = max(one, other, key=lambda m: (m.where.file, m.where.line))
                earlier = other if later is one else one
                yield (
                    later.where,
                    msg(
                        "Indicator {id} counts per period, but {period} overlaps {other}.",
                        id=identifier,
                        period=later.period.text,
                        other=earlier.period.text,
                    ),
                    msg("Give each value a period of its own (years, or months, not both)."),
                )
