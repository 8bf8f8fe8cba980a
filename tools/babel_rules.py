"""A Babel extractor for rule modules: their ``msg(...)`` calls, and the first line of their docstring.

A rule's code means the first line of its module's docstring (``compiler.checks.rule``), so that
line must reach the translation catalogue too. Used by ``babel.cfg``.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from typing import IO, Any

from babel.messages.extract import extract_python


def extract(
    fileobj: IO[bytes], keywords: Any, comment_tags: Any, options: Any
) -> Iterator[tuple[int, str | None, str, list[str]]]:
    """What ``extract_python`` finds, then the docstring's first line as its own message."""
    source = fileobj.read()
    fileobj.seek(0)
    yield from extract_python(fileobj, keywords, comment_tags, options)
    docstring = ast.get_docstring(ast.parse(source))
    if docstring and b"CODE = rule_code(" in source:
        yield 1, None, docstring.strip().splitlines()[0], []
