"""Cross-document rules: what the schema cannot say about a plan.

Each rule is a small module with a ``CODE`` (its name, severity and, from the first line of its
docstring, its meaning), a docstring showing YAML that passes and YAML that fails, and a
``find(plan, index)`` generator of findings. A rule that
would give false alarms when a file could not be read (an unknown id may be defined there) says
``NEEDS_WHOLE_PLAN = True``. ``RULES``
lists them in the order their diagnostics are produced.
"""

from __future__ import annotations

from collections.abc import Iterator
from types import ModuleType

from compiler.checks.index import Grouping, Index
from compiler.checks.rules import (
    action_late,
    amount_cents,
    approval_dates,
    budget_shares,
    chair_member,
    check_digits,
    consultation_deadline,
    cumulative_decrease,
    cycles,
    date_order,
    date_range,
    duplicate_ids,
    duplicate_measurement,
    duplicate_terms,
    formerly_ids,
    idle_organisations,
    indicator_years,
    measured_declared,
    measurement_date,
    measurement_kind,
    missing_approvals,
    mixed_values,
    monitoring_date,
    objective_actions,
    objective_indicators,
    observation_objects,
    observation_outcomes,
    owner_partner,
    period_overlap,
    plan_period,
    printable_numbers,
    reference_kinds,
    repeated_references,
    status_date,
    target_direction,
    target_not_set,
    target_period,
    target_range,
    thousands_separator,
    undecided_dates,
    unknown_references,
)
from compiler.messages.diagnostics import Code, Diagnostic
from compiler.model import Plan

RULES: tuple[ModuleType, ...] = (
    duplicate_ids,
    duplicate_terms,
    unknown_references,
    reference_kinds,
    repeated_references,
    owner_partner,
    chair_member,
    cycles,
    date_order,
    undecided_dates,
    date_range,
    plan_period,
    indicator_years,
    mixed_values,
    target_range,
    target_not_set,
    target_period,
    target_direction,
    objective_actions,
    objective_indicators,
    idle_organisations,
    check_digits,
    thousands_separator,
    printable_numbers,
    amount_cents,
    budget_shares,
    formerly_ids,
    observation_objects,
    observation_outcomes,
    approval_dates,
    missing_approvals,
    consultation_deadline,
    monitoring_date,
    measurement_kind,
    measurement_date,
    duplicate_measurement,
    measured_declared,
    cumulative_decrease,
    period_overlap,
    status_date,
    action_late,
)


#: The codes of the rules, in ``RULES`` order (part of ``planc codes``).
CODES: tuple[Code, ...] = tuple(rule.CODE for rule in RULES)


def run_rules(plan: Plan, grouping: Grouping, complete: bool = True) -> Iterator[Diagnostic]:
    """Run every rule over the plan; if some file could not be read, only the local rules.

    ``grouping`` tells the thousands separator of a language (Babel's, through the pipeline).
    """
    index = Index.of(plan, grouping)
    for rule in RULES:
        if not complete and getattr(rule, "NEEDS_WHOLE_PLAN", False):
            continue
        for where, message, hint in rule.find(plan, index):
            yield rule.CODE.at(where, message, hint)
