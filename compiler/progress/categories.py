"""The progress categories and their thresholds, in the spirit of Open SDG's: the one place they are written.

An indicator's *share* is how much of the distance from baseline to target its latest value
has covered (0 at the baseline, 1 at the target); its *expected share* is where a straight line
from the baseline (end of the baseline year) to the target (end of the target year) stands at
the report's date. Their ratio places it in a category.
"""

from __future__ import annotations

import enum

#: A ratio of share to expected share at least this high is on track …
ON_TRACK = 0.95
#: … at least this high is moderate progress; below it (and not below zero) limited progress.
MODERATE = 0.5


class Category(enum.StrEnum):
    """Where an indicator stands, best first."""

    ACHIEVED = "achieved"
    ON_TRACK = "on-track"
    MODERATE = "moderate"
    LIMITED = "limited"
    DETERIORATION = "deterioration"
    NOT_MEASURABLE = "not-measurable"


#: The measurable categories, best first (the order a roll-up ranks them in).
RANKED: tuple[Category, ...] = (
    Category.ACHIEVED,
    Category.ON_TRACK,
    Category.MODERATE,
    Category.LIMITED,
    Category.DETERIORATION,
)


def categorise(share: float, expected: float) -> Category:
    """The category of a value that has covered ``share`` of the way when ``expected`` was due."""
    if share >= 1:
        return Category.ACHIEVED
    if share < 0:
        return Category.DETERIORATION
    if expected <= 0:
        return Category.ON_TRACK  # nothing was due yet, and nothing went backwards
    ratio = share / expected
    if ratio >= ON_TRACK:
        return Category.ON_TRACK
    return Category.MODERATE if ratio >= MODERATE else Category.LIMITED
