"""Show diagnostics to people (text, with the source line and a caret) and to machines (JSON, GitHub)."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence

from compiler.messages.diagnostics import Diagnostic, Severity, count, msg
from compiler.messages.translate import Translator

REPORT_FORMATS = ("text", "json", "github")
HINT = msg("hint")


def format_diagnostics(
    diagnostics: Sequence[Diagnostic],
    translate: Translator,
    output_format: str = "text",
    texts: Mapping[str, str] | None = None,
) -> str:
    """Render diagnostics in one of ``REPORT_FORMATS``; ``texts`` (file → source) adds carets to text."""
    if output_format == "json":
        return _json(diagnostics, translate)
    if output_format == "github":
        return "".join(_github(d, translate) + "\n" for d in diagnostics)
    return "".join(_text(d, translate, texts) for d in diagnostics)


def summary(diagnostics: Sequence[Diagnostic], translate: Translator) -> str:
    """One line saying how many errors and warnings there are."""
    errors, warnings = count(diagnostics, Severity.ERROR), count(diagnostics, Severity.WARNING)
    if not errors and not warnings:
        return translate(msg("No problems found."))
    return translate(msg("{errors} error(s), {warnings} warning(s).", errors=errors, warnings=warnings))


def _text(diagnostic: Diagnostic, translate: Translator, texts: Mapping[str, str] | None) -> str:
    where = diagnostic.where
    lines = [
        f"{where.file}:{where.line}:{where.column}: {diagnostic.severity.value} "
        f"[{diagnostic.code}] {translate(diagnostic.message)}"
    ]
    if diagnostic.hint is not None:
        lines.append(f"    {translate(HINT)}: {translate(diagnostic.hint)}")
    source = texts.get(where.file) if texts else None
    if source is not None:
        lines.extend(_excerpt(source, where.line, where.column))
    return "\n".join(lines) + "\n"


def _excerpt(source: str, line: int, column: int) -> list[str]:
    source_lines = source.splitlines()
    if not 1 <= line <= len(source_lines):
        return []
    text = source_lines[line - 1].replace("\t", " ")
    gutter = f"{line:>6} | "
    return [gutter + text, " " * (len(gutter) - 2) + "| " + " " * (column - 1) + "^"]


def _json(diagnostics: Sequence[Diagnostic], translate: Translator) -> str:
    payload = {
        "diagnostics": [
            {
                "file": d.where.file,
                "line": d.where.line,
                "column": d.where.column,
                "severity": d.severity.value,
                "code": d.code,
                "message": translate(d.message),
                "hint": translate(d.hint) if d.hint is not None else None,
            }
            for d in diagnostics
        ],
        "errors": count(diagnostics, Severity.ERROR),
        "warnings": count(diagnostics, Severity.WARNING),
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def _github(diagnostic: Diagnostic, translate: Translator) -> str:
    where = diagnostic.where
    text = translate(diagnostic.message)
    if diagnostic.hint is not None:
        text += "\n" + translate(diagnostic.hint)
    command = "error" if diagnostic.severity is Severity.ERROR else "warning"
    return (
        f"::{command} file={_property(where.file)},line={where.line},col={where.column},"
        f"title={_property(diagnostic.code)}::{_data(text)}"
    )


def _data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(value: str) -> str:
    return _data(value).replace(":", "%3A").replace(",", "%2C")
