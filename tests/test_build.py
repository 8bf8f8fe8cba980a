"""End to end: real pandoc and Typst build the plan; the tests open the HTML DOM, DOCX XML and PDF."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pikepdf
import pytest

from compiler import pipeline
from tests.conftest import CASES, EXAMPLE_PLAN, build_into, overlay, planc
from tests.readers import Docx, Html, pdf_links, pdf_pages, planc_chart_drawings, squash

pytestmark = pytest.mark.toolchain
OUTPUTS = ("plan.md", "plan.html", "plan.docx", "plan.pdf")


build = build_into


@pytest.fixture(scope="module")
def approved_english(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The base plan, approved and in English."""
    plan = overlay(None, tmp_path_factory.mktemp("approved") / "plan")
    header = (plan / "00-plan.yaml").read_text(encoding="utf-8")
    (plan / "00-plan.yaml").write_text(
        header.replace("status: draft", "status: approved").replace("it-IT", "en-GB"), encoding="utf-8"
    )
    approvals = "approvals:\n" + "".join(
        f'  - {{by: {who}, act: Resolution, number: 1, date: "2025-02-01"}}\n' for who in ("comune", "ets-alfa")
    )
    (plan / "40-approvals.yaml").write_text(approvals, encoding="utf-8")  # an approved plan has every signatory's act
    return build(plan, plan.parent / "out")


def test_build_writes_the_markdown_and_the_three_documents(confluenze: Path) -> None:
    assert sorted(path.name for path in confluenze.iterdir()) == sorted(OUTPUTS)
    assert all(oct((confluenze / name).stat().st_mode)[-3:] == "644" for name in OUTPUTS)


def test_every_objective_indicator_and_action_appears_in_every_format(confluenze: Path) -> None:
    checked = pipeline.check(EXAMPLE_PLAN)
    assert checked.plan is not None
    html = Html.read(confluenze / "plan.html").text
    docx = squash(Docx.read(confluenze / "plan.docx").text)
    pdf = squash(" ".join(pdf_pages(confluenze / "plan.pdf")))
    things = [*checked.plan.objectives, *checked.plan.indicators, *checked.plan.actions]
    for thing in things:
        title = getattr(thing, "title", None) or getattr(thing, "name", "")
        for text in (thing.id, title):
            assert text in html, text
            assert squash(text) in docx, text
            assert squash(text) in pdf, text


def test_html_has_an_anchor_for_every_object_and_every_link_resolves(confluenze: Path) -> None:
    page = Html.read(confluenze / "plan.html")
    checked = pipeline.check(EXAMPLE_PLAN)
    assert checked.plan is not None
    ids = page.ids()
    assert {thing.id for thing in checked.plan.identified()} <= ids
    internal = [a.attributes["href"][1:] for a in page.tags("a") if a.attributes.get("href", "").startswith("#")]
    assert len(internal) > 500
    assert set(internal) <= ids


def test_docx_has_a_bookmark_for_every_object_and_every_link_resolves(confluenze: Path) -> None:
    document = Docx.read(confluenze / "plan.docx")
    checked = pipeline.check(EXAMPLE_PLAN)
    assert checked.plan is not None
    assert {thing.id for thing in checked.plan.identified()} <= document.bookmarks()
    assert len(document.anchors()) > 100
    assert document.anchors() <= document.bookmarks()


def test_pdf_links_point_to_pages_of_the_document(confluenze: Path) -> None:
    total, resolved = pdf_links(confluenze / "plan.pdf")
    assert total > 500
    assert resolved == total


def test_html_is_one_safe_accessible_file(confluenze: Path) -> None:
    page = Html.read(confluenze / "plan.html")
    (html,) = page.tags("html")
    assert html.attributes["lang"] == "it-IT"
    csp = [
        m.attributes["content"]
        for m in page.tags("meta")
        if m.attributes.get("http-equiv") == "Content-Security-Policy"
    ]
    assert csp == ["default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"]
    assert page.tags("script") == [] and page.tags("link") == []
    # The only images are planc's own charts, drawn as SVG inside the page, each with its text alternative.
    assert planc_chart_drawings(page)
    assert [len(page.tags(tag)) for tag in ("main", "nav", "header", "footer")] == [1, 1, 1, 1]
    assert len(page.tags("th")) > 50
    assert page.tags("title") and "@media print" in (confluenze / "plan.html").read_text(encoding="utf-8")


