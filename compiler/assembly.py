"""Assemble the typed plan from the loaded documents: sections merged, each value typed.

Assembly is tolerant: the schema has already reported shape errors, so a value of the wrong
type is simply left out here (``None`` or empty), and the cross-checks still run on the rest.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, TypeGuard

from compiler.diagnostics import Diagnostic, Where, error, msg
from compiler.model import (
    Action,
    Body,
    Context,
    FundingLine,
    Indicator,
    LegalReference,
    Measure,
    Meta,
    Objective,
    Organisation,
    Plan,
    PlanDate,
    Ref,
    Topic,
    Value,
    Vision,
)
from compiler.sources import Document, PathKey

MAPPING_SECTIONS = ("plan", "vision", "context")
LIST_SECTIONS = ("organisations", "governance", "objectives", "indicators", "actions")
REQUIRED_SECTIONS = ("plan",)


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
