"""The parts of the monitoring report, as its template receives them (``document.report`` computes them).

Plain strings are escaped when the template prints them; ``Markdown`` values were made safe by
``document.markdown``.
"""

from __future__ import annotations

from dataclasses import dataclass

from compiler.charts import Chart
from compiler.document.markdown import Markdown


@dataclass(frozen=True)
class CountRow:
    """How many indicators are in one category, or how many actions have one status."""

    label: str
    count: int
    share: str


@dataclass(frozen=True)
class MoneyRow:
    """Money planned and spent, for one axis or one action."""

    label: str
    planned: str
    spent: str
    share: str


@dataclass(frozen=True)
class SeriesRow:
    """A row of an indicator's data table: baseline, a measurement, a milestone or the target."""

    what: str
    when: str
    value: str
    source: str


@dataclass(frozen=True)
class IndicatorReport:
    """One indicator: its category, latest value, chart and data."""

    id: Markdown  #: its anchor
    label: str
    name: str
    unit: str
    measured: str
    category: str
    latest: str
    pace: str  #: the share of the way covered and the share due, in words
    reason: str
    chart: Markdown | None  #: the id of its chart's placeholder
    caption: str
    rows: list[SeriesRow]


@dataclass(frozen=True)
class ActionReport:
    """One action: its planned period, its status and its money."""

    label: str
    title: str
    period: str
    status: str
    since: str
    note: str
    planned: str
    spent: str


@dataclass(frozen=True)
class ObjectiveReport:
    """An objective (or an axis with no objective under it): its roll-up, indicators and actions."""

    id: Markdown
    label: str
    title: str
    heading: Markdown
    category: str
    indicators: list[IndicatorReport]
    actions: list[ActionReport]


@dataclass(frozen=True)
class AxisReport:
    """A strategic axis: its roll-up, its objectives, its actions' timeline."""

    id: Markdown
    label: str
    title: str
    category: str
    objectives: list[ObjectiveReport]
    timeline: Markdown | None
    timeline_caption: str


@dataclass(frozen=True)
class MeasurementRow:
    """A measurement in the data appendix."""

    indicator: str
    period: str
    value: str
    met: str
    source: str
    note: str


@dataclass(frozen=True)
class StatusRow:
    """An action's status in the data appendix."""

    action: str
    date: str
    status: str
    spent: str
    note: str


@dataclass(frozen=True)
class MonitoringDocument:
    """Everything the monitoring report's template places, in order."""

    lang: str
    title: str
    plan_title: str
    as_of: str
    illustrative: bool
    note: Markdown | None
    indicator_counts: list[CountRow]
    status_counts: list[CountRow]
    measured_count: int
    indicator_total: int
    money: list[MoneyRow]
    money_total: MoneyRow
    method: list[str]
    axes: list[AxisReport]
    measurements: list[MeasurementRow]
    statuses: list[StatusRow]
    charts: tuple[Chart, ...]
