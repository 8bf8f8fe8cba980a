"""Each form field as the template draws it: its name, label, help, value, choices and messages.

After a refused save the fields show what the drafter posted, not what the file holds, so that
nothing typed is lost.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from compiler.editing.objects import Entry
from compiler.editing.schema_form import Field, in_language
from compiler.editing.submission import NOT_WRITTEN, REMOVE, shown
from compiler.messages.diagnostics import Diagnostic, msg
from compiler.messages.translate import Translator

#: What a month box shows unchanged (a browser empties a month or date box holding anything else).
_MONTH = re.compile(r"[0-9]{4}-(0[1-9]|1[0-2])")
_LISTS = frozenset({"references", "choices", "texts"})
Posted = Mapping[str, Sequence[str]]


@dataclass(frozen=True)
class FormContext:
    """What every field of one form needs: language, the plan's objects, messages, what was posted."""

    language: str
    translate: Translator
    entries: dict[str, list[Entry]]
    targets: dict[tuple[str, ...], tuple[str, ...]]
    section: str
    by_field: dict[str, list[Diagnostic]]
    posted: Posted | None = None  #: after a refused save: what the drafter sent, shown again
    new: bool = False  #: a new object (its id can be typed)


class FieldViews:
    """Turns the schema's fields and an object's values into what the form template draws."""

    def __init__(self, context: FormContext) -> None:
        self.context = context
        self.language = context.language
        self.translate = context.translate

    def fields(self, fields: Sequence[Field], values: Mapping[str, Any], prefix: str = "") -> list[dict[str, Any]]:
        """The views of an object's fields (``prefix``: the name of the block they are in)."""
        return [self.field(f, values.get(f.key, NOT_WRITTEN), prefix + f.key) for f in fields]

    def message(self, diagnostic: Diagnostic) -> dict[str, str | None]:
        """A diagnostic as a form shows it next to its field."""
        hint = self.translate(diagnostic.hint) if diagnostic.hint else None
        return {"severity": diagnostic.severity.value, "text": self.translate(diagnostic.message), "hint": hint}

    def field(self, field: Field, value: Any, name: str) -> dict[str, Any]:
        """The view of one field."""
        posted = self.context.posted
        found = self.context.by_field.items()
        messages = [self.message(d) for key, listed in found for d in listed if _belongs(key, name, field)]
        view: dict[str, Any] = {
            "name": name,
            "id": "f-" + name.replace(".", "-"),
            "widget": field.widget,
            "label": self.translate(field.label) if field.label else in_language(field.title, self.language, " · "),
            "help": in_language(field.description, self.language, "\n\n"),
            "required": field.required,
            "messages": messages,
            "invalid": any(m["severity"] == "error" for m in messages),
        }
        if field.widget == "group":
            inner = value if isinstance(value, dict) else {}
            view["children"] = self.fields(field.children, inner, name + ".")
        elif field.widget == "groups":
            view["group_rows"] = self._rows(field, value, name)
        elif field.widget == "texts":
            view["text_items"] = self._items(value, posted, name)
        elif field.widget in ("references", "choices"):
            chosen = _chosen(value, posted, name)
            view["groups"] = self._options(field, chosen, name, boxes=True)
        else:
            view.update(self._scalar(field, value, name))
        return view

    def _scalar(self, field: Field, value: Any, name: str) -> dict[str, Any]:
        posted = self.context.posted
        text = posted[name][0] if posted is not None and posted.get(name) else shown(value)
        input_type = "textarea" if "\n" in text else "text"  # a text box would drop the line breaks
        if field.widget == "month" and (not text or _MONTH.fullmatch(text)):
            input_type = "month"
        elif field.widget in ("month", "date") and (_is_day(text) or (field.widget == "date" and not text)):
            input_type = "date"
        view: dict[str, Any] = {
            "value": text,
            "input_type": input_type,
            "inputmode": {"number": "decimal", "integer": "numeric"}.get(field.widget),
            "readonly": field.widget == "id" and not self.context.new,
            "height": max(3, min(14, text.count("\n") + len(text) // 80 + 2)),
        }
        if field.widget in ("choice", "boolean", "reference"):
            view["groups"] = self._options(field, [text] if text else [], name, boxes=False)
        return view

    def _options(self, field: Field, chosen: list[str], name: str, boxes: bool) -> list[dict[str, Any]]:
        """The choices of a field, in groups (a reference's: one group per kind of object)."""
        groups: list[dict[str, Any]] = []
        if field.widget in ("choice", "choices"):
            groups.append({"label": None, "options": [(option, option) for option in field.options]})
        elif field.widget == "boolean":
            groups.append(
                {"label": None, "options": [("true", self.translate(msg("yes"))), ("false", self.translate(msg("no")))]}
            )
        else:
            for section in self._targets(name):
                options = [
                    (e.id, f"{e.id} — {e.name}" if e.name else e.id) for e in self.context.entries.get(section, [])
                ]
                groups.append({"label": self._section_title(section), "options": options})
        known = {value for group in groups for value, _label in group["options"]}
        unknown = [value for value in chosen if value not in known]
        if unknown:
            label = self.translate(msg("not in the plan"))
            groups.append({"label": None, "options": [(value, f"{value} ({label})") for value in unknown]})
        if not boxes:
            groups.insert(0, {"label": None, "options": [("", "—")]})
        return [
            {
                "label": group["label"],
                "options": [
                    {
                        "value": value,
                        "label": label,
                        "selected": value in chosen,
                        "id": f"f-{name}-{number}-{index}".replace(".", "-"),
                    }
                    for index, (value, label) in enumerate(group["options"])
                ],
            }
            for number, group in enumerate(groups)
        ]

    def _targets(self, name: str) -> tuple[str, ...]:
        location = (self.context.section, *(step for step in name.split(".") if not step.isdigit()))
        return self.context.targets.get(location) or tuple(self.context.entries)

    def _section_title(self, section: str) -> str:
        from compiler.editing.schema_form import section_form  # noqa: PLC0415

        form = section_form(section)
        return in_language(form.title, self.language, " · ") if form else section

    def _rows(self, field: Field, value: Any, name: str) -> list[dict[str, Any]]:
        posted = self.context.posted
        stored = value if isinstance(value, list) else []
        count = len(stored)
        if posted is not None:
            pattern = re.compile(re.escape(name) + r"\.([0-9]+)\.")
            numbers = {int(found.group(1)) for key in posted if (found := pattern.match(key))}
            count = max([count - 1, *numbers]) + 1 if numbers else count
        rows = []
        for number in range(count + 1):
            row_value = stored[number] if number < len(stored) and isinstance(stored[number], dict) else {}
            is_new = number >= len(stored)
            prefix = f"{name}.{number}."
            label = self.translate(msg("New row")) if is_new else self.translate(msg("Row {number}", number=number + 1))
            rows.append(
                {
                    "index": number,
                    "label": label,
                    "is_new": is_new and number == count,
                    "fields": self.fields(field.children, row_value, prefix),
                    "remove_name": prefix + REMOVE,
                    "remove_id": "f-" + (prefix + REMOVE).replace(".", "-"),
                }
            )
        return rows

    def _items(self, value: Any, posted: Posted | None, name: str) -> list[dict[str, Any]]:
        texts = [shown(item) for item in value] if isinstance(value, list) else []
        if posted is not None:
            pattern = re.compile(re.escape(name) + r"\.([0-9]+)$")
            rows = sorted({int(found.group(1)) for key in posted if (found := pattern.match(key))})
            texts = [posted[f"{name}.{row}"][0] for row in rows if posted[f"{name}.{row}"][0]]
        items = []
        for number, text in enumerate([*texts, ""]):
            label = self.translate(msg("Item {number}", number=number + 1))
            key = f"{name}.{number}"
            items.append(
                {
                    "name": key,
                    "id": "f-" + key.replace(".", "-"),
                    "value": text,
                    "label": label,
                    "is_new": number == len(texts),
                    "index": number,
                }
            )
        return items


def _is_day(text: str) -> bool:
    """A date a date box keeps as it is."""
    try:
        return datetime.date.fromisoformat(text).isoformat() == text
    except ValueError:
        return False


def _chosen(value: Any, posted: Posted | None, name: str) -> list[str]:
    if posted is not None and name in posted:
        return [item for item in posted[name] if item]
    if value is NOT_WRITTEN:
        return []
    return [shown(item) for item in value] if isinstance(value, list) else [shown(value)]


def _belongs(key: str, name: str, field: Field) -> bool:
    """Whether a diagnostic at ``key`` is shown at this field (a list's items show at the list)."""
    return key == name or (field.widget in _LISTS and key.startswith(name + "."))
