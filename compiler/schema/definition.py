"""The plan's JSON Schema, shipped inside the package: the one definition of a plan's shape.

``schema/plan.schema.json`` at the top of the repository is the same file, where editors find it
(the plan files' modeline); a test keeps the two identical.
"""

from __future__ import annotations

import functools
import importlib.resources
import json
from typing import Any

SCHEMA_FILE = "plan.schema.json"


@functools.cache
def schema_text() -> str:
    """The schema file as shipped."""
    return (importlib.resources.files(__package__) / SCHEMA_FILE).read_text(encoding="utf-8")


def load_schema() -> dict[str, Any]:
    """Read the plan schema as written (a fresh copy each time)."""
    schema: dict[str, Any] = json.loads(schema_text())
    return schema


def definition(name: str) -> dict[str, Any]:
    """One of the schema's definitions, such as ``id``."""
    found: dict[str, Any] = load_schema()["definitions"][name]
    return found


def inline_references(node: Any, definitions: dict[str, Any]) -> Any:
    """Replace each local ``$ref`` with a copy of its definition, tagged with its name."""
    if isinstance(node, dict):
        if "$ref" in node:
            name = node["$ref"].rsplit("/", 1)[-1]
            return {**inline_references(definitions[name], definitions), "$comment": name}
        return {key: inline_references(value, definitions) for key, value in node.items()}
    if isinstance(node, list):
        return [inline_references(item, definitions) for item in node]
    return node
