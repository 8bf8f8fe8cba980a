"""What a chart shows, as data: axes with their ticks, series of points, bars on rows, a legend.

One ``Chart`` covers the kinds planc draws: value series over time (an indicator's baseline,
measurements, milestones and target), bars on rows over time (actions planned and actual, the
plan's timeline) or over amounts (money secured and expected), and grids of small series charts
(``panels``: the indicators of an objective). Positions are numbers in the data's own units (a year is ``2025.5`` in the
middle of 2025); every label is text already written for the reader. A value of a period sits
at the end of the period; the ticks of years can stand in the middle of each year (``x_grid``
marks the years' edges).
"""

from __future__ import annotations

from dataclasses import dataclass

#: How a series is drawn, and the theme colour each style takes.
STYLES: dict[str, str] = {
    "planned": "muted",  # the way a plan expects: a dashed line, hollow marks, a light bar
    "measured": "accent",  # what happened: a solid line, filled marks, a dark bar
    "late": "draft",  # what is behind
    "scheduled": "accent",  # when an action is planned to run (the plan's timeline)
    "secured": "accent",  # money granted
    "expected": "rule",  # money still expected: a light bar with a dark outline
}


@dataclass(frozen=True)
class Tick:
    """A labelled position on an axis."""

    at: float
    label: str


@dataclass(frozen=True)
class Mark:
    """A point of a series, with the value it shows beside it (empty: no label)."""

    x: float
    y: float
    label: str = ""


@dataclass(frozen=True)
class Series:
    """Points joined by a line in one style; ``joined=False`` draws the marks alone."""

    style: str
    marks: tuple[Mark, ...]
    joined: bool = True


@dataclass(frozen=True)
class Bar:
    """A bar on a row, from ``start`` to ``end`` on the x axis, in one style."""

    row: int
    start: float
    end: float
    style: str
    label: str = ""  #: a value written after the bar's end (empty: none)


@dataclass(frozen=True)
class Panel:
    """One small series chart in a grid of them (``Chart.panels``): a title above, its own axes."""

    title: str
    subtitle: str  #: a second, lighter line: the unit
    x_ticks: tuple[Tick, ...]
    y_ticks: tuple[Tick, ...]
    series: tuple[Series, ...]
    x_range: tuple[float, float] | None = None


@dataclass(frozen=True)
class Chart:
    """One chart: its id (unique in the document), its text alternative, axes, data and legend."""

    id: str
    description: str  #: the text alternative: what the chart shows, in words
    x_ticks: tuple[Tick, ...]
    y_ticks: tuple[Tick, ...] = ()  #: for series; bars use ``rows``
    series: tuple[Series, ...] = ()
    rows: tuple[str, ...] = ()  #: row labels, top to bottom, for bars
    bars: tuple[Bar, ...] = ()
    legend: tuple[tuple[str, str], ...] = ()  #: (style, label), in order
    marker: Tick | None = None  #: a vertical line with its label, such as the report's date
    x_range: tuple[float, float] | None = None  #: the x span shown (default: the ticks', half a step wider)
    x_grid: tuple[float, ...] | None = None  #: where vertical rules go (default: at the ticks)
    panels: tuple[Panel, ...] = ()  #: small charts side by side, instead of one plotting area
    note: str = ""  #: words after the legend, such as the unit of the values
