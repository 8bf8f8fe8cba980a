"""Save a form: write its changes into the plan file only if they are exactly right.

In order: the file must be the one the form was opened on (its digest), or nothing is written;
the new text must read back through planc's strict loader as exactly the new values (if the
quoting the file uses cannot say a value exactly, it is tried again in double quotes); only the
object's own lines may differ; the object must have no error in the checked plan. Then the file
is replaced in one step. Any refusal leaves the file as it was.
"""

from __future__ import annotations

import codecs
import difflib
import hashlib
import json
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from compiler import sources
from compiler.editing import yaml_edit
from compiler.editing.objects import span
from compiler.messages.diagnostics import Diagnostic, Severity, Text, msg
from compiler.outcome import Checked
from compiler.sources import PathKey, SourceFile

#: How the caller checks the whole plan with one file read from elsewhere.
Checker = Callable[[Path, Path], Checked]


@dataclass(frozen=True)
class Change:
    """What a form asks: in ``file``, the object at ``path`` (``None``: a new one) becomes ``new``."""

    file: Path
    digest: str
    section: str
    path: PathKey | None
    new: dict[str, Any]
    as_list: bool = True


@dataclass(frozen=True)
class Saved:
    """What a save did: whether it wrote, why not, and the diagnostics of the object afterwards."""

    written: bool
    refusal: Text | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    source: SourceFile | None = None
    path: PathKey | None = None


def digest(raw: bytes) -> str:
    """The fingerprint of a file's bytes, carried by the form."""
    return hashlib.sha256(raw).hexdigest()


class _Refused(Exception):
    """Why a change is not written."""

    def __init__(self, reason: Text) -> None:
        super().__init__(reason.msgid)
        self.reason = reason


@dataclass(frozen=True)
class _Candidate:
    """The file as it would be after the change: its text and bytes, and where the object is in it."""

    text: str
    encoded: bytes
    source: SourceFile
    path: PathKey
    unchanged: bool


def save(change: Change, check: Checker) -> Saved:
    """Write the change if it is exact and leaves the object without errors; refuse otherwise."""
    try:
        candidate = _candidate(change)
    except _Refused as refused:
        return Saved(False, refused.reason)
    if candidate.unchanged:
        return Saved(True, None, [], candidate.source, candidate.path)  # nothing changed: the file is not touched
    with tempfile.TemporaryDirectory(prefix="planc-save-") as scratch:
        trial = Path(scratch) / change.file.name
        trial.write_bytes(candidate.encoded)
        checked = check(change.file, trial)
    first, last = span(candidate.source, candidate.path)
    mine = [d for d in checked.diagnostics if d.where.file == str(change.file) and first <= d.where.line <= last]
    if any(d.severity is Severity.ERROR for d in mine):
        refusal = msg("Nothing was saved: correct the errors shown next to the fields.")
        return Saved(False, refusal, mine, candidate.source, candidate.path)
    _replace(change.file, candidate.encoded)
    return Saved(True, None, mine, candidate.source, candidate.path)


def _candidate(change: Change) -> _Candidate:
    """The new file, if the form was opened on the file as it is and the change can be written exactly."""
    try:
        raw = change.file.read_bytes()
    except OSError as exc:
        raise _Refused(msg("The file cannot be read: {reason}.", reason=exc.strerror or str(exc))) from exc
    if digest(raw) != change.digest:
        raise _Refused(_CHANGED_ON_DISK)
    text = raw.decode("utf-8-sig").replace("\r\n", "\n")
    old_source, _problems = sources.loader.load_values(text, str(change.file))
    if old_source is None:
        raise _Refused(msg("The file has errors that stop it being read: correct them in the editor first."))
    if change.path is not None and _same(_at(old_source.data, change.path), change.new):
        return _Candidate(text, raw, old_source, change.path, unchanged=True)  # nothing to write
    written = _exact_text(change, text, old_source)
    if written is None:
        raise _Refused(_NOT_EXACT)
    new_text, new_source, path = written
    if not _only_object_lines(_Versions(text, new_text, old_source, new_source), change.path, path):
        raise _Refused(_NOT_EXACT)
    data = new_text.replace("\n", "\r\n") if b"\r\n" in raw else new_text
    encoded = (codecs.BOM_UTF8 if raw.startswith(codecs.BOM_UTF8) else b"") + data.encode("utf-8")
    return _Candidate(new_text, encoded, new_source, path, new_text == text)


def _exact_text(change: Change, text: str, old_source: SourceFile) -> tuple[str, SourceFile, PathKey] | None:
    """The new text, if it reads back as exactly the new values (first as the file quotes, then quoted)."""
    old = _at(old_source.data, change.path) if change.path is not None else None
    for quote_all in (False, True):
        try:
            if change.path is None:
                new_text = yaml_edit.add(text, change.section, change.new, change.as_list, quote_all)
            else:
                new_text = yaml_edit.change(text, change.path, old or {}, change.new, quote_all)
        except yaml_edit.EditError:
            return None
        new_source, _problems = sources.loader.load_values(new_text, str(change.file))
        if new_source is None:
            continue
        path = change.path if change.path is not None else _added_path(new_source, change.section, change.as_list)
        if _same(_at(new_source.data, path), change.new):
            return new_text, new_source, path
    return None


def _at(data: Any, path: PathKey) -> Any:
    for step in path:
        data = data[step]
    return data


def _added_path(source: SourceFile, section: str, as_list: bool) -> PathKey:
    return (section, len(source.data[section]) - 1) if as_list else (section,)


def _same(written: Any, wanted: Any) -> bool:
    return json.dumps(written, sort_keys=True) == json.dumps(wanted, sort_keys=True) and _types(written) == _types(
        wanted
    )


def _types(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _types(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_types(item) for item in value]
    return type(value).__name__


@dataclass(frozen=True)
class _Versions:
    """A file's text before and after a change, and what each holds."""

    old_text: str
    new_text: str
    old: SourceFile
    new: SourceFile


def _only_object_lines(versions: _Versions, old_path: PathKey | None, new_path: PathKey) -> bool:
    """Every line that differs belongs to the object (before and after the change)."""
    new_first, new_last = span(versions.new, new_path)
    if old_path is None:
        old_first, old_last = new_first, new_first - 1  # a new object: lines may only be added
        if len(new_path) == 1 or (new_path[0],) not in versions.old.keys:
            new_first = (versions.new.keys.get((new_path[0],)) or (new_first, 0))[0]
    else:
        old_first, old_last = span(versions.old, old_path)
    old_lines, new_lines = versions.old_text.splitlines(), versions.new_text.splitlines()
    matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    for tag, first, last, begin, end in matcher.get_opcodes():
        if tag == "equal":
            continue
        if last > first and not (old_first - 1 <= first and last <= old_last):
            return False
        if end > begin and not (new_first - 1 <= begin and end <= new_last):
            return False
    return True


def _replace(target: Path, data: bytes) -> None:
    """Replace the file in one step, keeping its permissions."""
    mode = target.stat().st_mode
    handle, name = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(name, mode)
        os.replace(name, target)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise


_CHANGED_ON_DISK = msg(
    "The file changed on disk after the form was opened: nothing was saved. Open the form again to see the new text."
)
_NOT_EXACT = msg(
    "planc could not write this change without altering other lines: nothing was saved. Make it in a text editor."
)
