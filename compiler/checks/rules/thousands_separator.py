"""A number is not written like 12.000 when the plan's language writes a dot between thousands.

YAML reads ``12.000`` as twelve; a drafter who writes Italian meant twelve thousand. In a plan whose
language groups thousands with a dot (Babel's locale data says which), any number written with a
dot and exactly three digits after it, in any field, is an error. Each example is a file added to
the base plan (``tests/cases/base``, written in Italian); the test suite runs them.

Passes::

    actions:
      - id: AZ-02
        title: Laboratori
        objective: OB-1.1
        owner: comune
        start: "2025-03"
        end: "2025-12"
        budget:
          - {funder: comune, amount: 12000, status: secured}

Fails (``12.000`` would be read as 12)::

    actions:
      - id: AZ-02
        title: Laboratori
        objective: OB-1.1
        owner: comune
        start: "2025-03"
        end: "2025-12"
        budget:
          - {funder: comune, amount: 12.000, status: secured}
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from compiler.checks.index import Index
from compiler.checks.rule import Finding, rule_code
from compiler.messages.diagnostics import Severity, msg
from compiler.model import Plan
from compiler.model.numbers import WrittenNumber

CODE = rule_code("thousands-separator", Severity.ERROR, __doc__)

#: One to three digits, a dot, three digits: how ``12.000`` or ``1.500`` look when a dot groups thousands.
_LIKE_A_GROUP = re.compile(r"[-+]?[1-9][0-9]{0,2}\.[0-9]{3}")


def misread(plan: Plan, index: Index) -> list[WrittenNumber]:
    """The numbers a reader of the plan's language would read as thousands (YAML reads decimals)."""
    candidates = [number for number in plan.numbers if _LIKE_A_GROUP.fullmatch(number.text)]
    if not candidates or plan.meta is None or index.grouping(plan.meta.lang) != ".":
        return []  # the common case asks nothing of the locale data
    return candidates


def find(plan: Plan, index: Index) -> Iterator[Finding]:
    """Report numbers written with a dot and three decimals in a language that groups thousands with a dot."""
    for number in misread(plan, index):
        thousands = number.text.replace(".", "")
        decimal = format(number.value.normalize(), "f")
        if decimal.count(".") and len(decimal.split(".")[1]) == 3:
            decimal += "0"
        yield (
            number.where,
            msg(
                "“{text}” in “{field}” is read as {decimal}, with three decimals; in this plan's language it "
                "reads as {thousands}.",
                text=number.text,
                field=number.field,
                decimal=decimal,
                thousands=thousands,
            ),
            msg(
                "Write {thousands} (without the dot) for the thousands; if you meant {decimal}, write {decimal}.",
                thousands=thousands,
                decimal=decimal,
            ),
        )
