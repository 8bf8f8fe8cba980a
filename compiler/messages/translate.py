"""Translate messages and document chrome with gettext catalogs (compiled by Babel)."""

from __future__ import annotations

import functools
import gettext
import importlib.resources
import os
from pathlib import Path

from compiler.messages.diagnostics import Arg, Text
from compiler.messages.tags import parse

#: The compiled catalogues, shipped inside the package.
LOCALE_DIR = Path(str(importlib.resources.files(__package__) / "locale"))
DOMAIN = "planc"
#: The languages planc speaks in: every message, label and document word.
LANGUAGES = ("en", "it")
#: The languages a plan's documents can be dressed in: their own words (headings, labels, page
#: chrome) are translated, while diagnostics stay in English for the last three.
DOCUMENT_LANGUAGES = (*LANGUAGES, "fr", "es", "de")
DEFAULT_LANGUAGE = "en"


def language_of(tag: str | None, languages: tuple[str, ...] = LANGUAGES) -> str:
    """Return the supported language for a BCP 47 tag (``it-IT`` → ``it``), English otherwise."""
    if not tag:
        return DEFAULT_LANGUAGE
    primary = parse(tag).language
    return primary if primary in languages else DEFAULT_LANGUAGE


def user_language() -> str:
    """The language of the user's locale (``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG``), as gettext reads it."""
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable, "").split(":")[0].split(".")[0]
        if value:
            return language_of(value)
    return DEFAULT_LANGUAGE


def speak_the_users_language_in_the_toolkit() -> None:
    """Make gettext's default domain planc's catalogue, so that click's own words follow the user's locale."""
    gettext.bindtextdomain(DOMAIN, LOCALE_DIR)
    gettext.textdomain(DOMAIN)


@functools.cache
def _catalog(language: str) -> gettext.NullTranslations:
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=[language], fallback=True)


class Translator:
    """Turns ``Text`` values into strings in one language."""

    def __init__(self, language: str, languages: tuple[str, ...] = LANGUAGES) -> None:
        self.language = language_of(language, languages)
        self._catalog = _catalog(self.language)

    @classmethod
    def for_document(cls, tag: str) -> Translator:
        """A translator for the words of a plan's documents, in any of ``DOCUMENT_LANGUAGES``."""
        return cls(tag, DOCUMENT_LANGUAGES)

    def gettext(self, message: str) -> str:
        """Translate one msgid."""
        return self._catalog.gettext(message)

    def __call__(self, text: Text) -> str:
        """Translate a message and fill in its arguments."""
        template = self._catalog.gettext(text.msgid)
        return template.format(**{name: self._arg(value) for name, value in text.args.items()})

    def _arg(self, value: Arg) -> str:
        if isinstance(value, Text):
            return self(value)
        if isinstance(value, tuple):
            return ", ".join(self._arg(item) for item in value)
        return str(value)
