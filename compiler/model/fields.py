"""Read a plan file's mappings as typed values, tolerantly: the schema has reported shape errors."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from typing import Any, TypeGuard

from compiler.messages.diagnostics import Where
from compiler.model.dates import PlanDate
from compiler.model.numbers import exact
from compiler.model.objects import Measure
from compiler.model.refs import Ref
from compiler.schema import definition
from compiler.sources import PathKey, SourceFile

#: Text that is a qualitative value, not a number in quotes (the schema's ``measureValue`` pattern).
_TEXT_VALUE = re.compile(definition("measureValue")["pattern"])
#: A plain YAML scalar as written, up to a space, a comment or the end of a flow collection.
_PLAIN_TOKEN = re.compile(r"[^\s#,\]}]+")


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

    def identifier(self) -> str | None:
        """The ``id`` as written: an unquoted ``17.19`` that YAML read as a number stays ``17.19``.

        The schema reports the missing quotes; keeping the object here spares the drafter a
        cascade of "unknown id" errors for every reference to it.
        """
        value = self.data.get("id")
        if isinstance(value, str):
            return value
        if not is_number(value):
            return None
        where = self.where("id")
        lines = self.source.text.splitlines()
        line = lines[where.line - 1] if 0 < where.line <= len(lines) else ""
        token = _PLAIN_TOKEN.match(line, where.column - 1)
        return token.group() if token else str(value)

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
        return self.child(key).as_measure()

    def measures(self, key: str) -> tuple[Measure, ...]:
        return tuple(filter(None, (item.as_measure() for item in self.children(key))))

    def value(self) -> Decimal | str | None:
        """The ``value``: a number (as written), or a qualitative text; ``None`` for a number in quotes or no value."""
        raw = self.data.get("value")
        value: Decimal | str | None = self.number("value") if is_number(raw) else raw if isinstance(raw, str) else None
        if isinstance(value, str) and _TEXT_VALUE.search(value) is None:
            return None  # a number in quotes: the schema says so, and nothing here guesses which number
        return value

    def as_measure(self) -> Measure | None:
        """This mapping as a baseline, milestone or target; ``None`` without a usable value and year."""
        value, year = self.value(), whole(self.data.get("year"))
        if value is None or not isinstance(year, int) or isinstance(year, bool):
            return None
        return Measure(value, year, self.where(), self.text("note"), self.text("comparator"), self.number("up_to"))


def whole(value: object) -> object:
    """``2027.0`` as 2027: JSON Schema calls it an integer, so the model must read it as one."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


def is_number(value: object) -> TypeGuard[int | float]:
    return isinstance(value, int | float) and not isinstance(value, bool)


def address(item: Fields) -> str | None:
    """``Via Roma 1, 15121 Alessandria (AL)`` from the parts that are written."""
    town = " ".join(part for part in (item.text("postcode"), item.text("city")) if part)
    province = item.text("province")
    if province:
        town = f"{town} ({province})" if town else province
    line = ", ".join(part for part in (item.text("street"), town) if part)
    return line or None
