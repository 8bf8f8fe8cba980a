"""What changed between two versions, in words: for the terminal (text), the drafting group (Markdown), machines (JSON).

``ChangeWords`` says each change in the reader's language (field names from the schema, values
formatted as the documents format them); the annex of the documents uses the same words.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from compiler.document.formats import Formats
from compiler.document.labels import ACTION_STATUS_LABELS, DIRECTION_LABELS, FIELD_LABELS, STATUS_LABELS
from compiler.document.markdown import escape
from compiler.messages.diagnostics import Text, msg
from compiler.messages.translate import Translator
from compiler.review.changes import ADDED, CHANGED, REMOVED, Changes, FieldChange, ObjectChange
from compiler.review.fragments import fragments, is_long
from compiler.review.shape import Shape, plan_shape
from compiler.sources import PathKey

VERBS: dict[str, Text] = {ADDED: msg("New"), REMOVED: msg("Removed"), CHANGED: msg("Changed")}
DATE_KINDS = frozenset({"date", "month", "periodBound"})
YEAR_KINDS = frozenset({"year", "periodBound"})
ABSENT = "—"
#: Coded values the documents show in words: (section, field) → labels.
CODED: dict[tuple[str | int, str | int], dict[str, Text]] = {
    ("plan", "status"): STATUS_LABELS,
    ("actions", "status"): ACTION_STATUS_LABELS,
    ("indicators", "direction"): DIRECTION_LABELS,
    ("organisations", "fields"): FIELD_LABELS,
}


@dataclass(frozen=True)
class FieldRow:
    """One difference as the reader sees it: the field, the value before, the value after."""

    label: str
    before: str
    after: str


class ChangeWords:
    """Changes in words, in one language."""

    def __init__(
        self, translate: Translator, formats: Formats, names: dict[str, str] | None = None, shape: Shape | None = None
    ) -> None:
        self.t = translate
        self.formats = formats
        self.names = names or {}
        self.shape = shape or plan_shape()

    def verb(self, change: ObjectChange) -> str:
        """``Nuovo``, ``Eliminato``, ``Modificato``."""
        return self.t(VERBS[change.change])

    def heading(self, change: ObjectChange) -> str:
        """``Azione AZ-01 «Sportello» (prima AZ-1)``; a section without ids by its name."""
        if change.id == change.section:
            return self.shape.label((change.section,), self.t)
        kind = self.shape.label((change.section, 0), self.t)
        text = self.t(msg("{kind} {id} “{title}”", kind=kind, id=change.id, title=change.title))
        if change.formerly:
            text += " " + self.t(msg("(formerly {id})", id=change.formerly))
        return text

    def rows(self, change: ObjectChange) -> list[FieldRow]:
        """Each changed field; a long text shows only the words that differ."""
        base: PathKey = (change.section,) if change.id == change.section else (change.section, 0)
        found: list[FieldRow] = []
        for item in change.fields:
            label = self.label(base, item.path)
            if is_long(item.before, item.after):
                shown, more = fragments(item.before, item.after)
                found.extend(FieldRow(label, self.quoted(old), self.quoted(new)) for old, new in shown)
                if more:
                    found.append(FieldRow(label, self.t(msg("… and {count} more places", count=more)), ""))
                continue
            where = (*base, *_schema_steps(item.path))
            found.append(FieldRow(label, self.value(where, item.before), self.value(where, item.after)))
        return found

    def label(self, base: PathKey, path: PathKey) -> str:
        """``Budget › Voce di budget 2 › Importo``."""
        names = []
        for end, step in enumerate(path, start=1):
            where = (*base, *_schema_steps(path[:end]))
            name = self.shape.label(where, self.t)
            names.append(f"{name} {step + 1}" if isinstance(step, int) else name)
        return " › ".join(names)

    def value(self, where: PathKey, value: Any) -> str:
        """A value as the documents show it (``—`` when it is not written)."""
        if value is None or isinstance(value, bool):
            return ABSENT if value is None else self.t(msg("yes") if value else msg("no"))
        if isinstance(value, int | float):
            return self._number(where, value)
        if isinstance(value, str):
            return self._text(where, value)
        if isinstance(value, list):
            return ", ".join(self.value((*where, 0), item) for item in value) or ABSENT
        if isinstance(value, dict):
            return "; ".join(
                f"{self.shape.label((*where, key), self.t)}: {self.value((*where, key), item)}"
                for key, item in value.items()
            )
        return str(value)

    def _text(self, where: PathKey, value: str) -> str:
        """A date as the documents write it, a reference as the name of what it names (and its id)."""
        if self.shape.kinds(where) & DATE_KINDS:
            return self.formats.when(value)
        coded = CODED.get((where[0], where[-1] if isinstance(where[-1], str) else where[-2])) if where else None
        if coded and value in coded:
            return self.t(coded[value])
        name = self.names.get(value) if self.shape.is_reference(where) else None
        return f"{name} ({value})" if name and name != value else value

    def _number(self, where: PathKey, value: float) -> str:
        """A year as written, an amount as money, any other number in the locale's form."""
        if self.shape.kinds(where) & YEAR_KINDS:
            return str(value)
        exact = Decimal(str(value))  # the loaded value; a checked plan's numbers are written plainly
        if where[-1] == "amount":
            return self.formats.money(int((exact * 100).to_integral_value()))
        return self.formats.number(exact)

    def quoted(self, text: str) -> str:
        """A piece of text in the language's quotation marks."""
        return self.t(msg("“{text}”", text=text))

    def summary(self, changes: Changes) -> str:
        """``2 changed, 1 new, 1 removed (1 with a new id)``, or that nothing changed."""
        if not changes.objects:
            return self.t(msg("No changes."))
        text = self.t(
            msg(
                "{changed} changed, {added} new, {removed} removed",
                changed=changes.count(CHANGED),
                added=changes.count(ADDED),
                removed=changes.count(REMOVED),
            )
        )
        if changes.renamed:
            text += " " + self.t(msg("({count} with a new id)", count=changes.renamed))
        return text + "."


