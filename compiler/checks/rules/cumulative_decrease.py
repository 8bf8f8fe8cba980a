"""A cumulative indicator's values never go down: each is the total since the start.

Each example is a file added to the base plan (``tests/cases/base``); the test suite runs them.

Passes::

    monitoring: {date: "2025-12-31"}
    indicators:
      - {id: IND-02, name: Volontari formati, objective: OB-1.1, unit: persone, measured: cumulative,
         baseline: {value: 10, year: 2024}, target: {value: 30, year: 2027}}
    measurements:
      - {indicator: IND-02, period: "2025-06", value: 14}
      - {indicator: IND-02, period: "2025-12", value: 19}

Fails (a total since the start cannot fall from 19 to 14)::

    monitoring: {date: "2025-12-31"}
    indicators:
      - {id: IND-02, name: Volontari formati, objective: OB-1.1, unit: persone, measured: cumulative,
         baseline: {value: 10, year: 2024}, target: {value: 30, year: 2027}}
    measurements:
      - {indicator: IND-02, period: "2025-06", value: 19}
      - {indicator: IND-02, period: "2025-12", value: 14}
"""

from __future__ import annotations

from collections.abc import Iterator

from compiler.checks.index import Index
from compiler.checks.rule import Finding, rule_code
from compiler.messages.diagnostics import Severity, msg
from compiler.model import Plan, as_written
from compiler.progress import measurements_of

CODE = rule_code("cumulative-decrease", Severity.WARNING, __doc__)


def find(plan: Plan, index: Index) -> Iterator[Finding]:
    """Report a cumulative indicator's value lower than the one before it (or than its baseline)."""
    for identifier, series in measurements_of(plan.measurements).items():
        indicator = index.indicators.get(identifier)
        if indicator is None or indicator.measured != "cumulative":
            continue
        baseline = indicator.baseline
        previous = baseline.value if baseline is not None and not isinstance(baseline.value, str) else None
        for measurement in series:
            last = measurement.period.last_day()
            if isinstance(measurement.value, str) or last is None:
                continue
            if baseline is not None and last.year < baseline.year:
                continue  # before the baseline: measurement-date says so
            if previous is not None and measurement.value < previous:
                yield (
                    measurement.where,
                    msg(
                        "Indicator {id} is cumulative, but its value for {period} ({value}) is lower than the one before ({previous}).",
                        id=identifier,
                        period=measurement.period.text,
                        value=as_written(measurement.value),
                        previous=as_written(previous),
                    ),
                    msg(
                        "Write the total since the start; if this is the value of one period, say “measured: per-period”."
                    ),
                )
            previous = measurement.value
