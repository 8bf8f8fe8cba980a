"""Lookups shared by the rules: objects by id, what each reference may point to."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TypeVar

from compiler.messages.diagnostics import Text, msg
from compiler.messages.suggest import did_you_mean
from compiler.model import Action, Body, Indicator, Objective, Organisation, Plan, Ref

T = TypeVar("T", Organisation, Body, Objective, Indicator, Action)

ORGANISATION = "organisation"
BODY = "body"
OBJECTIVE = "objective"
INDICATOR = "indicator"
ACTION = "action"

ORGANISATIONS, BODIES, OBJECTIVES = frozenset({ORGANISATION}), frozenset({BODY}), frozenset({OBJECTIVE})
INDICATORS, ACTIONS = frozenset({INDICATOR}), frozenset({ACTION})
OWNERS = ORGANISATIONS | BODIES

#: How a message names what a reference should point to.
EXPECTED_KINDS: dict[frozenset[str], Text] = {
    frozenset({ORGANISATION}): msg("an organisation"),
    frozenset({BODY}): msg("a governance body"),
    frozenset({OBJECTIVE}): msg("an objective"),
    frozenset({ORGANISATION, BODY}): msg("an organisation or a governance body"),
    frozenset({INDICATOR}): msg("an indicator"),
    frozenset({ACTION}): msg("an action"),
}
KIND_NAMES: dict[str, Text] = {
    ORGANISATION: msg("an organisation"),
    BODY: msg("a governance body"),
    OBJECTIVE: msg("an objective"),
    INDICATOR: msg("an indicator"),
    ACTION: msg("an action"),
}
_LIST_LIMIT = 12


@dataclass(frozen=True)
class Reference:
    """One written reference, the field it was written in and the kinds it may point to."""

    ref: Ref
    field: str
    kinds: frozenset[str]


@dataclass
class Index:
    """The plan's objects by id (first definition wins), and the objective tree."""

    organisations: dict[str, Organisation] = field(default_factory=dict)
    bodies: dict[str, Body] = field(default_factory=dict)
    objectives: dict[str, Objective] = field(default_factory=dict)
    indicators: dict[str, Indicator] = field(default_factory=dict)
    actions: dict[str, Action] = field(default_factory=dict)
    kinds: dict[str, str] = field(default_factory=dict)
    children: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def of(cls, plan: Plan) -> Index:
        """Index a plan."""
        index = cls()
        _fill(index.organisations, index.kinds, ORGANISATION, plan.organisations)
        _fill(index.bodies, index.kinds, BODY, plan.governance)
        _fill(index.objectives, index.kinds, OBJECTIVE, plan.objectives)
        _fill(index.indicators, index.kinds, INDICATOR, plan.indicators)
        _fill(index.actions, index.kinds, ACTION, plan.actions)
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

    def suggest(self, wrong: str, kinds: frozenset[str]) -> Text | None:
        """A "did you mean" for a wrong id, with the valid ids when they are few."""
        candidates = self.ids_of(kinds)
        return did_you_mean(wrong, candidates, msg("Valid ids: {ids}.", ids=tuple(candidates)), _LIST_LIMIT)


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
    for measurement in plan.measurements:
        yield from _all(INDICATORS, "indicator", (measurement.indicator,))
    for entry in plan.statuses:
        yield from _all(ACTIONS, "action", (entry.action,))


def _all(kinds: frozenset[str], field: str, refs: Iterable[Ref | None]) -> Iterator[Reference]:
    return (Reference(ref, field, kinds) for ref in refs if ref is not None)
