"""Find the plan's YAML files and load each with a strict loader that remembers positions.

The loader reads libyaml's event stream and builds plain Python values itself, so that:
YAML 1.2-like scalars keep ``NO``, ``00100``, ``12:30`` and ``2025-03-31`` as the strings
written (only ``true``/``false`` are booleans); anchors, aliases, explicit tags, extra documents
and deep nesting are refused; duplicate keys name both lines; every key and value keeps its
line and column.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml import events
from yaml.cyaml import CParser  # type: ignore[attr-defined]  # the stubs re-export it from yaml._yaml

from compiler.diagnostics import Diagnostic, Where, error, msg, warning
from compiler.text import unprintable

MAX_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 32
MAX_CHARACTER_REPORTS = 10

#: Key path inside one file: mapping keys and list indexes from the top.
PathKey = tuple[str | int, ...]

_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_FLOAT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)(?:\.[0-9]+(?:[eE][-+]?[0-9]+)?|[eE][-+]?[0-9]+)")
_BOOLEANS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_BAD_CHARACTERS = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\ufffe\uffff]"
)
_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_CUT_BY_COMMENT = re.compile(r" #\S")


@dataclass
class Document:
    """One loaded plan file: its data and where each key and value was written."""

    file: str
    data: dict[str, Any]
    text: str
    values: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    keys: dict[PathKey, tuple[int, int]] = field(default_factory=dict)

    def where(self, path: PathKey) -> Where:
        """Where the value at ``path`` (or its nearest written ancestor) starts."""
        for end in range(len(path), -1, -1):
            position = self.values.get(path[:end])
            if position is not None:
                return Where(self.file, *position)
        return Where(self.file)

    def key_where(self, path: PathKey) -> Where:
        """Where the key of ``path`` is written, or its value if it has no key."""
        position = self.keys.get(path)
        return Where(self.file, *position) if position else self.where(path)


def discover(plan_dir: Path) -> tuple[list[Path], list[Diagnostic]]:
    """List the plan's ``*.yaml`` files in sorted path order; warn about ``*.yml`` ones."""
    found: list[Path] = []
    ignored: list[Diagnostic] = []
    for path in sorted(plan_dir.rglob("*"), key=lambda p: p.relative_to(plan_dir).as_posix()):
        parts = path.relative_to(plan_dir).parts
        if any(part.startswith(".") for part in parts) or not path.is_file():
            continue
        if path.suffix == ".yaml":
            found.append(path)
        elif path.suffix in (".yml", ".YAML", ".YML"):
            ignored.append(
                warning(
                    Where(str(path)),
                    "ignored-file",
                    msg("This file is not read: plan files must end in .yaml."),
                    msg("Rename it to {name}.", name=path.with_suffix(".yaml").name),
                )
            )
    return found, ignored


@dataclass(frozen=True)
class Loaded:
    """What reading one file gave: its document (if it could be read), problems and text."""

    document: Document | None
    problems: list[Diagnostic]
    text: str | None = None


