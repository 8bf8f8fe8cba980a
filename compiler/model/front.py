"""The plan's front matter: its metadata (title, version, status, period, language), vision and context."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from compiler.messages.diagnostics import Where
from compiler.model.dates import PlanDate
from compiler.model.refs import Ref


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
    status_where: Where | None = None  #: where ``status`` is written

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
