"""Explain the YAML parser's syntax errors in a drafter's words."""

from __future__ import annotations

from typing import TYPE_CHECKING

from compiler.messages.diagnostics import Diagnostic, Where, msg
from compiler.sources import codes

if TYPE_CHECKING:
    import yaml


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
    if "mapping values are not allowed" in problem:
        return codes.YAML_COLON.at(
            where,
            msg("A colon followed by a space appears inside a value, so YAML reads it as a new key."),
            msg('Put the whole value in double quotes, for example: title: "Obiettivo: ridurre".'),
        )
    return codes.YAML_SYNTAX.at(
        where,
        msg("The YAML structure is broken here ({detail}).", detail=_describe(exc)),
        msg(
            "Check the indentation and the punctuation on this line and the one before; values with special characters go in quotes."
        ),
    )


def _describe(exc: yaml.MarkedYAMLError) -> str:
    parts = [part for part in (exc.context, exc.problem) if part]
    if exc.context_mark and exc.problem_mark and exc.context_mark.line != exc.problem_mark.line:
        parts.append(f"from line {exc.context_mark.line + 1}")
    return ", ".join(parts) or "syntax error"
