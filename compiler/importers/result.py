"""What an import produced: the plan's sections, and notes on what was not taken over as written.

Notes are values, like planc's diagnostics: the importers never print. A note has a ``kind``
(a short code such as ``repeated-id``), the place in the source it is about, and a sentence.
``describe`` turns a result into the plain-words report the command prints.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from compiler.importers import fields

#: One object of a plan section, ready to be written as YAML.
Item = dict[str, Any]

#: The list sections an importer fills, in the order they are written.
LIST_SECTIONS = ("organisations", "objectives", "indicators", "actions")
_EXAMPLES = 3


class SourceError(Exception):
    """The source folder cannot be read as this importer's data (missing file, wrong columns)."""


@dataclass(frozen=True)
class Note:
    """One thing the importer changed, defaulted or left out, and why."""

    kind: str
    where: str
    text: str


@dataclass
class ImportResult:
    """A plan made from foreign data: its sections and the notes about the mapping."""

    name: str
    source: str
    plan: Item
    organisations: list[Item] = field(default_factory=list)
    objectives: list[Item] = field(default_factory=list)
    indicators: list[Item] = field(default_factory=list)
    actions: list[Item] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    read: dict[str, int] = field(default_factory=dict)
    handled: Counter[str] = field(default_factory=Counter)

    def note(self, kind: str, where: str, text: str) -> None:
        """Record one note."""
        self.notes.append(Note(kind, where, text))

    def text(self, raw: object, where: str, rich: bool = False) -> str | None:
        """Clean a text for a plan field, noting what had to change."""
        cleaned = fields.clean(raw, rich)
        for change in cleaned.changes:
            self.note("text-changed", where, change)
        return cleaned.text

    def section(self, name: str) -> list[Item]:
        """One list section by name."""
        items: list[Item] = getattr(self, name)
        return items

    def counts(self) -> dict[str, int]:
        """How many objects of each kind the plan has (axes and objectives apart)."""
        axes = sum(1 for goal in self.objectives if "parent" not in goal)
        return {
            "organisations": len(self.organisations),
            "axes": axes,
            "objectives": len(self.objectives) - axes,
            "indicators": len(self.indicators),
            "actions": len(self.actions),
        }

    def kinds(self) -> Counter[str]:
        """How many notes of each kind."""
        return Counter(note.kind for note in self.notes)


def describe(result: ImportResult, verbose: bool = False) -> str:
    """Say in plain words what was read, what was made and what was not taken over as written."""
    read = ", ".join(f"{count} {what}" for what, count in result.read.items())
    made = ", ".join(f"{count} {kind}" for kind, count in result.counts().items())
    lines = [f"Read {result.source}: {read}.", f"Made the plan {result.name}: {made}."]
    if result.handled:
        lines.append("Quirks of the source handled on the way (what: how many times):")
        lines.extend(f"  {what}: {count}" for what, count in sorted(result.handled.items()))
    if not result.notes:
        return "\n".join([*lines, "Everything else was taken over as written."])
    lines.append("Not taken over as written (kind: count, then examples):")
    for kind, count in sorted(result.kinds().items()):
        lines.append(f"  {kind}: {count}")
        notes = [note for note in result.notes if note.kind == kind]
        for note in notes if verbose else notes[:_EXAMPLES]:
            lines.append(f"    {note.where}: {note.text}")
        if not verbose and count > _EXAMPLES:
            lines.append(f"    … and {count - _EXAMPLES} more (--verbose lists them all)")
    return "\n".join(lines)
