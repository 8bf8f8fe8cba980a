"""Numbers as the plan writes them: exact decimals read from the text, and what the documents can print.

The loader reads ``12.5`` as a float; here every number is the ``Decimal`` of its written text
(``SourceFile.numbers``), so that ``12.000``, ``1e400`` or a 27-digit amount keep what the drafter
wrote, and money is counted in whole cents (Python integers: exact at any size).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from compiler.messages.diagnostics import Where

#: The documents print a number exactly only below this size (Babel rounds to a 28-digit context).
LARGEST = Decimal(10) ** 28
#: The most decimal places a number may have to be printed as written.
MOST_DECIMALS = 10


@dataclass(frozen=True)
class WrittenNumber:
    """A number as written in a plan file: its text, its exact value, the field and where."""

    text: str
    value: Decimal
    field: str
    where: Where


def exact(text: str) -> Decimal:
    """The exact value of a number written as ``12``, ``12.50`` or ``1e3``."""
    return Decimal(text)


def decimal_places(value: Decimal) -> int:
    """How many decimal places the value needs (``12.50`` → 1, ``12`` → 0), without rounding."""
    _sign, digits, exponent = value.as_tuple()
    if not isinstance(exponent, int) or exponent >= 0:
        return 0
    trailing_zeros = len(digits) - len("".join(map(str, digits)).rstrip("0"))
    return max(-exponent - trailing_zeros, 0)


def is_printable_number(value: Decimal) -> bool:
    """True if the documents can print the value exactly: finite, below ``LARGEST``, few decimals."""
    return value.is_finite() and value.copy_abs() < LARGEST and decimal_places(value) <= MOST_DECIMALS


def cents(amount: Decimal) -> int:
    """A printable amount of whole cents as an integer number of cents (exact, whatever its size)."""
    _sign, digits, exponent = amount.as_tuple()
    if not isinstance(exponent, int):
        raise ValueError(f"not a finite amount: {amount}")
    units = int("".join(map(str, digits)) or "0") * (-1 if amount < 0 else 1)
    shift: int = exponent + 2
    scale: int = 10 ** abs(shift)
    return units * scale if shift >= 0 else units // scale
