"""Turn a ``Chart`` into Typst drawing code: placed lines, circles, rectangles and text, nothing else.

Python computes every position (in points), so the Typst code is a flat list of ``place`` calls
that any Typst version draws the same way; every label is a Typst string literal, so no plan
text is ever read as markup or code.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass

from compiler.charts.spec import STYLES, Bar, Chart, Series, Tick
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
            fill = _colour(_BAR_COLOURS.get(style, style))
            yield f"place(dx: {_pt(x)}, dy: {_pt(top + 2)}, rect(width: 14pt, height: 5pt, fill: {fill}))"
        else:
            yield _line((x, top + 4.5), (x + 14, top + 4.5), style, 1.2, dashed=style == "planned")
            yield _dot(x + 7, top + 4.5, style)
        width = 18 + len(label) * FONT_SIZE * 0.48
        yield _text((x + 18, top), label, align="left", width=width)
        x += width + 14


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


def _bar(frame: _Frame, bar: Bar) -> str:
    top = frame.top + bar.row * ROW_HEIGHT + (3 if bar.style == "planned" else 8.5)
    low, high = frame.x_range
    start, end = min(max(bar.start, low), high), min(max(bar.end, low), high)  # what lies outside is cut
    left, right = frame.x(start), max(frame.x(end), frame.x(start) + 2)
    rect = f"rect(width: {_pt(right - left)}, height: 5pt, fill: {_colour(_BAR_COLOURS.get(bar.style, bar.style))})"
    return f"place(dx: {_pt(left)}, dy: {_pt(top)}, {rect})"


def _bar_chart(chart: Chart) -> tuple[list[str], float]:
    height = len(chart.rows) * ROW_HEIGHT
    x_range = chart.x_range or _x_range(chart.x_ticks)
    frame = _Frame(_ROW_LABELS, _TOP, CHART_WIDTH - _ROW_LABELS - _RIGHT, height, x_range, (0, 1))
    bottom = _TOP + height
    parts = list(_x_axis(frame, chart, bottom))
    for row, label in enumerate(chart.rows):
        y = _TOP + row * ROW_HEIGHT
        parts.append(_line((0, y + ROW_HEIGHT), (CHART_WIDTH - _RIGHT, y + ROW_HEIGHT), "rule", 0.3))
        parts.append(_text((0, y + 4), label, align="left", width=_ROW_LABELS - 4))
    parts.extend(_bar(frame, bar) for bar in chart.bars)
    parts.extend(_marker(frame, chart.marker, bottom))
    parts.extend(_legend(chart, bottom + _AXIS))
    return parts, bottom + _AXIS + _LEGEND


def draw(chart: Chart) -> str:
    """The chart as one Typst expression (a fixed-size ``box``), for code mode or after a ``#``."""
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
