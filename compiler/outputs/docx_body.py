"""What planc finishes in the body pandoc wrote: a real table of contents, and table rows kept whole.

The table of contents is a Word ``TOC`` field, so that Word's "Update table" and LibreOffice's
"Update index" rebuild it with page numbers. A field carries the result of its last update, and
that is what a reader sees until someone updates it: LibreOffice never does on its own, not even
to print or convert to PDF, and shows that result as plain text (page fields inside it come out
empty). So planc writes the result from the headings pandoc wrote: each entry with the heading's
number and text, linked to it, without a page number planc cannot know; the field is marked
dirty, so that Word offers to update it when the document opens.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

from compiler.outputs.ast_gate import Node
from compiler.outputs.writer import raw_block

#: Word's own table of contents: heading levels 1 to 3, entries linked, no page numbers on the web
#: view, paragraphs' outline levels too.
CONTENTS_INSTRUCTION = r'TOC \o "1-3" \h \z \u'
#: The deepest heading the table of contents lists.
CONTENTS_DEPTH = 3
#: The tag of the content control holding planc's table of contents (pandoc never writes ``w:tag``).
_TAG = "planc-contents"
_MARK = f'<w:tag w:val="{_TAG}" />'
_FIELD_PLACE = '<w:p><w:pPr><w:pStyle w:val="TOC1" /></w:pPr><w:r><w:t xml:space="preserve"></w:t></w:r></w:p>'


def contents_block(title: str) -> Node:
    """The table of contents, where the Markdown has it: a content control Word knows as one, entries to come."""
    return raw_block(
        "openxml",
        "<w:sdt><w:sdtPr>"
        f'{_MARK}<w:docPartObj><w:docPartGallery w:val="Table of Contents" /><w:docPartUnique /></w:docPartObj>'
        '</w:sdtPr><w:sdtContent><w:p><w:pPr><w:pStyle w:val="TOCHeading" /></w:pPr>'
        f'<w:r><w:t xml:space="preserve">{escape(title)}</w:t></w:r></w:p>{_FIELD_PLACE}</w:sdtContent></w:sdt>',
    )


#: A heading pandoc wrote, after the bookmark that names it: ``<w:bookmarkStart … w:name="OB-1.1" />``.
_HEADING = re.compile(r'<w:p><w:pPr><w:pStyle w:val="Heading(?P<level>[1-9])" />(?P<body>.*?)</w:p>', re.S)
_BOOKMARK_BEFORE = re.compile(r'<w:bookmarkStart w:id="\d+" w:name="([^"]*)" />\s*$')
#: How far before a heading its bookmark may start (a bookmark's name is an id).
_BOOKMARK_REACH = 2000
_PIECE = re.compile(r"<w:t(?: [^>]*)?>([^<]*)</w:t>|<w:tab ?/>")


def fill_contents(xml: str, right_to_left: bool = False) -> str:
    """The document with its table of contents' field and entries in place (none if it has no such place).

    ``right_to_left``: its paragraphs are right-to-left ones, as pandoc makes every other.
    """
    start = xml.find(_MARK)
    place = xml.find(_FIELD_PLACE, start)
    if start < 0 or place < 0:
        return xml
    bidi = "<w:bidi />" if right_to_left else ""
    entries = [
        _entry(int(match["level"]), _bookmark_before(xml, match.start()), match["body"], bidi)
        for match in _HEADING.finditer(xml)  # every heading, as Word lists them when it updates the field
        if int(match["level"]) <= CONTENTS_DEPTH
    ]
    heading = '<w:pStyle w:val="TOCHeading" />'
    xml = xml[:start] + xml[start:place].replace(heading, heading + bidi) + xml[place:]
    place += len(bidi)
    return xml[:place] + _field(entries) + xml[place + len(_FIELD_PLACE) :]


def _bookmark_before(xml: str, heading: int) -> str | None:
    """The name of the bookmark right before the heading that starts at ``heading``, if there is one."""
    found = _BOOKMARK_BEFORE.search(xml, max(0, heading - _BOOKMARK_REACH), heading)
    return found.group(1) if found else None


def _field(entries: list[str]) -> str:
    """The TOC field around its entries: it begins in the first entry's paragraph and ends in a paragraph of its own."""
    begin = (
        '<w:r><w:fldChar w:fldCharType="begin" w:dirty="true" /></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {escape(CONTENTS_INSTRUCTION)} </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate" /></w:r>'
    )
    end = '<w:p><w:r><w:fldChar w:fldCharType="end" /></w:r></w:p>'
    if not entries:
        return f"<w:p>{begin}</w:p>{end}"
    first = entries[0]
    at = first.index("</w:pPr>") + len("</w:pPr>")
    return first[:at] + begin + first[at:] + "".join(entries[1:]) + end


def _entry(level: int, bookmark: str | None, body: str, bidi: str) -> str:
    """One line of the table of contents: the heading's number and text, linked to it."""
    runs = "".join(
        f'<w:r><w:t xml:space="preserve">{piece[1]}</w:t></w:r>' if piece[1] is not None else "<w:r><w:tab /></w:r>"
        for piece in _PIECE.finditer(body)
    )
    style = f'<w:pPr><w:pStyle w:val="TOC{level}" />{bidi}</w:pPr>'
    if not bookmark:
        return f"<w:p>{style}{runs}</w:p>"
    return f'<w:p>{style}<w:hyperlink w:anchor="{bookmark}" w:history="1">{runs}</w:hyperlink></w:p>'


#: A table row as pandoc writes it, with the row properties it may have (a header row's).
_ROW = re.compile(r"<w:tr>(?:<w:trPr>((?:(?!</w:trPr>).)*)</w:trPr>)?", re.S)


def keep_rows_whole(xml: str) -> str:
    """Every table row marked not to break across pages (a header row is also repeated on each page by pandoc)."""
    return _ROW.sub(lambda match: f"<w:tr><w:trPr><w:cantSplit />{match.group(1) or ''}</w:trPr>", xml)
