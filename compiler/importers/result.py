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
from compiler.messages.diagnostics import CommandError, Text, msg
from compiler.messages.translate import Translator

#: One object of a plan section, ready to be written as YAML.
Item = dict[str, Any]

#: The list sections an importer fills.
IMPORTED_SECTIONS = ("organisations", "objectives", "indicators", "actions")
_EXAMPLES = 3

#: Every kind of note, and what the importer did. A test keeps it equal to the kinds the code notes.
NOTE_KINDS: dict[str, Text] = {
    "actor-type": msg("An AgID actor has no known tipo: it became an organisation of type other."),
    "clamped-date": msg("A date outside the plan period was moved to the period's edge."),
    "date-order": msg("An end came before its start: the end was dropped (results' deadline) or set to the start."),
    "default-baseline": msg("A target had no baseline value: 0 was written."),
    "default-date": msg("No date in the data: the plan date or an action's span was set to a documented default."),
    "default-end": msg("An AgID action line has no fine, entro or deadline in its results: it ends with the period."),
    "default-start": msg("An AgID action line has no inizio: it starts with the plan period."),
    "milestone-values-ignored": msg(
        "A milestone carried a unit or values: milestones are qualitative, and these were ignored."
    ),
    "missing-unit": msg("A target had no unit (empty or NA): “unità non indicata” was written."),
    "no-registry": msg("The PNRR owners' registry is missing: organisations have no codes."),
    "no-subchapter": msg(
        "Some AgID lines of a chapter with subchapters have none: they went under an extra objective."
    ),
    "owner-not-in-registry": msg("A PNRR owner matched no row of the owners' registry."),
    "placeholder-results": msg("An AgID line's risultati is the placeholder “---”: it has no deliverables."),
    "renamed-id": msg("A source code is not a valid planc id: the closest valid id was used."),
    "repeated-actor": msg("An AgID line lists an actor twice: it was kept once."),
    "repeated-id": msg("A code is used by several rows or objects: merged if they agree, else suffixed _2, _3…."),
    "series-not-joined": msg(
        "Targets the data links would not move one way as a series: each kept as its own indicator."
    ),
    "several-owners": msg("A PNRR measure has several owners: they lead it jointly, the one on most rows first."),
    "skipped-action": msg("An AgID entry could not make an action (not a mapping, or no known actor): left out."),
    "skipped-indicator": msg(
        "A milestone or target could not make an indicator (no deadline, no target value): left out."
    ),
    "source-warning": msg("planc's loader warned about an AgID source file."),
    "text-changed": msg("A text lost invisible characters or was cut to its field's limit with an ellipsis."),
    "typo-key": msg("AgID's typo key “a:” was read as “entro:”."),
    "unknown-actor": msg("An AgID line names an actor missing from attori.yml: it was left out of the line."),
    "unknown-key": msg("An AgID line has a key outside AgID's format: it was left out."),
    "unknown-status": msg("An AgID stato has no planc equivalent: no status was written."),
    "unreadable-date": msg("An AgID date is not MM/YYYY: it was left out."),
    "unreadable-code": msg("An owner's tax or IPA code in the registry has not the shape planc checks: left out."),
    "unreadable-number": msg("A PNRR value is not a number: the value was treated as missing."),
    "variant-text": msg("One mission or component is titled in several ways: the most frequent title was kept."),
    "zero-target": msg("A target has 0 as both baseline and value (perhaps “not given”): kept, with no direction."),
}


class SourceError(CommandError):
    """The source folder cannot be read as this importer's data (missing file, wrong columns)."""


@dataclass(frozen=True)
class Note:
    """One thing the importer changed, defaulted or left out, and why."""

    kind: str
    where: str
    text: Text


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
    source_counts: dict[Text, int] = field(default_factory=dict)
    handled: Counter[Text] = field(default_factory=Counter)
    _noted: set[Note] = field(default_factory=set, repr=False)

    def note(self, kind: str, where: str, text: Text) -> None:
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


def describe(result: ImportResult, verbose: bool = False, translate: Translator | None = None) -> str:
    """Say in plain words, in ``translate``'s language, what was read, what was made and what was not taken over."""
    say = translate or Translator("en")
    read = ", ".join(f"{count} {say(what)}" for what, count in result.source_counts.items())
    made = ", ".join(f"{count} {say(_COUNTED[kind])}" for kind, count in result.counts().items())
    lines = [
        say(msg("Read {source}: {read}.", source=result.source, read=read)),
        say(msg("Made the plan {name}: {made}.", name=result.name, made=made)),
    ]
    if result.handled:
        lines.append(say(msg("Quirks of the source handled on the way (what: how many times):")))
        lines.extend(sorted(f"  {say(what)}: {count}" for what, count in result.handled.items()))
    if not result.notes:
        return "\n".join([*lines, say(msg("Everything else was taken over as written."))])
    lines.append(say(msg("Not taken over as written (kind: count, then examples):")))
    for kind, count in sorted(result.kinds().items()):
        meaning = say(NOTE_KINDS[kind]) if kind in NOTE_KINDS else ""
        lines.append(f"  {kind}: {count}. {meaning}".rstrip())
        notes = [note for note in result.notes if note.kind == kind]
        for note in notes if verbose else notes[:_EXAMPLES]:
            lines.append(f"    {note.where}: {say(note.text)}")
        if not verbose and count > _EXAMPLES:
            lines.append("    " + say(msg("… and {more} more (--verbose lists them all)", more=count - _EXAMPLES)))
    return "\n".join(lines)


_COUNTED: dict[str, Text] = {
    "organisations": msg("organisations"),
    "axes": msg("axes"),
    "objectives": msg("objectives"),
    "indicators": msg("indicators"),
    "actions": msg("actions"),
}
