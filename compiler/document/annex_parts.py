"""The review's annexes as the templates receive them: the changes since a version, observations, approvals."""

from __future__ import annotations

from dataclasses import dataclass

from compiler.document.markdown import Markdown


@dataclass(frozen=True)
class ChangeEntry:
    """One object in the annex of changes: what happened to it and, field by field, how."""

    anchor: Markdown
    verb: str
    heading: Markdown
    rows: list[tuple[str, str, str]]  #: field, before, after


@dataclass(frozen=True)
class ChangesAnnex:
    """What changed since an earlier version."""

    title: str
    summary: str
    entries: list[ChangeEntry]


@dataclass(frozen=True)
class ObservationView:
    """An observation and the drafting group's response."""

    by: str
    details: str  #: ``, 11 febbraio 2025 (riunione: verbale…)``
    quote: str | None
    text: Markdown
    outcome: str
    response: Markdown | None


@dataclass(frozen=True)
class ObservationGroup:
    """The observations about one object (or one part of the document)."""

    heading: Markdown
    observations: list[ObservationView]


@dataclass(frozen=True)
class ApprovalRow:
    """One approval: who, which organ, which act, which version."""

    party: Markdown
    body: str
    act: Markdown
    version: str


@dataclass(frozen=True)
class Approvals:
    """The approvals recorded, and the signatories whose approval of this version is missing."""

    rows: list[ApprovalRow]
    missing: list[Markdown]
    complete: bool
