"""The review in the documents: the annex of changes (build --since, publish), observations, approvals.

Real pandoc and Typst build the plans; the tests open the HTML DOM, the DOCX XML and the PDF. What
each test expects comes from the case files (``tests/cases/review``: its README lists the changes).
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pikepdf
import pytest

from compiler import pipeline
from compiler.review.snapshot import fingerprint
from tests.conftest import CASES, build_into, overlay, planc
from tests.readers import Docx, Html, pdf_pages, squash
from tests.test_diff import KNOWN, found

pytestmark = pytest.mark.toolchain
REVIEW = CASES / "review"
#: The objects of the new version that changed or are new, and the removed one (no link: it is gone).
MARKED = ("IND-01", "AZ-01", "AZ-20", "AZ-03")
GONE = "IND-02"
RECORD = """\
observations:
  - on: AZ-01
    by: Mario Rossi
    organisation: comune
    date: "2025-02-10"
    origin: comments
    source: revisione-comune.docx
    text: Anticipare l'avvio dello sportello.
    response: L'avvio resta a marzo, quando la sede sarà pronta.
    outcome: not-accepted
  - on: IND-01
    by: Anna Bianchi
    date: "2025-02-11"
    origin: meeting
    text: Il valore atteso sembra basso.
    outcome: accepted
  - on: IND-02
    removed: true
    by: Anna Bianchi
    date: "2025-02-11"
    origin: letter
    text: Indicatore poco utile.
    outcome: accepted
approvals:
  - by: comune
    body: Giunta comunale
    act: Delibera di Giunta
    number: 45
    date: "2025-03-12"
"""


def new_version(folder: Path, version: str = "1.0", record: bool = True) -> Path:
    plan = overlay(REVIEW / "new", folder)
    if record:
        (plan / "40-review.yaml").write_text(RECORD, encoding="utf-8")
    header = plan / "00-plan.yaml"
    header.write_text(
        header.read_text(encoding="utf-8").replace('version: "1.0"', f'version: "{version}"'), encoding="utf-8"
    )
    return plan


@pytest.fixture(scope="module")
def since(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The new version, with its review record, built with the changes since the old one."""
    root = tmp_path_factory.mktemp("since")
    old = overlay(REVIEW / "old", root / "old")
    return build_into(new_version(root / "new"), root / "out", "--since", str(old))


def test_the_html_annex_links_each_changed_object_and_each_changed_object_links_back(since: Path) -> None:
    page = Html.read(since / "plan.html")
    assert "Modifiche rispetto alla versione 1.0" in page.text
    ids = page.ids()
    links = [a.attributes.get("href", "") for a in page.tags("a")]
    for identifier in MARKED:
        assert f"changes-{identifier}" in ids and identifier in ids
        assert f"#{identifier}" in links  # the annex entry links to the object
        assert f"#changes-{identifier}" in links  # the object's mark links to its entry
    assert f"#{GONE}" not in links and f"changes-{GONE}" in ids
    marks = [s for s in page.tags("span") if s.attributes.get("class") == "changed"]
    assert len(marks) >= len(MARKED)


def test_the_docx_annex_has_the_entries_with_hyperlinks_to_the_objects(since: Path) -> None:
    document = Docx.read(since / "plan.docx")
    assert "Modifiche rispetto alla versione 1.0" in document.text
    assert "12.000 € 15.000 €" in document.text.replace("\xa0", " ")
    assert set(MARKED) <= document.anchors()
    assert {f"changes-{identifier}" for identifier in (*MARKED, GONE)} <= document.bookmarks()


def test_the_pdf_annex_links_to_the_pages_of_the_objects(since: Path) -> None:
    pages = [squash(text) for text in pdf_pages(since / "plan.pdf")]
    annex = next(index for index, text in enumerate(pages) if squash("Modifiche rispetto alla versione 1.0") in text)
    sheet = next(
        index for index, text in enumerate(pages) if squash("AZ-01 Sportello di quartiere (modificato)") in text
    )
    with pikepdf.open(since / "plan.pdf") as pdf:
        numbers = {page.obj.objgen: number for number, page in enumerate(pdf.pages)}
        targets = set()
        for annotation in pdf.pages[annex].obj.get("/Annots", []):
            destination = annotation.get("/Dest")
            if isinstance(destination, pikepdf.String | pikepdf.Name):
                destination = _named(pdf, str(destination))
            if isinstance(destination, pikepdf.Array):
                targets.add(numbers.get(destination[0].objgen))
    assert sheet in targets


def _named(pdf: pikepdf.Pdf, name: str) -> pikepdf.Array | None:
    stack = [pdf.Root.Names.Dests]
    while stack:
        node = stack.pop()
        names = node.get("/Names", [])
        for index in range(0, len(names), 2):
            if str(names[index]) == name:
                value = names[index + 1]
                return value.get("/D", value) if isinstance(value, pikepdf.Dictionary) else value
        stack.extend(node.get("/Kids", []))
    return None


