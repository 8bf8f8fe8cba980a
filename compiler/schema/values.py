"""What a drafter most likely meant by a value of the wrong type: “sì” or “no” for true or false,
“30%” for a number, “€ 12000” for an amount. Each gets a hint for that field, not a generic one.
"""

from __future__ import annotations

import re

from compiler.messages.diagnostics import Text, msg

_YES = frozenset({"sì", "si", "s", "vero", "yes", "y", "on", "true", "ok", "x"})
_NO = frozenset({"no", "n", "falso", "false", "off", "non"})
_MONEY = re.compile(r"(?:€|eur|euro)?\s*([0-9][0-9.,\s]*)\s*(?:€|eur|euro)?", re.IGNORECASE)
_GROUPED = re.compile(r"\d{1,3}(?:[.\s\u00a0]\d{3})+(?:,\d+)?")


def wrong_type_hint(expected: list[str], value: object, field: str) -> Text | None:
    """A hint for ``value`` written in ``field`` where the schema expects ``expected``, if a likely meaning is known."""
    if not isinstance(value, str):
        return None
    if "boolean" in expected:
        return _yes_or_no(value.strip().casefold(), field)
    if {"number", "integer"} & set(expected):
        return _number(value.strip(), field)
    return None


def _yes_or_no(word: str, field: str) -> Text:
    if word in _YES:
        return msg("For “yes” write true, without quotes: “{field}: true”.", field=field)
    if word in _NO:
        return msg("For “no” write false, without quotes: “{field}: false”.", field=field)
    return msg("Write true or false, without quotes.")


def _number(word: str, field: str) -> Text | None:
    if word.endswith("%"):
        number = _plain(word[:-1].strip())
        if field == "amount":
            return msg("An amount is a sum of money, not a percentage: write it in full, for example “amount: 12000”.")
        if field == "value":
            return msg(
                "Write the number alone, “value: {number}”, and “%” as the indicator's unit: “unit: %”.", number=number
            )
        return msg("Write the number without the percent sign (%): “{field}: {number}”.", field=field, number=number)
    money = _MONEY.fullmatch(word)
    if money and money.group(1) != word:
        number = _plain(money.group(1).strip())
        return msg("Write the number without the currency: “{field}: {number}”.", field=field, number=number)
    return None


def _plain(number: str) -> str:
    """A number as YAML reads it: ``12.000,50`` (Italian) → ``12000.50``, ``30,5`` → ``30.5``."""
    if _GROUPED.fullmatch(number):
        number = re.sub(r"[.\s\u00a0]", "", number)
    return number.replace(",", ".") if number.count(",") == 1 and "." not in number else number
