"""Turn a ``Chart`` into Typst drawing code: placed lines, circles, rectangles and text, nothing else.

Python computes every position (in points), so the Typst code is a flat list of ``place`` calls
that any Typst version draws the same way; every label is a Typst string literal, so no plan
text is ever read as markup or code.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass

from compiler.charts.spec import STYLES, Bar, Chart, Panel, Series, Tick
from compiler.templates.theme import COLOURS

CHART_WIDTH = 440.0  #: points: the chart's width, inside the PDF's text width
PLOT_HEIGHT = 150.0  #: points: the height of a series chart's plotting area
ROW_HEIGHT = 16.0  #: points: one row of bars
FONT_SIZE = 7.5
_LEFT, _RIGHT, _TOP, _AXIS, _LEGEND = 46.0, 12.0, 14.0, 16.0, 16.0
_ROW_LABELS = 64.0  #: points: the width of the row labels of a bar chart


def typst_string(text: str) -> str:
    """``text`` as a Typst string literal: backslashes, quotes and ``#`` escaped, one line."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("#", "\\u{23}")
    return '"' + " ".join(escaped.split()) + '"'


def _colour(style: str) -> str:
    return f'rgb("#{COLOURS[STYLES.get(style, style)]}")'


def _pt(value: float) -> str:
    return f"{value:.2f}pt"


@dataclass(frozen=True)
class _Frame:
    """The plotting area in points, and the data range it shows."""

    left: float
    top: float
    width: float
    height: float
    x_range: tuple[float, float]
    y_range: tuple[float, float]

    def x(self, value: float) -> float:
        low, high = self.x_range
        return self.left + (value - low) / ((high - low) or 1) * self.width

    def y(self, value: float) -> float:
        low, high = self.y_range
        return self.top + self.height - (value - low) / ((high - low) or 1) * self.height


def _x_range(ticks: tuple[Tick, ...]) -> tuple[float, float]:
    """The ticks' span, with half a step of room on each side."""
    positions = sorted(tick.at for tick in ticks) or [0.0, 1.0]
    steps = [b - a for a, b in itertools.pairwise(positions) if b > a]
    pad = min(steps) / 2 if steps else 0.5
    return positions[0] - pad, positions[-1] + pad


def _text(at: tuple[float, float], label: str, align: str = "center", colour: str = "text", width: float = 60) -> str:
    """A label whose anchor (its centre, left or right edge, and its top) is at ``at``."""
    x, y = at
    left = {"center": x - width / 2, "left": x, "right": x - width}[align]
    content = f"text(size: {FONT_SIZE}pt, fill: {_colour(colour)}, {typst_string(label)})"
    return f"place(dx: {_pt(left)}, dy: {_pt(y)}, box(width: {_pt(width)}, align({align}, {content})))"


def _line(
    start: tuple[float, float], end: tuple[float, float], colour: str, thickness: float, dashed: bool = False
) -> str:
    (x1, y1), (x2, y2) = start, end
    dash = ', dash: "dashed"' if dashed else ""
    stroke = f"(paint: {_colour(colour)}, thickness: {thickness}pt{dash})"
    return f"place(line(start: ({_pt(x1)}, {_pt(y1)}), end: ({_pt(x2)}, {_pt(y2)}), stroke: {stroke}))"


def _x_axis(frame: _Frame, chart: Chart, bottom: float) -> Iterator[str]:
    grid = chart.x_grid if chart.x_grid is not None else tuple(tick.at for tick in chart.x_ticks)
    for at in grid:
        x = frame.x(at)
        yield _line((x, frame.top), (x, bottom), "rule", 0.4)
    for tick in chart.x_ticks:
        yield _text((frame.x(tick.at), bottom + 3), tick.label, colour="muted")


def _marker(frame: _Frame, marker: Tick | None, bottom: float) -> Iterator[str]:
    if marker is None:
        return
    x = frame.x(marker.at)
    yield _line((x, frame.top - 4), (x, bottom), "late", 0.8, dashed=True)
    yield _text((x + 3, frame.top - 12), marker.label, align="left", colour="late", width=140)


def _series(frame: _Frame, series: Series) -> Iterator[str]:
    points = [(frame.x(mark.x), frame.y(mark.y), mark) for mark in series.marks]
    if series.joined:
        for (x1, y1, _a), (x2, y2, _b) in itertools.pairwise(points):
            yield _line((x1, y1), (x2, y2), series.style, 1.2, dashed=series.style == "planned")
    for x, y, mark in points:
        yield _dot(x, y, series.style)
        if mark.label:
            yield _text((x, y - 12), mark.label, colour=series.style)


