"""Every language, every script: language tags, the documents' own words, NFC text, fonts, right to left.

The eight small plans in ``tests/cases/languages`` (one a language, written for these tests) are
built once for the session, in parallel child processes; each test opens the outputs it needs.
"""

from __future__ import annotations

import datetime
import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jsonschema
import pikepdf
import pytest

from compiler.document.formats import Formats, locale_for, script_of, text_direction
from compiler.glyphs import FAMILIES, FONT_DIRS_VARIABLE, MISSING_GLYPH, fonts_for, installed
from compiler.glyphs.table import NOTO
from compiler.messages.tags import parse
from compiler.outputs.pdf import _typst_language
from compiler.sources import loader
from tests.conftest import CASES, ROOT, planc
from tests.readers import Docx, Html, W, pdf_pages, squash

LANGUAGES = CASES / "languages"
TAGS = sorted(path.name for path in LANGUAGES.iterdir())
RIGHT_TO_LEFT = {"ar", "he"}
#: The font each plan's own script must be printed with (the family, as the PDF names it).
SCRIPT_FONTS = {
    "ar": "NotoNaskhArabic",
    "he": "NotoSerifHebrew",
    "hi": "NotoSerifDevanagari",
    "ja": "NotoSerifCJKjp",
    "zh-Hans": "NotoSerifCJKsc",
    "ru": "LibertinusSerif",
    "el": "LibertinusSerif",
    "fr-CA": "LibertinusSerif",
}
LANG_SCHEMA = json.loads((ROOT / "schema" / "plan.schema.json").read_text(encoding="utf-8"))["definitions"]


def lang_schema() -> dict[str, Any]:
    """The schema of ``plan.lang``, wherever the plan section is defined."""
    found = [value["properties"]["lang"] for value in LANG_SCHEMA.values() if "lang" in value.get("properties", {})]
    assert len(found) == 1
    schema: dict[str, Any] = found[0]
    return schema


def plan_words(tag: str) -> list[str]:
    """The plan's own text values (titles, names, descriptions), as planc reads them."""
    source, problems = loader.load_values((LANGUAGES / tag / "plan.yaml").read_text(encoding="utf-8"), "plan.yaml")
    assert source is not None and problems == []
    data = source.data
    action = data["actions"][0]
    return [
        data["plan"]["title"],
        data["plan"]["territory"],
        data["vision"]["statement"],
        *(organisation["name"] for organisation in data["organisations"]),
        *(objective["title"] for objective in data["objectives"]),
        data["indicators"][0]["name"],
        action["title"],
        action["description"],
    ]


