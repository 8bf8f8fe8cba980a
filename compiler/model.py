"""The typed plan: assembled from the loaded documents, every object knowing where it was written.

Assembly is tolerant: the schema has already reported shape errors, so a value of the wrong
type is simply left out here (``None`` or empty), and the cross-checks still run on the rest.
"""

from __future__ import annotations

import calendar
import datetime
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, TypeGuard

from compiler.diagnostics import Diagnostic, Where, error, msg
from compiler.sources import Document, PathKey

#: The shape of an id, as the schema defines it.
IDENTIFIER = re.compile(r"[A-Za-z][A-Za-z0-9._-]*")
MAPPING_SECTIONS = ("plan", "vision", "context")
LIST_SECTIONS = ("organisations", "governance", "objectives", "indicators", "actions")
REQUIRED_SECTIONS = ("plan",)


@dataclass(frozen=True)
class Ref:
    """A reference to another object's id, where it was written."""

    id: str
    where: Where


@dataclass(frozen=True)
class PlanDate:
    """A year, month or day as written (``2025``, ``2025-03``, ``2025-03-31``)."""

    text: str
    where: Where

    def first_day(self) -> datetime.date | None:
        """The first day the value covers, or ``None`` if it is not a real date."""
        parts = self._parts()
        if parts is None:
            return None
        year, month, day = parts
        return _safe_date(year, month or 1, day or 1)

    def last_day(self) -> datetime.date | None:
        """The last day the value covers, or ``None`` if it is not a real date."""
        parts = self._parts()
        if parts is None:
            return None
        year, month, day = parts
        if month is None:
            return _safe_date(year, 12, 31)
        if day is None:
            return _safe_date(year, month, calendar.monthrange(year, month)[1] if 1 <= month <= 12 else 1)
        return _safe_date(year, month, day)

    def _parts(self) -> tuple[int, int | None, int | None] | None:
        pieces = self.text.split("-")
        if not 1 <= len(pieces) <= 3 or not all(piece.isdigit() for piece in pieces):
            return None
        numbers = [int(piece) for piece in pieces] + [0, 0]
        return numbers[0], numbers[1] or None, numbers[2] or None


