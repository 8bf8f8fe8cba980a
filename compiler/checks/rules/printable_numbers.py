"""Every number is one the documents can print exactly: at most 28 digits before the point, ten after.

YAML reads ``1e400`` as infinity and a 30-digit amount as a rounded float; the documents would
show ``∞`` or a figure nobody wrote. Each example is a file added to the base plan
(``tests/cases/base``); the test suite runs them.

Passes::

    indicators:
      - id: IND-02
        name: Ore di apertura
        objective: OB-1.1
        unit: ore
        baseline: {value: 1250.5, year: 2024}
        target: {value: 2000, year: 2027}

Fails (``1e400`` is too large to print)::

    indicators:
      - id: IND-02
        name: Ore di apertura
        objective: OB-1.1
        unit: ore
        baseline: {value: 1250.5, year: 2024}
        target: {value: 1e400, year: 2027}
"""

from __future__ import annotations

from collections.abc import Iterator

from compiler.checks.index import Index
from compiler.checks.rule import Finding, rule_code
from compiler.messages.diagnostics import Severity, msg
from compiler.model import Plan
from compiler.model.numbers import LARGEST, MOST_DECIMALS, is_printable_number

CODE = rule_code("unprintable-number", Severity.ERROR, __doc__)


def find(plan: Plan, index: Index) -> Iterator[Finding]:
    """Report numbers that are infinite, too large, or have too many decimals to print as written."""
    for number in plan.numbers:
        if is_printable_number(number.value):
            continue
        if not number.value.is_finite() or number.value.copy_abs() >= LARGEST:
            message = msg(
                "“{text}” in “{field}” is too large: the documents print numbers of at most 28 digits.",
                text=number.text,
                field=number.field,
            )
        else:
            message = msg(
                "“{text}” in “{field}” has more than {most} decimals.",
                text=number.text,
                field=number.field,
                most=MOST_DECIMALS,
            )
        yield (
            number.where,
            message,
            msg("Check the number: write it in full, with digits only and a point for decimals."),
        )
