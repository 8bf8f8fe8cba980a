"""A measurement's value is of its indicator's kind: a number for a quantitative one, text for a qualitative one.

Only a qualitative indicator's measurements say ``met`` (whether the target is met): a number's
progress is computed from the number.
Each example is a file added to the base plan (``tests/cases/base``); the test suite runs them.

Passes::

    monitoring: {date: "2025-12-31"}
    measurements:
      - {indicator: IND-01, period: 2025, value: 180}

Fails (IND-01 counts people: its value is a number)::

    monitoring: {date: "2025-12-31"}
    measurements:
      - {indicator: IND-01, period: 2025, value: molte persone}
"""

from __future__ import annotations

from collections.abc import Iterator

from compiler.checks.index import Index
from compiler.checks.rule import Finding, rule_code
from compiler.messages.diagnostics import Severity, msg
from compiler.model import Plan, as_written

CODE = rule_code("measurement-kind", Severity.ERROR, __doc__)


def find(plan: Plan, index: Index) -> Iterator[Finding]:
    """Report text for a quantitative indicator, a number for a qualitative one, and ``met`` on a number."""
    for measurement in plan.measurements:
        indicator = index.indicators.get(measurement.indicator.id)
        if indicator is None:
            continue
        values = {"id": indicator.id, "value": as_written(measurement.value)}
        if indicator.is_qualitative and measurement.is_number:
            yield (
                measurement.where,
                msg("Indicator {id} is qualitative, but this measurement is the number {value}.", **values),
                msg(
                    "Write what was observed as text, in quotes, and say whether the target is met (met: true or false)."
                ),
            )
        elif not indicator.is_qualitative and indicator.is_quantitative and not measurement.is_number:
            yield (
                measurement.where,
                msg("Indicator {id} is measured in numbers, but this measurement is the text “{value}”.", **values),
                msg(
                    "Write the number alone, without unit or quotes: the unit is the indicator's ({unit}).",
                    unit=indicator.unit or "—",
                ),
            )
        elif measurement.met is not None and measurement.is_number:
            yield (
                measurement.where,
                msg("Indicator {id} is measured in numbers, so its measurements do not say “met”.", **values),
                msg("Delete “met”: planc compares the number with the target."),
            )
