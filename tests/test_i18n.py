"""The Italian catalogue: complete, consistent with the code, compiled, and placeholders intact."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from compiler.messages.diagnostics import msg
from compiler.messages.translate import LOCALE_DIR, Translator, language_of
from tests.conftest import ROOT

PO = LOCALE_DIR / "it" / "LC_MESSAGES" / "planc.po"
MO = PO.with_suffix(".mo")
PLACEHOLDER = re.compile(r"\{[a-z_]+\}|%\([a-z_]+\)s")


def catalogue() -> dict[str, str]:
    with PO.open("rb") as handle:
        return {str(m.id): str(m.string) for m in read_po(handle) if m.id}


def test_every_message_in_the_code_is_translated(tmp_path: Path) -> None:
    template = tmp_path / "planc.pot"
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
        wanted = {str(m.id) for m in read_po(handle) if m.id}
    translations = catalogue()
    assert wanted - set(translations) == set(), "run `make messages` and translate the new messages"
    assert [m for m in wanted if not translations[m]] == []


def test_translations_keep_every_placeholder() -> None:
    for source, translation in catalogue().items():
        assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(translation)), source


def test_the_compiled_catalogue_is_up_to_date() -> None:
    with PO.open("rb") as handle:
        compiled = io.BytesIO()
        write_mo(compiled, read_po(handle))
    assert compiled.getvalue() == MO.read_bytes(), "run `make messages`"


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