def pdf_text(path: Path) -> str:
    """The PDF's text layer as poppler reads it (pypdf splits Devanagari clusters), bidi controls left out."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed (`make clients`)")
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True, text=True)
    return re.sub("[\u200e\u200f\u202a-\u202e\u2066-\u2069]", "", text.stdout)


# Language tags


@pytest.mark.parametrize(
    "tag", ["zh-Hans", "sr-Latn", "pt-BR", "fr-CA", "ar", "es-419", "de-CH-1996", "en-US-u-ca-gregory", "x-local"]
)
def test_the_schema_accepts_well_formed_language_tags(tag: str) -> None:
    assert jsonschema.Draft7Validator(lang_schema()).is_valid(tag)


@pytest.mark.parametrize("tag", ["it_IT", "italiano", "e", "it-", "zh-Hans-", "it IT", "de-419-419"])
def test_the_schema_refuses_what_is_not_a_language_tag(tag: str) -> None:
    assert not jsonschema.Draft7Validator(lang_schema()).is_valid(tag)


def test_tags_are_taken_apart_and_written_in_their_canonical_case() -> None:
    assert parse("ZH-hans-cn") == parse("zh-Hans-CN")
    assert (parse("zh-Hans-CN").text, parse("zh-Hans-CN").script, parse("zh-Hans-CN").region) == (
        "zh-Hans-CN",
        "Hans",
        "CN",
    )
    assert (parse("es-419").language, parse("es-419").region) == ("es", "419")
    assert parse("zh-yue-HK").language == "zh"
    assert parse("x-local").language == "und"


def test_each_tag_gets_the_closest_locale_babel_has() -> None:
    wanted = {"zh-Hans": "zh_Hans", "sr-Latn": "sr_Latn", "fr-CA": "fr_CA", "de-CH-1996": "de_CH", "ar": "ar"}
    assert {tag: str(locale_for(tag)) for tag in wanted} == wanted
    assert str(locale_for("tlh")) == "en"  # Klingon: Babel has no locale, the documents use English formats


def test_direction_and_script_come_from_the_tag_or_from_its_language() -> None:
    rows = [(tag, text_direction(tag), script_of(tag)) for tag in ("ar", "he", "az-Arab", "ja", "zh-TW", "hi", "fr-CA")]
    assert rows == [
        ("ar", "rtl", "Arab"),
        ("he", "rtl", "Hebr"),
        ("az-Arab", "rtl", "Arab"),
        ("ja", "ltr", "Jpan"),
        ("zh-TW", "ltr", "Hant"),
        ("hi", "ltr", "Deva"),
        ("fr-CA", "ltr", "Latn"),
    ]


def test_typst_gets_an_iso_639_language_and_only_a_two_letter_region() -> None:
    def typst(tag: str) -> tuple[str, str | None]:
        meta = _typst_language(tag)
        return meta["lang-code"]["c"], meta["region"]["c"] if "region" in meta else None

    assert [typst(tag) for tag in ("zh-Hans", "pt-BR", "es-419", "it-IT")] == [
        ("zh", None),
        ("pt", "BR"),
        ("es", None),
        ("it", "IT"),
    ]


def test_a_right_to_left_date_starts_with_a_right_to_left_mark() -> None:
    day = datetime.date(2025, 1, 15)
    assert Formats("ar").day(day).startswith("\u200f15")
    assert not Formats("it-IT").day(day).startswith("\u200f")


# NFC


def test_text_is_read_as_nfc_whichever_way_the_accents_were_typed() -> None:
    source, _problems = loader.load_values('title: "Plan strate\u0301gique"\n', "plan.yaml")
    assert source is not None
    assert source.data["title"] == "Plan stratégique"


# Fonts


def test_make_installs_the_packages_of_every_font_the_glyph_table_knows() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    pairs = re.search(r"^FONT_PACKAGES := (.*?)(?<!\\)\n", makefile, re.M | re.S)
    assert pairs is not None
    listed = dict(pair.split(":", 1) for pair in pairs.group(1).replace("\\\n", " ").split())
    assert set(listed) == {family.package for family in FAMILIES}
    for package, path in listed.items():
        assert any(path == f"/usr/share/fonts/{name}" for f in FAMILIES if f.package == package for name in f.files)


def test_the_installed_fonts_are_those_the_glyph_table_was_made_from() -> None:
    """`make fonts` installed Debian's Noto fonts; if they changed, run tools/probe_glyphs.py again."""
    for name, _package, files, _scripts, _ranges in NOTO:
        for path, size in files:
            font = Path("/usr/share/fonts") / path
            assert font.is_file() and font.stat().st_size == size, f"{name}: {font}"
    assert [family.name for family in installed()] == [family.name for family in FAMILIES]


def test_a_right_to_left_or_cjk_plan_puts_its_own_font_first_and_others_their_own_after_typsts() -> None:
    assert fonts_for("Arab")[:2] == ["Noto Naskh Arabic", "Libertinus Serif"]
    assert fonts_for("Jpan")[:2] == ["Noto Serif CJK JP", "Libertinus Serif"]
    assert fonts_for("Deva")[0] == "Libertinus Serif"
    assert fonts_for("Latn")[0] == "Libertinus Serif"


