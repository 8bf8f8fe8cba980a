"""Write changed values back into a plan file, keeping everything else as it was (ruamel.yaml).

The only module that imports ruamel.yaml: its round-trip mode keeps comments, key order, quotes
and block styles. Only what changed is touched: a changed scalar keeps the quoting style of the
value it replaces, a new key goes after the keys that precede it in the schema, a removed list
item takes only its own lines. What is written is then checked by the caller (``saving``): it
must read back through planc's strict loader as exactly the new values, and only the object's
lines may differ.
"""

from __future__ import annotations

import copy
import difflib
import io
import json
from collections.abc import Sequence
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError
from ruamel.yaml.scalarstring import (
    DoubleQuotedScalarString,
    FoldedScalarString,
    LiteralScalarString,
    ScalarString,
)
from ruamel.yaml.util import load_yaml_guess_indent

Path = tuple[str | int, ...]
_FOLD_WIDTH = 88


class EditError(Exception):
    """The file could not be read or written by the round-trip library."""


def change(text: str, where: Path, old: dict[str, Any], new: dict[str, Any], quote_all: bool = False) -> str:
    """``text`` with the block at ``where`` changed from ``old`` to ``new`` (plain values).

    ``quote_all`` writes every changed text in double quotes (the exact form, for a second try).
    """
    round_trip, data = _load(text)
    node: Any = data
    for step in where:
        node = node[step]
    _Editor(quote_all).mapping(node, old, new)
    return _dump(round_trip, data)


def add(text: str, section: str, new: dict[str, Any], as_list: bool, quote_all: bool = False) -> str:
    """``text`` with a new object at the end of ``section`` (the section is added if missing)."""
    round_trip, data = _load(text)
    editor = _Editor(quote_all)
    fresh = editor.fresh(new)
    if section not in data:
        data[section] = CommentedSeq([fresh]) if as_list else fresh
        if len(data) > 1:
            _move_trailing_comment(data, list(data)[-2], data, section)
    elif as_list:
        items = data[section]
        items.append(fresh)
        if len(items) > 1:
            _move_trailing_comment(items, len(items) - 2, items, len(items) - 1)
    else:
        raise EditError(f"the section {section} is already in this file")
    return _dump(round_trip, data)


def _load(text: str) -> tuple[YAML, CommentedMap]:
    try:
        _data, indent, dash = load_yaml_guess_indent(text)
        round_trip = YAML(typ="rt")
        round_trip.preserve_quotes = True
        round_trip.width = 1_000_000  # never re-wrap a line nobody changed
        mapping = max(2, (indent or 2) - (dash or 0)) if dash else (indent or 2)
        round_trip.indent(mapping=mapping, sequence=indent or 2, offset=dash or 0)
        data = round_trip.load(text)
    except YAMLError as exc:
        raise EditError(str(exc)) from exc
    if not isinstance(data, CommentedMap):
        raise EditError("the file does not hold sections")
    return round_trip, data


def _dump(round_trip: YAML, data: CommentedMap) -> str:
    out = io.StringIO()
    try:
        round_trip.dump(data, out)
    except YAMLError as exc:
        raise EditError(str(exc)) from exc
    return out.getvalue()


def _same(old: Any, new: Any) -> bool:
    """Equal values of the same types (``1`` is not ``True``, ``2`` is not ``2.0``)."""
    return json.dumps(old, sort_keys=True) == json.dumps(new, sort_keys=True) and type(old) is type(new)


