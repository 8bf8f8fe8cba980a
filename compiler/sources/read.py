"""Read one plan file: its bytes, its text, its values, and every problem found on the way."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from compiler.messages.diagnostics import Where, msg
from compiler.messages.system import reason
from compiler.sources import codes, loader, spreadsheet
from compiler.sources.characters import forbidden, unprintable_in
from compiler.sources.decode import MAX_BYTES, decode, too_large
from compiler.sources.source_file import Loaded


def load(path: Path, file: str) -> Loaded:
    """Read one plan file (YAML, or a CSV table) as ``file`` (the name diagnostics show)."""
    try:
        raw = _read(path)
    except _TooLarge as large:
        return Loaded(None, [too_large(file, large.size)])
    except _NotAFile:
        message = msg("Cannot read the file: it is not an ordinary file (a pipe or a device).")
        return Loaded(None, [codes.UNREADABLE_FILE.at(Where(file), message)])
    except OSError as exc:
        message = msg("Cannot read the file: {reason}.", reason=reason(exc))
        return Loaded(None, [codes.UNREADABLE_FILE.at(Where(file), message)])
    return _values(raw, file, is_table=path.suffix == ".csv")


def _values(raw: bytes, file: str, is_table: bool) -> Loaded:
    """A file's bytes as text, and its text as values (a CSV table's positions are rows and cells)."""
    text, problems = decode(raw, file)
    if text is None:
        return Loaded(None, problems)
    problems = list(forbidden(text, file))
    if problems:
        return Loaded(None, problems, text)
    if is_table:
        return Loaded(*spreadsheet.parse_table(text, file))
    source, problems = loader.load_values(text, file)
    return Loaded(source, [*problems, *unprintable_in(text, file)], text)


class _NotAFile(Exception):
    pass


class _TooLarge(Exception):
    def __init__(self, size: int) -> None:
        super().__init__(size)
        self.size = size


def _read(path: Path) -> bytes:
    """The file's bytes, its size read first: a huge file, a pipe or a device is never read whole."""
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)  # a pipe does not block the open
    with os.fdopen(descriptor, "rb") as handle:
        status = os.fstat(handle.fileno())
        if not stat.S_ISREG(status.st_mode):
            raise _NotAFile
        if status.st_size > MAX_BYTES:
            raise _TooLarge(status.st_size)
        raw = handle.read(MAX_BYTES + 1)  # the file may have grown since
        if len(raw) > MAX_BYTES:
            raise _TooLarge(len(raw))
        return raw
