"""Read a plan file's mappings as typed values, tolerantly: the schema has reported shape errors."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any, TypeGuard

from compiler.messages.diagnostics import Where
from compiler.model.dates import PlanDate
from compiler.model.numbers import exact
from compiler.model.objects import Measure, Ref
from compiler.sources import PathKey, SourceFile


class Fields:
    """Typed, tolerant access to one mapping of a plan file: a value of the wrong type reads as absent."""

    def __init__(self, source: SourceFile, path: PathKey, data: Any) -> None:
        self.source = source
        self.path = path
        self.data: dict[str, Any] = data if isinstance(data, dict) else {}

    def where(self, key: str | None = None) -> Where:
        return self.source.where((*self.path, key) if key else self.path)

    def text(self, key: str) -> str | None:
        value = self.data.get(key)
        return value if isinstance(value, str) else None

    def texts(self, key: str) -> tuple[str, ...]:
        value = self.data.get(key)
        return tuple(item for item in value if isinstance(item, str)) if isinstance(value, list) else ()

    def flag(self, key: str) -> bool:
        return self.data.get(key) is True

    def ref(self, key: str) -> Ref | None:
        value = self.data.get(key)
        return Ref(value, self.where(key)) if isinstance(value, str) else None

    def refs(self, key: str) -> tuple[Ref, ...]:
        value = self.data.get(key)
        if isinstance(value, str):
            return (Ref(value, self.where(key)),)
        if not isinstance(value, list):
            return ()
        path = (*self.path, key)
        return tuple(
            Ref(item, self.source.where((*path, index))) for index, item in enumerate(value) if isinstance(item, str)
        )

    def date(self, key: str) -> PlanDate | None:
        value = whole(self.data.get(key))
        if isinstance(value, bool) or not isinstance(value, str | int):
            return None
        return PlanDate(str(value), self.where(key))

    def child(self, key: str) -> Fields:
        return Fields(self.source, (*self.path, key), self.data.get(key))

    def children(self, key: str) -> Iterator[Fields]:
        value = self.data.get(key)
        if isinstance(value, list):
            for index, item in enumerate(value):
                yield Fields(self.source, (*self.path, key, index), item)

    def number(self, key: str) -> Decimal | None:
        """The exact value of a number, from the text written (``12.000`` stays 12.000)."""
        value = self.data.get(key)
        if not is_number(value):
            return None
        written = self.source.numbers.get((*self.path, key))
        return exact(written if written is not None else str(value))

    def measure(self, key: str) -> Measure | None:
        item = self.child(key)
        value, year = item.number("value"), whole(item.data.get("year"))
        if value is None or not isinstance(year, int) or isinstance(year, bool):
            return None
        return Measure(value, year, item.where(), item.text("note"))


def whole(value: object) -> object:
    """``2027.0`` as 2027: JSON Schema calls it an integer, so the model must read it as one."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


def is_number(value: object) -> TypeGuard[int | float]:
    return isinstance(value, int | float) and not isinstance(value, bool)
