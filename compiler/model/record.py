"""The review's record in the plan: observations received (and the responses), and approvals."""

from __future__ import annotations

from compiler.model.fields import Fields
from compiler.model.objects import Approval, Observation


def observation(item: Fields) -> Observation | None:
    """An observation, if it says who made it and what it says (the schema reports the rest)."""
    by, text = item.text("by"), item.text("text")
    if by is None or text is None:
        return None
    return Observation(
        by=by,
        text=text,
        where=item.where(),
        on=item.ref("on"),
        removed=item.flag("removed"),
        section=item.text("section"),
        organisation=item.ref("organisation"),
        date=item.date("date"),
        origin=item.text("origin"),
        source=item.text("source"),
        quote=item.text("quote"),
        response=item.text("response"),
        outcome=item.text("outcome"),
    )


def approval(item: Fields) -> Approval | None:
    """An approval, if it says who approved (the schema reports the rest)."""
    by = item.ref("by")
    if by is None:
        return None
    number = item.data.get("number")
    return Approval(
        by=by,
        where=item.where(),
        version=item.text("version"),
        body=item.text("body"),
        act=item.text("act"),
        number=str(number) if isinstance(number, str | int) and not isinstance(number, bool) else None,
        date=item.date("date"),
        url=item.text("url"),
    )
