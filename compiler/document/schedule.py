"""When each action runs: its days, its quarters and its share of each year, from the dates it states.

An action runs from the first day of its ``start`` to the last day of its ``end``; an ongoing
action runs to the end of the plan's period. Without a start, or without an end (and not
ongoing), its period is to be defined and it has no span.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from compiler.messages.diagnostics import msg
from compiler.messages.translate import Translator
from compiler.model import Action, Meta

#: A quarter of a year: ``(2025, 1)`` is January to March 2025.
Quarter = tuple[int, int]


def action_span(meta: Meta, action: Action) -> tuple[datetime.date, datetime.date] | None:
    """The action's first and last day, or ``None`` when its period is to be defined (or inverted)."""
    first = action.start.first_day() if action.start else None
    if action.ongoing:
        period = meta.period()
        last = period[1] if period else None
    else:
        last = action.end.last_day() if action.end else None
    if first is None or last is None or last < first:
        return None
    return first, last


def quarter_of(day: datetime.date) -> Quarter:
    """The quarter a day falls in."""
    return day.year, (day.month - 1) // 3 + 1


def quarter_index(quarter: Quarter) -> int:
    """Quarters counted from year 0, so that two quarters can be subtracted."""
    year, number = quarter
    return year * 4 + number - 1


def quarter_label(translate: Translator, quarter: Quarter) -> str:
    """``T1 2025`` in Italian, ``Q1 2025`` in English."""
    year, number = quarter
    return translate(msg("Q{quarter} {year}", quarter=str(number), year=str(year)))


def months_by_year(first: datetime.date, last: datetime.date) -> Iterator[tuple[int, int]]:
    """Each year from ``first`` to ``last`` with the number of months of the span in it (a month begun counts)."""
    for year in range(first.year, last.year + 1):
        start = first.month if year == first.year else 1
        end = last.month if year == last.year else 12
        yield year, end - start + 1