def load(path: Path, file: str) -> Loaded:
    """Read one plan file as ``file`` (the name diagnostics show)."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        reason = exc.strerror or str(exc)
        return Loaded(
            None, [error(Where(file), "unreadable-file", msg("Cannot read the file: {reason}.", reason=reason))]
        )
    if len(raw) > MAX_BYTES:
        return Loaded(None, [_too_large(file, len(raw))])
    text, problems = _decode(raw, file)
    if text is None:
        return Loaded(None, problems)
    problems = list(_bad_characters(text, file))
    if problems:
        return Loaded(None, problems, text)
    document, problems = _Builder(text, file).build()
    return Loaded(document, [*problems, *_unprintable(text, file)], text)


def _too_large(file: str, size: int) -> Diagnostic:
    return error(
        Where(file),
        "file-too-large",
        msg("The file is {size} bytes; a plan file may be at most {limit} bytes.", size=size, limit=MAX_BYTES),
        msg("Split it into several .yaml files: list sections such as actions can continue in another file."),
    )


def _decode(raw: bytes, file: str) -> tuple[str | None, list[Diagnostic]]:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, [
            error(
                Where(file),
                "encoding",
                msg("The file is saved as UTF-16; plan files must be UTF-8."),
                msg("Save the file again choosing the UTF-8 encoding."),
            )
        ]
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line_start = before.rfind(b"\n") + 1
        column = len(before[line_start:].decode("utf-8", errors="replace")) + 1
        where = Where(file, before.count(b"\n") + 1, column)
        byte = f"0x{raw[exc.start]:02X}"
        return None, [
            error(
                where,
                "encoding",
                msg(
                    "The text is not valid UTF-8 (byte {byte}): the file was probably saved as Latin-1 or Windows-1252.",
                    byte=byte,
                ),
                msg(
                    'Save the file again choosing the UTF-8 encoding (in LibreOffice or Notepad: "Save as", encoding UTF-8).'
                ),
            )
        ]


def _bad_characters(text: str, file: str) -> Iterator[Diagnostic]:
    for count, match in enumerate(_BAD_CHARACTERS.finditer(text)):
        if count == MAX_CHARACTER_REPORTS:
            return
        line = text.count("\n", 0, match.start()) + 1
        column = match.start() - text.rfind("\n", 0, match.start())
        character = match.group()
        name = unicodedata.name(character, "CONTROL CHARACTER")
        code_point = f"U+{ord(character):04X}"
        if character in _BIDI:
            yield error(
                Where(file, line, column),
                "bidi-character",
                msg(
                    "Invisible text-direction character {code_point} ({name}): it can make the text look different from what it is.",
                    code_point=code_point,
                    name=name,
                ),
                msg("Delete it: retype the words around this position."),
            )
        else:
            yield error(
                Where(file, line, column),
                "control-character",
                msg("Invisible control character {code_point} ({name}) in the text.", code_point=code_point, name=name),
                msg("Delete it: it often comes from copying text out of another program."),
            )


def _unprintable(text: str, file: str) -> Iterator[Diagnostic]:
    reported = 0
    for number, line in enumerate(text.splitlines(), start=1):
        if line.lstrip().startswith("#") or line.isascii():
            continue
        for index, character in unprintable(line):
            if reported == MAX_CHARACTER_REPORTS:
                return
            reported += 1
            yield warning(
                Where(file, number, index + 1),
                "unprintable-character",
                msg(
                    "No font of the PDF has the character {character} ({name}): the PDF will show □ instead.",
                    character=character,
                    name=unicodedata.name(character, f"U+{ord(character):04X}"),
                ),
                msg("The HTML and DOCX show it as written; to have it in the PDF too, replace it with words."),
            )


def resolve_plain(value: str) -> Any:
    """Type a plain (unquoted) scalar: only true/false, plain integers, decimals and null."""
    if value in _BOOLEANS:
        return _BOOLEANS[value]
    if value in _NULLS:
        return None
    if _INT.fullmatch(value):
        return int(value)
    if _FLOAT.fullmatch(value):
        return float(value)
    return value


class _Stop(Exception):
    """A problem after which the rest of the file cannot be read."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.code)
        self.diagnostic = diagnostic


@dataclass
class _Frame:
    container: dict[str, Any] | list[Any]
    path: PathKey
    key: str | None = None
    key_line: int = 0
    skip_value: bool = False
    seen: dict[str, int] = field(default_factory=dict)


