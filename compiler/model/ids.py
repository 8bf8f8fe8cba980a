"""The shape of an id: the schema's ``id`` pattern, its one owner."""

from __future__ import annotations

import re

from compiler.schema import definition

#: The shape of an id (``fullmatch`` it).
IDENTIFIER = re.compile(definition("id")["pattern"].removeprefix("^").removesuffix("$"))
