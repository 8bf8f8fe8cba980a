"""Validate each plan file against the JSON Schema and explain each failure in plain words.

The schema in ``schema/plan.schema.json`` is the one definition of the plan's shape (draft-07,
so editors validate with the same file). jsonschema-rs first says whether a file is valid (a
5,000-action plan in 20 ms); only a file with problems goes through jsonschema, whose errors
carry what the explanations need, with the schema's local ``$ref``s inlined (twice as fast).
Every error becomes a diagnostic at the line and column where the offending key or value was
written. A property test keeps the two validators in agreement.
"""

from __future__ import annotations

import difflib
import functools
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from compiler.diagnostics import Diagnostic, Text, error, msg
from compiler.sources import Document, PathKey

if TYPE_CHECKING:
    from jsonschema.exceptions import ValidationError

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "schema" / "plan.schema.json"
_LIST_LIMIT = 15


def load_schema() -> dict[str, Any]:
    """Read the plan schema as written."""
    schema: dict[str, Any] = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return schema


def inline_references(node: Any, definitions: dict[str, Any]) -> Any:
    """Replace each local ``$ref`` with a copy of its definition, tagged with its name."""
    if isinstance(node, dict):
        if "$ref" in node:
            name = node["$ref"].rsplit("/", 1)[-1]
            return {**inline_references(definitions[name], definitions), "$comment": name}
        return {key: inline_references(value, definitions) for key, value in node.items()}
    if isinstance(node, list):
        return [inline_references(item, definitions) for item in node]
    return node


@functools.cache
def _gate() -> Any:
    """jsonschema-rs: the same schema, validated ~50x faster; it only says whether a file is valid."""
    import jsonschema_rs  # noqa: PLC0415

    return jsonschema_rs.Draft7Validator(load_schema(), validate_formats=True)


@functools.cache
def _validator() -> Any:
    from jsonschema import Draft7Validator  # noqa: PLC0415 - costs ~50 ms, only `check` needs it
    from referencing import Registry  # noqa: PLC0415

    schema = load_schema()
    definitions = schema.pop("definitions")
    return Draft7Validator(
        inline_references(schema, definitions),
        format_checker=Draft7Validator.FORMAT_CHECKER,
        registry=Registry(),  # never fetch a remote $ref
    )


def validate(documents: list[Document]) -> list[Diagnostic]:
    """Check every document against the schema; return one diagnostic per problem."""
    gate = _gate()
    found: dict[tuple[str, int, int, str], Diagnostic] = {}
    for document in documents:
        if gate.is_valid(document.data):
            continue  # the common case; only a file with problems needs jsonschema's detailed errors
        for failure in _validator().iter_errors(document.data):
            for diagnostic in _explain(failure, document):
                # One value can fail two keywords (an empty text: minLength and pattern): say it once.
                found.setdefault((*diagnostic.sort_key,), diagnostic)
    return list(found.values())


@dataclass(frozen=True)
class Failure:
    """One jsonschema error, reduced to what the explanations use."""

    keyword: str
    expected: Any
    instance: Any
    schema: Mapping[str, Any]
    detail: str
    branch: int | None = None
    context: tuple[Failure, ...] = ()

    @classmethod
    def of(cls, error: ValidationError) -> tuple[PathKey, Failure]:
        """The failure and the path of the value it is about."""
        schema = error.schema if isinstance(error.schema, Mapping) else {}
        branch = error.relative_schema_path[0] if error.relative_schema_path else None
        context = tuple(cls.of(sub)[1] for sub in error.context or ())
        failure = cls(
            str(error.validator), error.validator_value, error.instance, schema, error.message, _index(branch), context
        )
        return tuple(error.absolute_path), failure


def _index(value: object) -> int | None:
    return value if isinstance(value, int) else None


def _explain(error: ValidationError, document: Document) -> Iterator[Diagnostic]:
    path, failure = Failure.of(error)
    yield from _explain_failure(failure, document, path)


def _explain_failure(failure: Failure, document: Document, path: PathKey) -> Iterator[Diagnostic]:
    explain = _EXPLAINERS.get(failure.keyword, _explain_other)
    yield from explain(failure, document, path)


def _field(path: PathKey) -> str:
    """Name a value for a message: its key, or ``key[3]`` for the fourth item of a list."""
    if not path:
        return "/"
    *_, last = path
    if isinstance(last, int):
        parent = _field(path[:-1])
        return f"{parent}[{last + 1}]"
    return str(last)


def _kind(value: Any) -> Text:
    if value is None:
        return msg("an empty value")
    if isinstance(value, bool):
        return msg("true/false")
    if isinstance(value, int | float):
        return msg("a number")
    if isinstance(value, str):
        return msg("text")
    if isinstance(value, list):
        return msg("a list")
    return msg("a block of keys")


