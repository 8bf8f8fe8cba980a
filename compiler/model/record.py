"""The plan's life as assembled from its files: observations (and responses), approvals, the consultation, monitoring data."""

from __future__ import annotations

from compiler.model.fields import Fields, address
from compiler.model.lifecycle import ActionStatus, Approval, Consultation, Measurement, Monitoring, Observation


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


def read_monitoring(item: Fields) -> Monitoring | None:
    day = item.date("date")
    if day is None:
        return None
    return Monitoring(day, item.where(), item.flag("illustrative"), item.text("note"))


def read_consultation(item: Fields) -> Consultation | None:
    contact, deadline = item.text("contact"), item.date("deadline")
    if contact is None or deadline is None:
        return None
    written = address(item.child("address")) if "address" in item.data else None
    return Consultation(
        contact, deadline, item.where(), item.text("email"), written, item.text("how"), item.text("url")
    )


def read_measurement(item: Fields) -> Measurement | None:
    indicator, period, value = item.ref("indicator"), item.date("period"), item.value()
    if indicator is None or period is None or value is None:
        return None
    met = item.data.get("met")
    return Measurement(
        indicator,
        period,
        value,
        item.where(),
        met if isinstance(met, bool) else None,
        item.text("source"),
        item.text("note"),
    )


def read_action_status(item: Fields) -> ActionStatus | None:
    action, day, status = item.ref("action"), item.date("date"), item.text("status")
    if action is None or day is None or status is None:
        return None
    return ActionStatus(action, day, status, item.where(), item.text("note"), item.number("spent"))
