"""planc serve over real HTTP: who may ask, the preview's page, and forms that write the YAML exactly."""

from __future__ import annotations

import difflib
import re
import shutil
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from compiler import pipeline, production, sources
from compiler.document.chrome import page_chrome
from compiler.editing import objects, saving
from compiler.editing.schema_form import sections
from compiler.messages.translate import Translator
from compiler.preview.page import PageBuilder
from compiler.serve.workspace import Workspace
from tests.conftest import EXAMPLE_PLAN, overlay, planc
from tests.serving import FormReader, Served, serving

pytestmark = pytest.mark.toolchain


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """The example plan, copied, served for the whole module."""
    plan = tmp_path_factory.mktemp("served") / "plan"
    shutil.copytree(EXAMPLE_PLAN, plan)
    with serving(plan) as server:
        yield server


def edited(fields: list[tuple[str, str]], **changes: str) -> list[tuple[str, str]]:
    """A posted form with some fields set to new values (keys with dots written as ``__``)."""
    wanted = {key.replace("__", "."): value for key, value in changes.items()}
    return [(name, wanted.get(name, value)) for name, value in fields]


def changed_lines(before: str, after: str) -> list[str]:
    """The lines that differ, as ``-old`` and ``+new``."""
    diff = difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
    return [line for line in diff if line[:1] in "+-" and not line.startswith(("+++", "---"))]


# Who may ask


def test_the_server_listens_on_the_loopback_address_only(served: Served) -> None:
    listening = Path("/proc/net/tcp").read_text().splitlines()[1:]
    ours = [line.split()[1] for line in listening if line.split()[3] == "0A"]  # 0A: LISTEN
    port = f"{served.guard.port:04X}"
    assert [address for address in ours if address.endswith(":" + port)] == ["0100007F:" + port]


@pytest.mark.parametrize(
    ("path", "headers"),
    [
        ("/", {}),
        ("/objects", {}),
        ("/{token}x/", {}),
        ("/wrongtoken/", {}),
        ("/{token}/", {"Host": "evil.example:{port}"}),
        ("/{token}/", {"Host": "127.0.0.1.evil.example"}),
        ("/{token}/", {"Origin": "http://evil.example"}),
        ("/{token}/", {"Origin": "null"}),
        ("/{token}/", {"Sec-Fetch-Site": "cross-site"}),
        ("/{token}/document", {"Origin": "http://127.0.0.1:1"}),
    ],
)
def test_requests_without_the_token_or_from_elsewhere_are_refused(
    served: Served, path: str, headers: dict[str, str]
) -> None:
    port, token = served.guard.port, served.guard.token
    sent = {key: value.format(port=port) for key, value in headers.items()}
    answer = served.request("GET", path.format(token=token), headers=sent)
    assert answer.status == 403
    assert token not in answer.body


def test_a_save_from_another_origin_is_refused_and_writes_nothing(served: Served) -> None:
    file = next(served.workspace.plan_dir.glob("30-*.yaml"))
    before = file.read_bytes()
    answer = served.post("edit/actions/AZ-19", [("title", "x")], Origin="http://evil.example")
    assert answer.status == 403
    assert file.read_bytes() == before


def test_pages_send_no_address_to_other_sites_and_have_a_strict_policy(served: Served) -> None:
    for path in ("", "objects", "document", "edit/actions/AZ-01"):
        answer = served.get(path)
        assert answer.status == 200, path
        assert answer.headers["referrer-policy"] == "same-origin"
        assert "frame-ancestors 'self'" in answer.headers["content-security-policy"]
    assert "script-src" not in served.get("document").headers["content-security-policy"]


# The preview


_BUILD_CHART = re.compile(r'<figure class="chart" id="(chart-[^"]+)">.*?</figure>\n', re.S)
_PREVIEW_CHART = re.compile(r'<div id="(chart-[^"]+)" class="chart">.*?</div>\n', re.S)


def _without_charts(page: str, chart: re.Pattern[str]) -> tuple[str, list[str]]:
    """The page with its charts (or their placeholders) taken out, and the charts' ids in order."""
    return chart.sub("", page), chart.findall(page)


def test_the_preview_is_the_html_build_made_piece_by_piece(confluenze: Path) -> None:
    checked = pipeline.check(EXAMPLE_PLAN)
    assert checked.plan is not None and checked.plan.meta is not None
    builder = PageBuilder(workers=2)
    try:
        chrome = page_chrome(checked.plan.meta, Translator(checked.plan.meta.lang))
        markdown = production.markdown_of(checked.plan)
        # The same page, except that the preview shows each chart's caption where the build draws the chart.
        preview, charts = _without_charts(builder.page(markdown, chrome), _PREVIEW_CHART)
        build, drawn = _without_charts((confluenze / "plan.html").read_text(encoding="utf-8"), _BUILD_CHART)
        assert (preview, charts) == (build, drawn) and len(drawn) > 5
        changed = markdown.replace("Assemblea del Patto", "Assemblea generale")
        page = builder.page(changed, chrome)
        assert (
            "Assemblea generale" in page
            and "Assemblea del Patto" not in page
            and page.count("<section") == page.count("</section>")
        )
    finally:
        builder.close()