def test_docx_uses_word_heading_styles_and_carries_title_version_and_dates(confluenze: Path) -> None:
    document = Docx.read(confluenze / "plan.docx")
    assert {"Heading1", "Heading2", "Heading3", "Title", "Subtitle"} <= document.styles_used()
    assert '<w:name w:val="heading 1" />' in document.parts["word/styles.xml"]
    assert "Piano strategico di sviluppo · Versione 0.1" in document.parts["word/header1.xml"]
    assert "PAGE" in document.parts["word/footer1.xml"] and "Pagina" in document.parts["word/footer1.xml"]
    core = document.parts["docProps/core.xml"]
    assert "<dc:title>Piano strategico di sviluppo</dc:title>" in core
    assert "<dc:language>it-IT</dc:language>" in core
    assert "2024-11-29T00:00:00Z" in core


def test_pdf_declares_pdfa_2a_and_pdfua_1_with_title_language_and_embedded_fonts(confluenze: Path) -> None:
    with pikepdf.open(confluenze / "plan.pdf") as pdf:
        metadata = pdf.open_metadata()
        assert (metadata.get("pdfaid:part"), metadata.get("pdfaid:conformance")) == ("2", "A")
        assert metadata.get("pdfuaid:part") == "1"
        assert metadata.get("dc:title") == "Piano strategico di sviluppo"
        assert str(pdf.Root.Lang) == "it-IT"
        assert "/StructTreeRoot" in pdf.Root and bool(pdf.Root.MarkInfo.Marked)
        fonts = [font for page in pdf.pages for font in page.Resources.get("/Font", {}).values()]
        assert fonts
        for font in fonts:
            descriptor = (font.get("/DescendantFonts") or [font])[0].get("/FontDescriptor")
            assert descriptor is not None and any(
                key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")
            )
        assert pdf.check_pdf_syntax() == []
    if shutil.which("qpdf"):
        subprocess.run(["qpdf", "--check", str(confluenze / "plan.pdf")], check=True, capture_output=True)


def test_a_draft_is_marked_on_every_pdf_page_in_the_docx_header_and_atop_the_html(confluenze: Path) -> None:
    assert all("BOZZA" in text for text in pdf_pages(confluenze / "plan.pdf"))
    assert "BOZZA" in Docx.read(confluenze / "plan.docx").parts["word/header1.xml"]
    page = Html.read(confluenze / "plan.html")
    (header,) = page.tags("header")
    assert header.attributes["class"] == "draft-banner"
    assert page.text.split("Vai al contenuto", 1)[1].startswith(" BOZZA")


def test_an_approved_plan_carries_no_draft_mark_and_english_chrome(approved_english: Path) -> None:
    html = Html.read(approved_english / "plan.html")
    assert html.tags("header") == []
    assert "Contents" in html.text and "Strategic axes and objectives" in html.text and "DRAFT" not in html.text
    assert "DRAFT" not in Docx.read(approved_english / "plan.docx").parts["word/header1.xml"]
    pages = pdf_pages(approved_english / "plan.pdf")
    assert not any("DRAFT" in text or "BOZZA" in text for text in pages)
    # The plan at a glance has its own page right after the cover; the contents follow it.
    assert "The plan at a glance" in pages[1] and "Contents" not in pages[1]
    assert "Contents" in pages[2]


def test_italian_chrome_and_locale_formats(confluenze: Path) -> None:
    text = Html.read(confluenze / "plan.html").text
    for words in (
        "Indice",
        "Visione, missione e valori",
        "Schede delle azioni",
        "Indice degli indicatori",
        "29 novembre 2024",
    ):
        assert words in text
    assert "835.000 €" in text
    assert "marzo 2025" in text


