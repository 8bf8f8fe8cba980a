"""Explain the YAML parser's syntax errors in a drafter's words, at the line where the mistake is.

libyaml's own words (``while scanning a simple key, could not find expected ':'``) are English
and name its internals; each known problem is told here in words of the drafter's language,
and a missing colon is placed on the line that lacks it (libyaml notices it a line later).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from compiler.messages.diagnostics import Diagnostic, Text, Where, msg
from compiler.sources import codes

if TYPE_CHECKING:
    import yaml

_KEY = re.compile(r"\s*(?:-\s+)?([^\s:#][^\s:]*)")
#: libyaml's problem → what it means for a drafter (the first that appears in its message).
_PROBLEMS: tuple[tuple[str, Text], ...] = (
    ("end of stream", msg("a quotation mark opens a text that is never closed")),
    ("escape", msg("a backslash inside double quotes starts an escape YAML does not know")),
    ("expected ',' or ']'", msg("a list in square brackets is not closed, or its items lack commas")),
    ("expected ',' or '}'", msg("a group in braces is not closed, or its items lack commas")),
    ("expected key", msg("this line is not indented like the other lines of its block")),
    ("block end", msg("this line is not indented like the other lines of its block")),
    ("block sequence entries", msg("a “- ” list item cannot follow a key on the same line")),
    ("cannot start any token", msg("a value cannot start with this character unless it is in quotes")),
    ("mapping keys are not allowed", msg("a value cannot start with “? ” unless it is in quotes")),
    ("directive", msg("a line cannot start with “%” unless the text is in quotes")),
    ("tag", msg("a value cannot start with ! unless it is in quotes")),
    ("anchor", msg("a value cannot start with & or * unless it is in quotes")),
    ("alias", msg("a value cannot start with & or * unless it is in quotes")),
    ("comment or line break", msg("after | or > the text starts on the next line")),
)


def syntax_error(exc: yaml.MarkedYAMLError, file: str, lines: list[str]) -> Diagnostic:
    mark = exc.problem_mark or exc.context_mark
    where = Where(file, mark.line + 1, mark.column + 1) if mark else Where(file)
    problem = exc.problem or ""
    line_text = lines[mark.line] if mark and mark.line < len(lines) else ""
    if "\t" in line_text[: (mark.column + 1) if mark else 0] or (
        "cannot start any token" in problem and "\t" in line_text
    ):
        return codes.YAML_TAB.at(
            Where(file, where.line, line_text.index("\t") + 1) if "\t" in line_text else where,
            msg("A tab character is used here; YAML indentation must use spaces."),
            msg("Replace the tab with spaces (two spaces for each level)."),
        )
    if "could not find expected ':'" in problem and exc.context_mark is not None:
        return _missing_colon(file, lines, exc.context_mark.line)
    if "mapping values are not allowed" in problem and mark is not None:
        return _colon(file, lines, mark.line, where)
    if "end of stream" in problem and exc.context_mark is not None:  # where the quote was opened
        where = Where(file, exc.context_mark.line + 1, exc.context_mark.column + 1)
    meaning = next((text for known, text in _PROBLEMS if known in problem), msg("YAML cannot read this line"))
    return codes.YAML_SYNTAX.at(
        where,
        msg("The YAML structure is broken here: {meaning}.", meaning=meaning),
        msg(
            "Check the indentation and the punctuation on this line and the one before; values with special characters go in quotes."
        ),
    )


def _colon(file: str, lines: list[str], number: int, where: Where) -> Diagnostic:
    """``: `` where a value goes on: a colon inside a value, or a missing colon on the line above."""
    before = lines[number][: where.column - 1] if number < len(lines) else ""
    above = _previous(lines, number)
    if ": " not in before and above is not None and ":" not in lines[above].split(" #")[0]:
        return _missing_colon(file, lines, above)  # the line above is a key without its colon
    return codes.YAML_COLON.at(
        where,
        msg("A colon followed by a space appears inside a value, so YAML reads it as a new key."),
        msg('Put the whole value in double quotes, for example: title: "Obiettivo: ridurre".'),
    )


def _previous(lines: list[str], number: int) -> int | None:
    """The nearest line above ``number`` that holds something (not blank, not only a comment)."""
    for above in range(number - 1, -1, -1):
        text = lines[above].strip()
        if text and not text.startswith("#"):
            return above
    return None


def _missing_colon(file: str, lines: list[str], number: int) -> Diagnostic:
    """The key on line ``number`` (0-based) lacks its colon: say so there, right after the key."""
    text = lines[number] if number < len(lines) else ""
    key = _KEY.match(text)
    name, column = (key.group(1), key.end(1) + 1) if key else ("", len(text) + 1)
    return codes.MISSING_COLON.at(
        Where(file, number + 1, column),
        msg("A colon is missing after “{key}”: YAML cannot tell the key from its value.", key=name),
        msg("Write a colon and a space right after the key: “{key}: …”.", key=name),
    )
