"""Real clients open the built documents: Chromium with axe-core, the Nu HTML Checker, qpdf and poppler, LibreOffice.

`make clients` installs them (`make test` runs it first). A missing client fails its tests with the
command to run; PLANC_SKIP_CLIENTS=1 skips them all instead, for a quick local run.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pikepdf
import pytest

from compiler import pipeline
from tests.conftest import EXAMPLE_PLAN, ROOT
from tests.readers import Docx, W, squash

pytestmark = [
    pytest.mark.clients,
    pytest.mark.skipif(
        os.environ.get("PLANC_SKIP_CLIENTS") == "1", reason="PLANC_SKIP_CLIENTS=1: real clients skipped"
    ),
]

NODE_MODULES = ROOT / "node_modules"
BROWSER = ROOT / "tests" / "clients" / "browser.mjs"
VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
# The command each check runs, and the Debian package that provides it.
PACKAGES = {
    "chromium": "chromium",
    "node": "nodejs",
    "java": "default-jre-headless",
    "qpdf": "qpdf",
    "pdftotext": "poppler-utils",
    "pdffonts": "poppler-utils",
    "pdfinfo": "poppler-utils",
    "soffice": "libreoffice-writer-nogui",
}
# The numbered top-level sections, in the order every plan has them; the table of contents comes first.
SECTIONS = (
    "Visione, missione e valori",
    "Contesto",
    "Organizzazioni",
    "Governance",
    "Assi strategici e obiettivi",
    "Cronoprogramma",
    "Schede delle azioni",
    "Matrici",
    "Schede delle organizzazioni",
    "Budget",
    "Indice degli indicatori",
)
TIMEOUT = 300
# The months of the plans' years as an Italian page writes them (``marzo 2025``): never split on two lines.
MONTHS = "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre"
MONTHS_OF_YEARS = [f"{month} {year}" for month in MONTHS.split() for year in range(2020, 2036)]


def need(command: str) -> str:
    """The path of a client's command, or a failure that says how to install it."""
    path = shutil.which(command)
    if path is None:
        pytest.fail(f"`{command}` is not installed (Debian package {PACKAGES[command]}): run `make clients`")
    return path


def need_npm(path: Path) -> Path:
    """A file from node_modules, or a failure that says how to install it."""
    if not path.exists():
        pytest.fail(f"{path.relative_to(ROOT)} is missing: run `make clients` (npm ci from package-lock.json)")
    return path


def run(*command: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, **(env or {})}
    return subprocess.run(
        command, capture_output=True, text=True, timeout=TIMEOUT, cwd=ROOT, env=environment, check=False
    )


@dataclass(frozen=True)
class Built:
    """One plan built into a folder, with the title its documents must carry."""

    out: Path
    title: str
    name: str = "plan"
    #: numbered first-level headings short enough to stay on one line, in order
    sections: tuple[str, ...] = tuple(f"{number} {title}" for number, title in enumerate(SECTIONS, 1))
    cover: str = ""  #: what its first page says before the contents (default: the title)
    ids: tuple[str, ...] = ()  #: the plan's objective and action ids: words no line may break
    actions: tuple[str, ...] = ()  #: the plan's action ids (the plan's contents reach down to them)
    prose: bool = True  #: its text reads as prose (the hostile plan's does not)

    @property
    def html(self) -> Path:
        return self.out / f"{self.name}.html"

    @property
    def docx(self) -> Path:
        return self.out / f"{self.name}.docx"

    @property
    def pdf(self) -> Path:
        return self.out / f"{self.name}.pdf"


