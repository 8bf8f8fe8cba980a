"""What the document shows, computed from the plan: grouping, ordering, totals, formatting, links.

The templates only loop and place. Plain strings here are escaped when the template prints
them; ``Markdown`` values (links, descriptive text) were made safe by ``compiler.text``.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable

from compiler.diagnostics import Text, msg
from compiler.i18n import Translator
from compiler.l10n import Formats
from compiler.model import IDENTIFIER, Action, Body, Indicator, Measure, Objective, Organisation, Plan
from compiler.parts import (
    ActionRow,
    ActionSheet,
    AmountRow,
    AxisView,
    BodyView,
    Cover,
    Document,
    IndicatorRow,
    MatrixRow,
    ObjectiveView,
    OrganisationGroup,
    OrganisationRow,
    SheetGroup,
)
from compiler.text import Markdown, blocks, escape, is_safe_url, link_target

STATUS_LABELS: dict[str, Text] = {"draft": msg("Draft"), "review": msg("Under review"), "approved": msg("Approved")}
TYPE_LABELS: dict[str, Text] = {
    "public-administration": msg("Public administrations"),
    "third-sector": msg("Third-Sector organisations"),
    "foundation": msg("Foundations"),
    "facilitator": msg("Facilitators"),
    "company": msg("Companies"),
    "other": msg("Other organisations"),
}
FIELD_LABELS: dict[str, Text] = {
    "social": msg("social"),
    "educational": msg("educational"),
    "cultural": msg("cultural"),
    "environmental": msg("environmental"),
    "other": msg("other"),
}
ACTION_STATUS_LABELS: dict[str, Text] = {
    "planned": msg("planned"),
    "in-progress": msg("in progress"),
    "done": msg("done"),
    "suspended": msg("suspended"),
}
DIRECTION_LABELS: dict[str, Text] = {
    "increase": msg("increase"),
    "decrease": msg("decrease"),
    "maintain": msg("maintain"),
}


def ident(identifier: str) -> Markdown:
    """An object's id, fit to be an anchor as it is (a checked plan's ids always are)."""
    if not IDENTIFIER.fullmatch(identifier):
        raise ValueError(f"not a valid id: {identifier!r}")
    return Markdown(identifier)


def link(identifier: str, label: str | None = None) -> Markdown:
    """A link to the object with this id, labelled with ``label`` (or the id)."""
    return Markdown(f"[{escape(label or identifier)}](#{ident(identifier)})")


def anchor(identifier: str, label: str) -> Markdown:
    """Text that is also the target of links to ``identifier``."""
    return Markdown(f"[{escape(label)}]{{#{ident(identifier)}}}")


def joined(items: Iterable[Markdown]) -> Markdown:
    """Several links or pieces of Markdown separated by commas."""
    return Markdown(", ".join(items))


class _Builder:
    """Builds the document view of a checked plan."""

    def __init__(self, plan: Plan, translate: Translator) -> None:
        if plan.meta is None:
            raise ValueError("only a checked plan, with its metadata, can be laid out")
        self.plan = plan
        self.meta = plan.meta
        self.t = translate
        self.formats = Formats(plan.meta.lang, plan.meta.currency)
        self.names: dict[str, str] = {o.id: o.short_name or o.name for o in plan.organisations}
        self.names.update({b.id: b.name for b in plan.governance})
        self.titles: dict[str, str] = {o.id: o.title for o in plan.objectives}
        self.parents: dict[str, str | None] = {o.id: o.parent.id if o.parent else None for o in plan.objectives}
        self.children: dict[str | None, list[Objective]] = defaultdict(list)
        for objective in plan.objectives:
            self.children[objective.parent.id if objective.parent else None].append(objective)
        self.actions_of: dict[str, list[Action]] = defaultdict(list)
        for action in plan.actions:
            for ref in action.objectives:
                self.actions_of[ref.id].append(action)
        self.indicators_of: dict[str, list[Indicator]] = defaultdict(list)
        for indicator in plan.indicators:
            if indicator.objective is not None:
                self.indicators_of[indicator.objective.id].append(indicator)

    def party(self, identifier: str) -> Markdown:
        return link(identifier, self.names.get(identifier, identifier))

    def rich(self, text: str | None) -> Markdown | None:
        return blocks(text) if text else None

    def build(self) -> Document:
        vision, context = self.plan.vision, self.plan.context
        return Document(
            lang=self.meta.lang,
            draft=self.meta.status != "approved",
            cover=self.cover(),
            vision=self.rich(vision.statement) if vision else None,
            mission=self.rich(vision.mission) if vision else None,
            values=[(value.name, blocks(value.description)) for value in vision.values] if vision else [],
            context=self.rich(context.introduction) if context else None,
            topics=[(topic.title, blocks(topic.text)) for topic in context.topics] if context else [],
            laws=[self.law(law.reference, law.title, law.url, law.summary) for law in context.legal_framework]
            if context
            else [],
            organisation_groups=self.organisation_groups(),
            bodies=[self.body(body) for body in self.plan.governance],
            axes=[self.axis(axis) for axis in self.children[None]],
            sheet_groups=self.sheet_groups(),
            objective_matrix=self.objective_matrix(),
            organisation_matrix=self.organisation_matrix(),
            budget_by_objective=self.budget_by_objective(),
            budget_by_source=self.budget_by_source(),
            budget_total=self.formats.money(sum(action.total_budget for action in self.plan.actions)),
            indicator_index=[
                self.indicator_row(i, with_anchor=True) for i in sorted(self.plan.indicators, key=lambda i: i.id)
            ],
            has_illustrative=any(o.illustrative for o in self.plan.organisations),
        )

    def cover(self) -> Cover:
        meta = self.meta
        day = meta.date.first_day() if meta.date else None
        return Cover(
            title=meta.title,
            subtitle=meta.subtitle,
            version=meta.version,
            status=self.t(STATUS_LABELS.get(meta.status, STATUS_LABELS["draft"])),
            date=self.formats.day(day) if day else "",
            territory=meta.territory,
            period=self.formats.period(
                meta.period_start.text if meta.period_start else None, meta.period_end.text if meta.period_end else None
            ),
            summary=self.rich(meta.summary),
            signatories=[self.party(o.id) for o in self.plan.organisations if o.signatory],
            prepared_with=[self.party(ref.id) for ref in meta.prepared_with],
            supported_by=[self.party(ref.id) for ref in meta.supported_by],
        )

    def law(self, reference: str, title: str, url: str | None, summary: str | None) -> tuple[Markdown, Markdown | None]:
        heading = f"{reference} — {title}"
        label = Markdown(f"[{escape(heading)}]({link_target(url)})") if url and is_safe_url(url) else escape(heading)
        return label, self.rich(summary)

    def organisation_groups(self) -> list[OrganisationGroup]:
        groups: dict[str, list[OrganisationRow]] = {}
        for organisation in self.plan.organisations:
            groups.setdefault(organisation.type, []).append(self.organisation_row(organisation))
        order = list(TYPE_LABELS)
        return [
            OrganisationGroup(self.t(TYPE_LABELS.get(kind, TYPE_LABELS["other"])), rows)
            for kind, rows in sorted(
                groups.items(), key=lambda item: order.index(item[0]) if item[0] in order else len(order)
            )
        ]

    def organisation_row(self, organisation: Organisation) -> OrganisationRow:
        return OrganisationRow(
            name=anchor(organisation.id, organisation.name),
            illustrative=organisation.illustrative,
            fields=", ".join(self.t(FIELD_LABELS[f]) for f in organisation.fields if f in FIELD_LABELS),
            description=escape(" — ".join(part for part in (organisation.description, organisation.address) if part))
            or None,
        )

    def body(self, body: Body) -> BodyView:
        return BodyView(
            id=ident(body.id),
            name=body.name,
            description=self.rich(body.description),
            members=[self.party(ref.id) for ref in body.members],
            chair=self.party(body.chair.id) if body.chair else None,
            reports_to=self.party(body.reports_to.id) if body.reports_to else None,
            responsibilities=list(body.responsibilities),
            meetings=body.meetings,
        )

    def descendants(self, objective: Objective) -> list[Objective]:
        found: list[Objective] = []
        for child in self.children.get(objective.id, []):
            found.append(child)
            found.extend(self.descendants(child))
        return found

    def axis(self, axis: Objective) -> AxisView:
        below = [self.objective(goal) for goal in self.descendants(axis)]
        # An axis with no objective under it holds its own indicators and actions.
        own = None if below else self.objective(axis)
        return AxisView(ident(axis.id), axis.title, self.rich(axis.description), below, own)

    def objective(self, objective: Objective) -> ObjectiveView:
        return ObjectiveView(
            id=ident(objective.id),
            title=objective.title,
            description=self.rich(objective.description) if objective.parent else None,
            indicators=[self.indicator_row(i) for i in self.indicators_of.get(objective.id, [])],
            actions=[self.action_row(a) for a in self.actions_of.get(objective.id, [])],
        )

    def measure(self, measure: Measure | None) -> str:
        if measure is None:
            return ""
        return f"{self.formats.number(measure.value)} ({measure.year})"

    def indicator_row(self, indicator: Indicator, with_anchor: bool = False) -> IndicatorRow:
        return IndicatorRow(
            id=anchor(indicator.id, indicator.id) if with_anchor else link(indicator.id),
            name=indicator.name,
            objective=link(indicator.objective.id) if indicator.objective else None,
            unit=indicator.unit or "",
            baseline=self.measure(indicator.baseline),
            target=self.measure(indicator.target),
            direction=self.t(DIRECTION_LABELS[indicator.direction]) if indicator.direction in DIRECTION_LABELS else "",
            source=indicator.source or "",
        )

    def period(self, action: Action) -> str:
        return self.formats.period(action.start.text if action.start else None, action.end.text if action.end else None)

    def action_row(self, action: Action) -> ActionRow:
        return ActionRow(
            id=link(action.id),
            title=action.title,
            owner=self.party(action.owner.id) if action.owner else Markdown(""),
            partners=joined(self.party(ref.id) for ref in action.partners),
            period=self.period(action),
            budget=self.formats.money(action.total_budget) if action.budget else "",
        )

    def sheet(self, action: Action) -> ActionSheet:
        return ActionSheet(
            id=ident(action.id),
            title=action.title,
            description=self.rich(action.description),
            objectives=joined(link(ref.id, f"{ref.id} {self.titles.get(ref.id, '')}") for ref in action.objectives),
            owner=self.party(action.owner.id) if action.owner else Markdown(""),
            partners=joined(self.party(ref.id) for ref in action.partners),
            period=self.period(action),
            status=self.t(ACTION_STATUS_LABELS[action.status]) if action.status in ACTION_STATUS_LABELS else "",
            budget=[(line.source, self.formats.money(line.amount)) for line in action.budget],
            total=self.formats.money(action.total_budget),
            deliverables=list(action.deliverables),
        )

    def axis_of(self, identifier: str) -> str | None:
        seen: set[str] = set()
        current: str | None = identifier
        while current is not None and self.parents.get(current) is not None and current not in seen:
            seen.add(current)
            current = self.parents[current]
        return current

    def sheet_groups(self) -> list[SheetGroup]:
        by_axis: dict[str | None, list[ActionSheet]] = defaultdict(list)
        for action in self.plan.actions:
            first = action.objectives[0].id if action.objectives else None
            by_axis[self.axis_of(first) if first else None].append(self.sheet(action))
        groups = [
            SheetGroup(f"{axis.id} {axis.title}", by_axis[axis.id])
            for axis in self.children[None]
            if by_axis.get(axis.id)
        ]
        if by_axis.get(None):
            groups.append(SheetGroup(self.t(msg("Other actions")), by_axis[None]))
        return groups

    def leaves(self) -> list[Objective]:
        return [o for o in self.plan.objectives if not self.children.get(o.id)]

    def objective_matrix(self) -> list[MatrixRow]:
        return [
            MatrixRow(link(o.id, f"{o.id} {o.title}"), [joined(link(a.id) for a in self.actions_of.get(o.id, []))])
            for o in self.leaves()
        ]

    def organisation_matrix(self) -> list[MatrixRow]:
        leads: dict[str, list[str]] = defaultdict(list)
        partners: dict[str, list[str]] = defaultdict(list)
        for action in self.plan.actions:
            if action.owner is not None:
                leads[action.owner.id].append(action.id)
            for ref in action.partners:
                partners[ref.id].append(action.id)
        parties = [(o.id, o.name) for o in self.plan.organisations] + [(b.id, b.name) for b in self.plan.governance]
        return [
            MatrixRow(
                link(identifier, name), [joined(map(link, leads[identifier])), joined(map(link, partners[identifier]))]
            )
            for identifier, name in parties
        ]

    def budget_by_objective(self) -> list[AmountRow]:
        amounts: dict[str, float] = defaultdict(float)
        for action in self.plan.actions:
            if action.objectives:
                amounts[action.objectives[0].id] += action.total_budget
        total = sum(amounts.values())
        return [
            AmountRow(
                link(o.id, f"{o.id} {o.title}"),
                self.formats.money(amounts[o.id]),
                self.formats.share(amounts[o.id], total),
            )
            for o in self.leaves()
        ]

    def budget_by_source(self) -> list[AmountRow]:
        amounts: dict[str, float] = defaultdict(float)
        for action in self.plan.actions:
            for line in action.budget:
                amounts[line.source] += line.amount
        total = sum(amounts.values())
        ranked = sorted(amounts.items(), key=lambda item: (-item[1], item[0]))
        return [
            AmountRow(escape(source), self.formats.money(amount), self.formats.share(amount, total))
            for source, amount in ranked
        ]


def build(plan: Plan, translate: Translator) -> Document:
    """Compute the document view of a checked plan."""
    return _Builder(plan, translate).build()


def build_date(plan: Plan, epoch: int | None) -> datetime.datetime:
    """The one timestamp of a build: ``SOURCE_DATE_EPOCH`` if given, else the plan's date."""
    if epoch is not None:
        return datetime.datetime.fromtimestamp(epoch, tz=datetime.UTC)
    day = plan.meta.date.first_day() if plan.meta and plan.meta.date else None
    day = day or datetime.date(2000, 1, 1)
    return datetime.datetime(day.year, day.month, day.day, tzinfo=datetime.UTC)
