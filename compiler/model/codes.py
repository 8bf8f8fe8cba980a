"""The problems found while merging the files into one plan (part of ``planc codes``)."""

from __future__ import annotations

from compiler.messages.diagnostics import error, msg, warning

SECTION_REPEATED = error("section-repeated", msg("A section that must appear once is written in two files."))
MISSING_SECTION = error("missing-section", msg("The plan has no “plan” section."))
UNTRANSLATED_LANGUAGE = warning(
    "untranslated-language",
    msg("The plan's language has no translation of planc's document words: they are in English."),
)

CODES = (SECTION_REPEATED, MISSING_SECTION, UNTRANSLATED_LANGUAGE)
