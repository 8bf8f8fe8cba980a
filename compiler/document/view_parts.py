"""The reviewers' views as the templates receive them: matrices as grids of marks, organisation sheets, the glossary."""

from __future__ import annotations

from dataclasses import dataclass

from compiler.document.markdown import Markdown
from compiler.document.money_rows import AmountRow


@dataclass(frozen=True)
class MatrixRow:
    """A row of a matrix: what it is about, then one cell per column."""

    label: Markdown
    cells: list[Markdown]


@dataclass(frozen=True)
class Grid:
    """A matrix of marks: a header per column, a row per object, and (maybe) a closing row of counts."""

    caption: str
    corner: str  #: the header above the rows' labels
    columns: list[Markdown]
    rows: list[MatrixRow]
    totals: MatrixRow | None = None


@dataclass(frozen=True)
class GridGroup:
    """The grids of one axis (or of every axis): its heading, the key to its columns, what has no mark."""

    heading: str
    anchor: Markdown
    key: list[Markdown]  #: ``OB-1.1 Title``: what each column's id stands for
    grids: list[Grid]
    gaps: Markdown  #: "Objectives with no action: …", or nothing
    legend: Markdown  #: what the marks mean


@dataclass(frozen=True)
class CommitmentRow:
    """An action in an organisation's sheet: the others who lead it, its period, its whole budget."""

    action: Markdown
    leads: Markdown  #: the action's (other) leads
    period: str
    budget: str  #: the action's whole budget, not the organisation's share


@dataclass(frozen=True)
class FundingRow:
    """A budget line an organisation funds."""

    action: Markdown
    amount: str
    status: str


@dataclass(frozen=True)
class OrganisationSheet:
    """What one organisation leads, where it is a partner, the money it puts in, its seats."""

    anchor: Markdown
    name: str
    label: str  #: its id (escaped when printed)
    seats: list[Markdown]
    leads: list[CommitmentRow]
    partners: list[CommitmentRow]
    funds: list[FundingRow]
    funds_total: AmountRow


@dataclass(frozen=True)
class GlossaryEntry:
    """A term of the glossary: its anchor (which the first use of the term links to) and its definition."""

    anchor: Markdown
    term: str
    variants: Markdown | None  #: ``(also: …)``
    definition: Markdown  #: Markdown blocks, to follow ``term:`` in the same paragraph
