"""One way a value fails the schema, reduced to what the explanations need."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Failure:
    """One schema error: the keyword, what it expected, the value, and the errors of its branches."""

    keyword: str
    expected: Any
    instance: Any
    schema: Mapping[str, Any]
    detail: str
    branch: int | None = None
    context: tuple[Failure, ...] = ()
