"""Plan text is text in every block position it can land in, in every format.

A drafter's text reaches the documents at the start of a paragraph, of a list item, of a table
cell, of a heading, inside strong text, on the cover and in the running header. Each position is
a place where a writer might read the text's first characters as markup (Typst reads ``= `` at
the start of any line of markup as a heading). The same text is put in one field of each
position at once, the plan is built, and the text must appear as written in HTML, DOCX and PDF;
or the plan fails ``check`` with a diagnostic and nothing is written. Never exit 3 or 4.
"""

from __future__ import annotations

import functools
import json
import re
import tempfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, Phase, event, example, given, settings
from hypothesis import strategies as st

from compiler import sources
from tests.conftest import BASE, planc
from tests.readers import Docx, Html, pdf_pages, squash

pytestmark = pytest.mark.toolchain

#: Where a one-line text field lands, by the block position it starts in the documents.
LINE_FIELDS: dict[str, tuple[str, tuple[Any, ...]]] = {
    "cover title and running header": ("00-plan.yaml", ("plan", "title")),
    "cover subtitle": ("00-plan.yaml", ("plan", "subtitle")),
    "table cell (organisation)": ("10-organisations.yaml", ("organisations", 0, "name")),
    "heading (governance body)": ("10-organisations.yaml", ("governance", 0, "name")),
    "list item (responsibility)": ("10-organisations.yaml", ("governance", 0, "responsibilities", 0)),
    "table cell (indicator unit)": ("20-objectives.yaml", ("indicators", 0, "unit")),
    "table cell (funding source)": ("30-actions.yaml", ("actions", 0, "budget", 0, "source")),
    "strong text at a paragraph start (value)": ("05-vision.yaml", ("vision", "values", 0, "name")),
    "heading (context topic)": ("05-vision.yaml", ("context", "topics", 0, "title")),
}
#: Where a descriptive (Markdown subset) field lands; its text is placed as a paragraph,
#: a bullet item, a numbered item and strong text.
RICH_FIELDS: dict[str, tuple[str, tuple[Any, ...]]] = {
    "cover summary": ("00-plan.yaml", ("plan", "summary")),
    "action description": ("30-actions.yaml", ("actions", 0, "description")),
    "context introduction": ("05-vision.yaml", ("context", "introduction")),
}
VISION = {
    "vision": {"statement": "Visione.", "values": [{"name": "Valore", "description": "Descrizione."}]},
    "context": {"introduction": "Contesto.", "topics": [{"title": "Tema", "text": "Testo."}]},
}
#: The text a writer could take for markup, at the start of a block or anywhere in it.
MARKUP = [
    "= ", "== ", "- ", "+ ", "/ termine: ", "1. ", "12. ", "-?", "--", "---", "...", '"', "'", "~",
    "#read(\"x\")", "#import \"a.typ\"", "#let x = 1", "$x$", "@rif", "<etichetta>", "//", "/*", "*/",
    "\\", "`", "*", "_", "[", "]", "{", "}", "|", ":::", "# ", "> ", "<b>", "&amp;", "{{ x }}", "{% raw %}",
    ".", ":", "(", ")", "!", "^", "%", "https://example.org/a#import-rules",
]  # fmt: skip
WORDS = st.sampled_from(["Piano", "città", "l’ente", "2025", "€ 12", "«sì»", "a", "x", " ", "  "])
TEXT = st.lists(st.one_of(st.sampled_from(MARKUP), WORDS), min_size=1, max_size=8).map("".join).filter(str.strip)
#: Characters that open the Markdown subset of descriptive fields; kept out of their text.
SUBSET = re.compile(r"[*_\[\]<>]|^\s*(?:[-*+•◦▪‣●○■–]|\d{1,3}[.)])(?:\s|$)")


def compare(text: str) -> str:
    """Text as a reader compares it: no spaces, hyphens or break opportunities, where lines may break.

    A hyphen vanishing (``-?``), turning into a dash (``--``) or into a bullet (``- ``) still shows:
    its neighbours change.
    """
    return squash(text.replace("\u200b", ""))


def rich(text: str, tag: str) -> str:
    """A description holding ``text`` as a paragraph, two list items, a numbered item and strong text."""
    return f"{text} {tag}1\n\n- {text} {tag}2\n- {text} {tag}3\n\n1. {text} {tag}4\n\n**{text} {tag}5** {tag}6"


def tag(number: int) -> str:
    """A word that marks one field's text, so that each position is found on its own."""
    return "qx" + "abcdefghijklmnopqrstuvwxyz"[number] + "q"


