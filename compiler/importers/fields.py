"""Read the values that public data writes its own way: Italian numbers, missing markers, quarters, months, text.

Each function takes the raw cell as published and returns a typed value, or ``None`` when the
cell says "no value" (``N/A``, ``n.c.``, ``NA``, empty…); unreadable values raise ``ValueError``
so that the importer can report the row.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from compiler.messages.diagnostics import Text, msg

#: A month as (year, month), comparable and easy to turn into ``YYYY-MM``.
Month = tuple[int, int]

TEXT_LIMIT = 2000
RICH_LIMIT = 20000
ELLIPSIS = "…"

#: The years a plan can hold (its schema's range, and what the documents can print).
YEARS = range(1900, 2101)
MISSING = frozenset({"", "n/a", "na", "n.a.", "n.a", "n.c.", "nc", "n.d.", "nd", "-", "--", "—", "null", "none"})
_ITALIAN = re.compile(r"[-+]?\d{1,3}(?:\.\d{3})+(?:,\d+)?|[-+]?\d+,\d+")
_PLAIN = re.compile(r"[-+]?\d+(?:\.\d+)?")
_QUARTER = re.compile(r"[QT]([1-4])", re.IGNORECASE)
_MONTH_YEAR = re.compile(r"(\d{1,2})/(\d{4})")
_MONTH_NAMES: tuple[str, ...] = ("gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno")
_MONTH_NAMES += ("luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre")
_NAMED_MONTH = re.compile(
    rf"(\b(?:a partire )?dal?\s+)?\b({'|'.join(_MONTH_NAMES)})\s+(?:del\s+)?(\d{{4}})\b", re.IGNORECASE
)
_BY_YEAR = re.compile(r"\bentro\s+(?:il\s+)?(\d{4})\b", re.IGNORECASE)
#: Characters planc's loader refuses (controls, text-direction marks, BOM) and the NBSP.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\ufffe\uffff]"
)
_TRAILING = re.compile(r"[ \t]+\n")
_BLANK_LINES = re.compile(r"\n{3,}")
_SPACES = re.compile(r"\s+")


def is_missing(raw: str | None) -> bool:
    """True if the cell is one of the "no value" markers."""
    return raw is None or raw.strip().lower() in MISSING


def number(raw: str | None) -> float | None:
    """Read ``1.234,5`` (Italian), ``8978483,60`` or ``12.5``; ``None`` for a missing marker."""
    if is_missing(raw):
        return None
    text = (raw or "").strip().replace(" ", "").replace("\u00a0", "")
    if _ITALIAN.fullmatch(text):
        return float(text.replace(".", "").replace(",", "."))
    if _PLAIN.fullmatch(text):
        return float(text)
    raise ValueError(f"not a number: {raw!r}")


def is_italian_number(raw: str | None) -> bool:
    """True if the cell is written with the Italian decimal comma or thousands dots."""
    return raw is not None and _ITALIAN.fullmatch(raw.strip()) is not None


def quarter(label: str | None, year: str | int | None) -> tuple[Month, Month] | None:
    """The first and last month of a quarter: ``Q3``/``T3`` and ``2026`` → (2026, 7), (2026, 9)."""
    if label is None or year is None or is_missing(str(year)):
        return None
    found = _QUARTER.fullmatch(label.strip())
    number = deadline_year(year)
    if found is None or number is None:
        return None
    first = 3 * int(found.group(1)) - 2
    return (number, first), (number, first + 2)


def deadline_year(raw: object) -> int | None:
    """A deadline year as written (``2026``); ``None`` for anything a plan cannot hold (``0000``, ``26``)."""
    text = str(raw).strip() if raw is not None else ""
    if not (text.isascii() and text.isdigit() and len(text) == 4) or int(text) not in YEARS:
        return None
    return int(text)


def month_year(raw: object) -> Month | None:
    """Read ``MM/YYYY`` (``03/2020``); ``None`` if the value is not written that way."""
    if not isinstance(raw, str):
        return None
    found = _MONTH_YEAR.fullmatch(raw.strip())
    if found is None or not 1 <= int(found.group(1)) <= 12 or int(found.group(2)) not in YEARS:
        return None
    return int(found.group(2)), int(found.group(1))


def months_in(text: str) -> list[Month]:
    """Every deadline written in words: "dicembre 2020" → (2020, 12); "entro il 2019" → (2019, 12).

    A month after "da" or "a partire dal" is when something starts, not a deadline: it is skipped.
    """
    found = _NAMED_MONTH.findall(text)
    named = [(int(year), _MONTH_NAMES.index(name.lower()) + 1) for since, name, year in found if not since]
    months = named + [(int(year), 12) for year in _BY_YEAR.findall(text)]
    return [month for month in months if month[0] in YEARS]


def month_text(month: Month) -> str:
    """Write a month as ``YYYY-MM``."""
    return f"{month[0]:04d}-{month[1]:02d}"


@dataclass(frozen=True)
class Cleaned:
    """Text made fit for a plan field, and what had to change."""

    text: str | None
    changes: tuple[Text, ...] = ()


def clean(raw: object, rich: bool = False) -> Cleaned:
    """Make text fit for a plan field: no invisible characters, normalised lines, within the limit."""
    if not isinstance(raw, str) or is_missing(raw):
        return Cleaned(None)
    changes: list[Text] = []
    text = unicodedata.normalize("NFC", raw.replace("\r\n", "\n").replace("\r", "\n"))
    text, removed = _INVISIBLE.subn("", text)
    if removed:
        changes.append(msg("removed {count} invisible character(s)", count=removed))
    text = _paragraphs(text) if rich else _SPACES.sub(" ", text).strip()
    limit = RICH_LIMIT if rich else TEXT_LIMIT
    if len(text) > limit:
        changes.append(msg("cut from {length} to {limit} characters", length=len(text), limit=limit))
        text = text[: limit - 1].rstrip() + ELLIPSIS
    return Cleaned(text or None, tuple(changes))


def _paragraphs(text: str) -> str:
    """Keep the lines of descriptive text, without trailing spaces, NBSPs or runs of blank lines."""
    return _BLANK_LINES.sub("\n\n", _TRAILING.sub("\n", text.replace("\u00a0", " "))).strip()