@pytest.fixture(scope="module", params=["confluenze", "hostile", "monitoring"])
def built(request: pytest.FixtureRequest) -> Built:
    """The Confluenze plan, the base plan overlaid with hostile text, and the Confluenze monitoring report."""
    out: Path = request.getfixturevalue(request.param)
    checked = pipeline.check(out.parent / "plan" if request.param == "hostile" else EXAMPLE_PLAN)
    assert checked.plan is not None
    assert checked.plan.meta is not None
    actions = tuple(action.id for action in checked.plan.actions)
    ids = (*(objective.id for objective in checked.plan.objectives), *actions)
    if request.param == "monitoring":
        # The axes' chapters between them are plan objects: unnumbered (and their long titles wrap).
        sections = ("1 Sintesi", "2 Come si misurano i progressi", "3 Appendice dei dati")
        title = f"Rapporto di monitoraggio — {checked.plan.meta.title}"
        cover = f"Rapporto di monitoraggio {checked.plan.meta.title}"
        return Built(out, title, "monitoring", sections, cover, ids)
    return Built(out, checked.plan.meta.title, ids=ids, actions=actions, prose=request.param != "hostile")


def browse(page: Path, ids: tuple[str, ...] = ()) -> dict[str, Any]:
    """Run tests/clients/browser.mjs on a page and return its JSON report (``ids``: words it measures
    besides numbers)."""
    need_npm(NODE_MODULES / "playwright-core" / "package.json")
    need_npm(NODE_MODULES / "axe-core" / "axe.min.js")
    terms = page.with_name(f"{page.stem}.terms.json")
    terms.write_text(json.dumps({"ids": list(ids), "dates": MONTHS_OF_YEARS}), encoding="utf-8")
    result = run(need("node"), str(BROWSER), str(page), str(terms), env={"CHROMIUM": need("chromium")})
    assert result.returncode == 0, result.stderr
    report: dict[str, Any] = json.loads(result.stdout)
    return report


@pytest.fixture(scope="module")
def browser(built: Built) -> dict[str, Any]:
    return browse(built.html, built.ids)


def vnu(*pages: Path) -> subprocess.CompletedProcess[str]:
    return run(need("java"), "-jar", str(need_npm(VNU)), "--errors-only", "--format", "gnu", *map(str, pages))


# HTML in Chromium


def test_axe_finds_no_serious_or_critical_wcag_violation(browser: dict[str, Any]) -> None:
    assert browser["axeVersion"] == "4.14.1"
    severe = {impact: browser["axe"].get(impact, []) for impact in ("serious", "critical")}
    assert severe == {"serious": [], "critical": []}, json.dumps(severe, indent=2, ensure_ascii=False)


def test_no_script_runs_and_no_csp_violation(browser: dict[str, Any]) -> None:
    assert browser["scripts"] == 0
    assert browser["dialogs"] == []
    assert browser["console"] == []
    assert browser["oddLinks"] == []


def test_the_page_requests_nothing_but_itself(browser: dict[str, Any]) -> None:
    assert browser["requests"] == []


def test_the_content_is_there_with_javascript_off(browser: dict[str, Any], built: Built) -> None:
    no_js = browser["noJs"]
    assert no_js["title"] == built.title
    assert no_js["headings"] >= 20
    assert no_js["textLength"] >= 10_000


@pytest.mark.parametrize("width", ["390", "1280"])
def test_no_number_id_or_date_breaks_and_the_page_never_scrolls_sideways(
    browser: dict[str, Any], built: Built, width: str
) -> None:
    layout = browser["layout"][width]
    assert layout["scrollWidth"] == layout["innerWidth"] == int(width)
    assert layout["measured"] >= 50  # the page's numbers, amounts, years and ids were found and measured
    assert (layout["brokenCount"], layout["broken"]) == (0, [])
    assert layout["tooWide"] == 0


def test_running_text_keeps_a_comfortable_line_length(browser: dict[str, Any], built: Built) -> None:
    """About 45 to 80 characters a line on a laptop (the long paragraphs' median)."""
    if not built.prose:
        pytest.skip("the hostile plan's text is not prose: invisible characters, words without spaces")
    assert 45 <= browser["layout"]["1280"]["charsPerLine"] <= 80


