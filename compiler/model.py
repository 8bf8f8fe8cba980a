"""The typed plan: every object knows where it was written (``compiler.assembly`` builds it)."""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass, field

from compiler.diagnostics import Where

#: The shape of an id, as the schema defines it.
IDENTIFIER = re.compile(r"[A-Za-z][A-Za-z0-9._-]*")


@dataclass(frozen=True)
class Ref:
    """A reference to another object's id, where it was written."""

    id: str
    where: Where


@dataclass(frozen=True)
class PlanDate:
    """A year, month or day as written (``2025``, ``2025-03``, ``2025-03-31``)."""

    text: str
    where: Where

    def first_day(self) -> datetime.date | None:
        """The first day the value covers, or ``None`` if it is not a real date."""
        parts = self._parts()
        if parts is None:
            return None
        year, month, day = parts
        return _safe_date(year, month or 1, day or 1)

    def last_day(self) -> datetime.date | None:
        """The last day the value covers, or ``None`` if it is not a real date."""
        parts = self._parts()
        if parts is None:
            return None
        year, month, day = parts
        if month is None:
            return _safe_date(year, 12, 31)
        if day is None:
            return _safe_date(year, month, calendar.monthrange(year, month)[1] if 1 <= month <= 12 else 1)
        return _safe_date(year, month, day)

    def _parts(self) -> tuple[int, int | None, int | None] | None:
        pieces = self.text.split("-")
        if not 1 <= len(pieces) <= 3 or not all(piece.isdigit() for piece in pieces):
            return None
        numbers = [int(piece) for piece in pieces] + [0, 0]
        return numbers[0], numbers[1] or None, numbers[2] or None


def _safe_date(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


@dataclass(frozen=True)
class Measure:
    """A value in a year (an indicator's baseline or target)."""

    value: float
    year: int
    where: Where
    note: str | None = None


@dataclass(frozen=True)
class Meta:
    """The plan's metadata."""

    title: str
    version: str
    status: str
    lang: str
    where: Where
    subtitle: str | None = None
    slug: str | None = None
    date: PlanDate | None = None
    period_start: PlanDate | None = None
    period_end: PlanDate | None = None
    territory: str | None = None
    currency: str = "EUR"
    summary: str | None = None
    prepared_with: tuple[Ref, ...] = ()
    supported_by: tuple[Ref, ...] = ()

    def period(self) -> tuple[datetime.date, datetime.date] | None:
        """The plan's first and last day, or ``None`` if either is missing or they are inverted."""
        if self.period_start is None or self.period_end is None:
            return None
        first, last = self.period_start.first_day(), self.period_end.last_day()
        return (first, last) if first is not None and last is not None and first <= last else None

    def period_label(self) -> str:
        """The period as written: ``2025–2027``."""
        return "–".join(bound.text for bound in (self.period_start, self.period_end) if bound is not None)


@dataclass(frozen=True)
class Value:
    """One of the alliance's values."""

    name: str
    description: str


@dataclass(frozen=True)
class Vision:
    """Vision statement, mission and values."""

    statement: str
    mission: str | None = None
    values: tuple[Value, ...] = ()


@dataclass(frozen=True)
class Topic:
    """A titled piece of context."""

    title: str
    text: str


@dataclass(frozen=True)
class LegalReference:
    """A law or regulation the plan works within."""

    reference: str
    title: str
    summary: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Context:
    """Introduction, topics and legal framework."""

    introduction: str | None = None
    topics: tuple[Topic, ...] = ()
    legal_framework: tuple[LegalReference, ...] = ()


@dataclass(frozen=True)
class Organisation:
    """An organisation involved in the plan."""

    id: str
    name: str
    type: str
    where: Where
    short_name: str | None = None
    signatory: bool = False
    illustrative: bool = False
    fields: tuple[str, ...] = ()
    description: str | None = None
    website: str | None = None
    email: str | None = None
    address: str | None = None


@dataclass(frozen=True)
class Body:
    """A governance body."""

    id: str
    name: str
    where: Where
    description: str | None = None
    members: tuple[Ref, ...] = ()
    chair: Ref | None = None
    reports_to: Ref | None = None
    responsibilities: tuple[str, ...] = ()
    meetings: str | None = None


@dataclass(frozen=True)
class Objective:
    """A strategic axis (no parent) or an objective under one."""

    id: str
    title: str
    where: Where
    description: str | None = None
    parent: Ref | None = None


@dataclass(frozen=True)
class Indicator:
    """How an objective is measured."""

    id: str
    name: str
    where: Where
    objective: Ref | None = None
    unit: str | None = None
    baseline: Measure | None = None
    target: Measure | None = None
    direction: str | None = None
    source: str | None = None
    description: str | None = None


@dataclass(frozen=True)
class FundingLine:
    """An amount from one funding source."""

    source: str
    amount: float


@dataclass(frozen=True)
class Action:
    """An activity of the plan."""

    id: str
    title: str
    where: Where
    description: str | None = None
    objectives: tuple[Ref, ...] = ()
    owner: Ref | None = None
    partners: tuple[Ref, ...] = ()
    start: PlanDate | None = None
    end: PlanDate | None = None
    status: str | None = None
    deliverables: tuple[str, ...] = ()
    budget: tuple[FundingLine, ...] = ()

    @property
    def total_budget(self) -> float:
        """The sum of the action's budget lines."""
        return sum(line.amount for line in self.budget)


#: Every kind of object that has an id.
Identified = Organisation | Body | Objective | Indicator | Action


@dataclass(frozen=True)
class Plan:
    """The whole plan, merged from every file."""

    meta: Meta | None = None
    vision: Vision | None = None
    context: Context | None = None
    organisations: tuple[Organisation, ...] = ()
    governance: tuple[Body, ...] = ()
    objectives: tuple[Objective, ...] = ()
    indicators: tuple[Indicator, ...] = ()
    actions: tuple[Action, ...] = ()
    files: tuple[str, ...] = field(default=())

    def identified(self) -> tuple[Identified, ...]:
        """Every object with an id, in plan order, kind by kind."""
        return (*self.organisations, *self.governance, *self.objectives, *self.indicators, *self.actions)
