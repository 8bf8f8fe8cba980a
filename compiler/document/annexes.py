"""The review in the documents: what changed since a version, observations and responses, approvals.

Each changed object links to the annex entry that says how it changed (a mark next to its
heading or row), and each entry links back to the object when this version still has it.
"""

from __future__ import annotations

import dataclasses
import re

from compiler.document.annex_parts import (
    ApprovalRow,
    Approvals,
    ChangeEntry,
    ChangesAnnex,
    ObservationGroup,
    ObservationView,
)
from compiler.document.change_list import ChangeWords
from compiler.document.context import LayoutContext
from compiler.document.labels import ORIGIN_LABELS, OUTCOME_LABELS
from compiler.document.links import link
from compiler.document.markdown import Markdown, escape, is_safe_url, link_target
from compiler.document.parts import Cover
from compiler.messages.diagnostics import msg
from compiler.model import Approval, Observation
from compiler.review.changes import ADDED, REMOVED, Changes, ObjectChange

#: Italian elides "del" before a day said with a vowel: "dell'8 marzo", "dell'11 marzo".
_ELISION = re.compile(r"\bdel (8|11) ")


def entry_anchor(identifier: str) -> str:
    """The id of an object's entry in the annex of changes."""
    return f"changes-{identifier}"


def changes_annex(ctx: LayoutContext, changes: Changes) -> ChangesAnnex:
    """The annex of changes since an earlier version, object by object."""
    words = ChangeWords(ctx.t, ctx.formats, changes.names)
    entries = [
        ChangeEntry(
            anchor=Markdown(entry_anchor(change.id)),
            verb=words.verb(change),
            heading=_heading(words, change),
            rows=[(row.label, row.before, row.after) for row in words.rows(change)],
        )
        for change in changes.objects
    ]
    title = ctx.t(msg("Changes since version {version}", version=changes.old_version or "?"))
    return ChangesAnnex(title, words.summary(changes), entries)


def change_marks(ctx: LayoutContext, changes: Changes | None) -> dict[str, Markdown]:
    """For each object of this version that is new or changed, the mark shown next to it."""
    marks: dict[str, Markdown] = {}
    for change in changes.objects if changes else ():
        if change.change != REMOVED and change.id != change.section:
            word = ctx.t(msg("new") if change.change == ADDED else msg("changed"))
            # The parentheses show in print (PDF, DOCX); the HTML hides them and shows a badge instead.
            word_link = f"[{escape(word)}](#{entry_anchor(change.id)})"
            marks[change.id] = Markdown(f" [[\\(]{{.changed-paren}}{word_link}[\\)]{{.changed-paren}}]{{.changed}}")
    return marks


def _heading(words: ChangeWords, change: ObjectChange) -> Markdown:
    text = words.heading(change)
    if change.change == REMOVED or change.id == change.section:
        return escape(text)
    return link(change.id, text)


def observation_groups(ctx: LayoutContext) -> list[ObservationGroup]:
    """The observations grouped by object in plan order; then removed objects; then the rest."""
    order = {thing.id: index for index, thing in enumerate(ctx.plan.identified())}
    groups: dict[tuple[int, str], list[Observation]] = {}
    for observation in ctx.plan.observations:
        on = observation.on.id if observation.on else None
        if on is not None and on in order and not observation.removed:
            key = (order[on], on)
        elif on is not None:
            key = (len(order), on)
        else:
            key = (len(order) + 1, observation.section or "")
        groups.setdefault(key, []).append(observation)
    return [
        ObservationGroup(_group_heading(ctx, key[1], key[0], len(order)), [_observation(ctx, o) for o in items])
        for key, items in sorted(groups.items(), key=lambda item: item[0][0])
    ]


def _group_heading(ctx: LayoutContext, name: str, rank: int, known: int) -> Markdown:
    if rank < known:
        return link(name, f"{name} {_called(ctx, name)}".strip())
    if rank == known:
        return escape(ctx.t(msg("{id} (no longer in the plan)", id=name)))
    return escape(name or ctx.t(msg("The plan as a whole")))


def _called(ctx: LayoutContext, identifier: str) -> str:
    """What the object with this id is called: its title or its name."""
    for thing in ctx.plan.identified():
        if thing.id == identifier:
            return str(getattr(thing, "title", None) or getattr(thing, "name", ""))
    return ""


def _observation(ctx: LayoutContext, observation: Observation) -> ObservationView:
    day = observation.date.first_day() if observation.date else None
    origin = ctx.t(ORIGIN_LABELS[observation.origin]) if observation.origin in ORIGIN_LABELS else ""
    if observation.source:
        origin = f"{origin}: {observation.source}" if origin else observation.source
    by = observation.by
    organisation = ctx.names.get(observation.organisation.id, "") if observation.organisation else ""
    if organisation and organisation not in by:
        by = f"{by} — {organisation}"
    details = f", {ctx.formats.day(day)}" if day else ""
    details += f" ({origin})" if origin else ""
    return ObservationView(
        by=by,
        details=details,
        quote=ctx.t(msg("“{text}”", text=observation.quote)) if observation.quote else None,
        text=ctx.rich(observation.text) or Markdown(""),
        outcome=ctx.t(OUTCOME_LABELS.get(observation.outcome, OUTCOME_LABELS[None])),
        response=ctx.rich(observation.response),
    )


def approvals(ctx: LayoutContext) -> Approvals:
    """Every approval recorded (this version's first), and the signatories still missing."""
    version = ctx.meta.version
    current = [a for a in ctx.plan.approvals if (a.version or version) == version]
    earlier = [a for a in ctx.plan.approvals if (a.version or version) != version]
    approved = {a.by.id for a in current}
    missing = [ctx.party(o.id) for o in ctx.plan.organisations if o.signatory and o.id not in approved]
    return Approvals(
        rows=[approval_row(ctx, a) for a in [*current, *earlier]],
        missing=missing,
        complete=not missing and bool(current),
    )


def with_approvals(cover: Cover, approvals: Approvals | None, version: str) -> Cover:
    """The cover with this version's approvals (all of them, or those collected so far)."""
    if approvals is None:
        return cover
    current = [(row.party, row.act) for row in approvals.rows if row.version == version]
    return dataclasses.replace(cover, approvals=current, approvals_complete=approvals.complete)


def approval_row(ctx: LayoutContext, approval: Approval) -> ApprovalRow:
    """One approval: who, which organ, which act (``Delibera di Giunta n. 45 del 12 marzo 2025``)."""
    return ApprovalRow(
        party=ctx.party(approval.by.id),
        body=approval.body or "",
        act=_act(ctx, approval),
        version=approval.version or ctx.meta.version,
    )


def _act(ctx: LayoutContext, approval: Approval) -> Markdown:
    day = approval.date.first_day() if approval.date else None
    when = ctx.formats.day(day) if day else ""
    act = approval.act or ""
    if approval.number and when:
        text = ctx.t(msg("{act} no. {number} of {date}", act=act, number=approval.number, date=when))
    elif when:
        text = ctx.t(msg("{act} of {date}", act=act, date=when))
    else:
        text = act
    if ctx.t.language == "it":
        text = _ELISION.sub(r"dell'\1 ", text)
    if approval.url and is_safe_url(approval.url):
        return Markdown(f"[{escape(text)}]({link_target(approval.url)})")
    return escape(text)