def test_the_preview_follows_a_save_and_keeps_the_last_good_page_while_the_plan_has_errors(served: Served) -> None:
    file = next(served.workspace.plan_dir.glob("10-*.yaml"))
    before = file.read_text(encoding="utf-8")
    version = served.live.snapshot.version if served.live.snapshot else 0
    try:
        file.write_text(before.replace("Regolamento di funzionamento", "Regolamento ritoccato"), encoding="utf-8")
        version = served.wait_for_version(version)
        assert "Regolamento ritoccato" in served.get("document").body
        file.write_text(before.replace("owner: segreteria-tecnica", "owner: nessuno", 1), encoding="utf-8")
        version = served.wait_for_version(version)
        page = served.get("")
        assert "Regolamento ritoccato" in served.get("document").body  # the last good document stays
        assert "nessuno" in page.body and "ultima versione senza errori" in page.body
    finally:
        file.write_text(before, encoding="utf-8")
        served.wait_for_version(version)


# Forms


def test_every_form_saved_unchanged_leaves_every_file_byte_identical(served: Served) -> None:
    folder = served.workspace.plan_dir
    before = {path.name: path.read_bytes() for path in sorted(folder.glob("*.yaml"))}
    plan = served.workspace.plan()
    opened = 0
    for form in sections():
        identifiers = [entry.id for entry in plan.entries[form.section]] if form.is_list else [None]
        for identifier in identifiers:
            path = f"edit/{form.section}" + (f"/{identifier}" if identifier else "")
            page = served.get(path)
            assert page.status == 200, path
            answer = served.post(path, FormReader.read(page.body))
            assert answer.status == 303, (path, answer.body[:2000])
            opened += 1
    singletons = sum(1 for form in sections() if not form.is_list)  # plan, vision, …: one form each
    assert opened == sum(len(entries) for entries in plan.entries.values()) + singletons
    assert {path.name: path.read_bytes() for path in sorted(folder.glob("*.yaml"))} == before


def test_a_form_changes_exactly_the_lines_of_the_fields_changed(served: Served) -> None:
    file = next(served.workspace.plan_dir.glob("30-*.yaml"))
    before = file.read_text(encoding="utf-8")
    source = sources.load(file, str(file)).source
    assert source is not None
    index = next(n for n, action in enumerate(source.data["actions"]) if action["id"] == "AZ-20")
    lines = before.splitlines()
    owner, end = (lines[source.keys[("actions", index, key)][0] - 1] for key in ("owner", "end"))
    assert end.endswith('"') and not owner.endswith('"')  # the end is quoted, the owner is not: both stay so
    fields = edited(FormReader.read(served.get("edit/actions/AZ-20").body), end="2027-06", owner="ets-alfa")
    try:
        answer = served.post("edit/actions/AZ-20", fields)
        assert answer.status == 303
        assert changed_lines(before, file.read_text(encoding="utf-8")) == [
            "-" + owner,
            "+" + owner.split(":")[0] + ": ets-alfa",
            "-" + end,
            "+" + end.split(":")[0] + ': "2027-06"',
        ]
        assert planc("check", str(served.workspace.plan_dir)).exit_code == 0
    finally:
        file.write_text(before, encoding="utf-8")


def test_a_wrong_value_is_refused_with_the_message_next_to_its_field(served: Served) -> None:
    file = next(served.workspace.plan_dir.glob("30-*.yaml"))
    before = file.read_bytes()
    fields = edited(
        FormReader.read(served.get("edit/actions/AZ-20").body), end="2024-01", budget__0__amount="12.000,50"
    )
    answer = served.post("edit/actions/AZ-20", fields)
    assert answer.status == 422
    assert file.read_bytes() == before
    end = answer.body[answer.body.index('id="f-end"') :]
    assert "finisce (2024-01) prima di cominciare" in end[: end.index("</div>")]
    amount = answer.body[answer.body.index('id="f-budget-0-amount"') :]
    assert "dovrebbe essere un numero" in amount[: amount.index("</div>")]
    assert 'value="12.000,50"' in answer.body  # what was typed is still there


def test_a_save_after_an_outside_edit_is_refused(served: Served) -> None:
    file = next(served.workspace.plan_dir.glob("30-*.yaml"))
    original = file.read_text(encoding="utf-8")
    fields = edited(FormReader.read(served.get("edit/actions/AZ-21").body), end="2027-01")
    outside = original.replace("Filiera dell’inserimento lavorativo", "Filiera cambiata fuori")
    try:
        file.write_text(outside, encoding="utf-8")
        answer = served.post("edit/actions/AZ-21", fields)
        assert answer.status == 409
        assert "modificato dopo l’apertura del modulo" in answer.body
        assert file.read_text(encoding="utf-8") == outside
        again = served.post("edit/actions/AZ-21", FormReader.read(answer.body))  # the same form, sent again
        assert again.status == 409
        assert file.read_text(encoding="utf-8") == outside
    finally:
        file.write_text(original, encoding="utf-8")


