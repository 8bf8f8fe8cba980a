"""Explain each JSON Schema keyword a value fails, in a drafter's words, at the line it was written."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from compiler.messages.diagnostics import Diagnostic, Text, msg
from compiler.messages.suggest import closest, did_you_mean
from compiler.schema import codes
from compiler.schema.failure import Failure
from compiler.schema.naming import TYPE_WORDS, field_name, kind_of, owner_name
from compiler.schema.patterns import explain_format, explain_pattern
from compiler.schema.values import wrong_type_hint
from compiler.sources import PathKey, SourceFile


def explain_failure(failure: Failure, source: SourceFile, path: PathKey) -> Iterator[Diagnostic]:
    """Explain one failure of the value at ``path``."""
    explain = _EXPLAINERS.get(failure.keyword, _explain_other)
    yield from explain(failure, source, path)


def _choices_hint(value: Any, choices: list[str]) -> Text:
    allowed = msg("Allowed here: {choices}.", choices=tuple(choices))
    return did_you_mean(value, choices, allowed) or msg("Check the spelling.")


#: Keys that moved elsewhere: (the block's definition, the key) → what to write instead.
MOVED_KEYS: dict[tuple[str, str], Text] = {
    ("action", "status"): msg(
        "An action's status now has a date: record it in the “statuses” section "
        "(- action: …, date: …, status: started), or delete this line while the action is only planned."
    ),
}


def _explain_unknown_keys(failure: Failure, source: SourceFile, path: PathKey) -> Iterator[Diagnostic]:
    allowed = list(failure.schema.get("properties", {}))
    for key in failure.instance:
        if key in allowed:
            continue
        moved = MOVED_KEYS.get((str(failure.schema.get("$comment")), key))
        if moved is not None:
            where = owner_name(path, failure.instance)
            message = msg("“{key}” is no longer a field of {where}.", key=key, where=where)
            yield codes.UNKNOWN_KEY.at(source.key_where((*path, key)), message, moved)
            continue
        message = (
            msg("“{key}” is not a section planc knows.", key=key)
            if not path
            else msg("“{key}” is not a field of {where}.", key=key, where=owner_name(path, failure.instance))
        )
        yield codes.UNKNOWN_KEY.at(source.key_where((*path, key)), message, _choices_hint(key, allowed))


def _explain_missing(failure: Failure, source: SourceFile, path: PathKey) -> Iterator[Diagnostic]:
    allowed = failure.schema.get("properties", {})
    unknown = [key for key in failure.instance if key not in allowed]
    for key in failure.expected:
        if key in failure.instance or closest(key, unknown):
            continue  # a misspelt key is reported once, as unknown, with this key as the suggestion
        yield codes.MISSING_FIELD.at(
            source.where(path),
            msg("“{key}” is missing from {where}.", key=key, where=owner_name(path, failure.instance)),
            msg("Add a line “{key}: …” to this block.", key=key),
        )


def _explain_type(failure: Failure, source: SourceFile, path: PathKey) -> Iterator[Diagnostic]:
    expected = failure.expected
    expected_list = expected if isinstance(expected, list) else [expected]
    value = failure.instance
    if value is None:
        yield codes.EMPTY_VALUE.at(
            source.where(path),
            msg("“{field}” has no value.", field=field_name(path)),
            msg("Write the value after the colon, or delete the line."),
        )
        return
    wanted = (
        TYPE_WORDS[expected_list[0]]
        if len(expected_list) == 1
        else msg("{first} or {second}", first=TYPE_WORDS[expected_list[0]], second=TYPE_WORDS[expected_list[1]])
    )
    hint = wrong_type_hint(expected_list, value, field_name(path))
    if hint is not None:
        pass
    elif "string" in expected_list and isinstance(value, int | float | bool):
        hint = msg("Put the value in double quotes so that it stays text exactly as written.")
    elif {"number", "integer"} & set(expected_list) and isinstance(value, str):
        hint = msg(
            "Write the number without quotes or currency sign, with a point for decimals and no thousands separator: 12000.50."
        )
    elif "array" in expected_list:
        hint = msg("Write a list: [a, b] on one line, or one “- ” item per line.")
    yield codes.WRONG_TYPE.at(
        source.where(path),
        msg(
            "“{field}” should be {expected}, not {actual}.",
            field=field_name(path),
            expected=wanted,
            actual=kind_of(value),
        ),
        hint,
    )


def _explain_enum(failure: Failure, source: SourceFile, path: PathKey) -> Iterator[Diagnostic]:
    choices = [str(choice) for choice in failure.expected]
    if isinstance(failure.instance, list | dict) or failure.instance is None:
        yield codes.WRONG_TYPE.at(
            source.where(path),
            msg(
                "“{field}” should be one value, not {actual}.", field=field_name(path), actual=kind_of(failure.instance)
            ),
            _choices_hint(None, choices),
        )
        return
    yield codes.INVALID_VALUE.at(
        source.where(path),
        msg("“{value}” is not a valid value for “{field}”.", value=str(failure.instance), field=field_name(path)),
        _choices_hint(failure.instance, choices),
    )


def _explain_length(failure: Failure, source: SourceFile, path: PathKey) -> Iterator[Diagnostic]:
    if failure.keyword in ("minLength", "minItems"):
        yield codes.EMPTY_VALUE.at(
            source.where(path),
            msg("“{field}” is empty.", field=field_name(path)),
            msg("Write the value, or delete the line."),
        )
        return
    yield codes.TOO_LONG.at(
        source.where(path),
        msg("“{field}” is longer than the {limit} allowed.", field=field_name(path), limit=failure.expected),
        msg("Shorten the text, or split it into several items."),
    )


def _explain_range(failure: Failure, source: SourceFile, path: PathKey) -> Iterator[Diagnostic]:
    bound = failure.expected
    message = (
        msg(
            "{value} is below the minimum of {bound} for “{field}”.",
            value=failure.instance,
            bound=bound,
            field=field_name(path),
        )
        if failure.keyword == "minimum"
        else msg(
            "{value} is above the maximum of {bound} for “{field}”.",
            value=failure.instance,
            bound=bound,
            field=field_name(path),
        )
    )
    yield codes.OUT_OF_RANGE.at(
        source.where(path),
        message,
        msg("Check the number: years have four digits, amounts cannot be negative."),
    )


def _explain_any_of(failure: Failure, source: SourceFile, path: PathKey) -> Iterator[Diagnostic]:
    value = failure.instance
    branch = 0 if isinstance(value, str) else 1 if isinstance(value, list) else None
    chosen = [sub for sub in failure.context if branch is not None and sub.branch == branch]
    if not chosen:
        yield codes.WRONG_TYPE.at(
            source.where(path),
            msg(
                "“{field}” should be an id or a list of ids, not {actual}.",
                field=field_name(path),
                actual=kind_of(value),
            ),
            msg("Write one id, or a list: [OB-1.1, OB-1.2]."),
        )
        return
    for sub in chosen:
        yield from explain_failure(sub, source, path)


def _explain_other(failure: Failure, source: SourceFile, path: PathKey) -> Iterator[Diagnostic]:
    yield codes.INVALID_FORMAT.at(  # jsonschema's own detail is English: the field and the rule are named instead
        source.where(path),
        msg("“{field}” does not match the plan schema (rule “{rule}”).", field=field_name(path), rule=failure.keyword),
        msg("Compare the value with the description of “{field}” that your editor shows.", field=field_name(path)),
    )


_EXPLAINERS: dict[str, Callable[[Failure, SourceFile, PathKey], Iterator[Diagnostic]]] = {
    "additionalProperties": _explain_unknown_keys,
    "required": _explain_missing,
    "type": _explain_type,
    "enum": _explain_enum,
    "pattern": explain_pattern,
    "format": explain_format,
    "minLength": _explain_length,
    "minItems": _explain_length,
    "maxLength": _explain_length,
    "minimum": _explain_range,
    "maximum": _explain_range,
    "anyOf": _explain_any_of,
}