class _Builder:
    """Turns libyaml events into plain values and position maps, refusing what planc forbids."""

    def __init__(self, text: str, file: str) -> None:
        self.text = text
        self.file = file
        self.lines = text.splitlines()
        self.document = Document(file, {}, text)
        self.problems: list[Diagnostic] = []
        self.stack: list[_Frame] = []
        self.root: Any = None
        self.documents = 0

    def build(self) -> tuple[Document | None, list[Diagnostic]]:
        try:
            self._consume(CParser(self.text))
        except _Stop as stop:
            return None, [*self.problems, stop.diagnostic]
        except yaml.MarkedYAMLError as exc:
            return None, [*self.problems, _syntax_error(exc, self.file, self.lines)]
        except (yaml.YAMLError, RecursionError, ValueError) as exc:
            return None, [
                *self.problems,
                error(
                    Where(self.file), "yaml-syntax", msg("The file cannot be read as YAML: {detail}.", detail=str(exc))
                ),
            ]
        if self.root is None:
            return None, [*self.problems, self._empty()]
        if not isinstance(self.root, dict):
            return None, [*self.problems, self._not_mapping()]
        self.document.data = self.root
        return self.document, self.problems

    def _consume(self, parser: CParser) -> None:
        handlers = {
            events.ScalarEvent: self._scalar,
            events.MappingStartEvent: self._start,
            events.SequenceStartEvent: self._start,
            events.MappingEndEvent: self._end,
            events.SequenceEndEvent: self._end,
            events.AliasEvent: self._alias,
            events.DocumentStartEvent: self._document_start,
        }
        while (event := parser.get_event()) is not None:
            handler = handlers.get(type(event))
            if handler is not None:
                handler(event)

    def _where(self, mark: Any) -> Where:
        return Where(self.file, mark.line + 1, mark.column + 1)

    def _document_start(self, event: Any) -> None:
        self.documents += 1
        if self.documents > 1:
            raise _Stop(
                error(
                    self._where(event.start_mark),
                    "multiple-documents",
                    msg("A second YAML document starts here; a plan file holds one."),
                    msg("Remove the '---' line, or move what follows into its own .yaml file."),
                )
            )

    def _alias(self, event: Any) -> None:
        raise _Stop(self._anchor_error(event))

    def _anchor_error(self, event: Any) -> Diagnostic:
        return error(
            self._where(event.start_mark),
            "yaml-anchor",
            msg("YAML anchors (&) and aliases (*) are not allowed in a plan."),
            msg("Write the value out in full where it is needed."),
        )

    def _refuse_decorations(self, event: Any) -> None:
        if event.anchor is not None:
            raise _Stop(self._anchor_error(event))
        if event.tag is not None:
            raise _Stop(
                error(
                    self._where(event.start_mark),
                    "yaml-tag",
                    msg("Explicit YAML tags such as {tag} are not allowed in a plan.", tag=event.tag),
                    msg("Remove the tag; put the value in quotes if it must stay text."),
                )
            )

    def _scalar(self, event: Any) -> None:
        self._refuse_decorations(event)
        if not event.style:  # libyaml marks plain scalars with an empty style
            value = resolve_plain(event.value)
            self._check_comment(event)
        else:
            value = event.value
        self._place(value, event)

    def _start(self, event: Any) -> None:
        self._refuse_decorations(event)
        if len(self.stack) >= MAX_DEPTH:
            raise _Stop(
                error(
                    self._where(event.start_mark),
                    "too-deep",
                    msg("The data is nested more than {limit} levels deep.", limit=MAX_DEPTH),
                    msg("A plan needs only a few levels: check the indentation here."),
                )
            )
        container: dict[str, Any] | list[Any] = {} if isinstance(event, events.MappingStartEvent) else []
        path = self._place(container, event)
        self.stack.append(_Frame(container, path if path is not None else ()))

    def _end(self, _event: Any) -> None:
        self.stack.pop()

    def _place(self, value: Any, event: Any) -> PathKey | None:
        """Put a value into its parent; return its path (``None`` if it was a key or skipped)."""
        position = (event.start_mark.line + 1, event.start_mark.column + 1)
        if not self.stack:
            self.root = value
            self.document.values[()] = position
            return ()
        frame = self.stack[-1]
        if isinstance(frame.container, list):
            path = (*frame.path, len(frame.container))
            frame.container.append(value)
            self.document.values[path] = position
            return path
        if frame.key is None and not frame.skip_value:
            self._take_key(frame, value, event)
            return None
        if frame.skip_value:
            frame.skip_value = False
            return None
        key, frame.key = frame.key or "", None
        path = (*frame.path, key)
        frame.container[key] = value
        self.document.values[path] = position
        return path

    def _take_key(self, frame: _Frame, key: Any, event: Any) -> None:
        line, column = event.start_mark.line + 1, event.start_mark.column + 1
        if type(key) is str and key == key.strip() and "\u00a0" not in key and key not in frame.seen:
            frame.seen[key] = line  # the common case, kept short: this runs for every key of the plan
            frame.key = key
            self.document.keys[(*frame.path, key)] = (line, column)
            return
        where = Where(self.file, line, column)
        if not isinstance(key, str) or not isinstance(event, events.ScalarEvent):
            self.problems.append(self._bad_key(where, key))
            frame.skip_value = True
            return
        if key != key.strip() or "\u00a0" in key:
            self.problems.append(
                error(
                    where,
                    "key-spaces",
                    msg("The key “{key}” has spaces at its edges or a non-breaking space.", key=key),
                    msg("Delete the spaces around the key, and retype it with ordinary letters."),
                )
            )
        first = frame.seen.get(key)
        if first is not None:
            self.problems.append(
                error(
                    where,
                    "duplicate-key",
                    msg(
                        "The key “{key}” is written twice in the same block (first on line {first}).",
                        key=key,
                        first=first,
                    ),
                    msg("Keep one of the two: YAML would silently use only the last."),
                )
            )
            frame.skip_value = True
            return
        frame.seen[key] = line
        frame.key = key
        self.document.keys[(*frame.path, key)] = (line, column)

    def _bad_key(self, where: Where, key: Any) -> Diagnostic:
        shown = key if isinstance(key, str | int | float | bool) or key is None else "[…]"
        return error(
            where,
            "key-not-text",
            msg("Keys must be plain words, but this key reads as {shown}.", shown=str(shown)),
            msg(
                "Write the key as a word followed by a colon, for example “title:”; put it in quotes if it is a number."
            ),
        )

    def _check_comment(self, event: Any) -> None:
        end = event.end_mark
        if end.line >= len(self.lines):
            return
        rest = self.lines[end.line][end.column :]
        if _CUT_BY_COMMENT.match(rest):
            self.problems.append(
                warning(
                    Where(self.file, end.line + 1, end.column + 2),
                    "comment-in-value",
                    msg(
                        "The text after “ #” is read as a comment, so the value stops at “{value}”.", value=event.value
                    ),
                    msg("If “#{rest}” belongs to the value, put the whole value in quotes.", rest=rest[2:].strip()),
                )
            )

    def _empty(self) -> Diagnostic:
        return error(
            Where(self.file),
            "empty-file",
            msg("The file is empty (or holds only comments)."),
            msg("Write at least one section, such as “actions:”, or delete the file."),
        )

    def _not_mapping(self) -> Diagnostic:
        return error(
            self.document.where(()),
            "not-a-mapping",
            msg("A plan file must start with section names such as “plan:” or “actions:”."),
            msg("Begin the file with a section name followed by a colon, at the start of the line."),
        )


def _syntax_error(exc: yaml.MarkedYAMLError, file: str, lines: list[str]) -> Diagnostic:
    mark = exc.problem_mark or exc.context_mark
    where = Where(file, mark.line + 1, mark.column + 1) if mark else Where(file)
    problem = exc.problem or ""
    line_text = lines[mark.line] if mark and mark.line < len(lines) else ""
    if "\t" in line_text[: (mark.column + 1) if mark else 0] or (
        "cannot start any token" in problem and "\t" in line_text
    ):
        return error(
            Where(file, where.line, line_text.index("\t") + 1) if "\t" in line_text else where,
            "yaml-tab",
            msg("A tab character is used here; YAML indentation must use spaces."),
            msg("Replace the tab with spaces (two spaces for each level)."),
        )
    if "mapping values are not allowed" in problem:
        return error(
            where,
            "yaml-colon",
            msg("A colon followed by a space appears inside a value, so YAML reads it as a new key."),
            msg('Put the whole value in double quotes, for example: title: "Obiettivo: ridurre".'),
        )
    return error(
        where,
        "yaml-syntax",
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
