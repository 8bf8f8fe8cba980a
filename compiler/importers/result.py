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

#: The list sections an importer fills.
IMPORTED_SECTIONS = ("organisations", "objectives", "indicators", "actions")
_EXAMPLES = 3

#: Every kind of note, and what the importer did. A test keeps it equal to the kinds the code notes.
NOTE_KINDS = {
    "actor-type": "An AgID actor has no known tipo: it became an organisation of type other.",
    "clamped-date": "A date outside the plan period was moved to the period's edge.",
    "date-order": "An end came before its start: the end was dropped (results' deadline) or set to the start.",
    "default-baseline": "A target had no baseline value: 0 was written.",
    "default-date": "No date in the data: the plan date or an action's span was set to a documented default.",
    "default-end": "An AgID action line has no fine, entro or deadline in its results: it ends with the period.",
    "default-start": "An AgID action line has no inizio: it starts with the plan period.",
    "milestone-values-ignored": "A milestone carried a unit or values: milestones are qualitative, and these were ignored.",
    "missing-unit": "A target had no unit (empty or NA): “unità non indicata” was written.",
    "no-registry": "The PNRR owners' registry is missing: organisations have no codes.",
    "no-subchapter": "Some AgID lines of a chapter with subchapters have none: they went under an extra objective.",
    "owner-not-in-registry": "A PNRR owner matched no row of the owners' registry.",
    "placeholder-results": "An AgID line's risultati is the placeholder “---”: it has no deliverables.",
    "renamed-id": "A source code is not a valid planc id: the closest valid id was used.",
    "repeated-actor": "An AgID line lists an actor twice: it was kept once.",
    "repeated-id": "A code is used by several rows or objects: merged if they agree, else suffixed _2, _3….",
    "series-not-joined": "Targets the data links would not move one way as a series: each kept as its own indicator.",
    "several-owners": "A PNRR measure has several owners: they lead it jointly, the one on most rows first.",
    "skipped-action": "An AgID entry could not make an action (not a mapping, or no known actor): left out.",
    "skipped-indicator": "A milestone or target could not make an indicator (no deadline, no target value): left out.",
    "source-warning": "planc's loader warned about an AgID source file.",
    "text-changed": "A text lost invisible characters or was cut to its field's limit with an ellipsis.",
    "typo-key": "AgID's typo key “a:” was read as “entro:”.",
    "unknown-actor": "An AgID line names an actor missing from attori.yml: it was left out of the line.",
    "unknown-key": "An AgID line has a key outside AgID's format: it was left out.",
    "unknown-status": "An AgID stato has no planc equivalent: no status was written.",
    "unreadable-date": "An AgID date is not MM/YYYY: it was left out.",
    "unreadable-code": "An owner's tax or IPA code in the registry has not the shape planc checks: left out.",
    "unreadable-number": "A PNRR value is not a number: the value was treated as missing.",
    "variant-text": "One mission or component is titled in several ways: the most frequent title was kept.",
    "zero-target": "A target has 0 as both baseline and value (perhaps “not given”): kept, with no direction.",
}


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
    statuses: list[Item] = field(default_factory=list)  #: actions' statuses as of the plan's date
    notes: list[Note] = field(default_factory=list)
    source_counts: dict[str, int] = field(default_factory=dict)
    handled: Counter[str] = field(default_factory=Counter)
    _noted: set[Note] = field(default_factory=set, repr=False)

    def note(self, kind: str, where: str, text: str) -> None:
        """Record one note, once (the same cell may be cleaned for two fields)."""
        note = Note(kind, where, text)
        if note not in self._noted:
            self._noted.add(note)
            self.notes.append(note)

    def text(self, raw: object, where: str, rich: bool = False) -> str | None:
        """Clean a text for a plan field, noting what had to change."""
        cleaned = fields.clean(raw, rich)
        for change in cleaned.changes:
            self.note("text-changed", where, change)
        return cleaned.text

    def section(self, name: str) -> list[Item]:
        """One list section by name."""
        if name not in IMPORTED_SECTIONS:
            raise KeyError(name)
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
    read = ", ".join(f"{count} {what}" for what, count in result.source_counts.items())
    made = ", ".join(f"{count} {kind}" for kind, count in result.counts().items())
    lines = [f"Read {result.source}: {read}.", f"Made the plan {result.name}: {made}."]
    if result.handled:
        lines.append("Quirks of the source handled on the way (what: how many times):")
        lines.extend(f"  {what}: {count}" for what, count in sorted(result.handled.items()))
    if not result.notes:
        return "\n".join([*lines, "Everything else was taken over as written."])
    lines.append("Not taken over as written (kind: count, then examples):")
    for kind, count in sorted(result.kinds().items()):
        lines.append(f"  {kind}: {count}. {NOTE_KINDS.get(kind, '')}".rstrip())
        notes = [note for note in result.notes if note.kind == kind]
        for note in notes if verbose else notes[:_EXAMPLES]:
            lines.append(f"    {note.where}: {note.text}")
        if not verbose and count > _EXAMPLES:
            lines.append(f"    … and {count - _EXAMPLES} more (--verbose lists them all)")
    return "\n".join(lines)
