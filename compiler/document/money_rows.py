"""A row of a table of money (secured, expected, total, share), as the templates receive it."""

from __future__ import annotations

from dataclasses import dataclass

from compiler.document.markdown import Markdown


@dataclass(frozen=True)
class AmountRow:
    """A row of a budget table: money secured, still expected, in all, and its share of the total."""

    label: Markdown
    secured: str
    expected: str
    total: str
    share: str
