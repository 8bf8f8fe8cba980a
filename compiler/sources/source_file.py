"""A loaded plan file: its values, its text, and where each key and value was written."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from compiler.messages.diagnostics import Diagnostic, Where

#: Key path inside one file: mapping keys and list indexes from the top.
PathKey = tuple[str | int, ...]


@dataclass
class SourceFile:
    """One loaded plan file: its data and where each key and value was written."""

    file: str
    data: dict[str, Any]
    text: str
    values: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    keys: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    #: The text of every value written as a number (``12.000``, ``1e400``), as written.
    numbers: dict[PathKey, str] = field(default_factory=dict)

    def where(self, path: PathKey) -> Where:
        """Where the value at ``path`` (or its nearest written ancestor) starts."""
        for end in range(len(path), -1, -1):
            position = self.values.get(path[:end])
            if position is not None:
                return Where(self.file, *position)
        return Where(self.file)

    def key_where(self, path: PathKey) -> Where:
        """Where the key of ``path`` is written, or its value if it has no key."""
        position = self.keys.get(path)
        return Where(self.file, *position) if position else self.where(path)


@dataclass(frozen=True)
class Loaded:
    """What reading one file gave: its values (if it could be read), problems and text."""

    source: SourceFile | None
    problems: list[Diagnostic]
    text: str | None = None