class _Editor:
    """Applies the difference between old and new values to ruamel's nodes."""

    def __init__(self, quote_all: bool) -> None:
        self.quote_all = quote_all

    def mapping(self, node: CommentedMap, old: dict[str, Any], new: dict[str, Any]) -> None:
        for key in [key for key in old if key not in new]:
            del node[key]
        order = list(new)
        for key, value in new.items():
            if key not in node:
                position = _position(list(node), key, order)
                node.insert(position, key, self.fresh(value))
                if position == len(node) - 1 and position > 0:
                    _move_trailing_comment(node, list(node)[position - 1], node, key)
            elif not _same(old.get(key), value):
                node[key] = self.changed(node[key], old.get(key), value)

    def changed(self, node: Any, old: Any, new: Any) -> Any:
        if isinstance(node, CommentedMap) and isinstance(old, dict) and isinstance(new, dict):
            self.mapping(node, old, new)
            return node
        if isinstance(node, CommentedSeq) and isinstance(old, list) and isinstance(new, list):
            self.sequence(node, old, new)
            return node
        fresh = self.fresh(new)
        if isinstance(node, CommentedSeq) and isinstance(fresh, CommentedSeq) and node.fa.flow_style():
            fresh.fa.set_flow_style()
        return self.scalar(new, node) if not isinstance(new, dict | list) else fresh

    def sequence(self, node: CommentedSeq, old: list[Any], new: list[Any]) -> None:
        """Change a list item by item: unchanged items keep their lines, removed ones lose theirs."""
        matcher = difflib.SequenceMatcher(None, [json.dumps(x) for x in old], [json.dumps(x) for x in new], False)
        for tag, first, last, begin, end in reversed(matcher.get_opcodes()):
            if tag == "equal":
                continue
            paired = min(last - first, end - begin)
            for offset in range(paired):
                node[first + offset] = self.changed(node[first + offset], old[first + offset], new[begin + offset])
            for index in range(last - 1, first + paired - 1, -1):
                del node[index]
            for offset in range(paired, end - begin):
                node.insert(first + offset, self.fresh(new[begin + offset]))

    def fresh(self, value: Any) -> Any:
        """A new value for ruamel: blocks of keys, lists (short scalars in brackets), texts."""
        if isinstance(value, dict):
            return CommentedMap((key, self.fresh(item)) for key, item in value.items())
        if isinstance(value, list):
            items = CommentedSeq(self.fresh(item) for item in value)
            if value and all(isinstance(item, str) and len(item) <= 64 and "\n" not in item for item in value):
                items.fa.set_flow_style()
            return items
        return self.scalar(value, None)

    def scalar(self, value: Any, like: Any) -> Any:
        """A changed scalar, in the quoting style of the one it replaces."""
        if not isinstance(value, str):
            return value
        if self.quote_all:
            return DoubleQuotedScalarString(value)
        if isinstance(like, FoldedScalarString):
            return _folded(value)
        if isinstance(like, ScalarString):
            return type(like)(value)
        if "\n" in value:
            return LiteralScalarString(value)
        return value


def _position(keys: Sequence[Any], key: str, order: list[str]) -> int:
    """Where a new key goes: after the last existing key that comes before it in ``order``."""
    earlier = set(order[: order.index(key)]) if key in order else set(order)
    positions = [number for number, existing in enumerate(keys) if existing in earlier]
    return positions[-1] + 1 if positions else 0


def _folded(value: str) -> Any:
    """A folded text (``>-``), broken at spaces before ``_FOLD_WIDTH`` columns as drafters write it."""
    folded = FoldedScalarString(value)
    breaks, start = [], 0
    for line in value.split("\n"):
        column, last_space = 0, None
        for offset, character in enumerate(line):
            column += 1
            if character == " " and 0 < offset < len(line) - 1 and line[offset - 1] != " " and line[offset + 1] != " ":
                last_space = offset
            if column > _FOLD_WIDTH and last_space is not None:
                breaks.append(start + last_space)
                column, last_space = offset - last_space, None
        start += len(line) + 1
    folded.fold_pos = breaks
    return folded


def _move_trailing_comment(source: Any, source_key: Any, target: Any, target_key: Any) -> None:
    """Blank lines and comments after a block stay after it when something is added behind it.

    ruamel keeps what follows a value (the blank line before the next section, say) on that
    value, deep inside the last item; once a new item or key comes after, it belongs after that.
    """
    holder, key = _deepest_last(source, source_key)
    new_holder, new_key = _deepest_last(target, target_key)
    if holder is None or new_holder is None or (holder is new_holder and key == new_key):
        return
    entry = holder.ca.items.get(key)
    index = 2 if isinstance(holder, CommentedMap) else 0
    if not entry or entry[index] is None:
        return
    token = entry[index]
    value = token.value
    end_of_line, newline, rest = value.partition("\n")
    if not rest:
        return
    token.value = end_of_line + newline
    moved = copy.copy(token)
    moved.value = "\n" + rest
    new_entry = new_holder.ca.items.setdefault(new_key, [None, None, None, None])
    new_entry[2 if isinstance(new_holder, CommentedMap) else 0] = moved


def _deepest_last(container: Any, key: Any) -> tuple[Any, Any]:
    """The container and key of the last scalar written inside ``container[key]``."""
    while True:
        value = container[key]
        if isinstance(value, CommentedMap) and len(value):
            container, key = value, list(value)[-1]
        elif isinstance(value, CommentedSeq) and len(value) and not value.fa.flow_style():
            container, key = value, len(value) - 1
        else:
            return container, key
