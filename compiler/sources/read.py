"""Read one plan file: its bytes, its text, its values, and every problem found on the way."""

from __future__ import annotations

from pathlib import Path

from compiler.messages.diagnostics import Where, msg
from compiler.sources import codes, loader, spreadsheet
from compiler.sources.characters import forbidden, unprintable_in
from compiler.sources.decode import MAX_BYTES, decode, too_large
from compiler.sources.source_file import Loaded


def load(path: Path, file: str) -> Loaded:
    """Read one plan file (YAML, or a CSV table) as ``file`` (the name diagnostics show)."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        reason = exc.strerror or str(exc)
        return Loaded(
            None, [codes.UNREADABLE_FILE.at(Where(file), msg("Cannot read the file: {reason}.", reason=reason))]
        )
    if len(raw) > MAX_BYTES:
        return Loaded(None, [too_large(file, len(raw))])
    text, problems = decode(raw, file)
    if text is None:
        return Loaded(None, problems)
    problems = list(forbidden(text, file))
    if problems:
        return Loaded(None, problems, text)
    if path.suffix == ".csv":  # a table: its positions are rows and cells, so no source line is shown
        return Loaded(*spreadsheet.parse_table(text, file))
    source, problems = loader.parse(text, file)
    return Loaded(source, [*problems, *unprintable_in(text, file)], text)
