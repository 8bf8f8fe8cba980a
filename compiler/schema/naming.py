"""How a schema message names a field, a block and a kind of value."""

from __future__ import annotations

from typing import Any

from compiler.messages.diagnostics import Text, msg
from compiler.sources import PathKey


def field_name(path: PathKey) -> str:
    """Name a value for a message: its key, or ``key[3]`` for the fourth item of a list."""
    if not path:
        return "/"
    *_, last = path
    if isinstance(last, int):
        parent = field_name(path[:-1])
        return f"{parent}[{last + 1}]"
    return str(last)


def kind_of(value: Any) -> Text:
    """Name the kind of a value a drafter wrote: text, a number, a list…"""
    if value is None:
        return msg("an empty value")
    if isinstance(value, bool):
        return msg("true/false")
    if isinstance(value, int | float):
        return msg("a number")
    if isinstance(value, str):
        return msg("text")
    if isinstance(value, list):
        return msg("a list")
    return msg("a block of keys")


TYPE_WORDS: dict[str, Text] = {
    "string": msg("text"),
    "number": msg("a number"),
    "integer": msg("a whole number"),
    "boolean": msg("true or false"),
    "array": msg("a list"),
    "object": msg("a block of keys"),
    "null": msg("an empty value"),
}


def owner_name(path: PathKey, instance: Any) -> str:
    """Name the block a message is about: its id if it has one, else where it sits."""
    identifier = instance.get("id") if isinstance(instance, dict) else None
    return identifier if isinstance(identifier, str) and identifier.strip() else field_name(path)
