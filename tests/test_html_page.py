"""The HTML page's own shaping of pandoc's AST: words kept on one line, the contents, permalinks, tables."""

from __future__ import annotations

import json
from typing import Any

import pypandoc
import pytest

from compiler.outputs.html import body_blocks, unbroken
from compiler.outputs.html_contents import DEPTH

pytestmark = pytest.mark.toolchain
VERSION = json.loads(pypandoc.convert_text("", "json", format="markdown"))["pandoc-api-version"]


def blocks_of(markdown: str) -> list[Any]:
    ast: dict[str, Any] = json.loads(pypandoc.convert_text(markdown, "json", format="markdown"))
    return list(ast["blocks"])


def html_of(blocks: list[Any]) -> str:
    ast = json.dumps({"pandoc-api-version": VERSION, "meta": {}, "blocks": blocks})
    return str(pypandoc.convert_text(ast, "html5", format="json", extra_args=["--wrap=none"]))


def texts(node: Any) -> list[str]:
    """Every Str in the AST, in order."""
    if isinstance(node, list):
        return [text for item in node for text in texts(item)]
    if isinstance(node, dict):
        if node.get("t") == "Str":
            return [node["c"]]
        return [text for value in node.values() for text in texts(value)]
    return []


def spans(node: Any, name: str) -> list[str]:
    """The text of every span classed ``name``."""
    if isinstance(node, list):
        return [text for item in node for text in spans(item, name)]
    if isinstance(node, dict):
        if node.get("t") == "Span" and name in node["c"][0][1]:
            return ["".join(texts(node["c"][1]))]
        return [text for value in node.values() for text in spans(value, name)]
    return []


def test_ids_and_spans_of_years_stay_whole_and_years_and_signs_keep_to_their_word() -> None:
    page = unbroken(blocks_of("Vedi OB-1.2 e AZ-01 (2025/2027), rinviata a gennaio 2026: costo 12.000 € e 45 %."))
    assert spans(page, "unbroken") == ["OB-1.2", "AZ-01", "(2025/2027),"]
    joined = "".join(text if text != "\u00a0" else "~" for text in texts(page))
    assert "gennaio~2026:" in joined and "12.000~€" in joined and "45~%." in joined
    assert "Vedi~" not in joined and "rinviata~a" not in joined  # other spaces may still break


def test_a_year_inside_one_piece_of_text_keeps_to_its_word() -> None:
    page = unbroken([{"t": "Plain", "c": [{"t": "Str", "c": "Avvio a gennaio 2026 per 8.000 €"}]}])
    assert texts(page) == ["Avvio a gennaio\u00a02026 per 8.000\u00a0€"]


MARKDOWN = """
::: {#toc .toc}
::: {#toc-title .toc-title}
Indice
:::
- [Obiettivi](#sec:objectives)
:::

# Obiettivi {#sec:objectives}

## ASSE-1 Inclusione {#ASSE-1}

### AZ-01 Sportello {#AZ-01}

#### Dettaglio {#dettaglio}

| Azione | Budget |
|--------|-------:|
| AZ-01  | 12.000 € |
"""


def test_the_contents_list_the_headings_down_to_the_actions_without_their_permalinks() -> None:
    page = body_blocks(blocks_of(MARKDOWN))
    html = html_of(page)
    nav = html[html.index("<nav") : html.index("</nav>")]
    assert [part.split(" ")[0] for part in nav.split("<a ")[1:]] == [
        'href="#sec:objectives"',
        'href="#ASSE-1"',
        'href="#AZ-01"',
    ]
    assert 'href="#dettaglio"' not in nav and DEPTH == 3
    assert 'class="permalink"' not in nav and "Sportello</a>" in nav
    assert html.count('class="permalink"') == 4  # every heading, none in the contents
    assert html.count('aria-hidden="true" tabindex="-1"') == 4  # a heading's name stays its own text


def test_a_table_is_boxed_and_its_cells_say_their_column() -> None:
    page = body_blocks(blocks_of(MARKDOWN))
    html = html_of(page)
    assert '<div class="table-box cards">' in html
    assert 'data-label="Budget"' in html
    assert 'data-label="Azione"' not in html  # the first cell titles the card
