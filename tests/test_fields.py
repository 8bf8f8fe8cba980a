"""Every field the schema accepts reaches the documents: HTML, DOCX and PDF.

The test walks the schema for every field a plan can hold, finds each one filled in the
``every-field`` case (a field added to the schema and not to the case fails here), and looks for
what a reader should see of it in the three real documents: free text as written, and for the
other fields the words, figures, links or structure they become (listed in ``SHOWN``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

import pikepdf
import pytest

from compiler import sources
from compiler.schema.definition import load_schema
from tests.conftest import CASES, build_into, overlay
from tests.readers import Docx, Html, W, pdf_pages, squash

pytestmark = pytest.mark.toolchain

CASE = CASES / "valid" / "every-field"


@dataclass(frozen=True)
class Link:
    """A link to this address (a web address is a link target more than a text)."""

    url: str


@dataclass(frozen=True)
class Anchor:
    """An object's id: the place its links lead to (HTML id, DOCX bookmark; PDF links are checked elsewhere)."""

    id: str


@dataclass(frozen=True)
class Heading:
    """A heading at this level (HTML h-level, DOCX Heading style), and its text in the PDF (plan objects are unnumbered)."""

    text: str
    level: int
    pdf: str


@dataclass(frozen=True)
class Lang:
    """The language of the document (HTML lang, DOCX dc:language, PDF /Lang)."""

    tag: str


Shown = str | Link | Anchor | Heading | Lang

