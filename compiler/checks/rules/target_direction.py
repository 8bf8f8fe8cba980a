"""An indicator's milestones and target move in its direction.

The direction is the one declared, or else the one from the baseline to the target.
Each example is a file added to the base plan (``tests/cases/base``); the test suite runs them.

Passes::

    indicators:
      - {id: IND-02, name: Volontari attivi, objective: OB-1.1, unit: persone, direction: increase,
         baseline: {value: 12, year: 2024}, milestones: [{value: 20, year: 2025}], target: {value: 30, year: 2027}}

Fails (to increase, the target must be above the baseline)::

    indicators:
      - {id: IND-02, name: Volontari attivi, objective: OB-1.1, unit: persone, direction: increase,
         baseline: {value: 12, year: 2024}, target: {value: 8, year: 2027}}
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from itertools import pairwise

from compiler.checks.index import Index
from compiler.checks.rule import Finding, rule_code
from compiler.checks.steps import Step, steps
from compiler.messages.diagnostics import Arg, Severity, Text, msg
from compiler.model import Indicator, Plan

CODE = rule_code("target-direction", Severity.WARNING, __doc__)
_HINT = msg("Check the values, or the direction.")


def find(plan: Plan, index: Index) -> Iterator[Finding]:
    """Report the first value of each indicator that goes against its direction."""
    for indicator in plan.indicators:
        found = _against_declared(indicator) or _against_course(indicator)
        if found is not None:
            yield found


def _against_declared(indicator: Indicator) -> Finding | None:
    """A target that contradicts the declared direction, compared with the baseline."""
    baseline, target = indicator.baseline, indicator.target
    if baseline is None or target is None:
        return None
    start, end = baseline.value, target.value
    if isinstance(start, str) or isinstance(end, str):
        return None
    values: dict[str, Arg] = {"id": indicator.id, "target": _shown(end), "baseline": _shown(start)}
    if indicator.direction == "increase" and end <= start:
        message = msg(
            "Indicator {id} should increase, but its target ({target}) is not above its baseline ({baseline}).",
            **values,
        )
    elif indicator.direction == "decrease" and end >= start:
        message = msg(
            "Indicator {id} should decrease, but its target ({target}) is not below its baseline ({baseline}).",
            **values,
        )
    else:
        return None
    return target.where, message, _HINT


def _against_course(indicator: Indicator) -> Finding | None:
    """A milestone or target that steps back against the direction, declared or from baseline to target."""
    numbers = [step for step in steps(indicator) if step.measure.is_number]
    if len(numbers) < 3 or len(numbers) != len(list(steps(indicator))):
        return None  # nothing between two values, or mixed values (reported by mixed-values)
    direction = _direction(indicator, numbers)
    for earlier, later in pairwise(numbers):
        message = _step_back(indicator.id, direction, earlier, later)
        if message is not None:
            return later.measure.where, message, _HINT
    return None


def _direction(indicator: Indicator, numbers: list[Step]) -> str | None:
    if indicator.direction is not None:
        return indicator.direction
    first, last = float(numbers[0].measure.value), float(numbers[-1].measure.value)
    return "increase" if last > first else "decrease" if last < first else None


def _step_back(identifier: str, direction: str | None, earlier: Step, later: Step) -> Text | None:
    before, after = float(earlier.measure.value), float(later.measure.value)
    values: dict[str, Arg] = {
        "id": identifier,
        "second": later.name,
        "later": _shown(later.measure.value),
        "first": earlier.name,
        "value": _shown(earlier.measure.value),
    }
    if direction == "increase" and after < before:
        return msg("Indicator {id} should increase, but {second} ({later}) is below {first} ({value}).", **values)
    if direction == "decrease" and after > before:
        return msg("Indicator {id} should decrease, but {second} ({later}) is above {first} ({value}).", **values)
    return None


def _shown(value: Decimal | float | str) -> str:
    return str(value) if isinstance(value, str) else f"{value:g}"
