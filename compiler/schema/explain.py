"""Explain why a file fails the schema, with jsonschema's detailed errors (the only jsonschema user).

jsonschema is imported only when a file has problems; the schema's local ``$ref``s are inlined
first (twice as fast), each tagged with its definition's name for the explanations.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from compiler.messages.diagnostics import Diagnostic
from compiler.schema.definition import inline_references, load_schema
from compiler.schema.failure import Failure
from compiler.schema.keywords import explain_failure
from compiler.sources import PathKey, SourceFile

if TYPE_CHECKING:
    from jsonschema.exceptions import ValidationError


@functools.cache
def _validator() -> Any:
    from jsonschema import Draft7Validator  # noqa: PLC0415 - costs ~50 ms; a valid plan never needs it
    from referencing import Registry  # noqa: PLC0415

    schema = load_schema()
    definitions = schema.pop("definitions")
    return Draft7Validator(
        inline_references(schema, definitions),
        format_checker=Draft7Validator.FORMAT_CHECKER,
        registry=Registry(),  # never fetch a remote $ref
    )


def explain(source: SourceFile) -> Iterator[Diagnostic]:
    """Every way ``source`` fails the schema, as diagnostics at the offending key or value."""
    for error in _validator().iter_errors(source.data):
        path, failure = _failure_of(error)
        yield from explain_failure(failure, source, path)


def _failure_of(error: ValidationError) -> tuple[PathKey, Failure]:
    """The failure and the path of the value it is about."""
    schema = error.schema if isinstance(error.schema, Mapping) else {}
    branch = error.relative_schema_path[0] if error.relative_schema_path else None
    context = tuple(_failure_of(sub)[1] for sub in error.context or ())
    failure = Failure(
        str(error.validator), error.validator_value, error.instance, schema, error.message, _index(branch), context
    )
    return tuple(error.absolute_path), failure


def _index(value: object) -> int | None:
    return value if isinstance(value, int) else None
