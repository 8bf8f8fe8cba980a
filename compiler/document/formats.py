"""Dates, numbers and money as the plan's readers write them, through Babel's locale data (the only Babel user)."""

from __future__ import annotations

import datetime
import re

from babel import Locale
from babel.dates import format_date, format_skeleton
from babel.numbers import format_currency, format_decimal, format_percent

_DECIMALS = re.compile(r"\.0+")


class Formats:
    """Formatting for one locale (``it-IT`` → ``it_IT``) and one currency."""

    def __init__(self, lang: str, currency: str = "EUR") -> None:
        self.locale = Locale.parse(lang.replace("-", "_"))
        self.currency = currency
        pattern = self.locale.currency_formats["standard"].pattern
        self._whole_money = _DECIMALS.sub("", pattern.split(";")[0])
        self._seen: dict[tuple[str, object], str] = {}  # Babel is slow; a plan repeats its amounts and months

    def money(self, amount: float) -> str:
        """``1.250.000 €`` (no cents when the amount is whole), ``12.000,50 €`` otherwise."""
        key = ("money", amount)
        if key not in self._seen:
            self._seen[key] = self._money(amount)
        return self._seen[key]

    def _money(self, amount: float) -> str:
        if float(amount).is_integer():
            return format_currency(amount, self.currency, self._whole_money, locale=self.locale, currency_digits=False)
        return format_currency(amount, self.currency, locale=self.locale)

    def number(self, value: float) -> str:
        """``1.250``, ``12,5``: grouping and decimal mark of the locale."""
        return format_decimal(value, locale=self.locale)

    def share(self, part: float, whole: float) -> str:
        """``12 %``: a part of a whole as a percentage, or an empty string if the whole is zero."""
        return format_percent(part / whole, locale=self.locale) if whole else ""

    def when(self, text: str) -> str:
        """A year, month or day as written in the plan: ``2025``, ``marzo 2025``, ``31 marzo 2025``."""
        key = ("when", text)
        if key not in self._seen:
            self._seen[key] = self._when(text)
        return self._seen[key]

    def _when(self, text: str) -> str:
        pieces = [int(piece) for piece in text.split("-")] if re.fullmatch(r"\d{4}(-\d{2}){0,2}", text) else []
        if len(pieces) == 2:
            return format_skeleton("yMMMM", datetime.date(pieces[0], pieces[1], 1), locale=self.locale)
        if len(pieces) == 3:
            return self.day(datetime.date(*pieces))
        return text

    def day(self, day: datetime.date) -> str:
        """A day in the locale's long form: ``29 novembre 2024``."""
        return format_date(day, "long", locale=self.locale)

    def period(self, start: str | None, end: str | None) -> str:
        """``marzo 2025 – dicembre 2026``."""
        return " – ".join(self.when(part) for part in (start, end) if part)
