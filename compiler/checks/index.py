"""Lookups shared by the rules: objects by id, what each reference may point to."""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from dataclasses import dataclass, field

from compiler.diagnostics import Text, Where, msg
from compiler.model import Action, Body, Indicator, Objective, Organisation, Plan, Ref

#: What a rule reports: where, what is wrong, what to write instead.
Finding = tuple[Where, Text, Text | None]

ORGANISATION = "organisation"
BODY = "body"
OBJECTIVE = "objective"
INDICATOR = "indicator"
ACTION = "action"

#: How a message names what a reference should point to.
EXPECTED: dict[frozenset[str], Text] = {
    frozenset({ORGANISATION}): msg("an organisation"),
    frozenset({BODY}): msg("a governance body"),
    frozenset({OBJECTIVE}): msg("an objective"),
    frozenset({ORGANISATION, BODY}): msg("an organisation or a governance body"),
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
        for kind, table, objects in (
            (ORGANISATION, index.organisations, plan.organisations),
            (BODY, index.bodies, plan.governance),
            (OBJECTIVE, index.objectives, plan.objectives),
            (INDICATOR, index.indicators, plan.indicators),
            (ACTION, index.actions, plan.actions),
        ):
            for thing in objects:
                table.setdefault(thing.id, thing)  # type: ignore[attr-defined]
                index.kinds.setdefault(thing.id, kind)
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
        close = difflib.get_close_matches(wrong, candidates, n=1, cutoff=0.6)
        guess = msg("Did you mean “{suggestion}”?", suggestion=close[0]) if close else None
        if 0 < len(candidates) <= _LIST_LIMIT:
            valid = msg("Valid ids: {ids}.", ids=tuple(candidates))
            return msg("{guess} {allowed}", guess=guess, allowed=valid) if guess else valid
        return guess


def references(plan: Plan) -> Iterator[Reference]:
    """Every reference written in the plan, with what it may point to."""
    organisation, body, objective = frozenset({ORGANISATION}), frozenset({BODY}), frozenset({OBJECTIVE})
    if plan.meta is not None:
        for ref in (*plan.meta.prepared_with, *plan.meta.supported_by):
            yield Reference(ref, "plan", organisation)
    for group in plan.governance:
        yield from (Reference(ref, "members", organisation) for ref in group.members)
        if group.chair is not None:
            yield Reference(group.chair, "chair", organisation)
        if group.reports_to is not None:
            yield Reference(group.reports_to, "reports_to", body)
    for goal in plan.objectives:
        if goal.parent is not None:
            yield Reference(goal.parent, "parent", objective)
    for indicator in plan.indicators:
        if indicator.objective is not None:
            yield Reference(indicator.objective, "objective", objective)
    for action in plan.actions:
        yield from (Reference(ref, "objective", objective) for ref in action.objectives)
        if action.owner is not None:
            yield Reference(action.owner, "owner", frozenset({ORGANISATION, BODY}))
        yield from (Reference(ref, "partners", organisation) for ref in action.partners)
