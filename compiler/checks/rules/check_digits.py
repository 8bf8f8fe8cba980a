"""An organisation's Italian tax code and VAT number have the right check character.

The schema checks their shape (11 digits, or 16 characters for a person's tax code); the check
character, computed from the others, catches a mistyped digit. python-stdnum computes it (the
only python-stdnum user): a well-kept library of the official algorithms.
Each example is a file added to the base plan (``tests/cases/base``); the test suite runs them.

Passes::

    organisations:
      - {id: ets-beta, name: Associazione Beta, type: third-sector, tax_code: "96000000016", vat_number: "12345670017"}
    actions:
      - {id: AZ-02, title: Laboratori, objective: OB-1.1, owner: ets-beta, start: "2025-03", end: "2025-12"}

Fails (the last digit of the tax code is mistyped)::

    organisations:
      - {id: ets-beta, name: Associazione Beta, type: third-sector, tax_code: "96000000017"}
    actions:
      - {id: AZ-02, title: Laboratori, objective: OB-1.1, owner: ets-beta, start: "2025-03", end: "2025-12"}
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from stdnum.it import codicefiscale, iva

from compiler.checks.index import Index
from compiler.checks.rule import Finding, rule_code
from compiler.messages.diagnostics import Severity, Text, msg
from compiler.model import Plan

CODE = rule_code("check-digit", Severity.ERROR, __doc__)
#: Register → (is the code valid, what to say when it is not); the other registers have no check character.
CHECKED: dict[str, tuple[Callable[[str], bool], Text]] = {
    "tax_code": (
        codicefiscale.is_valid,
        msg("The tax code “{value}” of {id} is not valid: its check character does not match."),
    ),
    "vat_number": (
        iva.is_valid,
        msg("The VAT number “{value}” of {id} is not valid: its check digit does not match."),
    ),
}


def find(plan: Plan, index: Index) -> Iterator[Finding]:
    """Report tax codes and VAT numbers whose check character does not match."""
    for organisation in plan.organisations:
        for registration in organisation.registrations:
            checked = CHECKED.get(registration.scheme)
            if checked is None or checked[0](registration.value):
                continue
            yield (
                registration.where,
                msg(checked[1].msgid, value=registration.value, id=organisation.id),
                msg("Copy the code again from an official document: one character is probably mistyped."),
            )