def test_the_contents_reach_every_action_and_name_it_as_its_heading(browser: dict[str, Any], built: Built) -> None:
    names = browser["layout"]["1280"]
    contents, headings = names["contents"], set(names["headings"])
    assert contents and all(entry in headings for entry in contents), set(contents) - headings
    for action in built.actions:
        assert any(entry.startswith(f"{action} ") for entry in contents), action
    assert not any("#" in heading for heading in headings)  # the permalink is not part of a heading's name


def test_the_layout_measurements_catch_a_broken_number_and_a_page_too_wide(tmp_path: Path) -> None:
    """The harness itself: an id, an amount and a date split over two lines, and a page wider than the
    screen, are reported (the same words in columns of many widths: in some, a line breaks inside each)."""
    words = "parola AZ-01 parola 12.000 € parola marzo 2025 parola"
    columns = "".join(f'<p style="width: {3 + step / 4}em">{words}</p>' for step in range(40))
    page = tmp_path / "narrow.html"
    page.write_text(
        '<!DOCTYPE html><html lang="it"><head><meta charset="utf-8"><title>t</title></head><body>'
        f'{columns}<div style="width: 3000px">x</div></body></html>',
        encoding="utf-8",
    )
    layout = browse(page, ("AZ-01",))["layout"]
    for width in ("390", "1280"):
        assert layout[width]["scrollWidth"] > layout[width]["innerWidth"]
        assert {"AZ-01", "12.000 €", "marzo 2025"} <= {broken["text"] for broken in layout[width]["broken"]}


def test_the_browser_checks_catch_a_page_that_runs_script(tmp_path: Path) -> None:
    """The harness itself: an unsafe page must show up in every field the tests above read."""
    page = tmp_path / "bad.html"
    page.write_text(
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>t</title></head><body>'
        '<h1>t</h1><img src="x.png"><img alt="r" src="https://example.org/r.png">'
        '<a href="javascript:alert(2)">x</a><script>alert(1)</script></body></html>',
        encoding="utf-8",
    )
    report = browse(page)
    assert "alert: 1" in report["dialogs"]
    assert "alert: 2" in report["dialogs"]
    assert report["scripts"] == 1
    assert report["oddLinks"] == ["javascript:alert(2)"]
    assert "https://example.org/r.png" in report["requests"]
    assert {v["id"] for v in report["axe"].get("critical", [])} == {"image-alt"}
    assert {v["id"] for v in report["axe"].get("serious", [])} == {"html-has-lang"}


# HTML in the Nu HTML Checker


def test_the_nu_html_checker_reports_no_error(built: Built) -> None:
    result = vnu(built.html)
    assert (result.returncode, result.stdout + result.stderr) == (0, "")


def test_the_nu_html_checker_reports_a_skipped_heading_and_a_missing_alt(tmp_path: Path) -> None:
    """The check above can fail: vnu reports both mistakes as errors, one a line."""
    page = tmp_path / "bad.html"
    page.write_text(
        '<!DOCTYPE html><html lang="it"><head><meta charset="utf-8"><title>t</title></head>'
        '<body><main><h1>t</h1><h3>u</h3><img src="x.png"></main></body></html>',
        encoding="utf-8",
    )
    result = vnu(page)
    assert result.returncode == 1
    errors = result.stderr.splitlines()
    assert len(errors) == 2, result.stderr
    assert any("“img” element must have an “alt” attribute" in error for error in errors)
    assert any("skipping 1 heading level" in error for error in errors)


# PDF


def test_qpdf_finds_no_error(built: Built) -> None:
    result = run(need("qpdf"), "--check", str(built.pdf))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No syntax or stream encoding errors found" in result.stdout


