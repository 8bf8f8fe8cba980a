"""Every indicator has a target, or the plan knows it has none yet.

An indicator without a target is kept and shown (“to be defined”), with this warning as a reminder.
Each example is a file added to the base plan (``tests/cases/base``); the test suite runs them.

Passes::

    indicators:
      - {id: IND-02, name: Volontari attivi, objective: OB-1.1, unit: persone, target: {value: 30, year: 2027}}

Fails (the indicator is kept, with no target yet)::

    indicators:
      - {id: IND-02, name: Volontari attivi, objective: OB-1.1, unit: persone, baseline: {value: 12, year: 2024}}
"""

from __future__ import annotations

from collections.abc import Iterator

from compiler.checks.index import Index
from compiler.checks.rule import Finding, rule_code
from compiler.messages.diagnostics import Severity, msg
from compiler.model import Plan

CODE = rule_code("target-not-set", Severity.WARNING, __doc__)


def find(plan: Plan, index: Index) -> Iterator[Finding]:
    """Report indicators with no target (one written but unreadable is the schema's to report)."""
    for indicator in plan.indicators:
        if indicator.target is None and not indicator.target_written:
            yield (
                indicator.where,
                msg("Indicator {id} has no target yet.", id=indicator.id),
                msg("Add “target:” with its value and year when it is decided; until then the documents say so."),
            )