def placed(line: str, description: str) -> dict[str, str]:
    """Each position's name → the text it must show (the field's text and its tag)."""
    shown = {name: f"{line} {tag(n)}" for n, name in enumerate(LINE_FIELDS)}
    for n, name in enumerate(RICH_FIELDS, start=len(LINE_FIELDS)):
        shown |= {f"{name} ({k})": f"{description} {tag(n)}{k}" for k in range(1, 5)}
        shown[f"{name} (strong)"] = f"{description} {tag(n)}5"
    return shown


def plan_files(line: str, description: str) -> dict[str, Any]:
    files: dict[str, Any] = {"05-vision.yaml": json.loads(json.dumps(VISION))}
    for path in sorted(BASE.glob("*.yaml")):
        loaded = sources.load(path, path.name)
        assert loaded.source is not None
        files[path.name] = loaded.source.data
    for n, (name, steps) in enumerate(LINE_FIELDS.values()):
        _put(files[name], steps, f"{line} {tag(n)}")
    for n, (name, steps) in enumerate(RICH_FIELDS.values(), start=len(LINE_FIELDS)):
        _put(files[name], steps, rich(description, tag(n)))
    return files


def _put(data: Any, steps: tuple[Any, ...], value: str) -> None:
    for step in steps[:-1]:
        if isinstance(data, dict) and step not in data:
            data[step] = [] if isinstance(steps[steps.index(step) + 1], int) else {}
        data = data[step]
    if isinstance(data, list) and steps[-1] == len(data):
        data.append(value)
    else:
        data[steps[-1]] = value


def build(line: str, description: str) -> tuple[int, dict[str, Any], dict[str, str]]:
    """Build the plan with the texts in place: exit code, report and the text of each output."""
    with tempfile.TemporaryDirectory() as folder:
        plan, out = Path(folder) / "plan", Path(folder) / "out"
        plan.mkdir()
        for name, data in plan_files(line, description).items():
            (plan / name).write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        run = planc("build", str(plan), "-o", str(out), "--format", "json")
        assert run.exit_code in (0, 1), run.stderr  # never a toolchain failure (3) or a crash (4)
        report = json.loads(run.stdout)
        written = sorted(p.name for p in out.iterdir()) if out.exists() else []
        if run.exit_code != 0:
            assert run.exit_code == 1 and report["errors"] and written == [], run.stdout + run.stderr
            return run.exit_code, report, {}
        texts = {
            "html": Html.read(out / "plan.html").text,
            "docx": Docx.read(out / "plan.docx").text,
            "pdf first page": (pages := pdf_pages(out / "plan.pdf"))[0],
            "pdf body": "\n".join(_body(page) for page in pages[1:]),
        }
        return run.exit_code, report, texts


def _body(page: str) -> str:
    """A PDF page's text without its running header (its first line)."""
    return page.split("\n", 1)[1] if "\n" in page else ""


def occurrences(haystack: str, needle: str) -> int:
    return compare(haystack).count(compare(needle))


@functools.cache
def control() -> dict[str, dict[str, int]]:
    """How many times each position's text shows in each format when it is a plain word."""
    code, _report, texts = build("Testo", "Testo")
    assert code == 0
    return {name: counts(texts, shown) for name, shown in placed("Testo", "Testo").items()}


def counts(texts: dict[str, str], shown: str) -> dict[str, int]:
    """Occurrences of ``shown`` in each output (the PDF without the running header of later pages)."""
    return {name: occurrences(texts[name], shown) for name in ("html", "docx", "pdf first page", "pdf body")}


@settings(
    max_examples=10,
    deadline=None,
    phases=(Phase.explicit, Phase.reuse, Phase.generate),  # a build per example: no shrinking in CI
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(line=TEXT, description=TEXT.filter(lambda text: not SUBSET.search(text)))
@example(line="= Titolo -? «x» ...", description="= a == b")
@example(line="- voce", description="/ termine: x + più")
@example(line="/ termine: definizione", description="\"uno\" 'due' -? 1. tre")
@example(line="12. dodici", description="https://example.org/a#import-rules")
@example(line="+ più", description="-? ...")
def test_any_text_in_any_block_position_is_shown_as_written(line: str, description: str) -> None:
    code, report, texts = build(line, description)
    event("refused" if code else "built")
    if code:
        return
    assert report["errors"] == 0
    expected = control()
    for position, shown in placed(line, description).items():
        assert counts(texts, shown) == expected[position], (position, shown)