def test_the_pdf_claims_pdf_a_2a_and_pdf_ua_1_with_title_and_language(built: Built) -> None:
    with pikepdf.open(built.pdf) as pdf:
        metadata = pdf.open_metadata()
        claims = {key: metadata.get(key) for key in ("pdfaid:part", "pdfaid:conformance", "pdfuaid:part")}
        assert claims == {"pdfaid:part": "2", "pdfaid:conformance": "A", "pdfuaid:part": "1"}
        assert metadata.get("dc:title") == built.title
        assert str(pdf.docinfo.get("/Title")) == built.title
        assert str(pdf.Root.get("/Lang")) == "it-IT"
        assert bool(pdf.Root.ViewerPreferences.get("/DisplayDocTitle"))
        assert bool(pdf.Root.MarkInfo.get("/Marked"))


def test_every_font_is_embedded(built: Built) -> None:
    result = run(need("pdffonts"), str(built.pdf))
    assert result.returncode == 0, result.stderr
    rows = result.stdout.splitlines()[2:]  # a header line and a rule come first
    assert rows
    # name, type (several words), encoding, then emb sub uni as yes/no and the object number.
    embedded = [row.split()[-5] for row in rows]
    assert set(embedded) == {"yes"}, result.stdout


def test_the_text_extracts_in_reading_order(built: Built) -> None:
    result = run(need("pdftotext"), "-enc", "UTF-8", str(built.pdf), "-")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    # A section heading is a line of its own, numbered; its table-of-contents entry ends with a page number.
    headings = ["Indice", *built.sections]
    assert [heading for heading in headings if heading not in lines] == []
    contents, *where = (lines.index(heading) for heading in headings)
    assert [contents, *where] == sorted([contents, *where])
    assert squash(built.cover or built.title) in squash(" ".join(lines[:contents]))


# DOCX


def libreoffice_to_pdf(docx: Path, folder: Path) -> subprocess.CompletedProcess[str]:
    """Convert a DOCX to PDF in ``folder`` with LibreOffice, using a private profile there."""
    profile = f"-env:UserInstallation={(folder / 'profile').as_uri()}"
    return run(
        need("soffice"), "--headless", "--norestore", profile, "--convert-to", "pdf", "--outdir", str(folder), str(docx)
    )


def test_libreoffice_converts_the_docx_to_a_pdf_with_the_title(built: Built, tmp_path: Path) -> None:
    result = libreoffice_to_pdf(built.docx, tmp_path)
    # soffice exits 0 even when it cannot load the file; it says so on stderr and writes nothing.
    assert result.returncode == 0, result.stderr
    assert "Error" not in result.stderr, result.stderr
    converted = tmp_path / f"{built.name}.pdf"
    assert converted.is_file(), result.stdout + result.stderr
    info = run(need("pdfinfo"), str(converted))
    pages = re.search(r"^Pages:\s+(\d+)$", info.stdout, re.MULTILINE)
    assert pages is not None, info.stdout
    assert int(pages.group(1)) >= 5
    text = run(need("pdftotext"), "-enc", "UTF-8", str(converted), "-").stdout
    assert squash(built.cover or built.title) in squash(text)


def test_libreoffice_reports_a_broken_docx(built: Built, tmp_path: Path) -> None:
    """The check above can fail: a truncated DOCX gives an error and no PDF, though soffice exits 0."""
    broken = tmp_path / "broken.docx"
    broken.write_bytes(built.docx.read_bytes()[:3000])
    result = libreoffice_to_pdf(broken, tmp_path)
    assert "Error" in result.stderr
    assert not (tmp_path / "broken.pdf").exists()


def test_headings_use_words_built_in_styles(built: Built) -> None:
    docx = Docx.read(built.docx)
    styles = ElementTree.fromstring(docx.parts["word/styles.xml"])  # noqa: S314 - XML planc itself wrote
    names = {}
    for style in styles.iter(f"{W}style"):
        name = style.find(f"{W}name")
        names[style.get(f"{W}styleId")] = None if name is None else name.get(f"{W}val")
    expected = {f"Heading{level}": f"heading {level}" for level in (1, 2, 3)}
    assert {key: names.get(key) for key in expected} == expected
    assert set(expected) <= docx.styles_used()
