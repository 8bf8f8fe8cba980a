"""The plan's life around its objects: the consultation, observations and approvals, monitoring data.

Records that refer to the plan's objects by id (``Ref``) and are kept beside them in ``Plan``.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from compiler.messages.diagnostics import Where
from compiler.model.dates import PlanDate
from compiler.model.refs import Ref


@dataclass(frozen=True)
class Observation:
    """An observation received on the plan, and the drafting group's response and outcome."""

    by: str
    text: str
    where: Where
    on: Ref | None = None
    removed: bool = False
    section: str | None = None
    organisation: Ref | None = None
    date: PlanDate | None = None
    origin: str | None = None
    source: str | None = None
    quote: str | None = None
    response: str | None = None
    outcome: str | None = None


@dataclass(frozen=True)
class Approval:
    """The act by which a signatory (or a governance body) approved a version of the plan."""

    by: Ref
    where: Where
    version: str | None = None
    body: str | None = None
    act: str | None = None
    number: str | None = None
    date: PlanDate | None = None
    url: str | None = None


@dataclass(frozen=True)
class Monitoring:
    """The date the monitoring data are as of, and whether they are examples."""

    date: PlanDate
    where: Where
    illustrative: bool = False
    note: str | None = None


@dataclass(frozen=True)
class Consultation:
    """While the plan is a draft or under review: to whom comments go, by when and how."""

    contact: str
    deadline: PlanDate
    where: Where
    email: str | None = None
    address: str | None = None
    how: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Measurement:
    """An indicator's measured value in a period (a year, month or day)."""

    indicator: Ref
    period: PlanDate
    value: Decimal | str
    where: Where
    met: bool | None = None  #: a qualitative indicator's: is its target met?
    source: str | None = None
    note: str | None = None

    @property
    def is_number(self) -> bool:
        """True for a quantitative value."""
        return not isinstance(self.value, str)


@dataclass(frozen=True)
class ActionStatus:
    """An action's status at a date (the one owner of an action's status), with the money spent by then."""

    action: Ref
    date: PlanDate
    status: str
    where: Where
    note: str | None = None
    spent: Decimal | None = None  #: spent on the action from its start up to this date
