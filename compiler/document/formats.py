"""Dates, numbers, money and text direction as the plan's readers write them, through Babel's locale data.

This is the only Babel user. Babel knows fewer locales than BCP 47 has tags: a tag is read as the
closest locale Babel has (``sr-Latn-ME`` → ``sr_Latn_ME``, ``fr-CA`` → ``fr_CA``, ``de-CH-1996`` →
``de_CH``, ``zh-Hans`` → ``zh_Hans``), and as English when Babel knows nothing of its language.
"""

from __future__ import annotations

import datetime
import functools
import re
from decimal import ROUND_HALF_UP, Decimal, localcontext

from babel import Locale, UnknownLocaleError
from babel.core import get_global
from babel.dates import format_date, format_skeleton
from babel.numbers import format_currency, format_decimal, format_percent, get_currency_name, get_group_symbol

from compiler.messages.tags import LanguageTag, parse

_DECIMALS = re.compile(r"\.0+")
#: Digits of the arithmetic while formatting: room for any printable number (``model.numbers``) and its cents.
_DIGITS = 80


def grouping(lang: str) -> str:
    """The symbol a language writes between groups of thousands (``it-IT`` → ``.``; ``""`` if unknown)."""
    try:
        locale = locale_for(lang)
        if locale.language != parse(lang).language:
            return ""  # Babel knows nothing of the language: no guess
        return str(get_group_symbol(locale))
    except (UnknownLocaleError, ValueError):
        return ""


#: Scripts written right to left (ISO 15924), for tags that name their script (``az-Arab``).
_RIGHT_TO_LEFT_SCRIPTS = frozenset({"Adlm", "Arab", "Aran", "Hebr", "Mand", "Nkoo", "Rohg", "Samr", "Syrc", "Thaa"})


@functools.cache
def locale_for(tag: str) -> Locale:
    """The closest locale Babel has for a BCP 47 tag; English if it knows nothing of the language."""
    parts = parse(tag)
    for candidate in _candidates(parts):
        try:
            return Locale.parse(candidate)
        except (UnknownLocaleError, ValueError):
            continue
    return Locale.parse("en")


def _candidates(parts: LanguageTag) -> list[str]:
    script, region = parts.script, parts.region
    names = [parts.language]
    if script:
        names.insert(0, f"{parts.language}_{script}")
    if region:
        names.insert(0, f"{parts.language}_{region}")
    if script and region:
        names.insert(0, f"{parts.language}_{script}_{region}")
    return names


def script_of(tag: str) -> str | None:
    """The script (ISO 15924) a tag is written in: its own (``sr-Latn``) or its language's likely one (``ja`` → ``Jpan``)."""
    parts = parse(tag)
    if parts.script:
        return parts.script
    likely = get_global("likely_subtags")
    for key in (f"{parts.language}_{parts.region}", parts.language):
        found = re.search(r"_([A-Z][a-z]{3})(?:_|$)", str(likely.get(key, "")))
        if found:
            return found.group(1)
    return None


def text_direction(tag: str) -> str:
    """``rtl`` for a language written right to left (``ar``, ``he``, ``fa``, ``az-Arab``), ``ltr`` otherwise."""
    script = script_of(tag)
    if script:
        return "rtl" if script in _RIGHT_TO_LEFT_SCRIPTS else "ltr"
    locale = locale_for(tag)
    return str(locale.text_direction) if locale.language == parse(tag).language else "ltr"


#: What ``Formats`` has formatted, by locale and currency: an amount or a month and its text.
_SEEN: dict[tuple[str, str], dict[tuple[str, object], str]] = {}


class Formats:
    """Formatting for one locale (``it-IT`` → ``it_IT``) and one currency."""

    def __init__(self, lang: str, currency: str = "EUR") -> None:
        self.locale = locale_for(lang)
        self.currency = currency
        pattern = self.locale.currency_formats["standard"].pattern
        self._whole_money = _DECIMALS.sub("", pattern.split(";")[0])
        # Babel is slow, and a plan repeats its amounts and months: each is formatted once per locale and
        # currency in the process (the preview lays the plan out again at every save).
        self._seen = _SEEN.setdefault((str(self.locale), currency), {})

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

    def amount(self, cents: int) -> str:
        """``1.250.000``, ``12.000,50``: an amount without its currency, for a chart whose axis names it."""
        with localcontext(prec=_DIGITS):
            if cents % 100 == 0:
                return format_decimal(Decimal(cents // 100), locale=self.locale)
            return format_decimal(Decimal(cents).scaleb(-2), "#,##0.00", locale=self.locale)

    def currency_name(self) -> str:
        """The currency's name in the locale: ``euro``."""
        return str(get_currency_name(self.currency, locale=self.locale))

    def number(self, value: Decimal) -> str:
        """``1.250``, ``12,5``: grouping and decimal mark of the locale, every decimal written kept."""
        with localcontext(prec=_DIGITS):
            return format_decimal(value, locale=self.locale, decimal_quantization=False)

    def proportion(self, value: float | Decimal) -> str:
        """``53 %``: a share of one (progress, money spent against planned) as a whole percentage."""
        whole = Decimal(repr(value) if isinstance(value, float) else value) * 100
        return self.percent(whole.quantize(Decimal(1), rounding=ROUND_HALF_UP))

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
            return _unbroken(format_skeleton("yMMMM", datetime.date(pieces[0], pieces[1], 1), locale=self.locale))
        if len(pieces) == 3:
            return self.day(datetime.date(*pieces))
        return text

    def day(self, day: datetime.date) -> str:
        """A day in the locale's long form: ``29 novembre 2024``.

        In a right-to-left locale the date starts with a RIGHT-TO-LEFT MARK, as CLDR's own money
        formats do, so that its leading day number is not read with left-to-right words before it.
        """
        mark = "\u200f" if self.locale.text_direction == "rtl" else ""
        return mark + _unbroken(format_date(day, "long", locale=self.locale))

    def period(self, start: str | None, end: str | None) -> str:
        """``marzo 2025 – dicembre 2026``."""
        return " – ".join(self.when(part) for part in (start, end) if part)


def _unbroken(date: str) -> str:
    """A date on one line in every format: its spaces become no-break spaces (``29 novembre 2024``)."""
    return date.replace(" ", "\u00a0")
