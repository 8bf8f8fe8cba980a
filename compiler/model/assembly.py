"""Assemble the typed plan from the loaded files: sections merged, each value typed.

Assembly is tolerant: the schema has already reported shape errors, so a value of the wrong
type is simply left out here (``None`` or empty), and the cross-checks still run on the rest.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from compiler.messages.diagnostics import Diagnostic, Where, msg
from compiler.model import codes
from compiler.model.fields import Fields
from compiler.model.language import untranslated
from compiler.model.numbers import WrittenNumber, exact
from compiler.model.objects import (
    Action,
    ActionStatus,
    Body,
    Consultation,
    Context,
    Funder,
    FundingLine,
    Indicator,
    LegalReference,
    Measurement,
    Meta,
    Monitoring,
    Objective,
    Organisation,
    Plan,
    Registration,
    Share,
    Topic,
    Value,
    Vision,
)
from compiler.model.record import approval, observation
from compiler.model.terms import glossary_term
from compiler.sources import SourceFile

MAPPING_SECTIONS = ("plan", "vision", "context", "monitoring", "consultation")
LIST_SECTIONS = (
    "organisations",
    "governance",
    "objectives",
    "indicators",
    "actions",
    "funders",
    "observations",
    "approvals",
    "measurements",
    "statuses",
    "glossary",
)
REQUIRED_SECTIONS = ("plan",)
#: The registers an organisation's codes may come from, in the order the document lists them.
REGISTERS = ("tax_code", "vat_number", "runts_number", "ipa_code")
#: What ``end`` says of an action that has no end date.
ONGOING = "ongoing"


def assemble(sources: list[SourceFile], complete: bool = True) -> tuple[Plan, list[Diagnostic]]:
    """Merge the files into one plan; report sections written twice, or missing if complete."""
    problems: list[Diagnostic] = []
    mappings: dict[str, Fields] = {}
    lists: dict[str, list[Fields]] = {name: [] for name in LIST_SECTIONS}
    for source in sources:
        for section, value in source.data.items():
            if section in MAPPING_SECTIONS:
                first = mappings.get(section)
                if first is not None:
                    problems.append(_repeated(section, source, first))
                    continue
                mappings[section] = Fields(source, (section,), value)
            elif section in lists:
                lists[section].extend(_items(source, section, value))
    if complete:
        problems.extend(_missing_sections(sources, mappings))
    if "plan" in mappings:
        problems.extend(untranslated(mappings["plan"]))
    plan = Plan(
        meta=_meta(mappings["plan"]) if "plan" in mappings else None,
        vision=_vision(mappings["vision"]) if "vision" in mappings else None,
        context=_context(mappings["context"]) if "context" in mappings else None,
        organisations=tuple(filter(None, map(_organisation, lists["organisations"]))),
        governance=tuple(filter(None, map(_body, lists["governance"]))),
        objectives=tuple(filter(None, map(_objective, lists["objectives"]))),
        indicators=tuple(filter(None, map(_indicator, lists["indicators"]))),
        actions=tuple(filter(None, map(_action, lists["actions"]))),
        funders=tuple(filter(None, map(_funder, lists["funders"]))),
        files=tuple(source.file for source in sources),
        numbers=tuple(number for source in sources for number in _numbers(source)),
        observations=tuple(filter(None, map(observation, lists["observations"]))),
        approvals=tuple(filter(None, map(approval, lists["approvals"]))),
        monitoring=_monitoring(mappings["monitoring"]) if "monitoring" in mappings else None,
        consultation=_consultation(mappings["consultation"]) if "consultation" in mappings else None,
        measurements=tuple(filter(None, map(_measurement, lists["measurements"]))),
        statuses=tuple(filter(None, map(_action_status, lists["statuses"]))),
        glossary=tuple(filter(None, map(glossary_term, lists["glossary"]))),
    )
    return plan, problems


def _numbers(source: SourceFile) -> Iterator[WrittenNumber]:
    """Every number of a file as written, with the name of its field."""
    for path, text in source.numbers.items():
        field = next((str(key) for key in reversed(path) if isinstance(key, str)), "")
        yield WrittenNumber(text, exact(text), field, source.where(path))


def _items(source: SourceFile, section: str, value: Any) -> Iterator[Fields]:
    if isinstance(value, list):
        for index, item in enumerate(value):
            yield Fields(source, (section, index), item)


def _repeated(section: str, source: SourceFile, first: Fields) -> Diagnostic:
    earlier = first.source.key_where((section,))
    return codes.SECTION_REPEATED.at(
        source.key_where((section,)),
        msg(
            "The section “{section}” is already written in {file} (line {line}).",
            section=section,
            file=earlier.file,
            line=earlier.line,
        ),
        msg("Keep one “{section}” section: merge the two into a single file.", section=section),
    )


def _missing_sections(sources: list[SourceFile], mappings: dict[str, Fields]) -> Iterator[Diagnostic]:
    if not sources:
        return
    for section in REQUIRED_SECTIONS:
        if section not in mappings:
            yield codes.MISSING_SECTION.at(
                Where(sources[0].file),
                msg("No file of the plan has the “{section}” section.", section=section),
                msg(
                    "Add a “{section}:” section (title, version, status, date, lang, period) to one of the files.",
                    section=section,
                ),
            )


def _identified(item: Fields) -> tuple[str, Where] | None:
    identifier = item.identifier()
    return (identifier, item.where("id")) if identifier else None


def _meta(item: Fields) -> Meta:
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
        status_where=item.where("status"),
    )


def _vision(item: Fields) -> Vision:
    values = tuple(
        Value(value.text("name") or "", value.text("description") or "") for value in item.children("values")
    )
    return Vision(item.text("statement") or "", item.text("mission"), values)


def _context(item: Fields) -> Context:
    topics = tuple(Topic(topic.text("title") or "", topic.text("text") or "") for topic in item.children("topics"))
    laws = tuple(
        LegalReference(law.text("reference") or "", law.text("title") or "", law.text("summary"), law.text("url"))
        for law in item.children("legal_framework")
    )
    return Context(item.text("introduction"), topics, laws)


def _organisation(item: Fields) -> Organisation | None:
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
        legal_form=item.text("legal_form"),
        phone=item.text("phone"),
        registrations=tuple(
            Registration(scheme, value, item.where(scheme))
            for scheme in REGISTERS
            if (value := item.text(scheme)) is not None
        ),
        formerly=item.refs("formerly"),
    )


def _address(item: Fields) -> str | None:
    """``Via Roma 1, 15121 Alessandria (AL)`` from the parts that are written."""
    town = " ".join(part for part in (item.text("postcode"), item.text("city")) if part)
    province = item.text("province")
    if province:
        town = f"{town} ({province})" if town else province
    line = ", ".join(part for part in (item.text("street"), town) if part)
    return line or None


def _body(item: Fields) -> Body | None:
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
        formerly=item.refs("formerly"),
    )


def _objective(item: Fields) -> Objective | None:
    identified = _identified(item)
    if identified is None:
        return None
    identifier, where = identified
    return Objective(
        identifier,
        item.text("title") or identifier,
        where,
        item.text("description"),
        item.ref("parent"),
        item.refs("formerly"),
    )


def _indicator(item: Fields) -> Indicator | None:
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
        target_written="target" in item.data,
        milestones=item.measures("milestones"),
        direction=item.text("direction"),
        source=item.text("source"),
        description=item.text("description"),
        formerly=item.refs("formerly"),
        measured=item.text("measured"),
    )


def _action(item: Fields) -> Action | None:
    identified = _identified(item)
    if identified is None:
        return None
    identifier, where = identified
    budget = tuple(
        FundingLine(line.ref("funder"), amount, line.where("amount"), line.text("status") or "secured")
        for line in item.children("budget")
        if (amount := line.number("amount")) is not None
    )
    shares = tuple(
        Share(objective, percent)
        for share in item.children("budget_shares")
        if (objective := share.ref("objective")) is not None and (percent := share.number("percent")) is not None
    )
    ongoing = item.data.get("end") == ONGOING
    return Action(
        id=identifier,
        title=item.text("title") or identifier,
        where=where,
        description=item.text("description"),
        objectives=item.refs("objective"),
        owners=item.refs("owner"),
        partners=item.refs("partners"),
        start=item.date("start"),
        end=None if ongoing else item.date("end"),
        ongoing=ongoing,
        deliverables=item.texts("deliverables"),
        budget=budget,
        budget_shares=shares,
        formerly=item.refs("formerly"),
    )


def _funder(item: Fields) -> Funder | None:
    identified = _identified(item)
    if identified is None:
        return None
    identifier, where = identified
    return Funder(identifier, item.text("name") or identifier, where, item.refs("formerly"))


def _monitoring(item: Fields) -> Monitoring | None:
    day = item.date("date")
    if day is None:
        return None
    return Monitoring(day, item.where(), item.flag("illustrative"), item.text("note"))


def _consultation(item: Fields) -> Consultation | None:
    contact, deadline = item.text("contact"), item.date("deadline")
    if contact is None or deadline is None:
        return None
    address = _address(item.child("address")) if "address" in item.data else None
    return Consultation(
        contact, deadline, item.where(), item.text("email"), address, item.text("how"), item.text("url")
    )


def _measurement(item: Fields) -> Measurement | None:
    indicator, period, value = item.ref("indicator"), item.date("period"), item.value()
    if indicator is None or period is None or value is None:
        return None
    met = item.data.get("met")
    return Measurement(
        indicator,
        period,
        value,
        item.where(),
        met if isinstance(met, bool) else None,
        item.text("source"),
        item.text("note"),
    )


def _action_status(item: Fields) -> ActionStatus | None:
    action, day, status = item.ref("action"), item.date("date"), item.text("status")
    if action is None or day is None or status is None:
        return None
    return ActionStatus(action, day, status, item.where(), item.text("note"), item.number("spent"))