#: What a reader sees of each field that is not free text, for the values of the ``every-field`` case.
SHOWN: dict[str, list[Shown]] = {
    "plan.status": ["Versione 2.3 · In revisione"],
    "plan.date": ["15 gennaio 2025"],
    "plan.lang": [Lang("it-IT")],
    "plan.period.start": ["Periodo: 2025 – giugno 2027"],
    "plan.period.end": ["Periodo: 2025 – giugno 2027"],
    "plan.prepared_with": ["Con l’accompagnamento di: Studio Zeta"],
    "plan.supported_by": ["Con il sostegno di: Fondazione Omega"],
    "context.legal_framework[].url": [Link("https://www.example.org/norma-sulle-valli")],
    "organisations[].id": [Anchor("comune"), Anchor("ets-alfa"), Anchor("studio-zeta"), Anchor("fondazione-omega")],
    "organisations[].type": ["Pubbliche amministrazioni", "Enti del Terzo Settore", "Fondazioni", "Facilitatori"],
    "organisations[].signatory": ["Firmatari: Municipio Esempio, Associazione Alfa"],
    "organisations[].illustrative": ["Associazione Alfa *", "Nome fittizio, a solo scopo illustrativo"],
    "organisations[].fields": ["culturale"],
    "organisations[].website": ["www.example.org/municipio", Link("https://www.example.org/municipio")],
    "governance[].id": [Anchor("assemblea"), Anchor("segreteria")],
    "governance[].members": [
        "Componenti (2): Municipio Esempio, Associazione Alfa",
        "Componenti (1): Associazione Alfa",
    ],
    "governance[].chair": ["Presidenza: Municipio Esempio"],
    "governance[].reports_to": ["Riferisce a: Assemblea dei partner"],
    "objectives[].parent": [
        Heading("OB-1.1 Obiettivo dei servizi vicini", 3, "OB-1.1 Obiettivo dei servizi vicini"),
        Heading("OB-1.2 Obiettivo delle reti di vicinato", 3, "OB-1.2 Obiettivo delle reti di vicinato"),
    ],
    "indicators[].objective": ["Indicatori dell’obiettivo OB-1.1", "Indicatori dell’obiettivo OB-1.2"],
    "indicators[].baseline.value": ["1.234,5 (2024)", "4 (2024)"],
    "indicators[].baseline.year": ["1.234,5 (2024)", "4 (2024)"],
    "indicators[].target.value": ["987 (2026)", "tra 9 e 12 (2027)"],
    "indicators[].target.year": ["987 (2026)", "tra 9 e 12 (2027)"],
    "indicators[].target.comparator": ["tra 9 e 12 (2027)"],
    "indicators[].target.up_to": ["tra 9 e 12 (2027)"],
    "indicators[].milestones[].value": ["6 (2025)"],
    "indicators[].milestones[].year": ["6 (2025)"],
    "organisations[].legal_form": ["Forma giuridica: Ente locale della valle"],
    "organisations[].phone": ["Tel. +39 0131 515111"],
    "organisations[].tax_code": ["C.F. 96000000016"],
    "organisations[].vat_number": ["P. IVA 12345670017"],
    "organisations[].runts_number": ["N. RUNTS 123456"],
    "organisations[].ipa_code": ["Codice IPA c_a182"],
    "indicators[].direction": ["987 (2026), da ridurre"],
    "actions[].objective": ["Obiettivi: OB-1.1 Obiettivo dei servizi vicini, OB-1.2 Obiettivo delle reti di vicinato"],
    "actions[].owner": ["Responsabile: Municipio Esempio"],
    "actions[].partners": ["Partner: Associazione Alfa"],
    "actions[].start": ["Periodo: marzo 2025 – novembre 2026"],
    "actions[].end": ["Periodo: marzo 2025 – novembre 2026"],
    "actions[].budget[].funder": [
        "Municipio Esempio: 269 CHF (acquisito)",
        "Fondo Esempio della Valle: 731 CHF (atteso)",
    ],
    "actions[].budget[].amount": [
        "Municipio Esempio: 269 CHF (acquisito)",
        "Fondo Esempio della Valle: 731 CHF (atteso)",
    ],
    "actions[].budget[].status": [
        "269 CHF (acquisito)",
        "731 CHF (atteso)",
        "269 CHF già acquisiti e 731 CHF ancora attesi",
    ],
    "actions[].budget_shares[].objective": ["quote indicate dall’azione: OB-1.1 37%, OB-1.2 63%"],
    "actions[].budget_shares[].percent": ["quote indicate dall’azione: OB-1.1 37%, OB-1.2 63%"],
    "funders[].id": [Anchor("fondo-valle")],
    "observations[].on": [Heading("AZ-01 Sportello itinerante", 2, "AZ-01 Sportello itinerante")],
    "observations[].removed": [Heading("AZ-09 (non più nel piano)", 2, "AZ-09 (non più nel piano)")],
    "observations[].organisation": ["Osservatrice Uno della valle — Municipio Esempio"],
    "observations[].date": ["10 febbraio 2025", "11 febbraio 2025", "12 febbraio 2025"],
    "observations[].origin": [
        "(commenti al documento: revisione-del-municipio.docx)",
        "(riunione)",
        "(posta elettronica)",
    ],
    "observations[].outcome": ["Esito: Accolta in parte", "Esito: Accolta", "Esito: Non accolta"],
    "approvals[].by": ["Municipio Esempio (Giunta del municipio della valle)", "Assemblea dei partner"],
    "approvals[].number": ["Delibera della giunta della valle n. 45 del 12 marzo 2025"],
    "approvals[].date": ["n. 45 del 12 marzo 2025", "Verbale dell'assemblea della valle del 20 gennaio 2025"],
    "approvals[].version": ["Verbale dell'assemblea della valle del 20 gennaio 2025 2.2"],
    "approvals[].url": [Link("https://www.example.org/delibere/45")],
    "indicators[].measured": ["1.100 (2025) · livello alla data"],
    "monitoring.date": ["Dati aggiornati al 31 dicembre 2025"],
    "consultation.deadline": ["Consultazione: osservazioni entro il 28 febbraio 2025"],
    "consultation.url": [
        Link("https://www.example.org/osservazioni-valle"),
        "Modulo: https://www.example.org/osservazioni-valle",
    ],
    "consultation.address.postcode": ["11100 Borgo della Valle (AO)"],
    "consultation.address.province": ["11100 Borgo della Valle (AO)"],
    "monitoring.illustrative": ["Dati illustrativi."],
    "measurements[].indicator": ["IND-01 2025 1.100", "IND-03 novembre 2025"],
    "measurements[].period": ["IND-01 2025 1.100", "IND-03 novembre 2025"],
    "measurements[].value": ["IND-01 2025 1.100", "regolamento in discussione in giunta (novembre 2025)"],
    "measurements[].met": ["regolamento in discussione in giunta no"],
    "statuses[].action": ["AZ-01 Sportello itinerante marzo 2025 – novembre 2026 avviata, ottobre 2025"],
    "statuses[].date": ["avviata, ottobre 2025"],
    "statuses[].status": ["avviata, ottobre 2025"],
    "statuses[].spent": ["412 CHF / 1.000 CHF"],
}
#: Fields that are not content: each with the reason.
NOT_CONTENT = {
    "plan.slug": "the file name of a published version",
    **{
        f"{section}[].formerly": "an object's earlier id, which pairs versions: shown in the annex of changes (build --since)"
        for section in ("organisations", "governance", "funders", "objectives", "indicators", "actions")
    },
}


