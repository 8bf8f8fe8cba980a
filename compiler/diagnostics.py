"""Diagnostics are values: every stage returns them, none prints or exits."""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Union

#: What a message argument may be: plain values, or further translatable text.
Arg = Union[str, int, float, "Text", tuple["Arg", ...]]


@dataclass(frozen=True)
class Text:
    """A message in English (the gettext msgid) with named arguments, translated when shown."""

    msgid: str
    args: Mapping[str, Arg] = field(default_factory=dict)


def msg(msgid: str, **args: Arg) -> Text:
    """Mark a message for translation; ``{name}`` placeholders are filled from ``args``."""
    return Text(msgid, args)


class Severity(enum.StrEnum):
    """How bad a problem is: errors stop a build, warnings only under ``--strict``."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Where:
    """A place in a plan source: file as given to the user, 1-based line and column."""

    file: str
    line: int = 1
    column: int = 1


@dataclass(frozen=True)
class Diagnostic:
    """One problem found in the plan, with where it is, what it is and what to write instead."""

    where: Where
    severity: Severity
    code: str
    message: Text
    hint: Text | None = None

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        """Order diagnostics by file, line, column and code."""
        return (self.where.file, self.where.line, self.where.column, self.code)


def error(where: Where, code: str, message: Text, hint: Text | None = None) -> Diagnostic:
    """Make an error diagnostic."""
    return Diagnostic(where, Severity.ERROR, code, message, hint)


def warning(where: Where, code: str, message: Text, hint: Text | None = None) -> Diagnostic:
    """Make a warning diagnostic."""
    return Diagnostic(where, Severity.WARNING, code, message, hint)


def count(diagnostics: Iterable[Diagnostic], severity: Severity) -> int:
    """Count the diagnostics of one severity."""
    return sum(1 for d in diagnostics if d.severity is severity)
