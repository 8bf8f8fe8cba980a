"""The typed plan: every object knows where it was written (``compiler.model.assembly`` builds it)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from compiler.messages.diagnostics import Where
from compiler.model.dates import PlanDate
from compiler.model.numbers import WrittenNumber, cents


def as_written(value: Decimal | float | str) -> str:
    """A value as a drafter writes it in a plan file: ``120``, ``172.5``, or the text."""
    if isinstance(value, str):
        return value
    number = value if isinstance(value, Decimal) else Decimal(repr(value))
    return format(number.normalize(), "f")


@dataclass(frozen=True)
class Ref:
    """A reference to another object's id, where it was written."""

    id: str
    where: Where


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
class Meta:
    """The plan's metadata."""

    title: str
    version: str
    status: str
    lang: str
    where: Where
    subtitle: str | None = None
    slug: str | None = None
    date: PlanDate | None = None
    period_start: PlanDate | None = None
    period_end: PlanDate | None = None
    territory: str | None = None
    currency: str = "EUR"
    summary: str | None = None
    prepared_with: tuple[Ref, ...] = ()
    supported_by: tuple[Ref, ...] = ()
    status_where: Where | None = None  #: where ``status`` is written

    def period(self) -> tuple[datetime.date, datetime.date] | None:
        """The plan's first and last day, or ``None`` if either is missing or they are inverted."""
        if self.period_start is None or self.period_end is None:
            return None
        first, last = self.period_start.first_day(), self.period_end.last_day()
        return (first, last) if first is not None and last is not None and first <= last else None

    def period_label(self) -> str:
        """The period as written: ``2025–2027``."""
        return "–".join(bound.text for bound in (self.period_start, self.period_end) if bound is not None)


@dataclass(frozen=True)
class Value:
    """One of the alliance's values."""

    name: str
    description: str


@dataclass(frozen=True)
class Vision:
    """Vision statement, mission and values."""

    statement: str
    mission: str | None = None
    values: tuple[Value, ...] = ()


@dataclass(frozen=True)
class Topic:
    """A titled piece of context."""

    title: str
    text: str


@dataclass(frozen=True)
class LegalReference:
    """A law or regulation the plan works within."""

    reference: str
    title: str
    summary: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Context:
    """Introduction, topics and legal framework."""

    introduction: str | None = None
    topics: tuple[Topic, ...] = ()
    legal_framework: tuple[LegalReference, ...] = ()


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