def schema_fields() -> set[str]:
    """Every field a plan can hold, as a path (``actions[].budget[].amount``), read from the schema."""
    schema = load_schema()

    def resolved(node: dict[str, Any]) -> dict[str, Any]:
        while "$ref" in node:
            node = {
                **schema["definitions"][node["$ref"].rsplit("/", 1)[-1]],
                **{k: v for k, v in node.items() if k != "$ref"},
            }
        return node

    def walk(node: dict[str, Any], path: str) -> Iterator[str]:
        node = resolved(node)
        items = resolved(node["items"]) if isinstance(node.get("items"), dict) else {}
        if node.get("type") == "object" and "properties" in node:
            for key, child in node["properties"].items():
                yield from walk(child, f"{path}.{key}" if path else key)
        elif node.get("type") == "array" and items.get("type") == "object":
            yield from walk(items, f"{path}[]")
        else:
            yield path

    return set(walk(schema, ""))


def written_fields(value: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    """Every field written in a plan file with its value (lists of plain values stay one field)."""
    if isinstance(value, dict):
        for key, child in value.items():
            yield from written_fields(child, f"{path}.{key}" if path else key)
    elif isinstance(value, list) and value and all(isinstance(item, dict) for item in value):
        for item in value:
            yield from written_fields(item, f"{path}[]")
    else:
        yield path, value


def case_fields() -> dict[str, list[Any]]:
    found: dict[str, list[Any]] = {}
    for path in sorted(CASE.glob("*.yaml")):
        loaded = sources.load(path, path.name).source  # planc's reader: `on:` stays a key, not YAML 1.1's true
        assert loaded is not None, path
        for field, value in written_fields(loaded.data):
            found.setdefault(field, []).append(value)
    return found


def expectations() -> Iterator[tuple[str, Shown]]:
    """What must be seen of each field: free text as written, the rest as ``SHOWN`` says."""
    for field, values in sorted(case_fields().items()):
        if field in NOT_CONTENT:
            continue
        if field in SHOWN:
            yield from ((field, shown) for shown in SHOWN[field])
            continue
        for value in values:
            for item in value if isinstance(value, list) else [value]:
                assert isinstance(item, str), f"{field}: say in SHOWN what a reader sees of {item!r}"
                yield field, item


def test_the_case_fills_every_field_of_the_schema() -> None:
    assert schema_fields() - set(case_fields()) == set()
    assert set(SHOWN) | set(NOT_CONTENT) <= schema_fields()


@dataclass
class Outputs:
    """The three documents of the case, read."""

    html: str
    html_ids: set[str]
    html_links: set[str]
    html_lang: str
    html_headings: set[tuple[int, str]]
    docx: str
    docx_bookmarks: set[str]
    docx_links: str
    docx_lang: str
    docx_headings: set[tuple[int, str]]
    pdf: str
    pdf_links: set[str]
    pdf_lang: str


class _Headings(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: set[tuple[int, str]] = set()
        self._level = 0
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if len(tag) == 2 and tag[0] == "h" and tag[1].isdigit():
            self._level, self._text = int(tag[1]), []

    def handle_endtag(self, tag: str) -> None:
        if self._level and tag == f"h{self._level}":
            self.found.add((self._level, " ".join("".join(self._text).split())))
            self._level = 0

    def handle_data(self, data: str) -> None:
        self._text.append(data)


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> Outputs:
    plan = overlay(CASE, tmp_path_factory.mktemp("every-field") / "plan")
    out = build_into(plan, plan.parent / "out")
    build_into(plan, out, "--document", "monitoring")  # the monitoring data are shown in the report
    report = Html.read(out / "monitoring.html")
    page, headings = Html.read(out / "plan.html"), _Headings()
    headings.feed((out / "plan.html").read_text(encoding="utf-8"))
    document = Docx.read(out / "plan.docx")
    docx_headings = {
        (int(style.attrib[f"{W}val"][-1]), " ".join("".join(t.text or "" for t in p.iter(f"{W}t")).split()))
        for p in document.body.iter(f"{W}p")
        for style in p.iter(f"{W}pStyle")
        if style.attrib[f"{W}val"].startswith("Heading")
    }
    with pikepdf.open(out / "plan.pdf") as pdf:
        uris = {
            str(annotation.A.URI)
            for pdf_page in pdf.pages
            for annotation in pdf_page.obj.get("/Annots", [])
            if annotation.get("/A") is not None and annotation.A.get("/S") == "/URI"
        }
        pdf_lang = str(pdf.Root.Lang)
    return Outputs(
        html=squash(page.text + " " + report.text),
        html_ids=page.ids(),
        html_links={element.attributes.get("href", "") for element in page.tags("a")},
        html_lang=page.tags("html")[0].attributes["lang"],
        html_headings=headings.found,
        docx=squash(document.text + " " + Docx.read(out / "monitoring.docx").text),
        docx_bookmarks=document.bookmarks(),
        docx_links=document.parts["word/_rels/document.xml.rels"],
        docx_lang=document.parts["docProps/core.xml"],
        docx_headings=docx_headings,
        pdf=squash(" ".join([*pdf_pages(out / "plan.pdf"), *pdf_pages(out / "monitoring.pdf")])),
        pdf_links=uris,
        pdf_lang=pdf_lang,
    )


@pytest.mark.parametrize(("field", "shown"), list(expectations()), ids=lambda item: str(item)[:60])
def test_each_field_reaches_html_docx_and_pdf(field: str, shown: Shown, outputs: Outputs) -> None:
    if isinstance(shown, str):
        # An action card's facts are a definition list: the term, then its value (a colon only in print).
        text = squash(shown).replace(":", "")
        assert text in outputs.html.replace(":", ""), "HTML"
        assert text in outputs.docx.replace(":", ""), "DOCX"
        assert text in outputs.pdf.replace(":", ""), "PDF"
    elif isinstance(shown, Link):
        assert shown.url in outputs.html_links, "HTML"
        assert f'Target="{shown.url}"' in outputs.docx_links, "DOCX"
        assert shown.url in outputs.pdf_links, "PDF"
    elif isinstance(shown, Anchor):
        assert shown.id in outputs.html_ids, "HTML"
        assert shown.id in outputs.docx_bookmarks, "DOCX"
    elif isinstance(shown, Heading):
        assert (shown.level, shown.text) in outputs.html_headings, "HTML"
        assert (shown.level, shown.text) in outputs.docx_headings, "DOCX"
        assert squash(shown.pdf) in outputs.pdf, "PDF"
    else:
        assert outputs.html_lang == shown.tag, "HTML"
        assert f"<dc:language>{shown.tag}</dc:language>" in outputs.docx_lang, "DOCX"
        assert outputs.pdf_lang == shown.tag, "PDF"
