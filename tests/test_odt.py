"""The ODT (``--to odt``): an OpenDocument package LibreOffice opens, with planc's styles, every action and chart."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest

from compiler import pipeline
from compiler.templates.theme import COLOURS
from tests.conftest import EXAMPLE_PLAN, build_into

pytestmark = pytest.mark.toolchain
TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
DRAW = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}"
SVG = "{urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0}"
META = "{urn:oasis:names:tc:opendocument:xmlns:meta:1.0}"
DC = "{http://purl.org/dc/elements/1.1/}"


@pytest.fixture(scope="module")
def odt(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_into(EXAMPLE_PLAN, tmp_path_factory.mktemp("odt"), "--to", "odt") / "plan.odt"


def _part(odt: Path, name: str) -> ElementTree.Element:
    with zipfile.ZipFile(odt) as archive:
        return ElementTree.fromstring(archive.read(name))  # noqa: S314 - XML planc itself wrote


def _text(node: ElementTree.Element) -> str:
    return " ".join("".join(node.itertext()).split())


def test_the_package_is_opendocument_text_with_mimetype_first_and_stored(odt: Path) -> None:
    with zipfile.ZipFile(odt) as archive:
        first = archive.infolist()[0]
        assert (first.filename, first.compress_type) == ("mimetype", zipfile.ZIP_STORED)
        assert archive.read("mimetype") == b"application/vnd.oasis.opendocument.text"
        assert {"content.xml", "styles.xml", "meta.xml", "META-INF/manifest.xml"} <= set(archive.namelist())


def test_the_document_is_titled_dated_and_versioned_from_the_plan(odt: Path) -> None:
    plan = pipeline.check(EXAMPLE_PLAN).plan
    assert plan is not None and plan.meta is not None and plan.meta.date is not None
    meta = _part(odt, "meta.xml")
    assert meta.findtext(f".//{DC}title") == plan.meta.title
    assert (meta.findtext(f".//{DC}language") or "").split("-")[0] == plan.meta.lang.split("-")[0]
    assert (meta.findtext(f".//{DC}date") or "").startswith(plan.meta.date.text)
    properties = {item.get(f"{META}name"): item.text for item in meta.iter(f"{META}user-defined")}
    assert properties["planc-version"] == plan.meta.version


def test_every_action_has_its_heading(odt: Path) -> None:
    plan = pipeline.check(EXAMPLE_PLAN).plan
    assert plan is not None
    headings = [_text(h) for h in _part(odt, "content.xml").iter(f"{TEXT}h")]
    missing = [a.id for a in plan.actions if not any(h.startswith(f"{a.id} {a.title}") for h in headings)]
    assert missing == []


def test_every_chart_is_a_picture_with_its_description(odt: Path) -> None:
    markdown = (odt.parent / "plan.md").read_text(encoding="utf-8")
    charts = re.findall(r"^::: \{#(chart-[^ ]+) \.chart\}", markdown, re.MULTILINE)
    frames = list(_part(odt, "content.xml").iter(f"{DRAW}frame"))
    assert len(charts) > 5 and len(frames) == len(charts)
    for frame in frames:
        image = frame.find(f"{DRAW}image")
        assert image is not None and (image.get("{http://www.w3.org/1999/xlink}href") or "").endswith(".png")
        assert len(frame.findtext(f"{SVG}desc") or "") > 40


def test_the_styles_are_planc_s_own(odt: Path) -> None:
    styles = ElementTree.tostring(_part(odt, "styles.xml"), encoding="unicode")
    assert 'font-family="Carlito"' in styles and "Times New Roman" not in re.sub(r"<[^>]*font-face[^>]*>", "", styles)
    assert f'color="#{COLOURS["accent"]}"' in styles


def test_two_builds_give_the_same_bytes(odt: Path, tmp_path: Path) -> None:
    again = build_into(EXAMPLE_PLAN, tmp_path / "again", "--to", "odt") / "plan.odt"
    assert again.read_bytes() == odt.read_bytes()


@pytest.mark.clients
def test_libreoffice_opens_the_odt_and_converts_it_to_pdf(odt: Path, tmp_path: Path) -> None:
    soffice, pdftotext = shutil.which("soffice"), shutil.which("pdftotext")
    if soffice is None or pdftotext is None:
        pytest.fail("LibreOffice or poppler is not installed: run `make clients`")
    profile = f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}"
    command = [
        soffice,
        "--headless",
        "--norestore",
        profile,
        "--convert-to",
        "pdf",
        "--outdir",
        str(tmp_path),
        str(odt),
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    converted = tmp_path / "plan.pdf"
    assert converted.is_file() and "Error" not in result.stderr, result.stdout + result.stderr
    text = " ".join(
        subprocess.run([pdftotext, str(converted), "-"], capture_output=True, text=True, check=True).stdout.split()
    )
    plan = pipeline.check(EXAMPLE_PLAN).plan
    assert plan is not None and plan.meta is not None
    assert plan.meta.title in text
    assert [a.id for a in plan.actions if a.id not in text] == []
