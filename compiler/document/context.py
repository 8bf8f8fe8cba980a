"""What every part of the layout needs to know about the plan: names, the objective tree, formats."""

from __future__ import annotations

from collections import defaultdict

from compiler.document.formats import Formats
from compiler.document.links import link
from compiler.document.markdown import Markdown, blocks
from compiler.messages.translate import Translator
from compiler.model import Action, Indicator, Measure, Meta, Objective, Plan


class LayoutContext:
    """A checked plan with the lookups the layout uses, its language and its formats."""

    def __init__(self, plan: Plan, translate: Translator) -> None:
        if plan.meta is None:
            raise ValueError("only a checked plan, with its metadata, can be laid out")
        self.plan = plan
        self.meta: Meta = plan.meta
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
        self.marks: dict[str, Markdown] = {}  #: object id → the mark of a new or changed object
        self.indicators_of: dict[str, list[Indicator]] = defaultdict(list)
        for indicator in plan.indicators:
            if indicator.objective is not None:
                self.indicators_of[indicator.objective.id].append(indicator)

    def party(self, identifier: str) -> Markdown:
        """A link to an organisation or body, labelled with its (short) name."""
        return link(identifier, self.names.get(identifier, identifier))

    def mark(self, identifier: str) -> Markdown:
        """The mark next to an object that is new or changed since the version compared, or nothing."""
        return self.marks.get(identifier, Markdown(""))

    def rich(self, text: str | None) -> Markdown | None:
        """Descriptive text as Markdown blocks, or nothing."""
        return blocks(text) if text else None

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

    def measure(self, measure: Measure | None) -> str:
        """A baseline or target: ``1.250 (2024)``."""
        if measure is None:
            return ""
        return f"{self.formats.number(measure.value)} ({measure.year})"

    def period(self, action: Action) -> str:
        """An action's period: ``marzo 2025 – dicembre 2026``."""
        return self.formats.period(action.start.text if action.start else None, action.end.text if action.end else None)
