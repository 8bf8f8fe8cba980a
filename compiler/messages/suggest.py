"""“Did you mean …?”: the one place that guesses what a drafter meant to write."""

from __future__ import annotations

import difflib
from collections.abc import Sequence

from compiler.messages.diagnostics import Text, msg

#: Up to this many choices are listed in full; beyond it, only the guess.
LIST_LIMIT = 15


def closest(value: str, choices: Sequence[str]) -> str | None:
    """The choice closest to ``value``, if one is close enough to be a likely typo."""
    found = difflib.get_close_matches(value, list(choices), n=1, cutoff=0.6)
    return found[0] if found else None


def did_you_mean(
    value: object, choices: Sequence[str], listed: Text | None = None, limit: int = LIST_LIMIT
) -> Text | None:
    """A guess for ``value`` among ``choices``, followed by ``listed`` (the choices) when at most ``limit``."""
    guess_text = closest(value, choices) if isinstance(value, str) else None
    guess = msg("Did you mean “{suggestion}”?", suggestion=guess_text) if guess_text else None
    if listed is None or not 0 < len(choices) <= limit:
        return guess
    return msg("{guess} {allowed}", guess=guess, allowed=listed) if guess else listed
