"""Lookups shared by the rules: objects by id, what each reference may point to."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TypeVar

from compiler.messages.diagnostics import Text, msg
from compiler.messages.suggest import closest, did_you_mean
from compiler.model import Action, Body, Funder, Indicator, Objective, Organisation, Plan, Ref

T = TypeVar("T", Organisation, Body, Objective, Indicator, Action, Funder)

ORGANISATION = "organisation"
BODY = "body"
OBJECTIVE = "objective"
INDICATOR = "indicator"
ACTION = "action"
FUNDER = "funder"

ORGANISATIONS, BODIES, OBJECTIVES = frozenset({ORGANISATION}), frozenset({BODY}), frozenset({OBJECTIVE})
INDICATORS, ACTIONS = frozenset({INDICATOR}), frozenset({ACTION})
OWNERS = ORGANISATIONS | BODIES
FUNDERS = frozenset({ORGANISATION, FUNDER})

#: How a message names what a reference should point to.
EXPECTED_KINDS: dict[frozenset[str], Text] = {
    frozenset({ORGANISATION}): msg("an organisation"),
    frozenset({BODY}): msg("a governance body"),
    frozenset({OBJECTIVE}): msg("an objective"),
    frozenset({ORGANISATION, BODY}): msg("an organisation or a governance body"),
    FUNDERS: msg("an organisation or a funder"),
    frozenset({INDICATOR}): msg("an indicator"),
    frozenset({ACTION}): msg("an action"),
}
KIND_NAMES: dict[str, Text] = {
    ORGANISATION: msg("an organisation"),
    BODY: msg("a governance body"),
    OBJECTIVE: msg("an objective"),
    INDICATOR: msg("an indicator"),
    ACTION: msg("an action"),
    FUNDER: msg("a funder"),
}
_LIST_LIMIT = 12

#: The thousands separator of a language tag (``it-IT`` → ``.``): Babel's, which the pipeline passes in.
Grouping = Callable[[str], str]


@dataclass(frozen=True)
class Reference:
    """One written reference, the field it was written in and the kinds it may point to."""

    ref: Ref
    field: str
    kinds: frozenset[str]


@dataclass
class Index:
    """The plan's objects by id (first definition wins), the objective tree, how its language groups digits."""

    grouping: Grouping
    organisations: dict[str, Organisation] = field(default_factory=dict)
    bodies: dict[str, Body] = field(default_factory=dict)
    objectives: dict[str, Objective] = field(default_factory=dict)
    indicators: dict[str, Indicator] = field(default_factory=dict)
    actions: dict[str, Action] = field(default_factory=dict)
    funders: dict[str, Funder] = field(default_factory=dict)
    kinds: dict[str, str] = field(default_factory=dict)
    children: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def of(cls, plan: Plan, grouping: Grouping) -> Index:
        """Index a plan."""
        index = cls(grouping)
        _fill(index.organisations, index.kinds, ORGANISATION, plan.organisations)
        _fill(index.bodies, index.kinds, BODY, plan.governance)
        _fill(index.objectives, index.kinds, OBJECTIVE, plan.objectives)
        _fill(index.indicators, index.kinds, INDICATOR, plan.indicators)
        _fill(index.actions, index.kinds, ACTION, plan.actions)
        _fill(index.funders, index.kinds, FUNDER, plan.funders)
        for objective in plan.objectives:
            if objective.parent is not None:
                index.children.setdefault(objective.parent.id, []).append(objective.id)
        return index

    def is_leaf(self, objective_id: str) -> bool:
        """True for an objective with no objective under it (where actions and indicators go)."""
        return objective_id not in self.children

    def ids_of(self, kinds: frozenset[str]) -> list[str]:
        """Every id of the given kinds, in plan order."""
        return [identifier for identifier, kind in self.kinds.items() if kind in kinds]

    def named(self, written: str, kinds: frozenset[str]) -> tuple[str, bool] | None:
        """The id of the object of ``kinds`` whose title or name is ``written``, and whether exactly (or a typo)."""
        titles: dict[str, str] = {}
        for table in (self.organisations, self.bodies, self.objectives, self.indicators, self.actions):
            for identifier, thing in table.items():
                if self.kinds.get(identifier) in kinds:
                    for title in _titles(thing):
                        titles.setdefault(_comparable(title), identifier)
        wanted = _comparable(written)
        found = wanted if wanted in titles else closest(wanted, list(titles))
        return (titles[found], found == wanted) if found is not None else None

    def suggest(self, wrong: str, kinds: frozenset[str]) -> Text | None:
        """A "did you mean" for a wrong id, with the valid ids when they are few."""
        candidates = self.ids_of(kinds)
        return did_you_mean(wrong, candidates, msg("Valid ids: {ids}.", ids=tuple(candidates)), _LIST_LIMIT)


def _titles(thing: Organisation | Body | Objective | Indicator | Action) -> list[str]:
    if isinstance(thing, Objective | Action):
        return [thing.title]
    short = thing.short_name if isinstance(thing, Organisation) else None
    return [thing.name, *([short] if short else [])]


def _comparable(text: str) -> str:
    return " ".join(text.casefold().split())


def _fill(table: dict[str, T], kinds: dict[str, str], kind: str, objects: Iterable[T]) -> None:
    """Index objects of one kind by id; the first definition of an id wins."""
    for thing in objects:
        identifier = thing.id
        table.setdefault(identifier, thing)
        kinds.setdefault(identifier, kind)


def references(plan: Plan) -> Iterator[Reference]:
    """Every reference written in the plan, with what it may point to."""
    if plan.meta is not None:
        yield from _all(ORGANISATIONS, "plan", (*plan.meta.prepared_with, *plan.meta.supported_by))
    for group in plan.governance:
        yield from _all(ORGANISATIONS, "members", group.members)
        yield from _all(ORGANISATIONS, "chair", (group.chair,))
        yield from _all(BODIES, "reports_to", (group.reports_to,))
    for goal in plan.objectives:
        yield from _all(OBJECTIVES, "parent", (goal.parent,))
    for indicator in plan.indicators:
        yield from _all(OBJECTIVES, "objective", (indicator.objective,))
    for action in plan.actions:
        yield from _all(OBJECTIVES, "objective", action.objectives)
        yield from _all(OWNERS, "owner", action.owners)
        yield from _all(ORGANISATIONS, "partners", action.partners)
        yield from _all(FUNDERS, "funder", (line.funder for line in action.budget))
    for observation in plan.observations:
        yield from _all(ORGANISATIONS, "organisation", (observation.organisation,))
    for approval in plan.approvals:
        yield from _all(OWNERS, "by", (approval.by,))
    for measurement in plan.measurements:
        yield from _all(INDICATORS, "indicator", (measurement.indicator,))
    for entry in plan.statuses:
        yield from _all(ACTIONS, "action", (entry.action,))


def _all(kinds: frozenset[str], field: str, refs: Iterable[Ref | None]) -> Iterator[Reference]:
    return (Reference(ref, field, kinds) for ref in refs if ref is not None)
