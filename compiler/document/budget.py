"""Where the money goes: each action's budget split between its objectives in whole cents, and the budget tables.

Every amount the documents show is computed here, in integer cents, so that every table adds up
to the budget chapter's totals to the cent: an action that serves several objectives counts under
each for its share (``budget_shares``, or an equal split that the documents state), and rounding
goes to the largest remainders.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from math import lcm
from typing import TypeVar

from compiler.document import schedule
from compiler.document.context import LayoutContext, once_per_layout
from compiler.document.links import anchor, link
from compiler.document.markdown import Markdown, escape
from compiler.document.money_rows import AmountRow
from compiler.messages.diagnostics import msg
from compiler.model import Action

_Label = TypeVar("_Label")


def split(total: int, weights: Sequence[Fraction | Decimal | int]) -> list[int]:
    """``total`` units in proportion to ``weights``, rounded to the largest remainders: the parts sum to ``total``.

    Exact: the weights are brought to whole numbers on a common scale (a layout splits every
    amount of the plan several times, and fractions were most of its time)."""
    ratios = [weight.as_integer_ratio() for weight in weights]
    scale = lcm(*(denominator for _numerator, denominator in ratios)) if ratios else 1
    whole_weights = [numerator * (scale // denominator) for numerator, denominator in ratios]
    whole = sum(whole_weights)
    if not whole:
        return [0] * len(weights)
    parts, remainders = zip(*(divmod(total * weight, whole) for weight in whole_weights), strict=True)
    shares = list(parts)
    by_remainder = sorted(range(len(shares)), key=lambda index: (-remainders[index], index))
    for index in by_remainder[: total - sum(shares)]:
        shares[index] += 1
    return shares


def whole_percentages(amounts: Sequence[int]) -> list[int]:
    """Each amount as a whole percentage of their sum, adding up to exactly 100 (all 0 if the sum is 0)."""
    return split(100, amounts)


@dataclass(frozen=True)
class Money:
    """An amount in cents, split into what is secured and what is still expected."""

    secured: int = 0
    expected: int = 0

    @property
    def total(self) -> int:
        return self.secured + self.expected

    def __add__(self, other: Money) -> Money:
        return Money(self.secured + other.secured, self.expected + other.expected)


def action_money(action: Action) -> Money:
    """An action's whole budget."""
    secured = sum(line.cents for line in action.budget if line.secured)
    return Money(secured, action.total_cents - secured)


def weights(action: Action) -> list[Decimal]:
    """How an action's budget is shared between its objectives: its ``budget_shares``, or equal parts."""
    percent = {share.objective.id: share.percent for share in action.budget_shares}
    return [percent.get(ref.id, Decimal(0)) if percent else Decimal(1) for ref in action.objectives]


def allocation(action: Action) -> dict[str, Money]:
    """The part of an action's budget that goes to each of its objectives, in cents."""
    money, shares = action_money(action), weights(action)
    secured, expected = split(money.secured, shares), split(money.expected, shares)
    found: dict[str, Money] = {}
    for ref, part_secured, part_expected in zip(action.objectives, secured, expected, strict=True):
        found[ref.id] = found.get(ref.id, Money()) + Money(part_secured, part_expected)
    return found


@once_per_layout
def objective_money(ctx: LayoutContext) -> dict[str, Money]:
    """What each objective receives from the actions that serve it."""
    found: dict[str, Money] = defaultdict(Money)
    for action in ctx.plan.actions:
        for identifier, money in allocation(action).items():
            found[identifier] += money
    return dict(found)


@once_per_layout
def axis_money(ctx: LayoutContext) -> dict[str | None, Money]:
    """What each axis receives: the parts of its objectives (an axis with no objective below it holds its own)."""
    found: dict[str | None, Money] = defaultdict(Money)
    for identifier, money in objective_money(ctx).items():
        found[ctx.axis_of(identifier)] += money
    return dict(found)


@once_per_layout
def year_money(ctx: LayoutContext) -> dict[int | None, Money]:
    """Each action's budget spread over the years of its period, in proportion to its months in each.

    The plan does not say when money is spent, so this is an estimate the documents state, in whole
    units (the cents go to the first year); an action whose period is to be defined counts under ``None``.
    """
    found: dict[int | None, Money] = defaultdict(Money)
    for action in ctx.plan.actions:
        years = action_years(ctx, action)
        if years is None:
            found[None] += action_money(action)
        for year, money in years or []:
            found[year] += money
    return dict(found)


def action_years(ctx: LayoutContext, action: Action) -> list[tuple[int, Money]] | None:
    """An action's budget spread over the years of its period, in proportion to its months in each
    (whole units of currency, the odd cents in the first year); ``None`` when its period is to be defined."""
    days = schedule.action_span(ctx.meta, action)
    if days is None:
        return None
    money = action_money(action)
    years = list(schedule.months_by_year(*days))
    months = [count for _year, count in years]
    secured, expected = _whole_parts(money.secured, months), _whole_parts(money.expected, months)
    return [
        (year, Money(part_secured, part_expected))
        for (year, _months), part_secured, part_expected in zip(years, secured, expected, strict=True)
    ]