_EXPECTED: dict[str, Text] = {
    "string": msg("text"),
    "number": msg("a number"),
    "integer": msg("a whole number"),
    "boolean": msg("true or false"),
    "array": msg("a list"),
    "object": msg("a block of keys"),
    "null": msg("an empty value"),
}


def _suggestion(value: str, choices: list[str]) -> Text | None:
    close = difflib.get_close_matches(value, choices, n=1, cutoff=0.6)
    if close:
        return msg("Did you mean “{suggestion}”?", suggestion=close[0])
    return None


def _choices_hint(value: Any, choices: list[str]) -> Text:
    guess = _suggestion(value, choices) if isinstance(value, str) else None
    if len(choices) > _LIST_LIMIT:
        return guess or msg("Check the spelling.")
    allowed = msg("Allowed here: {choices}.", choices=tuple(choices))
    return msg("{guess} {allowed}", guess=guess, allowed=allowed) if guess else allowed


def _explain_unknown_keys(failure: Failure, document: Document, path: PathKey) -> Iterator[Diagnostic]:
    allowed = list(failure.schema.get("properties", {}))
    for key in failure.instance:
        if key in allowed:
            continue
        message = (
            msg("“{key}” is not a section planc knows.", key=key)
            if not path
            else msg("“{key}” is not a field of {where}.", key=key, where=_owner(path, failure.instance))
        )
        yield error(document.key_where((*path, key)), "unknown-key", message, _choices_hint(key, allowed))


def _explain_missing(failure: Failure, document: Document, path: PathKey) -> Iterator[Diagnostic]:
    allowed = failure.schema.get("properties", {})
    unknown = [key for key in failure.instance if key not in allowed]
    for key in failure.expected:
        if key in failure.instance or difflib.get_close_matches(key, unknown, n=1, cutoff=0.6):
            continue  # a misspelt key is reported once, as unknown, with this key as the suggestion
        yield error(
            document.where(path),
            "missing-field",
            msg("“{key}” is missing from {where}.", key=key, where=_owner(path, failure.instance)),
            msg("Add a line “{key}: …” to this block.", key=key),
        )


def _owner(path: PathKey, instance: Any) -> str:
    """Name the block a message is about: its id if it has one, else where it sits."""
    identifier = instance.get("id") if isinstance(instance, dict) else None
    return identifier if isinstance(identifier, str) and identifier.strip() else _field(path)


def _explain_type(failure: Failure, document: Document, path: PathKey) -> Iterator[Diagnostic]:
    expected = failure.expected
    expected_list = expected if isinstance(expected, list) else [expected]
    value = failure.instance
    if value is None:
        yield error(
            document.where(path),
            "empty-value",
            msg("“{field}” has no value.", field=_field(path)),
            msg("Write the value after the colon, or delete the line."),
        )
        return
    wanted = (
        _EXPECTED[expected_list[0]]
        if len(expected_list) == 1
        else msg("{first} or {second}", first=_EXPECTED[expected_list[0]], second=_EXPECTED[expected_list[1]])
    )
    hint: Text | None = None
    if "string" in expected_list and isinstance(value, int | float | bool):
        hint = msg("Put the value in double quotes so that it stays text exactly as written.")
    elif {"number", "integer"} & set(expected_list) and isinstance(value, str):
        hint = msg(
            "Write the number without quotes or currency sign, with a point for decimals and no thousands separator: 12000.50."
        )
    elif "array" in expected_list:
        hint = msg("Write a list: [a, b] on one line, or one “- ” item per line.")
    yield error(
        document.where(path),
        "wrong-type",
        msg("“{field}” should be {expected}, not {actual}.", field=_field(path), expected=wanted, actual=_kind(value)),
        hint,
    )


def _explain_enum(failure: Failure, document: Document, path: PathKey) -> Iterator[Diagnostic]:
    choices = [str(choice) for choice in failure.expected]
    if isinstance(failure.instance, list | dict) or failure.instance is None:
        yield error(
            document.where(path),
            "wrong-type",
            msg("“{field}” should be one value, not {actual}.", field=_field(path), actual=_kind(failure.instance)),
            _choices_hint(None, choices),
        )
        return
    yield error(
        document.where(path),
        "invalid-value",
        msg("“{value}” is not a valid value for “{field}”.", value=str(failure.instance), field=_field(path)),
        _choices_hint(failure.instance, choices),
    )