def _dot(x: float, y: float, style: str) -> str:
    fill = 'rgb("#ffffff")' if style == "planned" else _colour(style)
    circle = f"circle(radius: 2.6pt, fill: {fill}, stroke: 1pt + {_colour(style)})"
    return f"place(dx: {_pt(x - 2.6)}, dy: {_pt(y - 2.6)}, {circle})"


def _legend(chart: Chart, top: float) -> Iterator[str]:
    x = _LEFT
    for style, label in chart.legend:
        if chart.bars:
            yield f"place(dx: {_pt(x)}, dy: {_pt(top + 2)}, {_rect(14, 5, style)})"
        else:
            yield _line((x, top + 4.5), (x + 14, top + 4.5), style, 1.2, dashed=style == "planned")
            yield _dot(x + 7, top + 4.5, style)
        width = 18 + len(label) * FONT_SIZE * 0.48
        yield _text((x + 18, top), label, align="left", width=width)
        x += width + 14
    if chart.note:
        yield _text((x, top), chart.note, align="left", colour="muted", width=CHART_WIDTH - x)


def _series_chart(chart: Chart) -> tuple[list[str], float]:
    y_values = [tick.at for tick in chart.y_ticks] or [0.0, 1.0]
    x_range = chart.x_range or _x_range(chart.x_ticks)
    frame = _Frame(_LEFT, _TOP, CHART_WIDTH - _LEFT - _RIGHT, PLOT_HEIGHT, x_range, (min(y_values), max(y_values)))
    bottom = _TOP + PLOT_HEIGHT
    parts: list[str] = []
    for tick in chart.y_ticks:
        y = frame.y(tick.at)
        parts.append(_line((frame.left, y), (frame.left + frame.width, y), "rule", 0.4))
        parts.append(_text((frame.left - 4, y - 4), tick.label, align="right", colour="muted", width=_LEFT - 6))
    parts.extend(_x_axis(frame, chart, bottom))
    parts.extend(_marker(frame, chart.marker, bottom))
    for series in chart.series:
        parts.extend(_series(frame, series))
    parts.extend(_legend(chart, bottom + _AXIS))
    return parts, bottom + _AXIS + _LEGEND


#: Bars a plan expects are light, so that the darker bars of what happened stand out on them.
_BAR_COLOURS = {"planned": "rule"}
#: Bars drawn with an outline: light ones that must still stand out from the paper.
_BAR_OUTLINES = {"expected": "accent"}
#: Where a bar sits in its row: its offset from the row's top and its height. Planned above actual,
#: in two thin lanes; any other bar (the timeline, money) fills the row.
_LANES = {"planned": (3.0, 5.0), "measured": (8.5, 5.0), "late": (8.5, 5.0)}
_FULL_LANE = (3.5, 9.0)
#: About how wide a character of the charts' font is, for the size of the row labels.
_CHARACTER_WIDTH = FONT_SIZE * 0.5


def _bar(frame: _Frame, bar: Bar) -> Iterator[str]:
    offset, height = _LANES.get(bar.style, _FULL_LANE)
    top = frame.top + bar.row * ROW_HEIGHT + offset
    low, high = frame.x_range
    start, end = min(max(bar.start, low), high), min(max(bar.end, low), high)  # what lies outside is cut
    left, right = frame.x(start), max(frame.x(end), frame.x(start) + 2)
    yield f"place(dx: {_pt(left)}, dy: {_pt(top)}, {_rect(right - left, height, bar.style)})"
    if bar.label:
        yield _text((right + 3, top + height / 2 - 4), bar.label, align="left", colour="muted", width=80)


def _rect(width: float, height: float, style: str) -> str:
    outline = f", stroke: 0.6pt + {_colour(_BAR_OUTLINES[style])}" if style in _BAR_OUTLINES else ""
    fill = _colour(_BAR_COLOURS.get(style, style))
    return f"rect(width: {_pt(width)}, height: {_pt(height)}, fill: {fill}{outline})"


def _label_width(chart: Chart) -> float:
    """Room for the longest row label, within two fifths of the chart."""
    longest = max((len(label) for label in chart.rows), default=0)
    return min(max(_ROW_LABELS, longest * _CHARACTER_WIDTH + 8), CHART_WIDTH * 0.4)


