"""Diagnostics are values: every stage returns them, none prints or exits.

A diagnostic is made from its ``Code`` (``ENCODING.at(where, message, hint)``), so the severity
of every problem has one owner: the code's entry in its stage's table, which the catalogue of
``planc codes`` lists.
"""

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

    def __hash__(self) -> int:  # a message can count things (``Counter[Text]``): hash what it says
        return hash((self.msgid, tuple(sorted(self.args.items()))))


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


@dataclass(frozen=True)
class Code:
    """A diagnostic code: its name, its severity and what it means (its catalogue entry)."""

    name: str
    severity: Severity
    meaning: Text

    def at(self, where: Where, message: Text, hint: Text | None = None) -> Diagnostic:
        """A diagnostic of this code at ``where``."""
        return Diagnostic(where, self.severity, self.name, message, hint)


def error(name: str, meaning: Text) -> Code:
    """Declare a code whose diagnostics are errors."""
    return Code(name, Severity.ERROR, meaning)


def warning(name: str, meaning: Text) -> Code:
    """Declare a code whose diagnostics are warnings."""
    return Code(name, Severity.WARNING, meaning)


def count(diagnostics: Iterable[Diagnostic], severity: Severity) -> int:
    """Count the diagnostics of one severity."""
    return sum(1 for d in diagnostics if d.severity is severity)


class CommandError(Exception):
    """A command cannot go on, for a reason written as a message (translated when shown)."""

    def __init__(self, message: Text) -> None:
        super().__init__(english(message))
        self.message = message


def english(text: Text) -> str:
    """A message in English with its arguments filled in (for logs and tracebacks)."""
    return text.msgid.format(**{name: _english_arg(value) for name, value in text.args.items()})


def _english_arg(value: Arg) -> str:
    if isinstance(value, Text):
        return english(value)
    if isinstance(value, tuple):
        return ", ".join(_english_arg(item) for item in value)
    return str(value)
