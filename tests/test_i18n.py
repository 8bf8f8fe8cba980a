"""The catalogues: Italian complete, French, Spanish and German for the documents, compiled, placeholders intact."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from compiler.messages.diagnostics import msg
from compiler.messages.translate import LOCALE_DIR, Translator, language_of
from tests.conftest import ROOT

PO = LOCALE_DIR / "it" / "LC_MESSAGES" / "planc.po"
PLACEHOLDER = re.compile(r"\{[a-z_]+\}|%\([a-z_]+\)s")


#: The catalogues of the documents' own words only (diagnostics stay in English for these).
DOCUMENT_CATALOGUES = [LOCALE_DIR / language / "LC_MESSAGES" / "planc.po" for language in ("fr", "es", "de")]
DOCUMENT_WORDS = ("compiler/document/", "compiler/templates/")


def catalogue(po: Path = PO) -> dict[str, str]:
    """msgid → translation; a plural entry as its forms joined (its placeholders are the union of theirs)."""
    with po.open("rb") as handle:
        return {_joined(m.id): _joined(m.string) for m in read_po(handle) if m.id}


def _joined(text: object) -> str:
    if isinstance(text, tuple | list):
        return " ".join(str(part) for part in text) if any(text) else ""
    return str(text)


def extracted(folder: Path) -> dict[str, list[str]]:
    """Every message in the code, with the files it is used in."""
    template = folder / "planc.pot"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "babel.messages.frontend",
            "extract",
            "-F",
            "babel.cfg",
            "-k",
            "msg",
            "-o",
            str(template),
            ".",
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    with template.open("rb") as handle:
        return {str(m.id): [path for path, _line in m.locations] for m in read_po(handle) if m.id}


def test_every_message_in_the_code_is_translated(tmp_path: Path) -> None:
    wanted = set(extracted(tmp_path))
    translations = catalogue()
    assert wanted - set(translations) == set(), "run `make messages` and translate the new messages"
    assert [m for m in wanted if not translations[m]] == []


def test_every_word_of_the_documents_is_translated_into_french_spanish_and_german(tmp_path: Path) -> None:
    words = {msgid for msgid, files in extracted(tmp_path).items() if any(f.startswith(DOCUMENT_WORDS) for f in files)}
    assert len(words) > 50  # headings, labels, page chrome
    for po in DOCUMENT_CATALOGUES:
        translations = catalogue(po)
        assert [word for word in sorted(words) if not translations.get(word)] == [], po


@pytest.mark.parametrize("po", [PO, *DOCUMENT_CATALOGUES], ids=lambda po: po.parent.parent.name)
def test_translations_keep_every_placeholder(po: Path) -> None:
    for source, translation in catalogue(po).items():
        if translation:
            assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(translation)), source


@pytest.mark.parametrize("po", [PO, *DOCUMENT_CATALOGUES], ids=lambda po: po.parent.parent.name)
def test_the_compiled_catalogue_is_up_to_date(po: Path) -> None:
    with po.open("rb") as handle:
        compiled = io.BytesIO()
        write_mo(compiled, read_po(handle))
    assert compiled.getvalue() == po.with_suffix(".mo").read_bytes(), "run `make messages`"


def test_language_tags_map_to_catalogues() -> None:
    assert [language_of(tag) for tag in ("it-IT", "it", "IT_it", "en-GB", "fr-FR", None)] == [
        "it",
        "it",
        "it",
        "en",
        "en",
        "en",
    ]
    assert Translator("it-IT")(msg("Contents")) == "Indice"
    assert Translator("en")(msg("Contents")) == "Contents"


def test_documents_speak_five_languages_and_messages_two() -> None:
    words = [Translator.for_document(tag)(msg("Contents")) for tag in ("fr-CA", "es-419", "de-CH", "it", "ja", "ar")]
    assert words == ["Sommaire", "Índice", "Inhalt", "Indice", "Contents", "Contents"]
    message = msg("The YAML structure is broken.")
    assert Translator("fr-CA")(message) == Translator("en")(message) == message.msgid
    assert Translator.for_document("fr")(message) == message.msgid  # no French diagnostics
