"""Assemble the typed plan from the loaded files: sections merged, each value typed.

Assembly is tolerant: the schema has already reported shape errors, so a value of the wrong
type is simply left out here (``None`` or empty), and the cross-checks still run on the rest.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from compiler.messages.diagnostics import Diagnostic, Where, msg
from compiler.model import codes
from compiler.model.fields import Fields, address
from compiler.model.front_fields import read_context, read_meta, read_vision
from compiler.model.language import untranslated
from compiler.model.numbers import WrittenNumber, exact
from compiler.model.objects import (
    Action,
    Body,
    Funder,
    FundingLine,
    Indicator,
    Objective,
    Organisation,
    Plan,
    Registration,
    Share,
)
from compiler.model.record import (
    approval,
    observation,
    read_action_status,
    read_consultation,
    read_measurement,
    read_monitoring,
)
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
        meta=read_meta(mappings["plan"]) if "plan" in mappings else None,
        vision=read_vision(mappings["vision"]) if "vision" in mappings else None,
        context=read_context(mappings["context"]) if "context" in mappings else None,
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
        monitoring=read_monitoring(mappings["monitoring"]) if "monitoring" in mappings else None,
        consultation=read_consultation(mappings["consultation"]) if "consultation" in mappings else None,
        measurements=tuple(filter(None, map(read_measurement, lists["measurements"]))),
        statuses=tuple(filter(None, map(read_action_status, lists["statuses"]))),
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
        address=address(item.child("address")),
        legal_form=item.text("legal_form"),
        phone=item.text("phone"),
        registrations=tuple(
            Registration(scheme, value, item.where(scheme))
            for scheme in REGISTERS
            if (value := item.text(scheme)) is not None
        ),
        formerly=item.refs("formerly"),
    )


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