def test_hostile_text_is_shown_literally_in_every_format_and_nothing_runs(hostile: Path) -> None:
    strings = json.loads((CASES / "hostile" / "strings.json").read_text(encoding="utf-8"))
    page = Html.read(hostile / "plan.html")
    docx = squash(Docx.read(hostile / "plan.docx").text)
    pdf = squash(" ".join(pdf_pages(hostile / "plan.pdf")).replace("\u200b", ""))
    for text in strings:
        assert text in page.text, text
        assert squash(text) in docx, text
        assert squash(text) in pdf, text
    assert "**Nota**.body e *enfasi*.len()" not in page.text and "Nota.body e enfasi.len()" in page.text
    assert "Nota.bodyeenfasi.len()" in pdf
    assert pdf.count("[") >= 20000  # the run spans pages, so page furniture interrupts it
    assert page.tags("script") == [] and page.tags("iframe") == []
    planc_chart_drawings(page)  # the only images are planc's own charts
    assert all(not name.startswith("on") for element in page.elements for name in element.attributes)
    hrefs = [a.attributes.get("href", "") for a in page.tags("a")]
    assert all(href.startswith("#") for href in hrefs)
    assert (
        page.tags("title")[0]
        and "Hijacked" not in (hostile / "plan.html").read_text(encoding="utf-8").split("</title>")[0]
    )
    for name in ("plan.html", "plan.docx", "plan.pdf"):
        assert b"root:x:0:0" not in (hostile / name).read_bytes()
    assert "{{ 7*7 }}" in page.text and "49" not in page.text


def test_two_builds_in_two_folders_are_byte_identical(confluenze: Path, tmp_path: Path) -> None:
    environment = {
        **os.environ,
        "HOME": str(tmp_path),
        "XDG_DATA_HOME": str(tmp_path / "xdg"),
        "TZ": "Pacific/Kiritimati",
    }
    (tmp_path / "xdg" / "pandoc" / "templates").mkdir(parents=True)
    (tmp_path / "xdg" / "pandoc" / "templates" / "default.html5").write_text("hijacked $body$")
    subprocess.run(
        [sys.executable, "-m", "compiler", "build", str(EXAMPLE_PLAN), "-o", str(tmp_path / "again")],
        env=environment,
        check=True,
        capture_output=True,
    )
    for name in OUTPUTS:
        assert (tmp_path / "again" / name).read_bytes() == (confluenze / name).read_bytes(), name


