"""The glossary chapter: its entries in alphabetical order, each with the anchor its first use links to.

Finding the terms in the text and linking their first use is ``document.terms``'s.
"""

from __future__ import annotations

from compiler.document.context import LayoutContext
from compiler.document.markdown import Markdown, blocks, escape
from compiler.document.parts import GlossaryEntry
from compiler.document.terms import anchors, in_order
from compiler.messages.diagnostics import msg

#: Where a definition's second and further lines start, inside a pandoc definition list.
_INDENT = "    "


def glossary(ctx: LayoutContext) -> list[GlossaryEntry]:
    """The entries of the glossary, alphabetically."""
    where = anchors(ctx.plan.glossary)
    also = ctx.t(msg("also"))
    return [
        GlossaryEntry(
            anchor=Markdown(where[entry.term]),
            term=entry.term,
            variants=Markdown(f"({escape(also)}: {escape(', '.join(entry.variants))})") if entry.variants else None,
            definition=_indented(blocks(entry.definition)),
        )
        for entry in in_order(ctx.plan.glossary)
    ]


def _indented(markdown: Markdown) -> Markdown:
    """Blocks as a definition: every line after the first indented, so that they stay inside the definition."""
    lines = markdown.split("\n")
    return Markdown("\n".join([lines[0], *(f"{_INDENT}{line}" if line else "" for line in lines[1:])]))
