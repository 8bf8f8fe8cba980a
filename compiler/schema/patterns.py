"""Explain values that do not match a pattern or format: ids, dates, addresses, version numbers."""

from __future__ import annotations

import re
from collections.abc import Iterator

from compiler.messages.diagnostics import Code, Diagnostic, Text, Where, msg
from compiler.schema import codes
from compiler.schema.definition import definition
from compiler.schema.failure import Failure
from compiler.schema.id_characters import cleaned, offending
from compiler.schema.naming import field_name
from compiler.sources import PathKey, SourceFile

PATTERN_EXPLANATIONS: dict[str, tuple[Code, Text, Text]] = {
    "id": (
        codes.INVALID_ID,
        msg("“{value}” is not a valid id."),
        msg("An id starts with a letter and uses only letters, digits, “.”, “_” and “-”, for example AZ-01."),
    ),
    "reference": (
        codes.INVALID_ID,
        msg("“{value}” is not a valid id."),
        msg("Write the id of an object of the plan, for example AZ-01."),
    ),
    "date": (
        codes.INVALID_DATE,
        msg("“{value}” is not a date written as YYYY-MM-DD."),
        msg("Write the date as year-month-day with hyphens, for example 2025-03-31."),
    ),
    "month": (
        codes.INVALID_DATE,
        msg("“{value}” is not a month (YYYY-MM) or a date (YYYY-MM-DD)."),
        msg("Write for example 2025-03 for March 2025, or 2025-03-31 for a precise day."),
    ),
    "actionEnd": (
        codes.INVALID_DATE,
        msg("“{value}” is not a month (YYYY-MM), a date (YYYY-MM-DD) or “ongoing”."),
        msg("Write for example 2026-12 for December 2026, or ongoing for an action with no end date."),
    ),
    "measureValue": (
        codes.WRONG_TYPE,
        msg("“{value}” reads as a number, but it is written as text."),
        msg(
            "Write the number without quotes, with a point for decimals and no thousands separator: 12000.50. "
            "A qualitative value is written in words."
        ),
    ),
    "periodBound": (
        codes.INVALID_DATE,
        msg("“{value}” is not a year, a month or a date."),
        msg("Write 2025, 2025-03 or 2025-03-31."),
    ),
    "url": (
        codes.INVALID_URL,
        msg("“{value}” is not a web address."),
        msg("Write the full address, starting with https://."),
    ),
    "email": (codes.INVALID_FORMAT, msg("“{value}” is not an e-mail address."), msg("Write it as name@domain.it.")),
}
_FIELD_PATTERNS: dict[str, Text] = {
    "version": msg('Write the version in quotes, with digits and points: "1.0" or "0.3".'),
    "lang": msg(
        "Write a language tag such as it-IT, en-GB, fr-CA, zh-Hans or ar: the language, then the script or country if needed."
    ),
    "slug": msg("Use only lowercase letters, digits and single hyphens, for example piano-strategico."),
    "currency": msg("Write a three-letter currency code such as EUR."),
    "tax_code": msg('Write the 11 digits (16 characters for a person) in quotes, with no spaces: "00429440068".'),
    "vat_number": msg('Write the 11 digits in quotes, without “IT” and with no spaces: "00429440068".'),
    "runts_number": msg('Write the RUNTS registration number in quotes, digits only: "12345".'),
    "ipa_code": msg("Write the code as the IPA index shows it: letters, digits and “_”, for example c_a182."),
    "phone": msg("Write digits, spaces and an optional leading +, for example +39 0131 515111."),
}


def explain_pattern(failure: Failure, source: SourceFile, path: PathKey) -> Iterator[Diagnostic]:
    definition = failure.schema.get("$comment", "")
    value = str(failure.instance)
    if definition in ("text", "richText"):
        yield codes.EMPTY_VALUE.at(
            source.where(path),
            msg("“{field}” holds only spaces.", field=field_name(path)),
            msg("Write the text, or delete the line."),
        )
        return
    found = offending(value) if definition in ("id", "reference") else None
    if found is not None:
        yield _id_character(value, *found, source.where(path))
        return
    if definition in PATTERN_EXPLANATIONS:
        code, message, hint = PATTERN_EXPLANATIONS[definition]
        yield code.at(source.where(path), msg(message.msgid, value=value), hint)
        return
    hint = _FIELD_PATTERNS.get(str(path[-1]) if path else "", msg("Check the format of this value."))
    yield codes.INVALID_FORMAT.at(
        source.where(path),
        msg("“{value}” is not in the format expected for “{field}”.", value=value, field=field_name(path)),
        hint,
    )


def _id_character(value: str, character: Text, position: int, where: Where) -> Diagnostic:
    suggestion = cleaned(value)
    hint = (
        msg("Retype it with letters, digits, “.”, “_” and “-” only: {id}.", id=suggestion)
        if re.fullmatch(definition("id")["pattern"], suggestion)
        else PATTERN_EXPLANATIONS["id"][2]
    )
    return codes.INVALID_ID.at(
        where,
        msg(
            "“{value}” is not a valid id: character {position} is {character}.",
            value=value,
            position=position,
            character=character,
        ),
        hint,
    )


def explain_format(failure: Failure, source: SourceFile, path: PathKey) -> Iterator[Diagnostic]:
    if failure.expected == "date":
        yield codes.INVALID_DATE.at(
            source.where(path),
            msg("“{value}” is not a real calendar date.", value=str(failure.instance)),
            msg("Check the day and the month: for example February has 28 days, or 29 in leap years."),
        )
        return
    yield from explain_pattern(failure, source, path)
