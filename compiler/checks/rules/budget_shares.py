"""An action's budget shares name each of its objectives once and add up to 100 %.

An action that serves several objectives splits its budget between them: equally if it says
nothing, or as its ``budget_shares`` say. Each example is a file added to the base plan
(``tests/cases/base``); the test suite runs them.

Passes::

    objectives:
      - {id: OB-1.2, title: Accesso ai servizi, parent: ASSE-1}
    indicators:
      - {id: IND-02, name: Accessi, objective: OB-1.2, unit: accessi, baseline: {value: 10, year: 2024}, target: {value: 20, year: 2027}}
    actions:
      - id: AZ-02
        title: Laboratori
        objective: [OB-1.1, OB-1.2]
        owner: comune
        start: "2025-03"
        end: "2025-12"
        budget:
          - {funder: comune, amount: 12000, status: secured}
        budget_shares:
          - {objective: OB-1.1, percent: 70}
          - {objective: OB-1.2, percent: 30}

Fails (the shares add up to 90 %)::

    objectives:
      - {id: OB-1.2, title: Accesso ai servizi, parent: ASSE-1}
    indicators:
      - {id: IND-02, name: Accessi, objective: OB-1.2, unit: accessi, baseline: {value: 10, year: 2024}, target: {value: 20, year: 2027}}
    actions:
      - id: AZ-02
        title: Laboratori
        objective: [OB-1.1, OB-1.2]
        owner: comune
        start: "2025-03"
        end: "2025-12"
        budget:
          - {funder: comune, amount: 12000, status: secured}
        budget_shares:
          - {objective: OB-1.1, percent: 60}
          - {objective: OB-1.2, percent: 30}
"""

from __future__ import annotations

from collections.abc import Iterator

from compiler.checks.index import Index
from compiler.checks.rule import Finding, rule_code
from compiler.messages.diagnostics import Severity, msg
from compiler.messages.suggest import did_you_mean
from compiler.model import Action, Plan

CODE = rule_code("budget-shares", Severity.ERROR, __doc__)


def find(plan: Plan, index: Index) -> Iterator[Finding]:
    """Report shares of other objectives, objectives without a share or named twice, and totals other than 100."""
    for action in plan.actions:
        if action.budget_shares:
            yield from _check(action)


def _check(action: Action) -> Iterator[Finding]:
    objectives = [ref.id for ref in action.objectives]
    named: set[str] = set()
    for share in action.budget_shares:
        wanted = share.objective.id
        if wanted not in objectives:
            yield (
                share.objective.where,
                msg("“{id}” is not one of the objectives of {action}.", id=wanted, action=action.id),
                did_you_mean(wanted, objectives, msg("Its objectives: {ids}.", ids=tuple(objectives))),
            )
        elif wanted in named:
            yield (
                share.objective.where,
                msg("{id} has two shares in the budget of {action}.", id=wanted, action=action.id),
                msg("Keep one share per objective."),
            )
        named.add(wanted)
    for ref in action.objectives:
        if ref.id not in named:
            yield (
                ref.where,
                msg("The objective {id} has no share in the budget_shares of {action}.", id=ref.id, action=action.id),
                msg(
                    "Add “- {{objective: {id}, percent: …}}” to budget_shares, or remove budget_shares for an equal split.",
                    id=ref.id,
                ),
            )
    total = sum(share.percent for share in action.budget_shares)
    if total != 100:
        yield (
            action.budget_shares[0].objective.where,
            msg(
                "The budget shares of {action} add up to {total} %, not 100 %.",
                action=action.id,
                total=format(total, "f"),
            ),
            msg("Change the percentages so that they add up to 100."),
        )
