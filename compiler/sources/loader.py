"""The strict YAML loader: libyaml's events become plain values that remember their positions.

It reads libyaml's event stream and builds plain Python values itself, so that:
YAML 1.2-like scalars keep ``NO``, ``00100``, ``12:30`` and ``2025-03-31`` as the strings
written (only ``true``/``false`` are booleans); anchors, aliases, explicit tags, extra documents
and deep nesting are refused; duplicate keys name both lines; every key and value keeps its
line and column.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml import events
from yaml.cyaml import CParser  # type: ignore[attr-defined]  # the stubs re-export it from yaml._yaml

from compiler.messages.diagnostics import Diagnostic, Where, msg
from compiler.sources import codes
from compiler.sources.characters import first_bad_character
from compiler.sources.escapes import escaped_characters
from compiler.sources.source_file import PathKey, SourceFile
from compiler.sources.yaml_errors import syntax_error

MAX_DEPTH = 32

_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_FLOAT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)(?:\.[0-9]+(?:[eE][-+]?[0-9]+)?|[eE][-+]?[0-9]+)")
_BOOLEANS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_CUT_BY_COMMENT = re.compile(r" #\S")
_NUMBERS = (int, float)


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
        self.source = SourceFile(file, {}, text)
        self.problems: list[Diagnostic] = []
        self.stack: list[_Frame] = []
        self.root: Any = None
        self.documents = 0

    def build(self) -> tuple[SourceFile | None, list[Diagnostic]]:
        try:
            self._consume(CParser(self.text))
        except _Stop as stop:
            return None, [*self.problems, stop.diagnostic]
        except yaml.MarkedYAMLError as exc:
            return None, [*self.problems, syntax_error(exc, self.file, self.lines)]
        except (yaml.YAMLError, RecursionError, ValueError) as exc:
            return None, [
                *self.problems,
                codes.YAML_SYNTAX.at(
                    Where(self.file), msg("The file cannot be read as YAML: {detail}.", detail=str(exc))
                ),
            ]
        if self.root is None:
            return None, [*self.problems, self._empty()]
        if not isinstance(self.root, dict):
            return None, [*self.problems, self._not_mapping()]
        self.source.data = self.root
        return self.source, self.problems

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
                codes.MULTIPLE_DOCUMENTS.at(
                    self._where(event.start_mark),
                    msg("A second YAML document starts here; a plan file holds one."),
                    msg("Remove the '---' line, or move what follows into its own .yaml file."),
                )
            )

    def _alias(self, event: Any) -> None:
        raise _Stop(self._anchor_error(event))

    def _anchor_error(self, event: Any) -> Diagnostic:
        return codes.YAML_ANCHOR.at(
            self._where(event.start_mark),
            msg("YAML anchors (&) and aliases (*) are not allowed in a plan."),
            msg("Write the value out in full where it is needed."),
        )

    def _refuse_decorations(self, event: Any) -> None:
        if event.anchor is not None:
            raise _Stop(self._anchor_error(event))
        if event.tag is not None:
            raise _Stop(
                codes.YAML_TAG.at(
                    self._where(event.start_mark),
                    msg("Explicit YAML tags such as {tag} are not allowed in a plan.", tag=event.tag),
                    msg("Remove the tag; put the value in quotes if it must stay text."),
                )
            )

    def _scalar(self, event: Any) -> None:
        self._refuse_decorations(event)
        text = unicodedata.normalize("NFC", event.value)  # "é" one way, whether typed as é or as e + ◌́
        if event.style:  # quoted or block text: libyaml marks plain scalars with an empty style
            if event.style == '"' and first_bad_character(event.value) is not None:  # written as an escape
                self.problems.extend(escaped_characters(self.lines, self.file, event.start_mark, event.end_mark))
            self._place(text, event)
            return
        value = resolve_plain(text)
        self._check_comment(event)
        path = self._place(value, event)
        if path is not None and type(value) in _NUMBERS:
            self.source.numbers[path] = text  # `12.000` read as 12.0: the text says what was meant

    def _start(self, event: Any) -> None:
        self._refuse_decorations(event)
        if len(self.stack) >= MAX_DEPTH:
            raise _Stop(
                codes.TOO_DEEP.at(
                    self._where(event.start_mark),
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
            self.source.values[()] = position
            return ()
        frame = self.stack[-1]
        if isinstance(frame.container, list):
            path = (*frame.path, len(frame.container))
            frame.container.append(value)
            self.source.values[path] = position
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
        self.source.values[path] = position
        return path

    def _take_key(self, frame: _Frame, key: Any, event: Any) -> None:
        line, column = event.start_mark.line + 1, event.start_mark.column + 1
        if type(key) is str and key == key.strip() and "\u00a0" not in key and key not in frame.seen:
            frame.seen[key] = line  # the common case, kept short: this runs for every key of the plan
            frame.key = key
            self.source.keys[(*frame.path, key)] = (line, column)
            return
        where = Where(self.file, line, column)
        if not isinstance(key, str) or not isinstance(event, events.ScalarEvent):
            self.problems.append(self._bad_key(where, key))
            frame.skip_value = True
            return
        if key != key.strip() or "\u00a0" in key:
            self.problems.append(
                codes.KEY_SPACES.at(
                    where,
                    msg("The key “{key}” has spaces at its edges or a non-breaking space.", key=key),
                    msg("Delete the spaces around the key, and retype it with ordinary letters."),
                )
            )
        first = frame.seen.get(key)
        if first is not None:
            self.problems.append(
                codes.DUPLICATE_KEY.at(
                    where,
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
        self.source.keys[(*frame.path, key)] = (line, column)

    def _bad_key(self, where: Where, key: Any) -> Diagnostic:
        shown = key if isinstance(key, str | int | float | bool) or key is None else "[…]"
        return codes.KEY_NOT_TEXT.at(
            where,
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
                codes.COMMENT_IN_VALUE.at(
                    Where(self.file, end.line + 1, end.column + 2),
                    msg(
                        "The text after “ #” is read as a comment, so the value stops at “{value}”.", value=event.value
                    ),
                    msg("If “#{rest}” belongs to the value, put the whole value in quotes.", rest=rest[2:].strip()),
                )
            )

    def _empty(self) -> Diagnostic:
        return codes.EMPTY_FILE.at(
            Where(self.file),
            msg("The file is empty (or holds only comments)."),
            msg("Write at least one section, such as “actions:”, or delete the file."),
        )

    def _not_mapping(self) -> Diagnostic:
        return codes.NOT_A_MAPPING.at(
            self.source.where(()),
            msg("A plan file must start with section names such as “plan:” or “actions:”."),
            msg("Begin the file with a section name followed by a colon, at the start of the line."),
        )


def load_values(text: str, file: str) -> tuple[SourceFile | None, list[Diagnostic]]:
    """The values of one file's text, or ``None`` with the problems that stopped the reading."""
    return _Builder(text, file).build()