def _fitted(label: str, width: float) -> str:
    """A row label cut short with an ellipsis if it would not fit (the table beside the chart has it whole)."""
    room = int((width - 4) / _CHARACTER_WIDTH)
    return label if len(label) <= room else label[: max(room - 1, 1)].rstrip() + "…"


def _bar_chart(chart: Chart) -> tuple[list[str], float]:
    height = len(chart.rows) * ROW_HEIGHT
    labels = _label_width(chart)
    x_range = chart.x_range or _x_range(chart.x_ticks)
    frame = _Frame(labels, _TOP, CHART_WIDTH - labels - _RIGHT, height, x_range, (0, 1))
    bottom = _TOP + height
    parts = list(_x_axis(frame, chart, bottom))
    for row, label in enumerate(chart.rows):
        y = _TOP + row * ROW_HEIGHT
        parts.append(_line((0, y + ROW_HEIGHT), (CHART_WIDTH - _RIGHT, y + ROW_HEIGHT), "rule", 0.3))
        parts.append(_text((0, y + 4), _fitted(label, labels), align="left", width=labels - 4))
    for bar in chart.bars:
        parts.extend(_bar(frame, bar))
    parts.extend(_marker(frame, chart.marker, bottom))
    parts.extend(_legend(chart, bottom + _AXIS))
    return parts, bottom + _AXIS + _LEGEND


#: A grid of small charts: three side by side, each this tall, its plotting area this tall.
PANEL_COLUMNS, PANEL_HEIGHT, PANEL_PLOT = 3, 108.0, 64.0


def _panel(panel: Panel, left: float, top: float) -> Iterator[str]:
    width = CHART_WIDTH / PANEL_COLUMNS - 10
    title = _fitted(f"{panel.title} · {panel.subtitle}" if panel.subtitle else panel.title, width)
    yield _text((left, top), title, align="left", width=width)
    y_values = [tick.at for tick in panel.y_ticks] or [0.0, 1.0]
    labels = max(len(tick.label) for tick in panel.y_ticks) * _CHARACTER_WIDTH + 6 if panel.y_ticks else 10
    x_range = panel.x_range or _x_range(panel.x_ticks)
    frame = _Frame(left + labels, top + 24, width - labels - 8, PANEL_PLOT, x_range, (min(y_values), max(y_values)))
    for tick in panel.y_ticks:
        y = frame.y(tick.at)
        yield _line((frame.left, y), (frame.left + frame.width, y), "rule", 0.4)
        yield _text((frame.left - 3, y - 4), tick.label, align="right", colour="muted", width=labels - 3)
    for tick in panel.x_ticks:
        yield _text((frame.x(tick.at), frame.top + frame.height + 3), tick.label, colour="muted", width=30)
    for series in panel.series:
        yield from _series(frame, series)


def _panel_chart(chart: Chart) -> tuple[list[str], float]:
    parts: list[str] = []
    for number, panel in enumerate(chart.panels):
        row, column = divmod(number, PANEL_COLUMNS)
        parts.extend(_panel(panel, column * CHART_WIDTH / PANEL_COLUMNS, row * PANEL_HEIGHT))
    bottom = -(-len(chart.panels) // PANEL_COLUMNS) * PANEL_HEIGHT
    if not chart.legend and not chart.note:
        return parts, bottom
    parts.extend(_legend(chart, bottom))
    return parts, bottom + _LEGEND


def draw(chart: Chart) -> str:
    """The chart as one Typst expression (a fixed-size ``box``), for code mode or after a ``#``."""
    if chart.panels:
        parts, height = _panel_chart(chart)
    else:
        parts, height = _bar_chart(chart) if chart.bars else _series_chart(chart)
    body = "\n  ".join(parts)
    return f"box(width: {_pt(CHART_WIDTH)}, height: {_pt(height)}, {{\n  {body}\n}})"


def pictures(charts: tuple[Chart, ...]) -> str:
    """A Typst document with one page per chart, each page the chart's size, for SVG and PNG."""
    pages = "\n#pagebreak()\n".join(f"#{draw(chart)}" for chart in charts)
    setup = (
        '#set page(width: auto, height: auto, margin: 6pt, fill: rgb("#ffffff"))\n'
        f'#set text(font: "Libertinus Serif", size: {FONT_SIZE}pt, fill: {_colour("text")})\n'
    )
    return setup + pages + "\n"
