"""The one folder of templates, shipped inside the package: Jinja2 for the Markdown and the
publish index, pandoc templates for HTML and Typst, the CSS, and the DOCX style fragments."""

from __future__ import annotations

import importlib.resources

from compiler.templates.theme import coloured


def text(name: str) -> str:
    """The text of one template, with the theme's colours in place."""
    return coloured((importlib.resources.files(__package__) / name).read_text(encoding="utf-8"))
