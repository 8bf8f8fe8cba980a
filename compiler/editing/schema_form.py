"""The forms of ``planc serve``, read from the plan's JSON Schema: a field for each property.

Nothing here names a field of the plan: the widget of each property follows from the schema
(an ``enum`` is a choice, a ``reference`` a choice of the plan's objects, a list of objects a
repeatable group, …), and its label and help come from the schema's Italian · English titles
and descriptions. A property the schema gains tomorrow gets a field without a change here.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from compiler.messages.diagnostics import Text, msg
from compiler.schema import load_schema

#: Labels for properties that have no title of their own in the schema (only a shared type's).
KEY_LABELS: dict[str, Text] = {
    "id": msg("Id"),
    "name": msg("Name"),
    "title": msg("Title"),
    "short_name": msg("Short name"),
    "description": msg("Description"),
    "source": msg("Source"),
    "note": msg("Note"),
    "year": msg("Year"),
    "value": msg("Value"),
    "street": msg("Street"),
    "city": msg("Town"),
    "reference": msg("Reference"),
    "summary": msg("Summary"),
    "url": msg("Link"),
    "text": msg("Text"),
    "introduction": msg("Introduction"),
    "topics": msg("Topics"),
    "legal_framework": msg("Legal framework"),
    "start": msg("Start"),
    "end": msg("End"),
}
#: Shared types whose own title says only what kind of text they are, not what the field is.
_GENERIC_TYPES = frozenset(
    {"text", "richText", "reference", "references", "year", "date", "month", "periodBound", "id"}
)
#: Longer texts than this get a text area.
_LINE_LIMIT = 2000


@dataclass(frozen=True)
class Field:
    """One property of an object, as a form shows it."""

    key: str
    widget: str  #: text, textarea, number, integer, month, date, id, choice, boolean, reference, references, choices, texts, group, groups
    title: str  #: "Italiano · English" (or a key label)
    label: Text | None  #: a translated label when the schema has no title of its own
    description: str  #: "Italiano\n\nEnglish"
    required: bool
    types: tuple[str, ...] = ()
    options: tuple[str, ...] = ()
    children: tuple[Field, ...] = ()
    one_or_many: bool = False  #: a single reference, or a list of them (``objective: [A, B]``)


@dataclass(frozen=True)
class SectionForm:
    """The form of one section: a list of objects with ids, or one block (``plan``, ``vision``)."""

    section: str
    is_list: bool
    title: str  #: the section's title, "Azioni · Actions"
    item_title: str  #: one object's title, "Azione · Action"
    description: str
    fields: tuple[Field, ...]


def in_language(bilingual: str, language: str, separator: str) -> str:
    """The Italian or English half of a schema title (``" · "``) or description (``"\\n\\n"``)."""
    halves = bilingual.split(separator, 1)
    if len(halves) == 1:
        return bilingual
    return halves[0] if language == "it" else halves[1]


@functools.cache
def sections() -> tuple[SectionForm, ...]:
    """The form of every top-level section of the schema, in the schema's order."""
    schema = load_schema()
    definitions = schema["definitions"]
    found = []
    for section, node in schema["properties"].items():
        resolved, _name = _resolve(node, definitions)
        is_list = resolved.get("type") == "array"
        item, _item_name = _resolve(resolved["items"], definitions) if is_list else (resolved, None)
        if item.get("type") != "object" or "properties" not in item:
            continue
        if is_list and "id" not in item["properties"]:
            continue
        fields = _object_fields(item, definitions)
        found.append(
            SectionForm(
                section,
                is_list,
                resolved.get("title", section),
                item.get("title", section),
                resolved.get("description", ""),
                fields,
            )
        )
    return tuple(found)


def section_form(section: str) -> SectionForm | None:
    """The form of one section, if the schema has it."""
    return next((form for form in sections() if form.section == section), None)


def _resolve(node: dict[str, Any], definitions: dict[str, Any]) -> tuple[dict[str, Any], str | None]:
    """A property's schema with its ``$ref`` followed; the property's own title and description win."""
    if "$ref" not in node:
        return node, None
    name = node["$ref"].rsplit("/", 1)[-1]
    target, _inner = _resolve(definitions[name], definitions)
    own = {key: value for key, value in node.items() if key != "$ref"}
    return {**target, **own}, name


def _object_fields(node: dict[str, Any], definitions: dict[str, Any]) -> tuple[Field, ...]:
    required = set(node.get("required", ()))
    return tuple(_field(key, child, key in required, definitions) for key, child in node["properties"].items())


def _field(key: str, node: dict[str, Any], required: bool, definitions: dict[str, Any]) -> Field:
    resolved, name = _resolve(node, definitions)
    own_title = "title" in node or (name is not None and name not in _GENERIC_TYPES and "title" in resolved)
    title = resolved.get("title", key) if own_title else key
    label = None if own_title else KEY_LABELS.get(key)
    description = resolved.get("description", "")
    types = resolved.get("type", ())
    base = Field(key, "text", title, label, description, required, (types,) if isinstance(types, str) else tuple(types))
    return _with_widget(base, resolved, name, definitions)


def _with_widget(base: Field, node: dict[str, Any], name: str | None, definitions: dict[str, Any]) -> Field:
    """Choose the widget from what the schema says the value is (the first rule that applies)."""
    kind = base.types[0] if len(base.types) == 1 else None
    if "enum" in node:
        return _replace(base, widget="choice", options=tuple(str(option) for option in node["enum"]))
    if "anyOf" in node:
        return _any_of(base, node, definitions)
    if kind == "object" and "properties" in node:
        return _replace(base, widget="group", children=_object_fields(node, definitions))
    if kind == "array":
        return _array(base, node, definitions)
    return _replace(base, widget=_scalar_widget(kind, node, name))


def _scalar_widget(kind: str | None, node: dict[str, Any], name: str | None) -> str:
    by_name = {"reference": "reference", "id": "id", "month": "month", "date": "date"}
    if name in by_name:
        return by_name[name]
    if kind in ("boolean", "number", "integer"):
        return kind
    if node.get("format") == "date":
        return "date"
    return "textarea" if kind == "string" and node.get("maxLength", 0) > _LINE_LIMIT else "text"


def _array(base: Field, node: dict[str, Any], definitions: dict[str, Any]) -> Field:
    item, name = _resolve(node.get("items", {}), definitions)
    if name == "reference":
        return _replace(base, widget="references")
    if "enum" in item:
        return _replace(base, widget="choices", options=tuple(str(option) for option in item["enum"]))
    if item.get("type") == "object" and "properties" in item:
        return _replace(base, widget="groups", children=_object_fields(item, definitions))
    return _replace(base, widget="texts", children=(_field("", node.get("items", {}), False, definitions),))


def _any_of(base: Field, node: dict[str, Any], definitions: dict[str, Any]) -> Field:
    """``A or a list of A``: a single reference or several (an action's objective)."""
    names = [_resolve(option, definitions)[1] for option in node["anyOf"]]
    arrays = [option for option in node["anyOf"] if option.get("type") == "array"]
    listed = [_resolve(option.get("items", {}), definitions)[1] for option in arrays]
    if "reference" in names and listed == ["reference"]:
        return _replace(base, widget="references", one_or_many=True)
    return base


def _replace(field: Field, **changes: Any) -> Field:
    return Field(**{**field.__dict__, **changes})