PATTERN_EXPLANATIONS: dict[str, tuple[str, Text, Text]] = {
    "id": (
        "invalid-id",
        msg("“{value}” is not a valid id."),
        msg("An id starts with a letter and uses only letters, digits, “.”, “_” and “-”, for example AZ-01."),
    ),
    "reference": (
        "invalid-id",
        msg("“{value}” is not a valid id."),
        msg("Write the id of an object of the plan, for example AZ-01."),
    ),
    "date": (
        "invalid-date",
        msg("“{value}” is not a date written as YYYY-MM-DD."),
        msg("Write the date as year-month-day with hyphens, for example 2025-03-31."),
    ),
    "month": (
        "invalid-date",
        msg("“{value}” is not a month (YYYY-MM) or a date (YYYY-MM-DD)."),
        msg("Write for example 2025-03 for March 2025, or 2025-03-31 for a precise day."),
    ),
    "periodBound": (
        "invalid-date",
        msg("“{value}” is not a year, a month or a date."),
        msg("Write 2025, 2025-03 or 2025-03-31."),
    ),
    "url": (
        "invalid-url",
        msg("“{value}” is not a web address."),
        msg("Write the full address, starting with https://."),
    ),
    "email": ("invalid-format", msg("“{value}” is not an e-mail address."), msg("Write it as name@domain.it.")),
}
_FIELD_PATTERNS: dict[str, Text] = {
    "version": msg('Write the version in quotes, with digits and points: "1.0" or "0.3".'),
    "lang": msg("Write a language tag such as it-IT or en-GB."),
    "slug": msg("Use only lowercase letters, digits and single hyphens, for example piano-strategico."),
    "currency": msg("Write a three-letter currency code such as EUR."),
}


def _explain_pattern(failure: Failure, document: Document, path: PathKey) -> Iterator[Diagnostic]:
    definition = failure.schema.get("$comment", "")
    value = str(failure.instance)
    if definition in ("text", "richText"):
        yield error(
            document.where(path),
            "empty-value",
            msg("“{field}” holds only spaces.", field=_field(path)),
            msg("Write the text, or delete the line."),
        )
        return
    if definition in PATTERN_EXPLANATIONS:
        code, message, hint = PATTERN_EXPLANATIONS[definition]
        yield error(document.where(path), code, msg(message.msgid, value=value), hint)
        return
    hint = _FIELD_PATTERNS.get(str(path[-1]) if path else "", msg("Check the format of this value."))
    yield error(
        document.where(path),
        "invalid-format",
        msg("“{value}” is not in the format expected for “{field}”.", value=value, field=_field(path)),
        hint,
    )


def _explain_format(failure: Failure, document: Document, path: PathKey) -> Iterator[Diagnostic]:
    if failure.expected == "date":
        yield error(
            document.where(path),
            "invalid-date",
            msg("“{value}” is not a real calendar date.", value=str(failure.instance)),
            msg("Check the day and the month: for example February has 28 days, or 29 in leap years."),
        )
        return
    yield from _explain_pattern(failure, document, path)


def _explain_length(failure: Failure, document: Document, path: PathKey) -> Iterator[Diagnostic]:
    if failure.keyword in ("minLength", "minItems"):
        yield error(
            document.where(path),
            "empty-value",
            msg("“{field}” is empty.", field=_field(path)),
            msg("Write the value, or delete the line."),
        )
        return
    yield error(
        document.where(path),
        "too-long",
        msg("“{field}” is longer than the {limit} allowed.", field=_field(path), limit=failure.expected),
        msg("Shorten the text, or split it into several items."),
    )


def _explain_range(failure: Failure, document: Document, path: PathKey) -> Iterator[Diagnostic]:
    bound = failure.expected
    message = (
        msg(
            "{value} is below the minimum of {bound} for “{field}”.",
            value=failure.instance,
            bound=bound,
            field=_field(path),
        )
        if failure.keyword == "minimum"
        else msg(
            "{value} is above the maximum of {bound} for “{field}”.",
            value=failure.instance,
            bound=bound,
            field=_field(path),
        )
    )
    yield error(
        document.where(path),
        "out-of-range",
        message,
        msg("Check the number: years have four digits, amounts cannot be negative."),
    )


def _explain_any_of(failure: Failure, document: Document, path: PathKey) -> Iterator[Diagnostic]:
    value = failure.instance
    branch = 0 if isinstance(value, str) else 1 if isinstance(value, list) else None
    chosen = [sub for sub in failure.context if branch is not None and sub.branch == branch]
    if not chosen:
        yield error(
            document.where(path),
            "wrong-type",
            msg("“{field}” should be an id or a list of ids, not {actual}.", field=_field(path), actual=_kind(value)),
            msg("Write one id, or a list: [OB-1.1, OB-1.2]."),
        )
        return
    for sub in chosen:
        yield from _explain_failure(sub, document, path)


def _explain_other(failure: Failure, document: Document, path: PathKey) -> Iterator[Diagnostic]:
    yield error(
        document.where(path),
        "invalid-format",
        msg("“{field}” does not match the plan schema: {detail}.", field=_field(path), detail=failure.detail),
    )


_EXPLAINERS = {
    "additionalProperties": _explain_unknown_keys,
    "required": _explain_missing,
    "type": _explain_type,
    "enum": _explain_enum,
    "pattern": _explain_pattern,
    "format": _explain_format,
    "minLength": _explain_length,
    "minItems": _explain_length,
    "maxLength": _explain_length,
    "minimum": _explain_range,
    "maximum": _explain_range,
    "anyOf": _explain_any_of,
}
