"""What every part of the layout needs to know about the plan: names, the objective tree, formats."""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Callable
from decimal import Decimal
from typing import TypeVar, cast

from compiler.document.formats import Formats
from compiler.document.links import link
from compiler.document.markdown import Markdown, blocks
from compiler.document.terms import TermMarker
from compiler.messages.diagnostics import Text, msg
from compiler.messages.translate import Translator
from compiler.model import Action, Indicator, Measure, Meta, Objective, Plan
from compiler.progress import ActionProgress, IndicatorProgress, action_progress, assess, measurements_of
from compiler.progress.actions import statuses_by_action

#: How a target's comparator reads, around its value (``between`` also names ``up_to``).
COMPARATORS: dict[str, Text] = {
    "at-least": msg("at least {value}"),
    "at-most": msg("at most {value}"),
    "exactly": msg("exactly {value}"),
    "between": msg("between {value} and {up_to}"),
}


class LayoutContext:
    """A checked plan with the lookups the layout uses, its language and its formats."""

    def __init__(self, plan: Plan, translate: Translator, with_glossary: bool = False) -> None:
        if plan.meta is None:
            raise ValueError("only a checked plan, with its metadata, can be laid out")
        self.plan = plan
        self.meta: Meta = plan.meta
        self.t = translate
        self.formats = Formats(plan.meta.lang, plan.meta.currency)
        self.names: dict[str, str] = {o.id: o.short_name or o.name for o in plan.organisations}
        self.names.update({b.id: b.name for b in plan.governance})
        self.funder_names: dict[str, str] = {f.id: f.name for f in plan.funders}
        self.titles: dict[str, str] = {o.id: o.title for o in plan.objectives}
        self.parents: dict[str, str | None] = {o.id: o.parent.id if o.parent else None for o in plan.objectives}
        self.children: dict[str | None, list[Objective]] = defaultdict(list)
        for objective in plan.objectives:
            self.children[objective.parent.id if objective.parent else None].append(objective)
        self.actions_of: dict[str, list[Action]] = defaultdict(list)
        for action in plan.actions:
            for ref in action.objectives:
                self.actions_of[ref.id].append(action)
        self.marks: dict[str, Markdown] = {}  #: object id → the mark of a new or changed object
        #: Figures of the whole plan that several parts show (the budget by objective, axis, year…),
        #: computed once per layout (``once_per_layout``).
        self.kept: dict[str, object] = {}
        #: Marks the glossary's terms in descriptive text, in a document that has the glossary.
        self.terms = TermMarker(plan.glossary) if with_glossary and plan.glossary else None
        self.indicators_of: dict[str, list[Indicator]] = defaultdict(list)
        for indicator in plan.indicators:
            if indicator.objective is not None:
                self.indicators_of[indicator.objective.id].append(indicator)
        self.as_of = plan.as_of()  #: the report's date: progress is measured then, never at the clock's
        self.progress: dict[str, IndicatorProgress] = {}
        self.action_progress: dict[str, ActionProgress] = {}
        if self.as_of is not None:
            series, history = measurements_of(plan.measurements), statuses_by_action(plan.statuses)
            self.progress = {i.id: assess(i, series.get(i.id, ()), self.as_of) for i in plan.indicators}
            self.action_progress = {a.id: action_progress(a, history.get(a.id, ()), self.as_of) for a in plan.actions}

    def party(self, identifier: str) -> Markdown:
        """A link to an organisation or body, labelled with its (short) name."""
        return link(identifier, self.names.get(identifier, identifier))

    def funder_name(self, identifier: str) -> str:
        """The name of a funder: an organisation's (short) name, or a declared funder's."""
        return self.names.get(identifier) or self.funder_names.get(identifier, identifier)

    def funder(self, identifier: str) -> Markdown:
        """A link to a funder: the organisation, or the declared funder in the budget chapter."""
        return link(identifier, self.funder_name(identifier))

    def mark(self, identifier: str) -> Markdown:
        """The mark next to an object that is new or changed since the version compared, or nothing."""
        return self.marks.get(identifier, Markdown(""))

    def rich(self, text: str | None) -> Markdown | None:
        """Descriptive text as Markdown blocks, or nothing."""
        return blocks(text, self.terms) if text else None

    def descendants(self, objective: Objective) -> list[Objective]:
        """Every objective below ``objective``, depth first."""
        found: list[Objective] = []
        for child in self.children.get(objective.id, []):
            found.append(child)
            found.extend(self.descendants(child))
        return found

    def axis_of(self, identifier: str) -> str | None:
        """The top of the objective tree above ``identifier``."""
        seen: set[str] = set()
        current: str | None = identifier
        while current is not None and self.parents.get(current) is not None and current not in seen:
            seen.add(current)
            current = self.parents[current]
        return current

    def leaves(self) -> list[Objective]:
        """The objectives with nothing below them, in plan order."""
        return [o for o in self.plan.objectives if not self.children.get(o.id)]

    def depth(self, objective: Objective) -> int:
        """How far below its axis an objective sits (an axis is 0)."""
        seen: set[str] = set()
        depth, current = 0, self.parents.get(objective.id)
        while current is not None and current not in seen:
            seen.add(current)
            depth, current = depth + 1, self.parents.get(current)
        return depth

    def measure(self, measure: Measure | None, direction: str = "") -> str:
        """A baseline, milestone or target with its direction and note.

        ``1.250 (2024)``, ``almeno 30 (2027)``, ``approvato (2026)``, ``900 (2027), da ridurre — stima``.
        """
        if measure is None:
            return self.t(msg("to be defined"))
        value = measure.value if isinstance(measure.value, str) else self.formats.number(measure.value)
        comparator = COMPARATORS.get(measure.comparator or "")
        if comparator is not None and not isinstance(measure.value, str):
            up_to = self.formats.number(measure.up_to) if measure.up_to is not None else ""
            value = self.t(msg(comparator.msgid, value=value, up_to=up_to))
        shown = f"{value} ({measure.year})" + (f", {direction}" if direction else "")
        return f"{shown} — {measure.note}" if measure.note else shown

    def value(self, value: Decimal | float | str) -> str:
        """A measured value as the reader writes it: ``1.250``, ``12,5``, or the text."""
        if isinstance(value, str):
            return value
        return self.formats.number(value if isinstance(value, Decimal) else Decimal(repr(value)))

    def milestones(self, indicator: Indicator) -> str:
        """An indicator's milestones, in order: ``20 (2025); 25 (2026)``."""
        return "; ".join(self.measure(milestone) for milestone in indicator.milestones)

    def period(self, action: Action) -> str:
        """An action's period: ``marzo 2025 – dicembre 2026``, ``marzo 2025 – in corso``, or to be defined."""
        undecided = self.t(msg("to be defined"))
        start = self.formats.when(action.start.text) if action.start else undecided
        if action.ongoing:
            ongoing = self.t(msg("ongoing"))
            return f"{start} – {ongoing}"
        if action.end is None:
            return undecided if action.start is None else f"{start} – {undecided}"
        return f"{start} – {self.formats.when(action.end.text)}"


_Figures = TypeVar("_Figures")


def once_per_layout(compute: Callable[[LayoutContext], _Figures]) -> Callable[[LayoutContext], _Figures]:
    """``compute`` run once per layout: the summary, the budget chapter, the charts and the sheets all
    show the plan's money by objective, axis, year and lead. The result is shared, so never change
    it; a ``compute`` returns plain dicts (not defaultdicts), so that a missing key is an error and
    never a new entry."""
    name = f"{compute.__module__}.{compute.__qualname__}"

    @functools.wraps(compute)
    def kept(ctx: LayoutContext) -> _Figures:
        if name not in ctx.kept:
            ctx.kept[name] = compute(ctx)
        return cast(_Figures, ctx.kept[name])

    return kept
