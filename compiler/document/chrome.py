"""The page chrome of a plan's documents and the one timestamp of a build."""

from __future__ import annotations

import datetime

from compiler.document.formats import script_of, text_direction
from compiler.document.parts import PageChrome
from compiler.messages.diagnostics import msg
from compiler.messages.tags import parse
from compiler.messages.translate import Translator
from compiler.model import Meta, Plan


def page_chrome(meta: Meta, translate: Translator) -> PageChrome:
    """The words around the content, in the plan's language."""
    return PageChrome(
        title=meta.title,
        lang=parse(meta.lang).text,
        version_label=translate(msg("Version {version}", version=meta.version)),
        draft_mark=translate(msg("DRAFT")) if meta.status != "approved" else None,
        draft_note=translate(msg("This plan is not approved yet: its content may still change.")),
        toc_title=translate(msg("Contents")),
        skip_label=translate(msg("Skip to content")),
        footer_note=translate(
            msg(
                "{title}, version {version}. Compiled by planc from the plan's sources.",
                title=meta.title,
                version=meta.version,
            )
        ),
        page_label=translate(msg("Page {page} of {pages}", page="{page}", pages="{pages}")),
        version=meta.version,
        direction=text_direction(meta.lang),
        script=script_of(meta.lang),
    )


def build_date(plan: Plan, epoch: int | None) -> datetime.datetime:
    """The one timestamp of a build: ``SOURCE_DATE_EPOCH`` if given, else the plan's date."""
    if epoch is not None:
        return datetime.datetime.fromtimestamp(epoch, tz=datetime.UTC)
    day = plan.meta.date.first_day() if plan.meta and plan.meta.date else None
    day = day or datetime.date(2000, 1, 1)
    return datetime.datetime(day.year, day.month, day.day, tzinfo=datetime.UTC)
