"""An indicator has one value per period.

Each example is a file added to the base plan (``tests/cases/base``); the test suite runs them.

Passes::

    monitoring: {date: "2025-12-31"}
    measurements:
      - {indicator: IND-01, period: "2025-06", value: 150}
      - {indicator: IND-01, period: "2025-12", value: 170}

Fails (two values for IND-01 in 2025)::

    monitoring: {date: "2025-12-31"}
    measurements:
      - {indicator: IND-01, period: 2025, value: 150}
      - {indicator: IND-01, period: 2025, value: 170}
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from compiler.checks.index import Index
from compiler.checks.rule import Finding, rule_code
from compiler.messages.diagnostics import Severity, msg
from compiler.model import Measurement, Plan

CODE = rule_code("duplicate-measurement", Severity.ERROR, __doc__)


def find(plan: Plan, index: Index) -> Iterator[Finding]:
    """Report every measurement after the first one of the same indicator and period."""
    first: dict[tuple[str, datetime.date | None, datetime.date | None], Measurement] = {}
    for measurement in plan.measurements:
        key = (measurement.indicator.id, measurement.period.first_day(), measurement.period.last_day())
        earlier = first.setdefault(key, measurement)
        if earlier is measurement or key[1] is None:
            continue
        yield (
            measurement.where,
            msg(
                "Indicator {id} already has a value for {period} ({file}, line {line}).",
                id=measurement.indicator.id,
                period=measurement.period.text,
                file=earlier.where.file,
                line=earlier.where.line,
            ),
            msg("Keep one value per period: delete one of the two, or correct its period."),
        )
