"""Show diagnostics to people (text, with the source line and a caret) and to machines (JSON, GitHub)."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence

from compiler.messages.diagnostics import Diagnostic, Severity, count, msg
from compiler.messages.translate import Translator

REPORT_FORMATS = ("text", "json", "github")
HINT = msg("hint")
#: What a terminal or a log reader would act on, or not show: control characters (a newline could
#: forge a ``FILE:LINE:COL`` line, an escape sequence rewrite the screen), text-direction
#: controls, line separators, and the undecodable bytes of a file name (lone surrogates).
_INVISIBLE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def visible(text: str) -> str:
    """``text`` with every invisible or terminal-controlling character written as an escape (``\\u202E``)."""
    return _INVISIBLE.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    character = match.group()
    code = ord(character)
    if character in _NAMED:
        return _NAMED[character]
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a file name that is not UTF-8 (surrogateescape)
        return f"\\x{code - 0xDC00:02X}"
    return f"\\x{code:02X}" if code < 0x100 else f"\\u{code:04X}"


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
        f"{visible(where.file)}:{where.line}:{where.column}: {diagnostic.severity.value} "
        f"[{diagnostic.code}] {visible(translate(diagnostic.message))}"
    ]
    if diagnostic.hint is not None:
        lines.append(f"    {translate(HINT)}: {visible(translate(diagnostic.hint))}")
    source = texts.get(where.file) if texts else None
    if source is not None:
        lines.extend(_excerpt(source, where.line, where.column))
    return "\n".join(lines) + "\n"


def _excerpt(source: str, line: int, column: int) -> list[str]:
    source_lines = source.splitlines()
    if not 1 <= line <= len(source_lines):
        return []
    text = visible(source_lines[line - 1].replace("\t", " "))
    gutter = f"{line:>6} | "
    return [gutter + text, " " * (len(gutter) - 2) + "| " + " " * (column - 1) + "^"]


def _json(diagnostics: Sequence[Diagnostic], translate: Translator) -> str:
    payload = {
        "diagnostics": [
            {
                "file": visible(d.where.file),
                "line": d.where.line,
                "column": d.where.column,
                "severity": d.severity.value,
                "code": d.code,
                "message": visible(translate(d.message)),
                "hint": visible(translate(d.hint)) if d.hint is not None else None,
            }
            for d in diagnostics
        ],
        "errors": count(diagnostics, Severity.ERROR),
        "warnings": count(diagnostics, Severity.WARNING),
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def _github(diagnostic: Diagnostic, translate: Translator) -> str:
    where = diagnostic.where
    text = visible(translate(diagnostic.message))
    if diagnostic.hint is not None:
        text += "\n" + visible(translate(diagnostic.hint))
    command = "error" if diagnostic.severity is Severity.ERROR else "warning"
    return (
        f"::{command} file={_property(visible(where.file))},line={where.line},col={where.column},"
        f"title={_property(diagnostic.code)}::{_data(text)}"
    )


def _data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(value: str) -> str:
    return _data(value).replace(":", "%3A").replace(",", "%2C")