def test_a_new_object_gets_the_next_free_id_and_goes_after_the_last_one(served: Served) -> None:
    posted = FormReader.read(served.get("new/actions").body)
    fields = dict(posted)
    assert fields["id"] == "AZ-37"
    file = Path(fields["__file"])
    before = file.read_text(encoding="utf-8")
    changes = {"title": "Nuova azione", "owner": "ets-eta", "start": "2026-01", "end": "2026-06"}
    try:
        answer = served.post("new/actions", [*edited(posted, **changes), ("objective", "OB-5.2")])
        assert answer.status == 303, answer.body[:3000]
        assert answer.headers["location"].endswith("/edit/actions/AZ-37?saved=1")
        after = file.read_text(encoding="utf-8")
        assert after.startswith(before.rstrip("\n"))
        assert "  - id: AZ-37\n    title: Nuova azione\n" in after
        assert planc("check", "--strict", str(served.workspace.plan_dir)).exit_code == 0
    finally:
        file.write_text(before, encoding="utf-8")


# What is typed is what is read


TYPED = [
    "NO",
    "00100",
    "12:30",
    "0.2",
    "# titolo",
    "- voce",
    "a: b",
    " spazi ",
    "true",
    "~",
    "«x» 'y' \"z\"",
    "@x",
    "%y",
]


def _save_title(plan: Path, text: str, field: str = "title") -> tuple[saving.Saved, Path]:
    workspace = Workspace(plan)
    try:
        located = workspace.locate(workspace.plan(), "actions", "AZ-01")
        assert located is not None
        saved = workspace.submit(located, {field: [text]}, located.digest)
        return saved, located.file
    finally:
        workspace.preview.close()


@pytest.mark.parametrize("text", TYPED)
def test_a_typed_text_reads_back_through_the_strict_loader_as_typed(tmp_path: Path, text: str) -> None:
    plan = overlay(None, tmp_path / "plan")
    saved, file = _save_title(plan, text)
    assert saved.written, saved
    loaded = sources.load(file, str(file)).source
    assert loaded is not None and loaded.data["actions"][0]["title"] == text


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(min_size=1, max_size=60), field=st.sampled_from(["title", "description"]))
@example(text="\U0002f800 e\u0301", field="title")  # a compatibility ideograph, an accent typed apart: stored as NFC
def test_any_text_is_written_exactly_or_refused_leaving_the_file_as_it_was(
    tmp_path: Path, text: str, field: str
) -> None:
    plan = overlay(None, tmp_path / f"plan-{abs(hash((text, field)))}")
    file = plan / "30-actions.yaml"
    before = file.read_bytes()
    typed = unicodedata.normalize("NFC", text.replace("\r\n", "\n") if field == "description" else text)
    saved, _file = _save_title(plan, text, field)
    loaded = sources.load(file, str(file)).source
    if saved.written:
        assert loaded is not None and loaded.data["actions"][0][field] == typed
    else:
        assert file.read_bytes() == before
        assert saved.refusal is not None and saved.diagnostics  # refused because the check found an error
    shutil.rmtree(plan)


# planc init and planc ids


@pytest.mark.parametrize("language", ["it", "en"])
def test_init_writes_a_plan_that_passes_the_strict_check_and_builds(tmp_path: Path, language: str) -> None:
    folder = tmp_path / "nuovo"
    assert planc("init", str(folder), "--lang", language).exit_code == 0
    assert planc("check", "--strict", str(folder / "plan")).exit_code == 0
    run = planc("build", str(folder / "plan"), "-o", str(tmp_path / "out"))
    assert run.exit_code == 0, run.stdout + run.stderr
    assert (tmp_path / "out" / "plan.pdf").stat().st_size > 0
    first = next((folder / "plan").glob("*.yaml")).read_text(encoding="utf-8")
    assert first.startswith("# yaml-language-server: $schema=../schema/plan.schema.json")
    assert (folder / "schema" / "plan.schema.json").exists() and (folder / "Makefile").exists()
    assert (folder / ".github" / "workflows" / "plan.yml").exists()
    assert planc("init", str(folder)).exit_code == 1  # never into a folder with files


def test_ids_lists_each_kind_with_names_and_the_next_free_id() -> None:
    run = planc("ids", str(EXAMPLE_PLAN))
    assert run.exit_code == 0
    assert "Azioni (36), primo id libero: AZ-37" in run.stdout
    assert "  comune-al     Comune di Alessandria" in run.stdout


def test_the_next_free_id_continues_the_last_family() -> None:
    assert objects.next_id(["AZ-01", "AZ-02", "AZ-10"]) == "AZ-11"
    assert objects.next_id(["ASSE-1", "OB-1.1", "OB-1.2"]) == "OB-1.3"
    assert objects.next_id(["A7", "A9", "A8"]) == "A10"
    assert objects.next_id(["comune", "ets-alfa"]) is None
    assert objects.next_id([]) is None
