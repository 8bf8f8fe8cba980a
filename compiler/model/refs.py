"""A reference from one object of the plan to another, by id, with where it was written."""

from __future__ import annotations

from dataclasses import dataclass

from compiler.messages.diagnostics import Where


@dataclass(frozen=True)
class Ref:
    """A reference to another object's id, where it was written."""

    id: str
    where: Where
