"""Characters written as escapes in double-quoted YAML (``"\\u202E"``, ``"\\e"``), checked once decoded.

The raw text of a plan file is checked for control and text-direction characters before YAML
reads it, but an escape writes the same characters with visible ones. So the decoded value of
every double-quoted scalar is checked too, and the diagnostic points at the escape that wrote it.
"""

from __future__ import annotations

import re
from typing import Any

from compiler.messages.diagnostics import Diagnostic, Where
from compiler.sources.characters import MAX_CHARACTER_REPORTS, bad_character, first_bad_character

_ESCAPE = re.compile(r"\\(?:x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)", re.DOTALL)
#: YAML 1.2's one-letter escapes and what they write.
_LETTERS = {"0": "\0", "a": "\a", "b": "\b", "v": "\v", "f": "\f", "e": "\x1b", "N": "\x85"}


def _decoded(escape: str) -> str:
    if escape[1] in "xuU":
        return chr(int(escape[2:], 16))
    return _LETTERS.get(escape[1], "")


def escaped_characters(lines: list[str], file: str, start: Any, end: Any) -> list[Diagnostic]:
    """A diagnostic for each escape between two YAML marks that writes a forbidden character."""
    problems: list[Diagnostic] = []
    for number in range(start.line, min(end.line, len(lines) - 1) + 1):
        line = lines[number]
        first = start.column if number == start.line else 0
        last = end.column if number == end.line else len(line)
        for escape in _ESCAPE.finditer(line, first, last):
            character = first_bad_character(_decoded(escape.group()))
            if character is not None and len(problems) < MAX_CHARACTER_REPORTS:
                where = Where(file, number + 1, escape.start() + 1)
                problems.append(bad_character(character, where, escape.group()))
    return problems
