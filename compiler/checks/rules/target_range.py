"""A target “between” two values has an upper bound (up_to) above its value, and only “between” has one.

Each example is a file added to the base plan (``tests/cases/base``); the test suite runs them.

Passes::

    indicators:
      - {id: IND-02, name: Tempo di attesa, objective: OB-1.1, unit: giorni, baseline: {value: 40, year: 2024},
         target: {value: 15, up_to: 20, comparator: between, year: 2027}}

Fails (the range runs backwards)::

    indicators:
      - {id: IND-02, name: Tempo di attesa, objective: OB-1.1, unit: giorni, baseline: {value: 40, year: 2024},
         target: {value: 20, up_to: 15, comparator: between, year: 2027}}
"""

from __future__ import annotations

from collections.abc import Iterator

from compiler.checks.index import Index
from compiler.checks.rule import Finding, rule_code
from compiler.messages.diagnostics import Severity, msg
from compiler.model import Plan

CODE = rule_code("target-range", Severity.ERROR, __doc__)


def find(plan: Plan, index: Index) -> Iterator[Finding]:
    """Report a range without an upper bound, an upper bound without a range, and empty ranges."""
    for indicator in plan.indicators:
        target = indicator.target
        if target is None or isinstance(target.value, str):
            continue  # no target, or a qualitative one (mixed-values reports a range on text)
        between = target.comparator == "between"
        if between and target.up_to is None:
            yield (
                target.where,
                msg("Indicator {id}: a target “between” two values needs “up_to”, the upper one.", id=indicator.id),
                msg("Add “up_to: …” with the upper bound; “value” is the lower one."),
            )
        elif not between and target.up_to is not None:
            yield (
                target.where,
                msg("Indicator {id}: “up_to” is only read with “comparator: between”.", id=indicator.id),
                msg("Add “comparator: between”, or remove “up_to”."),
            )
        elif target.up_to is not None and target.up_to <= target.value:
            yield (
                target.where,
                msg(
                    "Indicator {id}: the range from {value} to {up_to} is empty or runs backwards.",
                    id=indicator.id,
                    value=f"{target.value:g}",
                    up_to=f"{target.up_to:g}",
                ),
                msg("Write the lower bound in “value” and the upper one in “up_to”."),
            )
