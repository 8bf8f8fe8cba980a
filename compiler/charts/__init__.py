"""Charts planc draws from the plan's data: a spec (``spec``), Typst drawing code for it (``draw``).

The interface is small: the document stage builds a ``Chart`` from its data (every label already
in the reader's language and number format), places it with a placeholder, and the outputs
stage draws it: ``draw(chart)`` is Typst code, native in the PDF; ``pictures(charts)`` is one
Typst document with a page per chart, which the ``typst`` wheel turns into SVG (HTML) and PNG
(DOCX). Only Typst's built-in drawing is used: no package, no network, the same bytes every time.
"""

from compiler.charts.draw import draw, pictures, typst_string
from compiler.charts.spec import Bar, Chart, Mark, Panel, Series, Tick

__all__ = ["Bar", "Chart", "Mark", "Panel", "Series", "Tick", "draw", "pictures", "typst_string"]
