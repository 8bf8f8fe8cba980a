"""An indicator's values in the order they are written, each named as a message names it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from compiler.messages.diagnostics import Text, msg
from compiler.model import Indicator, Measure


@dataclass(frozen=True)
class Step:
    """The baseline, a milestone or the target of an indicator."""

    name: Text
    measure: Measure


def steps(indicator: Indicator) -> Iterator[Step]:
    """Baseline, milestones and target, those that are written, in the order they should come."""
    if indicator.baseline is not None:
        yield Step(msg("the baseline"), indicator.baseline)
    for number, milestone in enumerate(indicator.milestones, start=1):
        yield Step(msg("milestone {number}", number=number), milestone)
    if indicator.target is not None:
        yield Step(msg("the target"), indicator.target)
