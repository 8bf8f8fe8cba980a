"""Every id is used once in the whole plan, whatever kind of object it names.

Each example is a file added to the base plan (``tests/cases/base``); the test suite runs them.

Passes::

    actions:
      - {id: AZ-02, title: Laboratori, objective: OB-1.1, owner: comune, start: "2025-03", end: "2025-12"}

Fails (``OB-1.1`` is already an objective's id; ids are unique across kinds and files)::

    actions:
      - {id: OB-1.1, title: Laboratori, objective: OB-1.1, owner: comune, start: "2025-03", end: "2025-12"}
"""

from __future__ import annotations

from collections.abc import Iterator

from compiler.checks.index import Index
from compiler.checks.rule import Finding, rule_code
from compiler.messages.diagnostics import Severity, Where, msg
from compiler.model import Plan

CODE = rule_code("duplicate-id", Severity.ERROR, __doc__)


def find(plan: Plan, index: Index) -> Iterator[Finding]:
    """Report every id after its first definition."""
    first: dict[str, tuple[Where, type]] = {}
    for thing in plan.identified():
        if thing.id not in first:
            first[thing.id] = (thing.where, type(thing))
            continue
        earlier, kind = first[thing.id]
        if kind is type(thing) and earlier.file != thing.where.file:
            yield _split(thing.id, thing.where, earlier)
            continue
        yield (
            thing.where,
            msg(
                "The id “{id}” is already used in {file} at line {line}.",
                id=thing.id,
                file=earlier.file,
                line=earlier.line,
            ),
            msg("Give this object a new id, for example “{id}-2”, and update the references to it.", id=thing.id),
        )


def _split(identifier: str, where: Where, earlier: Where) -> Finding:
    """The same object in two files: most often one object's lines split by mistake, never joined."""
    return (
        where,
        msg(
            "“{id}” is written in two files: here and in {file} at line {line}. The parts of one object in different files are not joined.",
            id=identifier,
            file=earlier.file,
            line=earlier.line,
        ),
        msg(
            "The same object: move these lines into its block in {file}. Another object: give it a new id, such as “{id}-2”.",
            id=identifier,
            file=earlier.file,
        ),
    )
