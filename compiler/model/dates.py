"""Dates as a plan writes them: a year, a month or a day, kept as the text written."""

from __future__ import annotations

import calendar
import datetime
from dataclasses import dataclass

from compiler.messages.diagnostics import Where


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
        if month is None:
            return _safe_date(year, 12, 31)
        if day is None:
            return _safe_date(year, month, calendar.monthrange(year, month)[1] if 1 <= month <= 12 else 1)
        return _safe_date(year, month, day)

    def _parts(self) -> tuple[int, int | None, int | None] | None:
        pieces = self.text.split("-")
        if not 1 <= len(pieces) <= 3 or not all(piece.isdigit() for piece in pieces):
            return None
        numbers = [int(piece) for piece in pieces] + [0, 0]
        return numbers[0], numbers[1] or None, numbers[2] or None


def _safe_date(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None
