"""The DOCX as a board reads it in Word or LibreOffice: a real table of contents, whole rows, fonts both have."""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree import ElementTree

import pytest

from compiler import pipeline
from tests.conftest import EXAMPLE_PLAN
from tests.readers import Docx, W

pytestmark = pytest.mark.toolchain
#: Fonts Word installs with Office, and the free fonts with the same metrics that LibreOffice
#: substitutes for them (so lines break at the same words; Debian: fonts-crosextra-carlito, ...).
WORD_FONTS = {"Calibri": "Carlito", "Cambria": "Caladea", "Courier New": "Liberation Mono", "Arial": "Liberation Sans"}
AMOUNT = re.compile(r"^-?\d{1,3}(\.\d{3})*(,\d+)? €$")


def _style(paragraph: ElementTree.Element) -> str:
    style = paragraph.find(f"{W}pPr/{W}pStyle")
    return "" if style is None else style.attrib[f"{W}val"]


def _text(node: ElementTree.Element) -> str:
    return " ".join("".join(t.text or "" for t in node.iter(f"{W}t")).split())


@pytest.fixture(scope="module")
def document(confluenze: Path) -> Docx:
    return Docx.read(confluenze / "plan.docx")


def test_the_contents_is_a_word_toc_field_listing_every_heading_to_the_third_level(document: Docx) -> None:
    (contents,) = list(document.body.iter(f"{W}sdt"))
    assert [(i.text or "").strip() for i in contents.iter(f"{W}instrText")] == ['TOC \\o "1-3" \\h \\z \\u']
    kinds = [c.attrib[f"{W}fldCharType"] for c in contents.iter(f"{W}fldChar")]
    assert kinds == ["begin", "separate", "end"]
    entries = [p for p in contents.iter(f"{W}p") if _style(p) in ("TOC1", "TOC2", "TOC3")]
    headings = [p for p in document.body.iter(f"{W}p") if _style(p) in ("Heading1", "Heading2", "Heading3")]
    assert len(headings) > 50
    assert [(_style(p)[-1], _text(p)) for p in entries] == [(_style(h)[-1], _text(h)) for h in headings]
    assert _text(next(p for p in contents.iter(f"{W}p") if _style(p) == "TOCHeading")) == "Indice"


def test_every_axis_and_action_has_a_contents_entry_linked_to_it(document: Docx) -> None:
    checked = pipeline.check(EXAMPLE_PLAN)
    assert checked.plan is not None
    (contents,) = list(document.body.iter(f"{W}sdt"))
    links = {link.attrib[f"{W}anchor"]: _text(link) for link in contents.iter(f"{W}hyperlink")}
    things = [*checked.plan.objectives, *checked.plan.actions]
    assert len(things) > 30
    for thing in things:
        assert thing.id in links and thing.title in links[thing.id], thing.id
    assert set(links) <= document.bookmarks()


def test_no_table_row_breaks_across_a_page_and_header_rows_repeat(document: Docx) -> None:
    rows = list(document.body.iter(f"{W}tr"))
    assert len(rows) > 100
    assert all(row.find(f"{W}trPr/{W}cantSplit") is not None for row in rows)
    for table in document.body.iter(f"{W}tbl"):
        first = table.find(f"{W}tr")
        assert first is not None and first.find(f"{W}trPr/{W}tblHeader") is not None


def test_amounts_are_right_aligned_in_every_table(document: Docx) -> None:
    amounts = [p for cell in document.body.iter(f"{W}tc") for p in cell.iter(f"{W}p") if AMOUNT.match(_text(p))]
    assert len(amounts) > 50
    for paragraph in amounts:
        alignment = paragraph.find(f"{W}pPr/{W}jc")
        assert alignment is not None and alignment.attrib[f"{W}val"] in ("right", "end"), _text(paragraph)


def test_a_table_caption_stays_with_its_table(document: Docx) -> None:
    styles = ElementTree.fromstring(document.parts["word/styles.xml"])  # noqa: S314 - XML planc itself wrote
    caption = next(s for s in styles.iter(f"{W}style") if s.attrib.get(f"{W}styleId") == "TableCaption")
    assert caption.find(f"{W}pPr/{W}keepNext") is not None
    captions = [p for p in document.body.iter(f"{W}p") if _style(p) == "TableCaption"]
    assert len(captions) > 10


def test_the_column_with_the_most_text_is_among_the_widest(document: Docx) -> None:
    checked = 0
    for table in document.body.iter(f"{W}tbl"):
        grid = [int(col.attrib[f"{W}w"]) for col in table.iter(f"{W}gridCol")]
        longest = [0] * len(grid)
        for row in table.iter(f"{W}tr"):
            for index, cell in enumerate(row.findall(f"{W}tc")):
                longest[index] = max(longest[index], len(_text(cell)))
        if len(grid) > 1 and sorted(longest)[-1] > 2 * sorted(longest)[-2]:  # one column clearly holds the text
            # It is one of the two widest: a title of words that cannot break may need as much room.
            assert grid[longest.index(max(longest))] >= sorted(grid)[-2], (grid, longest)
            checked += 1
    assert checked > 5


def test_every_font_the_docx_names_is_one_word_has_and_libreoffice_has_or_matches_in_metrics(document: Docx) -> None:
    text = set(re.findall(r'<a:latin typeface="([^"]+)"', document.parts["word/theme/theme1.xml"]))
    named = text | set(re.findall(r'w:ascii="([^"]+)"', document.parts["word/styles.xml"]))
    assert text == {"Calibri"} and named <= set(WORD_FONTS), named
