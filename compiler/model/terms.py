"""The glossary's terms, read from the plan's ``glossary`` section."""

from __future__ import annotations

from compiler.model.fields import Fields
from compiler.model.objects import GlossaryTerm


def glossary_term(item: Fields) -> GlossaryTerm | None:
    """A glossary entry, if it has a term and a definition (the schema reports the rest)."""
    term, definition = item.text("term"), item.text("definition")
    if term is None or definition is None:
        return None
    return GlossaryTerm(term, definition, item.where("term"), item.texts("variants"))
