"""What the schema says about a place in the plan's data: the name of the field, the kind of its value.

The schema is the one definition of the plan's shape, and it names its fields in Italian and in
English (``Responsabile · Owner``); comparing versions and reading comments take those names from
it, so a field added to the schema is named without touching this package. A few plain fields
(``name``, ``title``…) have no title of their own there: ``FIELD_NAMES`` names them.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import Any

from compiler.messages.diagnostics import Text, msg
from compiler.messages.translate import Translator
from compiler.schema import load_schema
from compiler.sources import PathKey

#: Names of the fields the schema leaves untitled (they take the generic title of their kind there).
FIELD_NAMES: dict[str, Text] = {
    "id": msg("Identifier"),
    "name": msg("Name"),
    "short_name": msg("Short name"),
    "title": msg("Title"),
    "description": msg("Description"),
    "source": msg("Source"),
    "note": msg("Note"),
    "year": msg("Year"),
    "text": msg("Text"),
    "reference": msg("Reference"),
    "summary": msg("Summary"),
    "url": msg("Web address"),
    "website": msg("Website"),
    "email": msg("E-mail"),
    "address": msg("Address"),
    "street": msg("Street"),
    "city": msg("Town"),
    "introduction": msg("Introduction"),
    "topics": msg("Topics"),
    "legal_framework": msg("Legal framework"),
    "start": msg("Start"),
    "end": msg("End"),
}
#: A node of the schema and the name of the definition it was reached through, if any.
SchemaNode = tuple[dict[str, Any], str | None]
REFERENCE_KINDS = frozenset({"reference", "references"})


class Shape:
    """The plan schema, asked about paths in a plan's data (``("actions", 3, "owner")``)."""

    def __init__(self, schema: dict[str, Any] | None = None) -> None:
        self._root: dict[str, Any] = schema if schema is not None else load_schema()
        self._definitions: dict[str, Any] = self._root.get("definitions", {})

    def nodes(self, path: PathKey) -> list[SchemaNode]:
        """The schema nodes that can describe the value at ``path`` (references not yet followed)."""
        found: list[SchemaNode] = [(self._root, None)]
        for step in path:
            found = [child for node in found for child in self._children(node, step)]
        return found

    def kinds(self, path: PathKey) -> set[str]:
        """The names of the definitions the value at ``path`` may be (``reference``, ``date``…)."""
        return {name for node in self.nodes(path) for _, name in self._expand(node) if name}

    def is_reference(self, path: PathKey) -> bool:
        """True if the value at ``path`` is an id of another object (or a list of them)."""
        return bool(self.kinds(path) & REFERENCE_KINDS) or "reference" in self.kinds((*path, 0))

    def label(self, path: PathKey, translate: Translator) -> str:
        """The field's name in the reader's language: the schema's title, else a plain name, else the key."""
        title = self._title(path)
        if title is not None:
            return _half(title, translate.language)
        key = path[-1] if path else ""
        return translate(FIELD_NAMES[key]) if isinstance(key, str) and key in FIELD_NAMES else str(key)

    def _title(self, path: PathKey) -> str | None:
        nodes = self.nodes(path)
        for node in nodes:
            for schema, _ in (node, *self._expand(node)) if "$ref" in node[0] else (node,):
                if isinstance(schema.get("title"), str):
                    return str(schema["title"])
        if path and (isinstance(path[-1], int) or len(path) == 1):  # an item, or a section: its kind's name
            for node in nodes:
                for schema, name in self._expand(node):
                    if name and isinstance(schema.get("title"), str):
                        return str(schema["title"])
        return None

    def _expand(self, node: SchemaNode) -> Iterator[SchemaNode]:
        """The node itself, its ``$ref`` followed and its ``anyOf``/``oneOf`` alternatives opened."""
        schema, name = node
        reference = schema.get("$ref")
        if isinstance(reference, str) and reference.startswith("#/definitions/"):
            target = reference.rsplit("/", 1)[-1]
            if target in self._definitions:
                yield from self._expand((self._definitions[target], target))
                return
        yield schema, name
        for keyword in ("anyOf", "oneOf"):
            for alternative in schema.get(keyword, []):
                if isinstance(alternative, dict):
                    yield from self._expand((alternative, None))

    def _children(self, node: SchemaNode, step: str | int) -> Iterator[SchemaNode]:
        for schema, _ in self._expand(node):
            if isinstance(step, int) and isinstance(schema.get("items"), dict):
                yield schema["items"], None
            elif isinstance(step, str) and isinstance(schema.get("properties"), dict) and step in schema["properties"]:
                yield schema["properties"][step], None


@functools.cache
def plan_shape() -> Shape:
    """The shape of the plan schema planc ships."""
    return Shape()


def _half(title: str, language: str) -> str:
    """The Italian or the English half of a bilingual schema title (``Italiano · English``)."""
    parts = [part.strip() for part in title.split(" · ", 1)]
    return parts[0] if language == "it" or len(parts) == 1 else parts[1]
