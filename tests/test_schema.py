"""The JSON Schema itself: valid draft-07, self-contained, documented in both languages."""

from __future__ import annotations

from typing import Any

import jsonschema
import pytest

from compiler import schema
from compiler.schema.definition import inline_references

DRAFT7_KEYWORDS = {
    "$schema", "$id", "$ref", "$comment", "title", "description", "type", "enum", "const", "properties",
    "additionalProperties", "required", "items", "minItems", "maxItems", "uniqueItems", "pattern", "format",
    "minLength", "maxLength", "minimum", "maximum", "anyOf", "oneOf", "allOf", "not", "if", "then", "else",
    "definitions", "default", "examples",
}  # fmt: skip
SCHEMA = schema.load_schema()


def walk(node: Any, path: str = "#") -> list[tuple[str, dict[str, Any]]]:
    """Every subschema with its JSON pointer."""
    found: list[tuple[str, dict[str, Any]]] = []
    if isinstance(node, dict):
        found.append((path, node))
        for key in ("properties", "definitions"):
            for name, child in node.get(key, {}).items():
                found += walk(child, f"{path}/{key}/{name}")
        for key in ("items", "additionalProperties", "if", "then", "else", "not"):
            if isinstance(node.get(key), dict):
                found += walk(node[key], f"{path}/{key}")
        for key in ("anyOf", "oneOf", "allOf"):
            for index, child in enumerate(node.get(key, [])):
                found += walk(child, f"{path}/{key}/{index}")
    return found


def test_the_schema_is_valid_draft_07() -> None:
    assert SCHEMA["$schema"] == "http://json-schema.org/draft-07/schema#"
    jsonschema.Draft7Validator.check_schema(SCHEMA)


@pytest.mark.parametrize(
    ("pointer", "subschema"), walk(SCHEMA), ids=lambda value: value if isinstance(value, str) else ""
)
def test_only_draft_07_keywords_and_local_references(pointer: str, subschema: dict[str, Any]) -> None:
    assert set(subschema) <= DRAFT7_KEYWORDS, pointer
    reference = subschema.get("$ref")
    if reference is not None:
        assert reference.startswith("#/definitions/"), pointer
        assert reference.rsplit("/", 1)[1] in SCHEMA["definitions"], pointer


def test_unknown_keys_are_refused_everywhere() -> None:
    for pointer, subschema in walk(SCHEMA):
        if subschema.get("type") == "object":
            assert subschema.get("additionalProperties") is False, pointer


def test_every_definition_and_section_is_titled_in_italian_and_english() -> None:
    for pointer, subschema in walk(SCHEMA):
        if pointer.count("/") == 2 and "title" in subschema:
            italian, _, english = subschema["title"].partition(" · ")
            assert italian and english, pointer
    for name, definition in SCHEMA["definitions"].items():
        assert " · " in definition.get("title", ""), name


def test_inlining_keeps_meaning_and_names_each_definition() -> None:
    definitions = dict(SCHEMA["definitions"])
    inlined = inline_references({"$ref": "#/definitions/action"}, definitions)
    assert inlined["$comment"] == "action"
    assert inlined["properties"]["start"]["$comment"] == "month"
    assert "$ref" not in str(inlined)
