"""Every amount of a budget is a whole number of cents.

``12000.505`` cannot be paid: the documents would round it, and their totals would not be the sum
of what the plan says. Each example is a file added to the base plan (``tests/cases/base``); the
test suite runs them.

Passes::

    actions:
      - id: AZ-02
        title: Laboratori
        objective: OB-1.1
        owner: comune
        start: "2025-03"
        end: "2025-12"
        budget:
          - {funder: comune, amount: 12000.50, status: secured}

Fails (half a cent)::

    actions:
      - id: AZ-02
        title: Laboratori
        objective: OB-1.1
        owner: comune
        start: "2025-03"
        end: "2025-12"
        budget:
          - {funder: comune, amount: 12000.505, status: secured}
"""

from __future__ import annotations

from collections.abc import Iterator

from compiler.checks.index import Index
from compiler.checks.rule import Finding, rule_code
from compiler.checks.rules.thousands_separator import misread
from compiler.messages.diagnostics import Severity, msg
from compiler.model import Plan
from compiler.model.numbers import decimal_places, is_printable_number

CODE = rule_code("amount-cents", Severity.ERROR, __doc__)


def find(plan: Plan, index: Index) -> Iterator[Finding]:
    """Report amounts with more than two decimals (unprintable and 12.000-like ones have their own rules)."""
    reported = {number.where for number in misread(plan, index)}
    for action in plan.actions:
        for line in action.budget:
            amount = line.amount
            if decimal_places(amount) <= 2 or not is_printable_number(amount) or line.where in reported:
                continue
            yield (
                line.where,
                msg(
                    "The amount {amount} of {id} is not a whole number of cents.",
                    amount=format(amount, "f"),
                    id=action.id,
                ),
                msg(
                    "Write the amount with at most two decimals, for example {rounded}.", rounded=format(amount, ".2f")
                ),
            )