def test_observations_are_grouped_by_object_in_plan_order_in_every_format(since: Path) -> None:
    # Plan order is kind by kind: indicators before actions; an object no longer in the plan comes after.
    expected = [
        "Osservazioni e controdeduzioni",
        "IND-01 Persone raggiunte",
        "AZ-01 Sportello di quartiere",
        "IND-02 (non più nel piano)",
    ]
    html = Html.read(since / "plan.html").text
    docx = Docx.read(since / "plan.docx").text
    pdf = squash(" ".join(pdf_pages(since / "plan.pdf")))
    for text in (html, docx):
        start = text.rindex(expected[0])  # the heading, not the table of contents
        assert [text.index(heading, start) for heading in expected] == sorted(text.index(h, start) for h in expected)
        assert squash("Esito: Non accolta. Controdeduzione: L'avvio resta a marzo") in squash(text)
    assert all(squash(heading) in pdf for heading in expected)


def test_the_approvals_so_far_are_on_the_cover_and_in_the_last_section(since: Path) -> None:
    act = "Delibera di Giunta n. 45 del 12 marzo 2025"
    html = Html.read(since / "plan.html").text
    docx = Docx.read(since / "plan.docx").text
    pdf = pdf_pages(since / "plan.pdf")
    for cover in (html[: html.index("Indice")], docx[: docx.index("Indice")], pdf[0]):
        assert squash(f"Approvazioni raccolte finora: Comune di Prova ({act})") in squash(cover)
    # The last section of the plan's own text (only the index of actions comes after it).
    for text in (html, docx, " ".join(pdf)):
        last = squash(text)[squash(text).rindex(squash("Approvazioni")) :]
        assert squash(act) in last and squash("Devono ancora approvare: Associazione Alfa") in last


def test_the_docx_carries_the_plan_version_and_the_fingerprint_of_its_sources(since: Path, tmp_path: Path) -> None:
    with zipfile.ZipFile(since / "plan.docx") as archive:
        custom = archive.read("docProps/custom.xml").decode()
    data = pipeline.check(new_version(tmp_path / "again")).data
    assert 'name="planc-version"><vt:lpwstr>1.0</vt:lpwstr>' in custom
    assert f'name="planc-sources"><vt:lpwstr>{fingerprint(data)}</vt:lpwstr>' in custom


def test_an_approved_english_plan_names_the_annexes_in_english(tmp_path: Path) -> None:
    plan = new_version(tmp_path / "plan")
    record = plan / "40-review.yaml"
    record.write_text(
        RECORD + '  - {by: ets-alfa, act: Board resolution, number: 3, date: "2025-03-20"}\n', encoding="utf-8"
    )
    header = plan / "00-plan.yaml"
    header.write_text(header.read_text().replace("status: draft", "status: approved").replace("it-IT", "en-GB"))
    old = overlay(REVIEW / "old", tmp_path / "old")
    text = Html.read(build_into(plan, tmp_path / "out", "--since", str(old), "--to", "html") / "plan.html").text
    for words in (
        "Observations and responses",
        "Changes since version 1.0",
        "Approvals",
        "Approved by",
        "Board resolution no. 3 of 20 March 2025",
        "Outcome: Not accepted",
    ):
        assert words in text, words


def test_publish_keeps_a_snapshot_compares_with_the_previous_version_and_says_so_in_the_index(tmp_path: Path) -> None:
    root = tmp_path / "publish"
    assert planc("publish", str(overlay(REVIEW / "old", tmp_path / "old")), "-o", str(root)).exit_code == 0
    newer = new_version(tmp_path / "new", "1.1", record=False)
    run = planc("publish", str(newer), "-o", str(root))
    assert run.exit_code == 0, run.stdout + run.stderr
    manifest = json.loads((root / "1.1" / "manifest.json").read_text(encoding="utf-8"))
    # The plan section changed too: its version (1.0 → 1.1).
    assert manifest["changes"] == {"since": "1.0", "changed": 4, "added": 1, "removed": 1, "renamed": 1}
    assert json.loads((root / "1.1" / "plan.json").read_text(encoding="utf-8")) == pipeline.check(newer).data
    index = Html.read(root / "index.html").text
    assert "Rispetto alla 1.0: modificati 4, nuovi 1, eliminati 1" in index
    published = Html.read(root / "1.1" / "piano-di-prova-1.1.html").text
    assert "Modifiche rispetto alla versione 1.0" in published
    compared = planc("diff", "1.0", "1.1", "--published", str(root), "--format", "json")
    changes = found(json.loads(compared.stdout))
    assert changes == [("changed", "plan", "plan", None, {"version": ("1.0", "1.1")}), *KNOWN]
    by_folder = planc("diff", str(root / "1.0"), str(root / "1.1"), "--format", "json")
    assert found(json.loads(by_folder.stdout)) == changes
