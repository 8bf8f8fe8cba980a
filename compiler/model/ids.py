"""The shape of an id (the schema's ``id`` pattern, its one owner) and the order ids sort in."""

from __future__ import annotations

import re

from compiler.schema import definition

#: The shape of an id (``fullmatch`` it).
IDENTIFIER = re.compile(definition("id")["pattern"].removeprefix("^").removesuffix("$"))
_RUNS = re.compile(r"(\d+)")


def natural_key(identifier: str) -> tuple[tuple[int, int, str], ...]:
    """Sort official numbering as people read it: ``2.1`` before ``11.a``, ``M1C2`` before ``M1C10``."""
    return tuple(
        (0, int(run), run) if run.isdigit() else (1, 0, run.casefold()) for run in _RUNS.split(identifier) if run
    )