@pytest.mark.parametrize(
    ("tag", "family", "first_line_column"),
    [("ja", "Noto Serif CJK SC", "3:11"), ("ar", "Noto Naskh Arabic", "3:11"), ("hi", "Noto Serif Devanagari", "3:11")],
)
def test_missing_fonts_are_named_with_their_characters_before_the_build(
    tag: str, family: str, first_line_column: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(FONT_DIRS_VARIABLE, "")
    run = planc("check", "--format", "json", str(LANGUAGES / tag))
    assert run.exit_code == 0
    missing = [d for d in run.diagnostics if d["code"] == "missing-font"]
    assert [f"{d['line']}:{d['column']}" for d in missing] == [first_line_column]
    title = plan_words(tag)[0].replace(" ", "")
    assert family in missing[0]["message"] and " ".join(title[:2]) in missing[0]["message"]
    assert "make fonts" in missing[0]["hint"] and "replace it with words" not in missing[0]["hint"]


def test_latin_greek_and_cyrillic_need_no_extra_font(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(FONT_DIRS_VARIABLE, "")
    for tag in ("fr-CA", "el", "ru"):
        run = planc("check", "--format", "json", str(LANGUAGES / tag))
        assert "missing-font" not in {d["code"] for d in run.diagnostics}, tag


# The eight plans, built


@dataclass(frozen=True)
class Built:
    """One language's plan, checked and built."""

    tag: str
    out: Path
    diagnostics: list[dict[str, Any]]


@pytest.fixture(scope="session")
def languages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Built]:
    """Every language's plan built once (and Arabic twice, for reproducibility), all at the same time."""
    root = tmp_path_factory.mktemp("languages")
    jobs = {tag: (tag, root / tag) for tag in TAGS} | {"ar-again": ("ar", root / "ar-again")}
    env = {k: v for k, v in os.environ.items() if k != FONT_DIRS_VARIABLE}
    running = {
        name: subprocess.Popen(
            [sys.executable, "-m", "compiler", "build", str(LANGUAGES / tag), "-o", str(out), "--format", "json"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
        )
        for name, (tag, out) in jobs.items()
    }
    built = {}
    for name, process in running.items():
        stdout, stderr = process.communicate(timeout=600)
        assert process.returncode == 0, stderr.decode()
        tag, out = jobs[name]
        built[name] = Built(tag, out, json.loads(stdout)["diagnostics"])
    return built


@pytest.mark.toolchain
@pytest.mark.parametrize("tag", TAGS)
def test_each_plan_checks_with_at_most_the_english_words_warning(languages: dict[str, Built], tag: str) -> None:
    codes = [d["code"] for d in languages[tag].diagnostics]
    assert codes == ([] if tag == "fr-CA" else ["untranslated-language"])


@pytest.mark.toolchain
@pytest.mark.parametrize("tag", TAGS)
def test_the_pdf_prints_the_plans_own_words_in_the_fonts_of_its_script(languages: dict[str, Built], tag: str) -> None:
    pdf = languages[tag].out / "plan.pdf"
    text = squash(pdf_text(pdf))
    assert MISSING_GLYPH not in text
    for words in plan_words(tag):
        assert squash(words) in text, words
    with pikepdf.open(pdf) as document:
        fonts = {str(font.get("/BaseFont")) for page in document.pages for font in page.Resources.Font.values()}
        assert any(SCRIPT_FONTS[tag] in font for font in fonts), fonts
        parts = parse(tag)
        assert str(document.Root.Lang) == (f"{parts.language}-{parts.region}" if parts.region else parts.language)
        direction = document.Root.get("/ViewerPreferences", {}).get("/Direction")
        assert (direction == "/R2L") == (tag in RIGHT_TO_LEFT)
        metadata = document.open_metadata()
        assert (metadata.get("pdfaid:part"), metadata.get("pdfaid:conformance"), metadata.get("pdfuaid:part")) == (
            "2",
            "A",
            "1",
        )


@pytest.mark.toolchain
@pytest.mark.parametrize("tag", TAGS)
def test_the_html_declares_language_and_direction_and_holds_the_words(languages: dict[str, Built], tag: str) -> None:
    page = Html.read(languages[tag].out / "plan.html")
    root = page.tags("html")[0].attributes
    assert (root["lang"], root["dir"]) == (tag, "rtl" if tag in RIGHT_TO_LEFT else "ltr")
    for words in plan_words(tag):
        assert words in page.text, words


@pytest.mark.toolchain
@pytest.mark.parametrize("tag", TAGS)
def test_the_docx_declares_language_and_direction_and_holds_the_words(languages: dict[str, Built], tag: str) -> None:
    docx = Docx.read(languages[tag].out / "plan.docx")
    assert f"<dc:language>{tag}</dc:language>" in docx.parts["docProps/core.xml"]
    declared = re.search(r"<w:lang ([^>]*)/>", docx.parts["word/styles.xml"])
    assert declared is not None and f'"{tag}"' in declared.group(1)
    paragraphs = [p for p in docx.body.iter(f"{W}p") if "".join(p.itertext())]  # empty cells have none
    bidi = [p for p in paragraphs if p.find(f"{W}pPr/{W}bidi") is not None]
    tables = list(docx.body.iter(f"{W}tbl"))
    rtl_tables = [t for t in tables if t.find(f"{W}tblPr/{W}bidiVisual") is not None]
    if tag in RIGHT_TO_LEFT:
        assert len(bidi) == len(paragraphs) and tables and len(rtl_tables) == len(tables)
    else:
        assert bidi == [] and rtl_tables == []
    for words in plan_words(tag):
        assert words in docx.text, words


@pytest.mark.toolchain
def test_money_formatted_for_a_right_to_left_language_prints_whole(languages: dict[str, Built]) -> None:
    assert "1,250,000ج.م." in squash(pdf_text(languages["ar"].out / "plan.pdf"))
    assert "₪1,250,000" in squash(pdf_text(languages["he"].out / "plan.pdf"))


@pytest.mark.toolchain
def test_a_title_typed_with_combining_accents_prints_its_accents(languages: dict[str, Built]) -> None:
    written = (LANGUAGES / "fr-CA" / "plan.yaml").read_text(encoding="utf-8")
    assert "strate\u0301gique" in written  # the file really holds e + COMBINING ACUTE ACCENT
    title = "Plan stratégique de développement social"
    out = languages["fr-CA"].out
    assert title in " ".join(pdf_pages(out / "plan.pdf"))
    assert title in Html.read(out / "plan.html").text
    assert title in Docx.read(out / "plan.docx").text


@pytest.mark.toolchain
def test_a_french_plan_has_french_document_words(languages: dict[str, Built]) -> None:
    out = languages["fr-CA"].out
    for words in ("Sommaire", "Vision, mission et valeurs", "Fiches action"):
        assert words in " ".join(pdf_pages(out / "plan.pdf")), words
        assert words in Html.read(out / "plan.html").text, words


@pytest.mark.toolchain
def test_a_right_to_left_build_gives_the_same_bytes_twice(languages: dict[str, Built]) -> None:
    for name in ("plan.pdf", "plan.docx", "plan.html", "plan.md"):
        assert (languages["ar"].out / name).read_bytes() == (languages["ar-again"].out / name).read_bytes(), name


@pytest.mark.toolchain
def test_without_the_fonts_a_japanese_plan_still_builds_and_shows_squares(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(FONT_DIRS_VARIABLE, "")
    run = planc("build", str(LANGUAGES / "ja"), "-o", str(tmp_path), "--to", "pdf", "--format", "json")
    assert run.exit_code == 0, run.stderr
    assert "missing-font" in {d["code"] for d in run.diagnostics}
    text = " ".join(pdf_pages(tmp_path / "plan.pdf"))
    assert MISSING_GLYPH in text and "Version 1.0" in text


@pytest.mark.toolchain
def test_tags_pandoc_and_typst_have_no_words_for_still_build(tmp_path: Path) -> None:
    """pandoc has no translations for zh, zh-TW or yi, and Typst takes no numeric region (es-419)."""
    plan = (LANGUAGES / "fr-CA" / "plan.yaml").read_text(encoding="utf-8")
    builds = {}
    for tag in ("zh", "zh-TW", "ko", "yi", "es-419"):
        (tmp_path / tag).mkdir()
        (tmp_path / tag / "plan.yaml").write_text(plan.replace("lang: fr-CA", f"lang: {tag}"), encoding="utf-8")
        command = [sys.executable, "-m", "compiler", "build", str(tmp_path / tag), "-o", str(tmp_path / tag / "out")]
        builds[tag] = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    for tag, process in builds.items():
        _out, err = process.communicate(timeout=600)
        assert process.returncode == 0, f"{tag}: {err.decode()}"
        page = Html.read(tmp_path / tag / "out" / "plan.html").tags("html")[0].attributes
        assert (page["lang"], page["dir"]) == (tag, "rtl" if tag == "yi" else "ltr")


def test_letters_of_a_script_no_font_has_are_one_warning_and_a_symbol_its_own(tmp_path: Path) -> None:
    plan = (LANGUAGES / "fr-CA" / "plan.yaml").read_text(encoding="utf-8")
    (tmp_path / "plan.yaml").write_text(plan.replace('"Guichet de quartier"', '"ܒܝܬ ܫܡܫܐ 😀"'), encoding="utf-8")
    run = planc("check", "--format", "json", str(tmp_path))
    found = [d for d in run.diagnostics if d["code"] == "unprintable-character"]
    assert [(d["line"], d["column"]) for d in found] == [(59, 13), (59, 22)]
    script, symbol = found
    assert "ܒ ܝ ܬ ܫ ܡ ܐ" in script["message"] and "replace it with words" not in script["hint"]
    assert "😀" in symbol["message"] and "replace it with words" in symbol["hint"]
