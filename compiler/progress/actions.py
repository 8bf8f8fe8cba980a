"""Each action's status at the report's date, read from the statuses recorded over time.

The ``statuses`` section is the one owner of an action's status: the latest record dated on or
before the report's date is the action's status then. An action whose end has passed and whose
status is neither finished (completed, cancelled) nor already says it is behind (late,
suspended) is *overdue*: the report shows it as late and the check warns.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from compiler.model import Action, ActionStatus

#: Every status, in the order an action goes through them.
STATUSES = ("not-started", "started", "on-track", "late", "suspended", "completed", "cancelled")
#: Statuses after which an action is over.
FINISHED = frozenset({"completed", "cancelled"})
#: Statuses that already say what an overdue action's status is.
SAYS_OTHERWISE = FINISHED | {"late", "suspended"}
#: Statuses that say the work has begun.
UNDER_WAY = frozenset({"started", "on-track", "late", "suspended", "completed"})


@dataclass(frozen=True)
class ActionProgress:
    """Where one action stands at the report's date."""

    action: Action
    history: tuple[ActionStatus, ...]  #: its statuses up to the report's date, oldest first
    overdue: bool  #: past its end, not finished, and no status says it is late or suspended

    @property
    def latest(self) -> ActionStatus | None:
        """The status in force at the report's date."""
        return self.history[-1] if self.history else None

    @property
    def status(self) -> str | None:
        """The status to show: ``late`` for an overdue action, else the latest recorded (``None``: none)."""
        if self.overdue:
            return "late"
        return self.latest.status if self.latest else None

    @property
    def spent(self) -> Decimal | None:
        """The money spent up to the latest status that says it."""
        return next((entry.spent for entry in reversed(self.history) if entry.spent is not None), None)

    @property
    def began(self) -> datetime.date | None:
        """The day of the first status that says the work had begun."""
        return next((_day(entry) for entry in self.history if entry.status in UNDER_WAY), None)

    @property
    def ended(self) -> datetime.date | None:
        """The day of the status that says it was completed or cancelled."""
        latest = self.latest
        return _day(latest) if latest is not None and latest.status in FINISHED else None


def _day(entry: ActionStatus) -> datetime.date:
    return entry.date.first_day() or datetime.date.max


def statuses_by_action(statuses: Iterable[ActionStatus]) -> dict[str, list[ActionStatus]]:
    """Each action's statuses, oldest first."""
    found: dict[str, list[ActionStatus]] = defaultdict(list)
    for entry in statuses:
        found[entry.action.id].append(entry)
    for history in found.values():
        history.sort(key=_day)
    return dict(found)


def latest_status(statuses: Iterable[ActionStatus], as_of: datetime.date) -> ActionStatus | None:
    """The latest of these statuses dated on or before ``as_of``."""
    dated = [entry for entry in statuses if _day(entry) <= as_of]
    return max(dated, key=_day) if dated else None


def action_progress(action: Action, statuses: Iterable[ActionStatus], as_of: datetime.date) -> ActionProgress:
    """The action's statuses up to ``as_of``, and whether it is overdue then."""
    history = tuple(sorted((entry for entry in statuses if _day(entry) <= as_of), key=_day))
    end = action.end.last_day() if action.end is not None else None
    latest = history[-1].status if history else None
    overdue = end is not None and end < as_of and latest not in SAYS_OTHERWISE
    return ActionProgress(action, history, overdue)
