"""Dates as a plan writes them: a year, a month or a day, kept as the text written."""

from __future__ import annotations

import calendar
import datetime
from dataclasses import dataclass

from compiler.messages.diagnostics import Where
from compiler.schema import definition

#: The years a plan may use: the schema's ``year`` (the documents cannot date a file after 2107).
FIRST_YEAR, LAST_YEAR = int(definition("year")["minimum"]), int(definition("year")["maximum"])


@dataclass(frozen=True)
class PlanDate:
    """A year, month or day as written (``2025``, ``2025-03``, ``2025-03-31``)."""

    text: str
    where: Where

    def first_day(self) -> datetime.date | None:
        """The first day the value covers, or ``None`` if it is not a real date."""
        parts = self._parts()
        if parts is None:
            return None
        year, month, day = parts
        return _safe_date(year, month or 1, day or 1)

    def last_day(self) -> datetime.date | None:
        """The last day the value covers, or ``None`` if it is not a real date."""
        parts = self._parts()
        if parts is None:
            return None
        year, month, day = parts
        if month is None or not FIRST_YEAR <= year <= LAST_YEAR:
            return _safe_date(year, 12, 31)
        if day is None:
            return _safe_date(year, month, calendar.monthrange(year, month)[1] if 1 <= month <= 12 else 1)
        return _safe_date(year, month, day)

    def year(self) -> int | None:
        """The year written, or ``None`` if the value is not a date."""
        parts = self._parts()
        return parts[0] if parts else None

    def _parts(self) -> tuple[int, int | None, int | None] | None:
        pieces = self.text.split("-")
        if not 1 <= len(pieces) <= 3 or not all(piece.isdigit() for piece in pieces):
            return None
        numbers = [int(piece) for piece in pieces] + [0, 0]
        return numbers[0], numbers[1] or None, numbers[2] or None


def _safe_date(year: int, month: int, day: int) -> datetime.date | None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return None  # reported once, by the date-out-of-range rule; the other rules skip it
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None
