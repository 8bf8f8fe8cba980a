"""Check each plan file against the JSON Schema and explain each failure in plain words.

The schema (``plan.schema.json``, package data) is the one definition of the plan's shape
(draft-07, so editors validate with the same file). jsonschema-rs (``gate``) first says whether
a file is valid; only a file with problems goes through jsonschema (``explain``), whose errors
carry what the explanations need. A property test keeps the two validators in agreement.
"""

from __future__ import annotations

from compiler.messages.diagnostics import Diagnostic
from compiler.schema import gate
from compiler.schema.definition import definition, load_schema
from compiler.sources import SourceFile

__all__ = ["definition", "load_schema", "validate"]


def validate(sources: list[SourceFile]) -> list[Diagnostic]:
    """Check every file against the schema; return one diagnostic per problem."""
    found: dict[tuple[str, int, int, str], Diagnostic] = {}
    for source in sources:
        if gate.is_valid(source.data):
            continue  # the common case; only a file with problems needs jsonschema's detailed errors
        from compiler.schema.explain import explain  # noqa: PLC0415 - jsonschema only for files with problems

        for diagnostic in explain(source):
            # One value can fail two keywords (an empty text: minLength and pattern): say it once.
            found.setdefault(diagnostic.sort_key, diagnostic)
    return list(found.values())
