"""A term is defined once in the glossary.

Each example is a file added to the base plan (``tests/cases/base``); the test suite runs them.
Two forms are the same term whatever their case (``ETS`` and ``ets``), and a variant counts as a
form of its term.

Passes::

    glossary:
      - {term: ETS, definition: Ente del Terzo Settore., variants: [enti del Terzo Settore]}
      - {term: APS, definition: Associazione di promozione sociale.}

Fails (``ets`` is the term ``ETS`` again)::

    glossary:
      - {term: ETS, definition: Ente del Terzo Settore.}
      - {term: ets, definition: Ente del Terzo Settore in minuscolo.}
"""

from __future__ import annotations

from collections.abc import Iterator

from compiler.checks.index import Index
from compiler.checks.rule import Finding, rule_code
from compiler.messages.diagnostics import Severity, msg
from compiler.model import GlossaryTerm, Plan

CODE = rule_code("duplicate-term", Severity.ERROR, __doc__)


def find(plan: Plan, index: Index) -> Iterator[Finding]:
    """Report every glossary entry one of whose forms an earlier entry already defines."""
    first: dict[str, GlossaryTerm] = {}
    for entry in plan.glossary:
        clash = next((first[form.casefold()] for form in entry.forms if form.casefold() in first), None)
        if clash is not None:
            yield (
                entry.where,
                msg(
                    "The term “{term}” is already defined in the glossary, as “{earlier}” in {file} at line {line}.",
                    term=entry.term,
                    earlier=clash.term,
                    file=clash.where.file,
                    line=clash.where.line,
                ),
                msg(
                    "Define each term once: merge the two definitions into one entry, or remove this one. "
                    "A plural or a spelled-out form goes under “variants” of the same entry."
                ),
            )
        for form in entry.forms:
            first.setdefault(form.casefold(), entry)
