"""The glossary chapter: its entries in alphabetical order, each with the anchor its first use links to.

Each entry is a paragraph that opens with the term in bold (``**APS** (also: …): definition``):
a block every writer already handles safely. Finding the terms in the text and linking
their first use is ``document.terms``'s.
"""

from __future__ import annotations

import re

from compiler.document.context import LayoutContext
from compiler.document.markdown import Markdown, blocks, escape
from compiler.document.terms import anchors, in_order
from compiler.document.view_parts import GlossaryEntry
from compiler.messages.diagnostics import msg

#: A definition that opens with a list: the list cannot continue the term's paragraph.
_OPENS_WITH_LIST = re.compile(r"(?:-|\d+\.) ")


def glossary(ctx: LayoutContext) -> list[GlossaryEntry]:
    """The entries of the glossary, alphabetically."""
    where = anchors(ctx.plan.glossary)
    also = ctx.t(msg("also"))
    return [
        GlossaryEntry(
            anchor=Markdown(where[entry.term]),
            term=entry.term,
            variants=Markdown(f"({escape(also)}: {escape(', '.join(entry.variants))})") if entry.variants else None,
            definition=_after_term(blocks(entry.definition)),
        )
        for entry in in_order(ctx.plan.glossary)
    ]


def _after_term(markdown: Markdown) -> Markdown:
    """The definition as it follows ``term:``: on the same line, or after a blank line when it opens with a list."""
    return Markdown(f"\n\n{markdown}") if _OPENS_WITH_LIST.match(markdown) else markdown
