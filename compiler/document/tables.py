"""The plan's matrices: which actions serve which objective, and who has a role in which axis.

Each is a grid of marks, split so that it fits a page: the objectives of one axis at a time, and
at most ``MAX_COLUMNS`` columns a grid (more become several grids of even width). A mark is a
word or a letter, never a symbol alone, so that it reads the same aloud as on paper; the letters
are explained next to the grid. What has no mark (an objective without actions, an organisation
without a role) is named in words after the grid, not only left as an empty column.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from math import ceil
from typing import TypeVar

from compiler.document.context import LayoutContext
from compiler.document.links import ident, joined, link
from compiler.document.markdown import Markdown, escape
from compiler.document.view_parts import Grid, GridGroup, MatrixRow
from compiler.messages.diagnostics import Text, msg
from compiler.model import Action, Objective

#: The most columns of marks one grid has: beyond it a page (or a phone) has no room for them.
MAX_COLUMNS = 6
LEAD, PARTNER = "lead", "partner"
_Item = TypeVar("_Item")
OBJECTIVES_LEGEND = msg(
    "For each axis, a row per action and a column per objective: “yes” where the action serves the objective. "
    "The last row counts the actions of each objective; an objective with none is named under its grid."
)
LEAD_MEANS = msg("leads at least one action of the axis")
PARTNER_MEANS = msg("partner in at least one action of the axis; an empty cell: no role in that axis.")


def even_chunks(items: Sequence[_Item], limit: int = MAX_COLUMNS) -> list[list[_Item]]:
    """``items`` in consecutive chunks of at most ``limit``, as even as possible (7 → 4 + 3, not 6 + 1)."""
    if not items:
        return []
    count = ceil(len(items) / limit)
    size = ceil(len(items) / count)
    return [list(items[start : start + size]) for start in range(0, len(items), size)]


def objective_grids(ctx: LayoutContext) -> list[GridGroup]:
    """Axis by axis: the actions (rows) and the objectives (columns) they serve."""
    return [_axis_grids(ctx, axis) for axis in ctx.children[None]]


def _columns(ctx: LayoutContext, axis: Objective) -> list[Objective]:
    """The objectives of an axis that get a column: those at the bottom of the tree, and any an action names."""
    below = [axis, *ctx.descendants(axis)]
    return [o for o in below if not ctx.children.get(o.id) or ctx.actions_of.get(o.id)]


def _axis_grids(ctx: LayoutContext, axis: Objective) -> GridGroup:
    columns = _columns(ctx, axis)
    chunks = even_chunks(columns)
    yes = escape(ctx.t(msg("yes")))
    grids: list[Grid] = []
    for number, chunk in enumerate(chunks, start=1):
        serving = {o.id: {a.id for a in ctx.actions_of.get(o.id, [])} for o in chunk}
        actions = [a for a in ctx.plan.actions if any(a.id in ids for ids in serving.values())]
        rows = [
            MatrixRow(link(a.id, f"{a.id} {a.title}"), [yes if a.id in serving[o.id] else Markdown("") for o in chunk])
            for a in actions
        ]
        counts = [escape(str(len(serving[o.id]))) for o in chunk]
        caption = ctx.t(msg("{axis}: the actions and the objectives they serve", axis=axis.id))
        grids.append(
            Grid(
                _part(ctx, caption, number, len(chunks)),
                ctx.t(msg("Action")),
                [escape(o.id) for o in chunk],
                rows,
                MatrixRow(escape(ctx.t(msg("Number of actions"))), counts),
            )
        )
    idle = [link(o.id) for o in columns if not ctx.actions_of.get(o.id)]
    return GridGroup(
        heading=f"{axis.id} {axis.title}",
        anchor=Markdown(f"sec:matrix-{ident(axis.id)}"),
        key=[link(o.id, f"{o.id} {o.title}") for o in columns],
        grids=grids,
        gaps=_listed(ctx, msg("Objectives with no action:"), idle),
        legend=escape(ctx.t(OBJECTIVES_LEGEND)),
    )


def _part(ctx: LayoutContext, caption: str, number: int, count: int) -> str:
    """A grid's caption, with ``(part 1 of 2)`` when its columns are split over several grids."""
    if count == 1:
        return caption
    return ctx.t(msg("{caption} (part {number} of {count})", caption=caption, number=number, count=count))


def _listed(ctx: LayoutContext, label: Text, items: list[Markdown]) -> Markdown:
    """``label`` and the linked ``items`` after it, or nothing when there are none."""
    return Markdown(f"{escape(ctx.t(label))} {joined(items)}") if items else Markdown("")


def roles_by_axis(ctx: LayoutContext) -> dict[str, dict[str, set[str]]]:
    """For each organisation or body, the axes where it leads an action or is a partner in one."""
    roles: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for action in ctx.plan.actions:
        for axis in _axes(ctx, action):
            for ref in action.owners:
                roles[ref.id][axis].add(LEAD)
            for ref in action.partners:
                roles[ref.id][axis].add(PARTNER)
    return roles


def _axes(ctx: LayoutContext, action: Action) -> list[str]:
    axes = (ctx.axis_of(ref.id) for ref in action.objectives)
    return list(dict.fromkeys(axis for axis in axes if axis is not None))


def organisation_grids(ctx: LayoutContext) -> GridGroup | None:
    """Each organisation, and each body with a role (rows), against the axes (columns): lead, partner, both or none."""
    axes = ctx.children[None]
    if not axes:
        return None
    roles = roles_by_axis(ctx)
    lead, partner = escape(ctx.t(msg("L"))), escape(ctx.t(msg("P")))
    marks = {
        frozenset({LEAD}): Markdown(f"**{lead}**"),
        frozenset({PARTNER}): partner,
        frozenset({LEAD, PARTNER}): Markdown(f"**{lead}** {partner}"),
    }
    # Every organisation (one without a role is a gap to see); a body only where it has a role.
    parties = [(o.id, o.name) for o in ctx.plan.organisations]
    parties += [(b.id, b.name) for b in ctx.plan.governance if b.id in roles]
    chunks = even_chunks(axes)
    grids = [
        Grid(
            _part(ctx, ctx.t(msg("Organisations and bodies in each axis")), number, len(chunks)),
            ctx.t(msg("Organisation or body")),
            [escape(axis.id) for axis in chunk],
            [
                MatrixRow(
                    link(key, name),
                    [marks.get(frozenset(roles.get(key, {}).get(axis.id, ())), Markdown("")) for axis in chunk],
                )
                for key, name in parties
            ],
        )
        for number, chunk in enumerate(chunks, start=1)
    ]
    idle = [link(key, name) for key, name in parties if key not in roles]
    return GridGroup(
        heading=ctx.t(msg("Organisations and axes")),
        anchor=Markdown("sec:matrix-organisations"),
        key=[link(axis.id, f"{axis.id} {axis.title}") for axis in axes],
        grids=grids,
        gaps=_listed(ctx, msg("Organisations with no role in any action:"), idle),
        legend=Markdown(f"**{lead}**: {escape(ctx.t(LEAD_MEANS))} · {partner}: {escape(ctx.t(PARTNER_MEANS))}"),
    )
