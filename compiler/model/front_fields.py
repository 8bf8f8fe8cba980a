"""The plan's front matter assembled from its files: metadata, vision, context."""

from __future__ import annotations

from compiler.model.fields import Fields
from compiler.model.front import Context, LegalReference, Meta, Topic, Value, Vision


def read_meta(item: Fields) -> Meta:
    period = item.child("period")
    return Meta(
        title=item.text("title") or "",
        version=item.text("version") or "",
        status=item.text("status") or "draft",
        lang=item.text("lang") or "en",
        where=item.where(),
        subtitle=item.text("subtitle"),
        slug=item.text("slug"),
        date=item.date("date"),
        period_start=period.date("start"),
        period_end=period.date("end"),
        territory=item.text("territory"),
        currency=item.text("currency") or "EUR",
        summary=item.text("summary"),
        prepared_with=item.refs("prepared_with"),
        supported_by=item.refs("supported_by"),
        status_where=item.where("status"),
    )


def read_vision(item: Fields) -> Vision:
    values = tuple(
        Value(value.text("name") or "", value.text("description") or "") for value in item.children("values")
    )
    return Vision(item.text("statement") or "", item.text("mission"), values)


def read_context(item: Fields) -> Context:
    topics = tuple(Topic(topic.text("title") or "", topic.text("text") or "") for topic in item.children("topics"))
    laws = tuple(
        LegalReference(law.text("reference") or "", law.text("title") or "", law.text("summary"), law.text("url"))
        for law in item.children("legal_framework")
    )
    return Context(item.text("introduction"), topics, laws)
