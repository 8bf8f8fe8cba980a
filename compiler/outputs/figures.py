"""planc's charts in each format: drawn once as SVG and PNG, placed where the Markdown left a placeholder.

The Markdown holds a ``::: {#chart-… .chart}`` block with the chart's caption (escaped plan text,
through the gate like any other); the chart itself never passes through the Markdown. After
the gate, each writer replaces the block whose id names one of *planc's* charts with the
picture: Typst drawing code in the PDF, an SVG image in the HTML, a PNG picture in the DOCX,
each with the chart's text alternative. A block with any other id stays as it is, so nothing
a drafter writes can become a picture.
"""

from __future__ import annotations

import base64
import html
from dataclasses import dataclass
from pathlib import Path

from compiler.charts import Chart, draw, pictures, typst_string
from compiler.outputs.ast_gate import Node, literal
from compiler.outputs.typst import Pictures
from compiler.outputs.writer import div_attributes, raw_block

#: The class of a chart's placeholder block.
CHART_CLASS = "chart"
#: How wide a chart is in the DOCX (the page's text width is about 16 cm).
DOCX_WIDTH = "16cm"


@dataclass(frozen=True)
class Picture:
    """One chart and its drawings."""

    chart: Chart
    svg: bytes | None = None
    png: bytes | None = None


def start_drawing(charts: tuple[Chart, ...], folder: Path, formats: tuple[str, ...]) -> Pictures | None:
    """Start drawing the charts as the formats need them (SVG for HTML, PNG for DOCX and ODT), or nothing."""
    wanted = tuple(fmt for fmt, users in (("svg", {"html"}), ("png", {"docx", "odt"})) if users & set(formats))
    if not charts or not wanted:
        return None
    folder.mkdir()
    (folder / "pictures.typ").write_text(pictures(charts), encoding="utf-8")
    return Pictures(folder, wanted)


def drawn(charts: tuple[Chart, ...], drawing: Pictures | None) -> dict[str, Picture]:
    """Wait for the drawings and pair each chart with its files, by chart id."""
    if drawing is not None:
        drawing.wait()
    found: dict[str, Picture] = {}
    for number, chart in enumerate(charts, start=1):
        files = {fmt: drawing.folder / f"picture-{number}.{fmt}" for fmt in ("svg", "png")} if drawing else {}
        svg, png = (files[f].read_bytes() if f in files and files[f].exists() else None for f in ("svg", "png"))
        found[chart.id] = Picture(chart, svg, png)
    return found


def placeholder(block: Node, charts: dict[str, Picture]) -> tuple[Picture, list[Node]] | None:
    """The picture a chart's placeholder block stands for, and the caption blocks inside it."""
    if block["t"] != "Div":
        return None
    identifier, classes = div_attributes(block)
    picture = charts.get(identifier)
    if CHART_CLASS not in classes or picture is None:
        return None
    caption: list[Node] = block["c"][1]
    return picture, caption


def html_figure(picture: Picture, caption: list[Node]) -> list[Node]:
    """A ``<figure>`` with the SVG as an image and the caption."""
    svg = base64.b64encode(picture.svg or b"").decode("ascii")
    alt = html.escape(picture.chart.description, quote=True)
    image = f'<img src="data:image/svg+xml;base64,{svg}" alt="{alt}">'
    return [
        raw_block("html", f'<figure class="chart" id="{html.escape(picture.chart.id)}">\n{image}\n<figcaption>'),
        *caption,
        raw_block("html", "</figcaption>\n</figure>"),
    ]


def typst_figure(picture: Picture, caption: list[Node]) -> list[Node]:
    """The chart drawn by Typst, as a figure with its text alternative, kept with its caption."""
    alt = typst_string(picture.chart.description)
    figure = f'#block(breakable: false)[#figure(kind: "chart", supplement: none, alt: {alt}, {draw(picture.chart)})'
    # The caption reads like a table's: small, muted, centred under the chart.
    style = "#set text(size: 8.5pt, fill: planc-muted)\n#set align(center)\n#set par(justify: false)"
    return [raw_block("typst", figure), raw_block("typst", style), *caption, raw_block("typst", "]")]


def docx_figure(picture: Picture, caption: list[Node]) -> list[Node]:
    """A picture (PNG) whose description is the text alternative, then the caption."""
    png = base64.b64encode(picture.png or b"").decode("ascii")
    attributes = ["", [], [["width", DOCX_WIDTH]]]
    image = {"t": "Image", "c": [attributes, literal(picture.chart.description), [f"data:image/png;base64,{png}", ""]]}
    return [{"t": "Para", "c": [image]}, *caption]
