"""The plan's objects as the editor sees them: where each is written, its name, the next free id,
what each reference field may point to, and which diagnostics belong to which field."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from compiler.checks.index import Index, references
from compiler.document.formats import grouping
from compiler.messages.diagnostics import Diagnostic
from compiler.model import Plan
from compiler.sources import PathKey, SourceFile

_NUMBERED = re.compile(r"^(.*?)([0-9]+)$")
#: The keys that name an object, in the order they are tried.
_NAME_KEYS = ("name", "title", "short_name")


@dataclass(frozen=True)
class Entry:
    """One object of a list section: its id, its name, and where it is written."""

    id: str
    name: str
    source: SourceFile
    path: PathKey  #: ``(section, index)`` inside its file


def catalogue(sources: Iterable[SourceFile], sections: Iterable[str]) -> dict[str, list[Entry]]:
    """Every object with an id of each list section, in plan order."""
    found: dict[str, list[Entry]] = {section: [] for section in sections}
    for source in sources:
        for section, entries in found.items():
            items = source.data.get(section)
            if not isinstance(items, list):
                continue
            for number, item in enumerate(items):
                if isinstance(item, dict) and isinstance(item.get("id"), str):
                    entries.append(Entry(item["id"], name_of(item), source, (section, number)))
    return found


def name_of(item: dict[str, Any]) -> str:
    """What an object is called: its name or title."""
    return next((item[key] for key in _NAME_KEYS if isinstance(item.get(key), str)), "")


def find(entries: dict[str, list[Entry]], section: str, identifier: str) -> Entry | None:
    """The first object of ``section`` with this id."""
    return next((entry for entry in entries.get(section, []) if entry.id == identifier), None)


def next_id(ids: list[str]) -> str | None:
    """The next free id after the last one: ``AZ-36`` → ``AZ-37``, ``OB-5.2`` → ``OB-5.3``.

    The number keeps the width of the largest one of its family; ``None`` if the last id has no
    number at its end (names such as ``comune-al``: the drafter chooses).
    """
    if not ids:
        return None
    last = _NUMBERED.match(ids[-1])
    if last is None:
        return None
    prefix = last.group(1)
    numbers = [found.group(2) for found in map(_NUMBERED.match, ids) if found and found.group(1) == prefix]
    width = max(len(number) for number in numbers)
    taken = set(ids)
    candidate = max(int(number) for number in numbers) + 1
    while f"{prefix}{candidate:0{width}d}" in taken:
        candidate += 1
    return f"{prefix}{candidate:0{width}d}"


def schema_location(path: PathKey) -> tuple[str, ...]:
    """A value's place in the schema: its path without list positions."""
    return tuple(step for step in path if isinstance(step, str))


def reference_targets(
    plan: Plan, sources: list[SourceFile], entries: dict[str, list[Entry]]
) -> dict[tuple[str, ...], tuple[str, ...]]:
    """For each place where references are written, the sections its references may point to.

    The checks own what a reference may name (``checks.index.references``); this reads it off the
    references the plan has, so a field that no object of the plan uses yet offers every object.
    """
    index = Index.of(plan, grouping)
    sections_of_kind: dict[str, set[str]] = {}
    for section, listed in entries.items():
        for entry in listed:
            kind = index.kinds.get(entry.id)
            if kind is not None:
                sections_of_kind.setdefault(kind, set()).add(section)
    paths = {(source.file, *position): path for source in sources for path, position in source.values.items()}
    targets: dict[tuple[str, ...], tuple[str, ...]] = {}
    for reference in references(plan):
        where = reference.ref.where
        path = paths.get((where.file, where.line, where.column))
        if path is None:
            continue
        allowed = set().union(*(sections_of_kind.get(kind, set()) for kind in reference.kinds))
        targets[schema_location(path)] = tuple(section for section in entries if section in allowed)
    return targets


def span(source: SourceFile, path: PathKey) -> tuple[int, int]:
    """The first and last line of the block at ``path`` (an object of a list, or a section)."""
    first = (source.keys.get(path) or source.values.get(path) or (1, 1))[0]
    if len(path) == 2 and isinstance(path[1], int):  # noqa: SIM102 - the next item, if any
        if (following := source.values.get((path[0], path[1] + 1))) is not None:
            return first, following[0] - 1
    later = [line for (key, *rest), (line, _column) in source.keys.items() if not rest and line > first]
    return first, (min(later) - 1 if later else len(source.text.splitlines()))


def field_problems(
    diagnostics: Iterable[Diagnostic], source: SourceFile, path: PathKey
) -> tuple[dict[str, list[Diagnostic]], list[Diagnostic]]:
    """The diagnostics of the object at ``path``: by field (``budget.1.amount``), and the rest."""
    first, last = span(source, path)
    places: dict[tuple[int, int], PathKey] = {position: key for key, position in source.keys.items()}
    places.update({position: key for key, position in source.values.items() if position not in places})
    by_field: dict[str, list[Diagnostic]] = {}
    general: list[Diagnostic] = []
    for diagnostic in diagnostics:
        where = diagnostic.where
        if where.file != source.file or not first <= where.line <= last:
            continue
        found = places.get((where.line, where.column))
        if found is not None and found[: len(path)] == path and len(found) > len(path):
            by_field.setdefault(".".join(str(step) for step in found[len(path) :]), []).append(diagnostic)
        else:
            general.append(diagnostic)
    return by_field, general
