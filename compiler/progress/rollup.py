"""Objectives and axes sum up their indicators' progress: the middle category, the lower one of two.

The method, as the report states it: the indicators that can be measured are ranked from
achieved to deterioration, and the objective (or axis, over every indicator below it) takes
the category in the middle; with an even number, the lower of the two middle ones, so that a
roll-up never reads better than half of its indicators. Indicators that cannot be measured are
left out; with none left, the roll-up cannot be measured either.
"""

from __future__ import annotations

from collections.abc import Iterable

from compiler.progress.categories import RANKED, Category


def roll_up(categories: Iterable[Category]) -> Category:
    """The middle category of the measurable ones (the lower of the two middle ones)."""
    ranks = sorted(RANKED.index(category) for category in categories if category in RANKED)
    if not ranks:
        return Category.NOT_MEASURABLE
    return RANKED[ranks[len(ranks) // 2]]