def _whole_parts(total: int, weights: Sequence[int]) -> list[int]:
    """``total`` cents split in whole units of currency by ``weights``, the odd cents added to the first part."""
    parts = [units * 100 for units in split(total // 100, weights)]
    parts[0] += total % 100
    return parts


@once_per_layout
def lead_money(ctx: LayoutContext) -> dict[str, Money]:
    """The budget of the actions each organisation or body leads; joint leaders share it equally."""
    found: dict[str, Money] = defaultdict(Money)
    for action in ctx.plan.actions:
        money, equal = action_money(action), [1] * len(action.owners)
        secured, expected = split(money.secured, equal), split(money.expected, equal)
        for ref, part_secured, part_expected in zip(action.owners, secured, expected, strict=True):
            found[ref.id] += Money(part_secured, part_expected)
    return dict(found)


@once_per_layout
def funder_money(ctx: LayoutContext) -> dict[str, Money]:
    """The budget by funder (``""`` for a line with no funder); every declared funder has its entry."""
    found: dict[str, Money] = defaultdict(Money, {funder.id: Money() for funder in ctx.plan.funders})
    for action in ctx.plan.actions:
        for line in action.budget:
            key = line.funder.id if line.funder else ""
            found[key] += Money(line.cents, 0) if line.secured else Money(0, line.cents)
    return dict(found)


def plan_money(ctx: LayoutContext) -> Money:
    """The whole budget of the plan."""
    return sum((action_money(action) for action in ctx.plan.actions), Money())


def top_rows(
    labelled: list[tuple[_Label, Money]], limit: int, others: Callable[[int], _Label]
) -> list[tuple[_Label, Money]]:
    """At most ``limit`` rows: the first ones, then the rest added up in one row labelled ``others(how many)``."""
    if len(labelled) <= limit:
        return labelled
    kept, rest = labelled[: limit - 1], labelled[limit - 1 :]
    return [*kept, (others(len(rest)), sum((money for _label, money in rest), Money()))]


def rows(ctx: LayoutContext, labelled: Iterable[tuple[Markdown, Money]]) -> list[AmountRow]:
    """Budget table rows, with shares of the total that add up to 100 %."""
    pairs = list(labelled)
    shares = whole_percentages([money.total for _label, money in pairs])
    total = sum((money for _label, money in pairs), Money())
    return [
        amount_row(ctx, label, money, share if total.total else None)
        for (label, money), share in zip(pairs, shares, strict=True)
    ]


def amount_row(ctx: LayoutContext, label: Markdown, money: Money, share: int | None) -> AmountRow:
    """One row of a budget table."""
    formats = ctx.formats
    percent = formats.percent(share) if share is not None else ""
    return AmountRow(
        label, formats.money(money.secured), formats.money(money.expected), formats.money(money.total), percent
    )


def by_objective(ctx: LayoutContext) -> list[AmountRow]:
    """The budget of each objective that is at the bottom of the tree or has actions of its own."""
    money = objective_money(ctx)
    shown = [o for o in ctx.plan.objectives if o.id in money or not ctx.children.get(o.id)]
    return rows(ctx, ((link(o.id, f"{o.id} {o.title}"), money.get(o.id, Money())) for o in shown))


def by_funder(ctx: LayoutContext) -> list[AmountRow]:
    """The budget by funder, largest first (every declared funder has its row, where its anchor is)."""
    return rows(ctx, ((funder_label(ctx, identifier), money) for identifier, money in ranked_funders(ctx)))


def ranked_funders(ctx: LayoutContext) -> list[tuple[str, Money]]:
    """Every funder with its money, largest first (then by name)."""
    return sorted(funder_money(ctx).items(), key=lambda item: (-item[1].total, ctx.funder_name(item[0])))


def ranked_leads(ctx: LayoutContext) -> list[tuple[str, Money]]:
    """Every lead organisation or body with the money of the actions it leads, largest first (then by name)."""
    return sorted(lead_money(ctx).items(), key=lambda item: (-item[1].total, ctx.funder_name(item[0])))


def by_axis(ctx: LayoutContext) -> list[AmountRow]:
    """The budget of each strategic axis."""
    money = axis_money(ctx)
    return rows(ctx, ((link(a.id, f"{a.id} {a.title}"), money.get(a.id, Money())) for a in ctx.children[None]))


def by_year(ctx: LayoutContext) -> list[AmountRow]:
    """The budget of each year (an estimate: see ``year_money``), then what has no period yet."""
    money = year_money(ctx)
    years = sorted(year for year in money if year is not None)
    labelled = [(Markdown(str(year)), money[year]) for year in years]
    if None in money:
        labelled.append((Markdown(escape(ctx.t(msg("Period to be defined")))), money[None]))
    return rows(ctx, labelled)


def by_lead(ctx: LayoutContext) -> list[AmountRow]:
    """The budget of the actions each organisation or body leads, largest first."""
    return rows(ctx, ((ctx.party(identifier), money) for identifier, money in ranked_leads(ctx)))


def funder_label(ctx: LayoutContext, identifier: str) -> Markdown:
    if identifier in ctx.funder_names:
        return anchor(identifier, ctx.funder_names[identifier])
    return ctx.party(identifier)
