"""The parts of the document, as the templates receive them (``document.layout`` computes them).

Plain strings are escaped when a template prints them; ``Markdown`` values (links, descriptive
text) were made safe by ``document.markdown``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from compiler.document.markdown import Markdown


@dataclass(frozen=True)
class Cover:
    """The first page."""

    title: str
    subtitle: str | None
    version: str
    status: str
    date: str
    territory: str | None
    period: str
    summary: Markdown | None
    signatories: list[Markdown]
    prepared_with: list[Markdown]
    supported_by: list[Markdown]
    approvals: list[tuple[Markdown, Markdown]] = field(default_factory=list)  #: this version's: who, which act
    approvals_complete: bool = False


@dataclass(frozen=True)
class OrganisationRow:
    """One organisation in the organisations section."""

    name: Markdown
    illustrative: bool
    fields: str
    description: Markdown | None


@dataclass(frozen=True)
class OrganisationGroup:
    """Organisations of one type."""

    label: str
    rows: list[OrganisationRow]


@dataclass(frozen=True)
class BodyView:
    """A governance body."""

    id: Markdown
    name: str
    description: Markdown | None
    members: list[Markdown]
    chair: Markdown | None
    reports_to: Markdown | None
    responsibilities: list[str]
    meetings: str | None


@dataclass(frozen=True)
class IndicatorRow:
    """An indicator as a table row."""

    id: Markdown
    name: str
    objective: Markdown | None
    unit: str
    baseline: str
    target: str
    direction: str
    source: str
    milestones: str = ""
    description: Markdown | None = None
    progress: str = ""  #: the latest measured value and its progress category, when measured


@dataclass(frozen=True)
class ActionRow:
    """An action as a table row under its objective."""

    id: Markdown
    title: str
    owner: Markdown
    partners: Markdown
    period: str
    budget: str


@dataclass(frozen=True)
class ObjectiveView:
    """An objective with its indicators and actions (the part of each action's budget it receives, and their sum)."""

    id: Markdown  #: its anchor
    title: str
    description: Markdown | None
    indicators: list[IndicatorRow]
    actions: list[ActionRow]
    label: str  #: its id as written (escaped when printed)
    heading: Markdown  #: the heading marks of its depth in the tree
    is_leaf: bool
    with_milestones: bool
    budget_total: str
    budget_note: Markdown  #: follows the caption: how shared actions are counted
    with_progress: bool = False


@dataclass(frozen=True)
class AxisView:
    """A strategic axis and the objectives under it."""

    id: Markdown  #: its anchor
    label: str  #: its id as written (escaped when printed)
    title: str
    description: Markdown | None
    objectives: list[ObjectiveView]
    own: ObjectiveView | None = None


@dataclass(frozen=True)
class ActionSheet:
    """Everything about one action."""

    id: Markdown  #: its anchor
    title: str
    description: Markdown | None
    objectives: Markdown
    owner: Markdown
    partners: Markdown
    period: str
    status: str
    budget: list[tuple[Markdown, str, str]]
    total: str
    deliverables: list[str]
    label: str  #: its id as written (escaped when printed)
    owner_label: str  #: "Owner", or "Joint owners" when several lead it
    budget_split: Markdown


@dataclass(frozen=True)
class SheetGroup:
    """The action sheets of one axis."""

    title: str
    sheets: list[ActionSheet]


@dataclass(frozen=True)
class MatrixRow:
    """A row of a matrix: what it is about, then one cell per column."""

    label: Markdown
    cells: list[Markdown]


@dataclass(frozen=True)
class AmountRow:
    """A row of a budget table: money secured, still expected, in all, and its share of the total."""

    label: Markdown
    secured: str
    expected: str
    total: str
    share: str


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


@dataclass(frozen=True)
class PlanDocument:
    """Everything the templates place, in document order."""

    lang: str
    draft: bool
    cover: Cover
    vision: Markdown | None
    mission: Markdown | None
    values: list[tuple[str, Markdown]]
    context: Markdown | None
    topics: list[tuple[str, Markdown]]
    laws: list[tuple[Markdown, Markdown | None]]
    organisation_groups: list[OrganisationGroup]
    bodies: list[BodyView]
    axes: list[AxisView]
    sheet_groups: list[SheetGroup]
    objective_matrix: list[MatrixRow]
    organisation_matrix: list[MatrixRow]
    budget_by_objective: list[AmountRow]
    budget_by_funder: list[AmountRow]
    budget_total: AmountRow
    indicator_index: list[IndicatorRow]
    has_illustrative: bool = field(default=False)
    index_with_milestones: bool = False
    has_budget: bool = True
    changes: ChangesAnnex | None = None
    marks: dict[str, Markdown] = field(default_factory=dict)  #: object id → its "changed" mark
    observation_groups: list[ObservationGroup] = field(default_factory=list)
    approvals: Approvals | None = None


@dataclass(frozen=True)
class PageChrome:
    """The words around the content on every page: title, labels, draft mark, in the plan's language."""

    title: str
    lang: str
    version_label: str
    draft_mark: str | None
    draft_note: str
    toc_title: str
    skip_label: str
    footer_note: str
    page_label: str  #: holds ``{page}`` and ``{pages}``
    version: str = ""
    fingerprint: str = ""  #: the sources' hash (``review.snapshot.fingerprint``), kept in the DOCX
    direction: str = "ltr"  #: ``rtl`` for a plan written right to left
    script: str | None = None  #: the plan's script (ISO 15924): ``Latn``, ``Arab``, ``Jpan``
