"""The parts of the document, as the templates receive them (``document.layout`` computes them).

Plain strings are escaped when a template prints them; ``Markdown`` values (links, descriptive
text) were made safe by ``document.markdown``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from compiler.charts import Chart
from compiler.document.annex_parts import (
    Approvals,
    ChangesAnnex,
    ObservationGroup,
)
from compiler.document.markdown import Markdown
from compiler.document.money_rows import AmountRow
from compiler.document.view_parts import (
    GlossaryEntry,
    GridGroup,
    OrganisationSheet,
)


@dataclass(frozen=True)
class ChartView:
    """One of planc's charts where the document places it: its placeholder's id and caption, and the chart."""

    id: Markdown  #: the chart's id, the placeholder block's id
    caption: str
    chart: Chart


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
    for_whom: str | None = None  #: the organisation a document of its own is for


@dataclass(frozen=True)
class ConsultationView:
    """The box near the start of a plan in draft or under review: to whom comments go, by when, how."""

    deadline: str
    contact: str
    email: str  #: shown as written, never made into a link
    address: str
    how: Markdown | None
    url: Markdown  #: a link to the form, or nothing


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
    chart: ChartView | None = None  #: its indicators from baseline to target, after their table


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
    by_year: str = ""  #: ``2025: 4.000 €; 2026: 12.000 €``, spread by months, or nothing
    indicators: list[Markdown] = field(default_factory=list)  #: those of its objectives, linked


@dataclass(frozen=True)
class SheetGroup:
    """The action sheets of one axis."""

    title: str
    sheets: list[ActionSheet]


@dataclass(frozen=True)
class TimelineRow:
    """An action in the timeline's table: its period as written and the quarters the chart shows."""

    id: Markdown
    title: str
    period: str
    quarters: str


@dataclass(frozen=True)
class TimelineGroup:
    """The timeline of one axis (or of the actions with no objective): its charts and its table."""

    anchor: Markdown
    label: str  #: the axis's id
    title: str
    charts: list[ChartView]
    rows: list[TimelineRow]


@dataclass(frozen=True)
class AxisSummary:
    """An axis in the summary: how many objectives and actions it has, and its money."""

    objectives: int
    actions: int
    money: AmountRow  #: its label is the axis, linked


@dataclass(frozen=True)
class Summary:
    """“The plan at a glance”: key figures, the axes with their money, the money by source, who leads most."""

    figures: list[tuple[str, str]]  #: (what, how many or how much), in order
    axes: list[AxisSummary]
    axes_total: AxisSummary
    funders: list[AmountRow]
    leaders: list[tuple[Markdown, int]]  #: who leads the most actions, and how many
    chart: ChartView | None
    money: bool = True  #: False when the plan states no budget: no amounts at all, rather than 0 €


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
    objective_grids: list[GridGroup]
    organisation_grids: GridGroup | None
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
    action_index: list[Markdown] = field(default_factory=list)  #: every action's sheet, linked, by id
    organisation_sheets: list[OrganisationSheet] = field(default_factory=list)
    sheets_title: str = ""  #: the heading of the organisations' sheets (the plan's chapter, or one's own document)
    glossary: list[GlossaryEntry] = field(default_factory=list)
    summary: Summary | None = None
    consultation: ConsultationView | None = None
    timeline: list[TimelineGroup] = field(default_factory=list)
    budget_by_axis: list[AmountRow] = field(default_factory=list)
    budget_by_year: list[AmountRow] = field(default_factory=list)
    budget_by_lead: list[AmountRow] = field(default_factory=list)
    budget_charts: dict[str, ChartView] = field(default_factory=dict)  #: by axis, year, lead and funder
    charts: tuple[Chart, ...] = ()  #: every chart the Markdown leaves a placeholder for


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
