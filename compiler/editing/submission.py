"""From a posted form back to plan values: what the drafter typed, changed only where it differs.

A field whose text is the one the form showed keeps its value exactly as written (``2025`` stays
a number, ``"2025"`` text); a field left out of the request is left alone. Texts are kept as
typed (line breaks as ``\\n``); numbers are read as planc's loader reads a number.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from typing import Any

from compiler.editing.schema_form import Field
from compiler.sources.loader import resolve_plain

#: A key that is not written (or must be removed).
NOT_WRITTEN: Any = type("Missing", (), {"__repr__": lambda _self: "NOT_WRITTEN"})()
_WHOLE = re.compile(r"[-+]?[0-9]+")
_SCALARS = frozenset({"text", "textarea", "number", "integer", "month", "date", "id", "choice", "boolean", "reference"})
REMOVE = "__remove"

Form = Mapping[str, Sequence[str]]


def shown(value: Any) -> str:
    """The text a form field shows for a value."""
    if value is NOT_WRITTEN or value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    return str(value)


def object_value(fields: Sequence[Field], form: Form, old: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    """The new values of one object; keys the schema does not know are kept as they were."""
    new: dict[str, Any] = {}
    for field in fields:
        value = field_value(field, form, prefix + field.key, old.get(field.key, NOT_WRITTEN))
        if value is not NOT_WRITTEN:
            new[field.key] = value
    known = {field.key for field in fields}
    new.update((key, value) for key, value in old.items() if key not in known)
    return new


def field_value(field: Field, form: Form, name: str, old: Any) -> Any:
    """The new value of one field (``NOT_WRITTEN``: not written)."""
    if field.widget in _SCALARS:
        return _scalar(field, form, name, old)
    if field.widget in ("references", "choices"):
        return _choices(field, form, name, old)
    if field.widget == "texts":
        return _texts(field, form, name, old)
    if field.widget == "group":
        return _group(field, form, name, old)
    if field.widget == "groups":
        return _groups(field, form, name, old)
    return old


def _scalar(field: Field, form: Form, name: str, old: Any) -> Any:
    posted = form.get(name)
    if not posted:
        return old
    text = posted[0].replace("\r\n", "\n") if field.widget == "textarea" else posted[0]
    text = unicodedata.normalize("NFC", text)  # as the loader reads every text of the plan
    if text == shown(old):
        return old
    if text == "":
        return "" if field.required and field.widget not in ("choice", "boolean") else NOT_WRITTEN
    return typed(field, text)


def typed(field: Field, text: str) -> Any:
    """A typed text as the value the schema wants; left as text if it is not one (the schema says so)."""
    text = unicodedata.normalize("NFC", text)
    if field.widget == "boolean" and text in ("true", "false"):
        return text == "true"
    if field.widget in ("number", "integer") or field.types in (("number",), ("integer",)):
        value = resolve_plain(text.strip())
        return value if isinstance(value, int | float) and not isinstance(value, bool) else text
    if "integer" in field.types and _WHOLE.fullmatch(text):
        return int(text)
    return text


def _choices(field: Field, form: Form, name: str, old: Any) -> Any:
    if name not in form:
        return old
    chosen = list(dict.fromkeys(value for value in form[name] if value))
    before = [] if old is NOT_WRITTEN else (list(old) if isinstance(old, list) else [old])
    if sorted(chosen) == sorted(before) and len(before) == len(set(before)):
        return old
    new = [item for item in before if item in chosen] + [item for item in chosen if item not in before]
    if not new:
        return [] if field.required else NOT_WRITTEN
    if field.one_or_many and len(new) == 1 and not isinstance(old, list):
        return new[0]
    return new


def _texts(field: Field, form: Form, name: str, old: Any) -> Any:
    rows = _rows(form, name, nested=False)
    if rows is None:
        return old
    new = [typed(field.children[0], form[f"{name}.{row}"][0]) for row in rows if form[f"{name}.{row}"][0] != ""]
    before = old if isinstance(old, list) else []
    if [shown(item) for item in new] == [shown(item) for item in before]:
        return old
    return new if new or field.required else NOT_WRITTEN


def _group(field: Field, form: Form, name: str, old: Any) -> Any:
    if not any(key.startswith(name + ".") for key in form):
        return old
    before = old if isinstance(old, dict) else {}
    new = object_value(field.children, form, before, name + ".")
    if new == before and type(old) is dict:
        return old
    return new if new or field.required else NOT_WRITTEN


def _groups(field: Field, form: Form, name: str, old: Any) -> Any:
    rows = _rows(form, name, nested=True)
    if rows is None:
        return old
    before = old if isinstance(old, list) else []
    new = []
    for row in rows:
        prefix = f"{name}.{row}."
        was = before[row] if row < len(before) and isinstance(before[row], dict) else {}
        value = object_value(field.children, form, was, prefix)
        if prefix + REMOVE not in form and (value or was):
            new.append(value)
    if new == before:
        return old
    return new if new or field.required else NOT_WRITTEN


def _rows(form: Form, name: str, nested: bool) -> list[int] | None:
    """The row numbers of a repeatable field in the request, in order (``None``: not in the form)."""
    pattern = re.compile(re.escape(name) + (r"\.([0-9]+)\." if nested else r"\.([0-9]+)$"))
    found = sorted({int(match.group(1)) for key in form if (match := pattern.match(key))})
    return found if found else None
