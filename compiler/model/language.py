"""The plan's language against the languages planc's document words are translated into."""

from __future__ import annotations

from collections.abc import Iterator

from compiler.messages.diagnostics import Diagnostic, msg
from compiler.messages.tags import UNDETERMINED, parse
from compiler.messages.translate import DOCUMENT_LANGUAGES
from compiler.model import codes
from compiler.model.fields import Fields


def untranslated(plan: Fields) -> Iterator[Diagnostic]:
    """Warn when the documents' own words will be in English because the plan's language has no catalogue."""
    tag = plan.text("lang")
    if tag is None or parse(tag).language in (*DOCUMENT_LANGUAGES, UNDETERMINED):
        return  # a malformed tag is the schema's to report
    yield codes.UNTRANSLATED_LANGUAGE.at(
        plan.where("lang"),
        msg(
            "planc has no translation into “{tag}” of the documents' own words (headings, labels, page headers): they will be in English.",
            tag=tag,
        ),
        msg(
            "Nothing to change if English headings suit the readers; the plan's text prints as written. planc speaks {languages}.",
            languages=", ".join(DOCUMENT_LANGUAGES),
        ),
    )