def _safe_date(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


@dataclass(frozen=True)
class Measure:
    """A value in a year (an indicator's baseline or target)."""

    value: float
    year: int
    where: Where
    note: str | None = None


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


@dataclass(frozen=True)
class Objective:
    """A strategic axis (no parent) or an objective under one."""

    id: str
    title: str
    where: Where
    description: str | None = None
    parent: Ref | None = None


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
    direction: str | None = None
    source: str | None = None
    description: str | None = None


@dataclass(frozen=True)
class FundingLine:
    """An amount from one funding source."""

    source: str
    amount: float


@dataclass(frozen=True)
class Action:
    """An activity of the plan."""

    id: str
    title: str
    where: Where
    description: str | None = None
    objectives: tuple[Ref, ...] = ()
    owner: Ref | None = None
    partners: tuple[Ref, ...] = ()
    start: PlanDate | None = None
    end: PlanDate | None = None
    status: str | None = None
    deliverables: tuple[str, ...] = ()
    budget: tuple[FundingLine, ...] = ()

    @property
    def total_budget(self) -> float:
        """The sum of the action's budget lines."""
        return sum(line.amount for line in self.budget)


#: Every kind of object that has an id.
Identified = Organisation | Body | Objective | Indicator | Action


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
    files: tuple[str, ...] = field(default=())

    def identified(self) -> tuple[Identified, ...]:
        """Every object with an id, in plan order, kind by kind."""
        return (*self.organisations, *self.governance, *self.objectives, *self.indicators, *self.actions)


class _Item:
    """Typed, tolerant access to one mapping of a document."""

    def __init__(self, document: Document, path: PathKey, data: Any) -> None:
        self.document = document
        self.path = path
        self.data: dict[str, Any] = data if isinstance(data, dict) else {}

    def where(self, key: str | None = None) -> Where:
        return self.document.where((*self.path, key) if key else self.path)

    def text(self, key: str) -> str | None:
        value = self.data.get(key)
        return value if isinstance(value, str) else None

    def texts(self, key: str) -> tuple[str, ...]:
        value = self.data.get(key)
        return tuple(item for item in value if isinstance(item, str)) if isinstance(value, list) else ()

    def flag(self, key: str) -> bool:
        return self.data.get(key) is True

    def ref(self, key: str) -> Ref | None:
        value = self.data.get(key)
        return Ref(value, self.where(key)) if isinstance(value, str) else None

    def refs(self, key: str) -> tuple[Ref, ...]:
        value = self.data.get(key)
        if isinstance(value, str):
            return (Ref(value, self.where(key)),)
        if not isinstance(value, list):
            return ()
        path = (*self.path, key)
        return tuple(
            Ref(item, self.document.where((*path, index))) for index, item in enumerate(value) if isinstance(item, str)
        )

    def date(self, key: str) -> PlanDate | None:
        value = self.data.get(key)
        if isinstance(value, bool) or not isinstance(value, str | int):
            return None
        return PlanDate(str(value), self.where(key))

    def child(self, key: str) -> _Item:
        return _Item(self.document, (*self.path, key), self.data.get(key))

    def children(self, key: str) -> Iterator[_Item]:
        value = self.data.get(key)
        if isinstance(value, list):
            for index, item in enumerate(value):
                yield _Item(self.document, (*self.path, key, index), item)

    def measure(self, key: str) -> Measure | None:
        item = self.child(key)
        value, year = item.data.get("value"), item.data.get("year")
        if not _is_number(value) or not isinstance(year, int) or isinstance(year, bool):
            return None
        return Measure(float(value), year, item.where(), item.text("note"))


def _is_number(value: object) -> TypeGuard[int | float]:
    return isinstance(value, int | float) and not isinstance(value, bool)


def assemble(documents: list[Document], complete: bool = True) -> tuple[Plan, list[Diagnostic]]:
    """Merge the documents into one plan; report sections written twice, or missing if complete."""
    problems: list[Diagnostic] = []
    mappings: dict[str, _Item] = {}
    lists: dict[str, list[_Item]] = {name: [] for name in LIST_SECTIONS}
    for document in documents:
        for section, value in document.data.items():
            if section in MAPPING_SECTIONS:
                first = mappings.get(section)
                if first is not None:
                    problems.append(_repeated(section, document, first))
                    continue
                mappings[section] = _Item(document, (section,), value)
            elif section in lists:
                lists[section].extend(_items(document, section, value))
    if complete:
        problems.extend(_missing_sections(documents, mappings))
    plan = Plan(
        meta=_meta(mappings["plan"]) if "plan" in mappings else None,
        vision=_vision(mappings["vision"]) if "vision" in mappings else None,
        context=_context(mappings["context"]) if "context" in mappings else None,
        organisations=tuple(filter(None, map(_organisation, lists["organisations"]))),
        governance=tuple(filter(None, map(_body, lists["governance"]))),
        objectives=tuple(filter(None, map(_objective, lists["objectives"]))),
        indicators=tuple(filter(None, map(_indicator, lists["indicators"]))),
        actions=tuple(filter(None, map(_action, lists["actions"]))),
        files=tuple(document.file for document in documents),
    )
    return plan, problems


def _items(document: Document, section: str, value: Any) -> Iterator[_Item]:
    if isinstance(value, list):
        for index, item in enumerate(value):
            yield _Item(document, (section, index), item)


def _repeated(section: str, document: Document, first: _Item) -> Diagnostic:
    earlier = first.document.key_where((section,))
    return error(
        document.key_where((section,)),
        "section-repeated",
        msg(
            "The section “{section}” is already written in {file} (line {line}).",
            section=section,
            file=earlier.file,
            line=earlier.line,
        ),
        msg("Keep one “{section}” section: merge the two into a single file.", section=section),
    )


def _missing_sections(documents: list[Document], mappings: dict[str, _Item]) -> Iterator[Diagnostic]:
    if not documents:
        return
    for section in REQUIRED_SECTIONS:
        if section not in mappings:
            yield error(
                Where(documents[0].file),
                "missing-section",
                msg("No file of the plan has the “{section}” section.", section=section),
                msg(
                    "Add a “{section}:” section (title, version, status, date, lang, period) to one of the files.",
                    section=section,
                ),
            )


def _identified(item: _Item) -> tuple[str, Where] | None:
    identifier = item.text("id")
    return (identifier, item.where("id")) if identifier else None


def _meta(item: _Item) -> Meta:
    period = item.child("period")
    return Meta(
        title=item.text("title") or "",
        version=item.text("version") or "",
        status=item.text("status") or "draft",
        lang=item.text("lang") or "en",
        where=item.where(),
        subtitle=item.text("subtitle"),
        slug=item.text("slug"),
        date=item.date("date"),
        period_start=period.date("start"),
        period_end=period.date("end"),
        territory=item.text("territory"),
        currency=item.text("currency") or "EUR",
        summary=item.text("summary"),
        prepared_with=item.refs("prepared_with"),
        supported_by=item.refs("supported_by"),
    )


def _vision(item: _Item) -> Vision:
    values = tuple(
        Value(value.text("name") or "", value.text("description") or "") for value in item.children("values")
    )
    return Vision(item.text("statement") or "", item.text("mission"), values)


def _context(item: _Item) -> Context:
    topics = tuple(Topic(topic.text("title") or "", topic.text("text") or "") for topic in item.children("topics"))
    laws = tuple(
        LegalReference(law.text("reference") or "", law.text("title") or "", law.text("summary"), law.text("url"))
        for law in item.children("legal_framework")
    )
    return Context(item.text("introduction"), topics, laws)


def _organisation(item: _Item) -> Organisation | None:
    identified = _identified(item)
    if identified is None:
        return None
    identifier, where = identified
    return Organisation(
        id=identifier,
        name=item.text("name") or identifier,
        type=item.text("type") or "other",
        where=where,
        short_name=item.text("short_name"),
        signatory=item.flag("signatory"),
        illustrative=item.flag("illustrative"),
        fields=item.texts("fields"),
        description=item.text("description"),
        website=item.text("website"),
        email=item.text("email"),
        address=_address(item.child("address")),
    )


def _address(item: _Item) -> str | None:
    """``Via Roma 1, 15121 Alessandria (AL)`` from the parts that are written."""
    town = " ".join(part for part in (item.text("postcode"), item.text("city")) if part)
    province = item.text("province")
    if province:
        town = f"{town} ({province})" if town else province
    line = ", ".join(part for part in (item.text("street"), town) if part)
    return line or None


def _body(item: _Item) -> Body | None:
    identified = _identified(item)
    if identified is None:
        return None
    identifier, where = identified
    return Body(
        id=identifier,
        name=item.text("name") or identifier,
        where=where,
        description=item.text("description"),
        members=item.refs("members"),
        chair=item.ref("chair"),
        reports_to=item.ref("reports_to"),
        responsibilities=item.texts("responsibilities"),
        meetings=item.text("meetings"),
    )


def _objective(item: _Item) -> Objective | None:
    identified = _identified(item)
    if identified is None:
        return None
    identifier, where = identified
    return Objective(identifier, item.text("title") or identifier, where, item.text("description"), item.ref("parent"))


def _indicator(item: _Item) -> Indicator | None:
    identified = _identified(item)
    if identified is None:
        return None
    identifier, where = identified
    return Indicator(
        id=identifier,
        name=item.text("name") or identifier,
        where=where,
        objective=item.ref("objective"),
        unit=item.text("unit"),
        baseline=item.measure("baseline"),
        target=item.measure("target"),
        direction=item.text("direction"),
        source=item.text("source"),
        description=item.text("description"),
    )


def _action(item: _Item) -> Action | None:
    identified = _identified(item)
    if identified is None:
        return None
    identifier, where = identified
    budget = tuple(
        FundingLine(line.text("source") or "", float(amount))
        for line in item.children("budget")
        if _is_number(amount := line.data.get("amount"))
    )
    return Action(
        id=identifier,
        title=item.text("title") or identifier,
        where=where,
        description=item.text("description"),
        objectives=item.refs("objective"),
        owner=item.ref("owner"),
        partners=item.refs("partners"),
        start=item.date("start"),
        end=item.date("end"),
        status=item.text("status"),
        deliverables=item.texts("deliverables"),
        budget=budget,
    )
