"""The typed plan: every object knows where it was written (``compiler.model.assembly`` builds it)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from compiler.messages.diagnostics import Where
from compiler.model.dates import PlanDate
from compiler.model.front import Context, Meta, Vision
from compiler.model.lifecycle import ActionStatus, Approval, Consultation, Measurement, Monitoring, Observation
from compiler.model.numbers import WrittenNumber, cents
from compiler.model.refs import Ref


def as_written(value: Decimal | float | str) -> str:
    """A value as a drafter writes it in a plan file: ``120``, ``172.5``, or the text."""
    if isinstance(value, str):
        return value
    number = value if isinstance(value, Decimal) else Decimal(repr(value))
    return format(number.normalize(), "f")


@dataclass(frozen=True)
class Measure:
    """A value in a year: an indicator's baseline, milestone or target (text for a qualitative one)."""

    value: Decimal | str
    year: int
    where: Where
    note: str | None = None
    comparator: str | None = None  #: a target's ``at-least``, ``at-most``, ``exactly`` or ``between``
    up_to: Decimal | None = None  #: with ``between``, the upper bound (``value`` is the lower one)

    @property
    def is_number(self) -> bool:
        """True for a quantitative value."""
        return not isinstance(self.value, str)


@dataclass(frozen=True)
class Organisation:
    """An organisation involved in the plan."""

    id: str
    name: str
    type: str
    where: Where
    short_name: str | None = None
    signatory: bool = False
    illustrative: bool = False
    fields: tuple[str, ...] = ()
    description: str | None = None
    website: str | None = None
    email: str | None = None
    address: str | None = None
    legal_form: str | None = None
    phone: str | None = None
    registrations: tuple[Registration, ...] = ()
    formerly: tuple[Ref, ...] = ()  #: ids it had in earlier versions


@dataclass(frozen=True)
class Registration:
    """An organisation's code in a register: ``tax_code``, ``vat_number``, ``runts_number`` or ``ipa_code``."""

    scheme: str
    value: str
    where: Where


@dataclass(frozen=True)
class Body:
    """A governance body."""

    id: str
    name: str
    where: Where
    description: str | None = None
    members: tuple[Ref, ...] = ()
    chair: Ref | None = None
    reports_to: Ref | None = None
    responsibilities: tuple[str, ...] = ()
    meetings: str | None = None
    formerly: tuple[Ref, ...] = ()  #: ids it had in earlier versions


@dataclass(frozen=True)
class Objective:
    """A strategic axis (no parent) or an objective under one."""

    id: str
    title: str
    where: Where
    description: str | None = None
    parent: Ref | None = None
    formerly: tuple[Ref, ...] = ()  #: ids it had in earlier versions


@dataclass(frozen=True)
class Indicator:
    """How an objective is measured."""

    id: str
    name: str
    where: Where
    objective: Ref | None = None
    unit: str | None = None
    baseline: Measure | None = None
    target: Measure | None = None
    target_written: bool = False  #: a target is written, even if its value could not be read
    milestones: tuple[Measure, ...] = ()
    direction: str | None = None
    source: str | None = None
    description: str | None = None
    formerly: tuple[Ref, ...] = ()  #: ids it had in earlier versions
    measured: str | None = None  #: ``level``, ``cumulative`` or ``per-period``: how measured values add up

    @property
    def is_qualitative(self) -> bool:
        """True when its baseline, milestones or target are text (and so must be its measurements)."""
        written = (self.baseline, *self.milestones, self.target)
        return any(measure is not None and not measure.is_number for measure in written)

    @property
    def is_quantitative(self) -> bool:
        """True when it has a unit or a number among its values."""
        written = (self.baseline, *self.milestones, self.target)
        return self.unit is not None or any(measure is not None and measure.is_number for measure in written)


@dataclass(frozen=True)
class Funder:
    """A source of money that is not an organisation of the plan: a call, the partners' own resources."""

    id: str
    name: str
    where: Where
    formerly: tuple[Ref, ...] = ()  #: ids it had in earlier versions


@dataclass(frozen=True)
class GlossaryTerm:
    """A term or acronym of the glossary, its definition, and the other forms it takes in the text."""

    term: str
    definition: str
    where: Where  #: where the term is written
    variants: tuple[str, ...] = ()

    @property
    def forms(self) -> tuple[str, ...]:
        """The term and its variants: every form the text may use."""
        return (self.term, *self.variants)


def exact_case(form: str) -> bool:
    """True for an acronym (capitals, no small letter: ``ETS``), matched only as written; other terms match in any case."""
    return any(character.isupper() for character in form) and not any(character.islower() for character in form)


@dataclass(frozen=True)
class FundingLine:
    """An amount from one funder (an organisation or a ``Funder``), secured or still expected."""

    funder: Ref | None
    amount: Decimal
    where: Where
    status: str = "secured"

    @property
    def cents(self) -> int:
        """The amount in cents (a checked plan's amounts are whole cents)."""
        return cents(self.amount)

    @property
    def secured(self) -> bool:
        """True if the money is granted; False if it is still expected (a call not yet won)."""
        return self.status != "expected"


@dataclass(frozen=True)
class Share:
    """The percentage of an action's budget that goes to one of its objectives."""

    objective: Ref
    percent: Decimal


@dataclass(frozen=True)
class Action:
    """An activity of the plan."""

    id: str
    title: str
    where: Where
    description: str | None = None
    objectives: tuple[Ref, ...] = ()
    owners: tuple[Ref, ...] = ()  #: more than one for joint leadership
    partners: tuple[Ref, ...] = ()
    start: PlanDate | None = None
    end: PlanDate | None = None
    ongoing: bool = False  #: ``end: ongoing``: the action has no end date
    deliverables: tuple[str, ...] = ()
    budget: tuple[FundingLine, ...] = ()
    budget_shares: tuple[Share, ...] = ()
    formerly: tuple[Ref, ...] = ()  #: ids it had in earlier versions

    @property
    def total_cents(self) -> int:
        """The sum of the action's budget lines, in cents."""
        return sum(line.cents for line in self.budget)


#: Every kind of object that has an id.
Identified = Organisation | Body | Objective | Indicator | Action | Funder


@dataclass(frozen=True)
class Plan:
    """The whole plan, merged from every file."""

    meta: Meta | None = None
    vision: Vision | None = None
    context: Context | None = None
    organisations: tuple[Organisation, ...] = ()
    governance: tuple[Body, ...] = ()
    objectives: tuple[Objective, ...] = ()
    indicators: tuple[Indicator, ...] = ()
    actions: tuple[Action, ...] = ()
    funders: tuple[Funder, ...] = ()
    files: tuple[str, ...] = field(default=())
    #: Every number written in the plan's files, as written (whatever field it is in).
    numbers: tuple[WrittenNumber, ...] = ()
    observations: tuple[Observation, ...] = ()
    approvals: tuple[Approval, ...] = ()
    monitoring: Monitoring | None = None
    consultation: Consultation | None = None
    measurements: tuple[Measurement, ...] = ()
    statuses: tuple[ActionStatus, ...] = ()
    glossary: tuple[GlossaryTerm, ...] = ()

    def as_of(self) -> datetime.date | None:
        """The day the monitoring data are as of (the report's date), if the plan says it."""
        return self.monitoring.date.first_day() if self.monitoring is not None else None

    def identified(self) -> tuple[Identified, ...]:
        """Every object with an id, in plan order, kind by kind."""
        return (
            *self.organisations,
            *self.governance,
            *self.objectives,
            *self.indicators,
            *self.actions,
            *self.funders,
        )
