"""Dates, numbers and money as the plan's readers write them, through Babel's locale data (the only Babel user)."""

from __future__ import annotations

import datetime
import re
from decimal import Decimal, localcontext

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_skeleton
from babel.numbers import format_currency, format_decimal, format_percent, get_group_symbol

_DECIMALS = re.compile(r"\.0+")
#: Digits of the arithmetic while formatting: room for any printable number (``model.numbers``) and its cents.
_DIGITS = 80


def grouping(lang: str) -> str:
    """The symbol a language writes between groups of thousands (``it-IT`` → ``.``; ``""`` if unknown)."""
    try:
        return str(get_group_symbol(Locale.parse(lang.replace("-", "_"))))
    except (UnknownLocaleError, ValueError):
        return ""


class Formats:
    """Formatting for one locale (``it-IT`` → ``it_IT``) and one currency."""

    def __init__(self, lang: str, currency: str = "EUR") -> None:
        self.locale = Locale.parse(lang.replace("-", "_"))
        self.currency = currency
        pattern = self.locale.currency_formats["standard"].pattern
        self._whole_money = _DECIMALS.sub("", pattern.split(";")[0])
        self._seen: dict[tuple[str, object], str] = {}  # Babel is slow; a plan repeats its amounts and months

    def money(self, cents: int) -> str:
        """``1.250.000 €`` (no cents when the amount is whole), ``12.000,50 €`` otherwise: exact at any size."""
        key = ("money", cents)
        if key not in self._seen:
            self._seen[key] = self._money(cents)
        return self._seen[key]

    def _money(self, cents: int) -> str:
        with localcontext(prec=_DIGITS):
            if cents % 100 == 0:
                whole = Decimal(cents // 100)
                return format_currency(
                    whole, self.currency, self._whole_money, locale=self.locale, currency_digits=False
                )
            return format_currency(Decimal(cents).scaleb(-2), self.currency, locale=self.locale)

    def number(self, value: Decimal) -> str:
        """``1.250``, ``12,5``: grouping and decimal mark of the locale, every decimal written kept."""
        with localcontext(prec=_DIGITS):
            return format_decimal(value, locale=self.locale, decimal_quantization=False)

    def percent(self, value: Decimal | int) -> str:
        """``12 %``, ``33,5 %``: a percentage as the locale writes it, every decimal written kept."""
        with localcontext(prec=_DIGITS):
            return format_percent(Decimal(value) / 100, locale=self.locale, decimal_quantization=False)

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
