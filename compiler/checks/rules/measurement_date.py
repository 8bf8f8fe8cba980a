"""A measurement's period falls between its indicator's baseline year and the date the data are as of.

Each example is a file added to the base plan (``tests/cases/base``); the test suite runs them.

Passes::

    monitoring: {date: "2025-12-31"}
    measurements:
      - {indicator: IND-01, period: "2025-06", value: 150}

Fails (the data are as of the end of 2025: a 2026 value cannot be measured yet)::

    monitoring: {date: "2025-12-31"}
    measurements:
      - {indicator: IND-01, period: 2026, value: 150}
"""

from __future__ import annotations

from collections.abc import Iterator

from compiler.checks.index import Index
from compiler.checks.rule import Finding, rule_code
from compiler.messages.diagnostics import Severity, msg
from compiler.model import Plan

CODE = rule_code("measurement-date", Severity.ERROR, __doc__)


def find(plan: Plan, index: Index) -> Iterator[Finding]:
    """Report periods that end after the report's date, or end before the baseline year."""
    as_of = plan.as_of()
    for measurement in plan.measurements:
        last = measurement.period.last_day()
        indicator = index.indicators.get(measurement.indicator.id)
        if last is None:
            continue
        if as_of is not None and last > as_of:
            yield (
                measurement.period.where,
                msg(
                    "The period {period} ends after {date}, the date the monitoring data are as of.",
                    period=measurement.period.text,
                    date=as_of.isoformat(),
                ),
                msg("Check the year; or, if the data are newer, move the date in the “monitoring” section forward."),
            )
        elif indicator is not None and indicator.baseline is not None and last.year < indicator.baseline.year:
            yield (
                measurement.period.where,
                msg(
                    "The period {period} is before the baseline of indicator {id} ({year}).",
                    period=measurement.period.text,
                    id=indicator.id,
                    year=indicator.baseline.year,
                ),
                msg("Measurements follow the baseline: check the year, or make this value the baseline."),
            )
