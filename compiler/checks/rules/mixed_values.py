"""An indicator's values are all numbers or all text; a comparator or a direction needs numbers.

A qualitative indicator has text values (“regolamento approvato”), shown as written.
Each example is a file added to the base plan (``tests/cases/base``); the test suite runs them.

Passes::

    indicators:
      - {id: IND-02, name: Regolamento, objective: OB-1.1, baseline: {value: assente, year: 2024},
         target: {value: approvato, year: 2026}}

Fails (a number for the baseline, text for the target)::

    indicators:
      - {id: IND-02, name: Regolamento, objective: OB-1.1, unit: atti, baseline: {value: 0, year: 2024},
         target: {value: approvato, year: 2026}}
"""

from __future__ import annotations

from collections.abc import Iterator

from compiler.checks.index import Index
from compiler.checks.rule import Finding, rule_code
from compiler.checks.steps import steps
from compiler.messages.diagnostics import Severity, Text, msg
from compiler.model import Indicator, Plan

CODE = rule_code("mixed-values", Severity.ERROR, __doc__)


def find(plan: Plan, index: Index) -> Iterator[Finding]:
    """Report the first value of another kind, and number-only fields on text values."""
    for indicator in plan.indicators:
        written = list(steps(indicator))
        if not written:
            continue
        first = written[0]
        other = next((step for step in written if step.measure.is_number != first.measure.is_number), None)
        if other is not None:
            yield (
                other.measure.where,
                msg(
                    "Indicator {id} mixes numbers and text: {first} is {kind}, {second} is {other}.",
                    id=indicator.id,
                    first=first.name,
                    kind=_kind(first.measure.is_number),
                    second=other.name,
                    other=_kind(other.measure.is_number),
                ),
                msg(
                    "Write numbers only (without quotes) for a quantitative indicator, or text only for a qualitative one."
                ),
            )
        elif not first.measure.is_number:
            yield from _numbers_only(indicator)


def _kind(is_number: bool) -> Text:
    return msg("a number") if is_number else msg("text")


def _numbers_only(indicator: Indicator) -> Iterator[Finding]:
    target = indicator.target
    if target is not None and (target.comparator is not None or target.up_to is not None):
        yield (
            target.where,
            msg("Indicator {id} is qualitative, so its target cannot have a comparator or a range.", id=indicator.id),
            msg("Remove “comparator” and “up_to”, or write the values as numbers."),
        )
    if indicator.direction is not None:
        yield (
            indicator.where,
            msg("Indicator {id} is qualitative, so it cannot have a direction.", id=indicator.id),
            msg("Remove “direction”, or write the values as numbers."),
        )
