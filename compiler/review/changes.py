"""Compare two versions of a plan object by object: added, removed, renamed, and field by field.

Objects are matched by id; an object that says ``formerly: OLD-ID`` takes over ``OLD-ID``'s
place (a rename), and a reference to ``OLD-ID`` in the old version counts as a reference to its
new id. Nothing is ever paired by likeness. The comparison walks the data as written, so every
field the schema has (now or later) is compared; which values are references comes from the schema.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from compiler.review.shape import Shape, plan_shape
from compiler.review.snapshot import REVIEW_RECORD, PlanData
from compiler.sources import PathKey

#: Keys that say which object this is, not what it says.
IDENTITY = frozenset({"id", "formerly"})
ADDED, REMOVED, CHANGED = "added", "removed", "changed"


@dataclass(frozen=True)
class FieldChange:
    """One value that differs: where (from the object), before and after (``None``: not written)."""

    path: PathKey
    before: Any
    after: Any


@dataclass(frozen=True)
class ObjectChange:
    """An object (or a section without ids, such as ``plan``) that was added, removed or changed."""

    change: str
    section: str
    id: str
    title: str
    formerly: str | None = None
    fields: tuple[FieldChange, ...] = ()


@dataclass(frozen=True)
class Changes:
    """What changed from one version to the next, in the new version's order."""

    old_version: str
    new_version: str
    objects: tuple[ObjectChange, ...] = field(default=())
    names: dict[str, str] = field(default_factory=dict)  #: what each id of either version is called

    def count(self, change: str) -> int:
        """How many objects were ``added``, ``removed`` or ``changed``."""
        return sum(1 for item in self.objects if item.change == change)

    @property
    def renamed(self) -> int:
        """How many objects have a new id."""
        return sum(1 for item in self.objects if item.formerly)

    def of(self, identifier: str) -> ObjectChange | None:
        """The change of the object with this (new) id, if it changed."""
        return next((item for item in self.objects if item.id == identifier and item.change != REMOVED), None)


def compare(old: PlanData, new: PlanData, shape: Shape | None = None) -> Changes:
    """Every object and section that differs between ``old`` and ``new``."""
    comparison = _Comparison(shape or plan_shape(), _renames(old, new))
    sections = [s for s in dict.fromkeys([*new, *old]) if s not in REVIEW_RECORD]
    found: list[ObjectChange] = []
    for section in sections:
        before, after = old.get(section), new.get(section)
        if _identified(before) or _identified(after):
            found.extend(comparison.objects(section, _items(before), _items(after)))
        else:
            found.extend(comparison.section(section, before, after))
    names = {item["id"]: title_of(item, item["id"]) for data in (old, new) for v in data.values() for item in _items(v)}
    return Changes(_version(old), _version(new), tuple(found), names)


def formerly(item: dict[str, Any]) -> list[str]:
    """The ids an object says it had before (``formerly: X`` or a list)."""
    value = item.get("formerly")
    values = value if isinstance(value, list) else [value]
    return [former for former in values if isinstance(former, str)]


def title_of(item: Any, fallback: str) -> str:
    """What an object is called: its title, name or short name, else ``fallback``."""
    if isinstance(item, dict):
        for key in ("title", "name", "short_name"):
            if isinstance(item.get(key), str):
                return str(item[key])
    return fallback


class _Comparison:
    def __init__(self, shape: Shape, renames: dict[str, str]) -> None:
        self.shape = shape
        self.renames = renames

    def objects(self, section: str, old: list[dict[str, Any]], new: list[dict[str, Any]]) -> Iterator[ObjectChange]:
        before = {item["id"]: item for item in old}
        present = {item["id"] for item in new}
        taken: set[str] = set()
        for item in new:
            identifier = item["id"]
            former = next((f for f in formerly(item) if f in before and f not in taken | present), None)
            match = identifier if identifier in before else former
            title = title_of(item, identifier)
            if match is None:
                yield ObjectChange(ADDED, section, identifier, title)
                continue
            taken.add(match)
            fields = tuple(self.values((section, 0), (), before[match], item))
            if fields or match != identifier:
                renamed = match if match != identifier else None
                yield ObjectChange(CHANGED, section, identifier, title, renamed, fields)
        for identifier, item in before.items():
            if identifier not in taken:
                yield ObjectChange(REMOVED, section, identifier, title_of(item, identifier))

    def section(self, section: str, before: Any, after: Any) -> Iterator[ObjectChange]:
        if before == after:
            return
        title = title_of(after if after is not None else before, section)
        if before is None or after is None:
            yield ObjectChange(ADDED if before is None else REMOVED, section, section, title)
            return
        fields = tuple(self.values((section,), (), before, after))
        if fields:
            yield ObjectChange(CHANGED, section, section, title, None, fields)

    def values(self, schema_path: PathKey, path: PathKey, before: Any, after: Any) -> Iterator[FieldChange]:
        """The differences between two values; ``schema_path`` is where they sit in the whole plan."""
        if isinstance(before, dict) and isinstance(after, dict):
            for key in dict.fromkeys([*after, *before]):
                if not (path == () and key in IDENTITY):
                    yield from self.values((*schema_path, key), (*path, key), before.get(key), after.get(key))
        elif _nested(before) and _nested(after):
            for index in range(max(len(before), len(after))):
                old = before[index] if index < len(before) else None
                new = after[index] if index < len(after) else None
                yield from self.values((*schema_path, 0), (*path, index), old, new)
        elif self._renamed(schema_path, before) != after:
            yield FieldChange(path, before, after)

    def _renamed(self, schema_path: PathKey, value: Any) -> Any:
        """An old reference as the new version names the same object."""
        if not self.renames or not self.shape.is_reference(schema_path):
            return value
        if isinstance(value, list):
            return [self.renames.get(item, item) if isinstance(item, str) else item for item in value]
        return self.renames.get(value, value) if isinstance(value, str) else value


def _renames(old: PlanData, new: PlanData) -> dict[str, str]:
    """Old id → new id, for the objects of ``new`` that declare the id they had in ``old``."""
    old_ids = {item["id"] for section in old.values() for item in _items(section)}
    new_ids = {item["id"] for section in new.values() for item in _items(section)}
    return {
        former: item["id"]
        for section in new.values()
        for item in _items(section)
        for former in formerly(item)
        if former in old_ids and former not in new_ids
    }


def _items(value: Any) -> list[dict[str, Any]]:
    """The objects of a list section (those with a text id)."""
    if not isinstance(value, list):
        return []
    return [item for item in value if isinstance(item, dict) and isinstance(item.get("id"), str)]


def _identified(value: Any) -> bool:
    return bool(_items(value))


def _nested(value: Any) -> bool:
    """A list holding mappings (budget lines, values): compared item by item."""
    return isinstance(value, list) and any(isinstance(item, dict) for item in value)


def _version(data: PlanData) -> str:
    meta = data.get("plan")
    return str(meta.get("version", "")) if isinstance(meta, dict) else ""
