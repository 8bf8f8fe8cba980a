"""The colours of every document, in one place: the CSS, the Typst template and the DOCX styles use them.

A template names a colour as ``@colour:accent@``; ``templates.text`` puts the six hex digits in
its place (a template adds the ``#`` where its language wants one).
"""

from __future__ import annotations

import re

COLOURS: dict[str, str] = {
    "accent": "1d4f73",  # headings, links, table rules
    "text": "1b1b1b",
    "muted": "555555",  # captions, running headers, secondary text
    "rule": "c9d1d9",  # thin lines between rows
    "shade": "eef2f5",  # table headers, boxes
    "paper": "ffffff",
    "draft": "b3261e",  # the draft mark
    "draft-tint": "f4d4d1",  # the draft watermark on PDF pages
    "draft-banner": "fbe9e7",  # the HTML draft banner's background
    "draft-ink": "5f1410",  # text on the draft banner
    "focus": "f2a900",  # keyboard focus outline in the HTML
    "panel": "fafbfc",  # the background of the editor's side panels
    "subtle": "6b7785",  # borders of form fields
    "ok": "1e6b34",  # "saved", "no problems"
    "ok-tint": "e6f4ea",
    "warn": "7a4d00",  # warnings in the editor
    "warn-tint": "fff8e6",
}
_MARK = re.compile(r"@colour:([a-z-]+)@")


def coloured(text: str) -> str:
    """``text`` with each ``@colour:name@`` replaced by that colour's hex digits."""
    return _MARK.sub(lambda match: COLOURS[match.group(1)], text)