def changes_as(changes: Changes, words: ChangeWords, labels: tuple[str, str], output_format: str) -> str:
    """The changes in one of ``CHANGE_FORMATS``; ``labels`` say how the two versions were named."""
    if output_format == "json":
        return _json(changes, words, labels)
    title = words.t(
        msg(
            "Changes from {old} ({old_label}) to {new} ({new_label})",
            old=changes.old_version or "?",
            old_label=labels[0],
            new=changes.new_version or "?",
            new_label=labels[1],
        )
    )
    if output_format == "markdown":
        return _markdown(changes, words, title)
    lines = [title + ":"]
    for change in changes.objects:
        lines.append(f"{words.verb(change)}: {words.heading(change)}")
        lines.extend(f"    {row.label}: {row.before} → {row.after}" for row in words.rows(change))
    lines.append(words.summary(changes))
    return "\n".join(lines) + "\n"


def _markdown(changes: Changes, words: ChangeWords, title: str) -> str:
    out = [f"# {escape(title)}", "", escape(words.summary(changes)), ""]
    for change in changes.objects:
        out.extend([f"## {escape(words.verb(change))}: {escape(words.heading(change))}", ""])
        rows = words.rows(change)
        out.extend(f"- **{escape(row.label)}**: {escape(row.before)} → {escape(row.after)}" for row in rows)
        out.extend([""] if rows else [])
    return "\n".join(out).rstrip("\n") + "\n"


def _json(changes: Changes, words: ChangeWords, labels: tuple[str, str]) -> str:
    payload = {
        "old": {"spec": labels[0], "version": changes.old_version},
        "new": {"spec": labels[1], "version": changes.new_version},
        "summary": {
            "changed": changes.count(CHANGED),
            "added": changes.count(ADDED),
            "removed": changes.count(REMOVED),
            "renamed": changes.renamed,
        },
        "changes": [_json_object(change, words) for change in changes.objects],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def _json_object(change: ObjectChange, words: ChangeWords) -> dict[str, Any]:
    base: PathKey = (change.section,) if change.id == change.section else (change.section, 0)
    return {
        "change": change.change,
        "section": change.section,
        "id": change.id,
        "formerly": change.formerly,
        "title": change.title,
        "fields": [_json_field(item, words.label(base, item.path)) for item in change.fields],
    }


def _json_field(item: FieldChange, label: str) -> dict[str, Any]:
    return {"path": list(item.path), "field": label, "before": item.before, "after": item.after}


def _schema_steps(path: PathKey) -> PathKey:
    """A path as the schema sees it: every list index is the same ``items``."""
    return tuple(0 if isinstance(step, int) else step for step in path)