def test_source_date_epoch_sets_the_documents_date(
    base_plan: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01
    out = build(base_plan, tmp_path / "out")
    assert "2026-01-01T00:00:00Z" in Docx.read(out / "plan.docx").parts["docProps/core.xml"]
    with pikepdf.open(out / "plan.pdf") as pdf:
        assert str(pdf.docinfo["/CreationDate"]).startswith("D:20260101")


def test_to_writes_only_the_formats_asked_for_and_relative_paths_work(
    base_plan: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    out = build(Path("plan"), Path("out"), "--to", "html,pdf")
    assert sorted(path.name for path in out.iterdir()) == ["plan.html", "plan.md", "plan.pdf"]


def test_a_failed_build_leaves_the_previous_outputs_and_no_temporary_files(
    base_plan: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = build(base_plan, tmp_path / "out")
    before = {path.name: path.read_bytes() for path in out.iterdir()}
    (base_plan / "30-actions.yaml").write_text(
        (base_plan / "30-actions.yaml").read_text(encoding="utf-8").replace("Sportello", "Sportello nuovo"),
        encoding="utf-8",
    )
    from compiler.outputs import pdf, typst

    class Exploding(typst.Compiler):
        def __init__(self, timestamp: int) -> None:
            script = "import sys; sys.stdin.readline(); sys.exit('typst exploded')"
            pipes = {"stdin": subprocess.PIPE, "stdout": subprocess.PIPE, "stderr": subprocess.PIPE}
            self.process = subprocess.Popen([sys.executable, "-c", script], **pipes)

    monkeypatch.setattr(pdf, "Compiler", Exploding)
    run = planc("build", str(base_plan), "-o", str(out))
    assert run.exit_code == 3
    assert "typst exploded" in run.stderr
    assert {path.name: path.read_bytes() for path in out.iterdir()} == before


def test_typst_field_access_after_bold_is_escaped() -> None:
    from compiler.outputs.pdf import fix_field_access

    written = "#strong[Etichetta].body e #emph[Nota].text, #link(<x>)[y]. Fine \\].len()"
    assert fix_field_access(written) == "#strong[Etichetta]\\.body e #emph[Nota]\\.text, #link(<x>)[y]. Fine \\].len()"


def test_publish_writes_a_version_once_with_checksums_and_an_index(base_plan: Path, tmp_path: Path) -> None:
    root = tmp_path / "publish"
    assert planc("publish", str(base_plan), "-o", str(root)).exit_code == 0
    folder = root / "1.0"
    from compiler.opendata.tables import TABLES

    names = {path.name for path in folder.iterdir()}
    documents = {f"piano-di-prova-1.0.{kind}" for kind in ("docx", "html", "odt", "pdf")}
    assert names == {"SHA256SUMS", "manifest.json", "plan.json", "opendata", *documents}  # plan.json: the snapshot
    data = {"datapackage.json", "plan.json", "plan-jsonschema.json", *(f"{table.name}.csv" for table in TABLES)}
    assert {path.name for path in (folder / "opendata").iterdir()} == data
    import hashlib

    summed = set()
    for line in (folder / "SHA256SUMS").read_text().splitlines():
        digest, name = line.split("  ")
        assert hashlib.sha256((folder / name).read_bytes()).hexdigest() == digest
        summed.add(name)
    assert summed == documents | {"plan.json"} | {f"opendata/{name}" for name in data}
    before = {path: path.read_bytes() for path in folder.rglob("*") if path.is_file()}
    again = planc("publish", str(base_plan), "-o", str(root))
    assert again.exit_code == 1 and "già pubblicata" in again.stderr
    assert {path: path.read_bytes() for path in folder.rglob("*") if path.is_file()} == before
    index = Html.read(root / "index.html")
    assert [a.attributes["href"] for a in index.tags("a")][:4] == [
        "1.0/piano-di-prova-1.0.docx",
        "1.0/piano-di-prova-1.0.html",
        "1.0/piano-di-prova-1.0.odt",
        "1.0/piano-di-prova-1.0.pdf",
    ]
    assert [p.name for p in root.iterdir() if p.name.startswith(".")] == []


def test_publish_refuses_a_plan_with_warnings(tmp_path: Path) -> None:
    plan = overlay(CASES / "invalid" / "chair-not-member", tmp_path / "plan")
    run = planc("publish", str(plan), "-o", str(tmp_path / "publish"))
    assert run.exit_code == 1
    assert not (tmp_path / "publish" / "1.0").exists()


def test_an_axis_without_objectives_shows_its_own_tables_and_every_anchor_is_unique(tmp_path: Path) -> None:
    out = build(overlay(CASES / "valid" / "leaf-axis", tmp_path / "plan"), tmp_path / "out")
    page = Html.read(out / "plan.html")
    ids = [element.attributes["id"] for element in page.elements if "id" in element.attributes]
    assert len(ids) == len(set(ids))
    assert {"ASSE-2", "IND-02", "AZ-02"} <= set(ids)
    assert "Azioni dell’obiettivo ASSE-2" in page.text


def test_markdown_read_in_pieces_gives_the_same_document(confluenze: Path, tmp_path: Path) -> None:
    from compiler.outputs import pandoc

    markdown = (confluenze / "plan.md").read_text(encoding="utf-8")
    (tmp_path / "data").mkdir()
    whole = pandoc.read_markdown(markdown, tmp_path, tmp_path / "data", 1)
    assert len(pandoc.split_sections(markdown, 3)) == 3
    assert pandoc.read_markdown(markdown, tmp_path, tmp_path / "data", 3) == whole


def test_outputs_are_replaced_all_or_none(base_plan: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = build(base_plan, tmp_path / "out", "--to", "html,pdf")
    before = {path.name: path.read_bytes() for path in out.iterdir()}
    (base_plan / "30-actions.yaml").write_text(
        (base_plan / "30-actions.yaml").read_text(encoding="utf-8").replace("Sportello", "Sportello nuovo"),
        encoding="utf-8",
    )
    replace, moved = os.replace, []

    def replace_two_then_fail(source: str | Path, target: str | Path) -> None:
        moved.append(target)
        if Path(target).parent == out and len(moved) == 3:  # once: putting the old files back works
            raise OSError(28, "No space left on device")
        replace(source, target)

    monkeypatch.setattr(os, "replace", replace_two_then_fail)
    run = planc("build", str(base_plan), "-o", str(out))  # html, docx (new) and pdf: fails on the third
    assert run.exit_code == 3 and "il disco è pieno" in run.stderr
    assert {path.name: path.read_bytes() for path in out.iterdir()} == before  # the new DOCX is gone too
