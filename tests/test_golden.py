"""The Markdown planc renders for the base plan is the reviewed golden file, byte for byte.

``build/plan.md`` is an artefact drafters read and diff, so every change to it is deliberate:
run ``pytest tests/test_golden.py --update-golden`` and review the diff of
``tests/cases/base/expected/plan.md`` before committing it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from compiler import pipeline, production
from tests.conftest import BASE

GOLDEN = BASE / "expected" / "plan.md"


def test_the_base_plan_renders_the_golden_markdown(request: pytest.FixtureRequest) -> None:
    checked = pipeline.check(BASE)
    assert checked.diagnostics == [] and checked.plan is not None
    markdown = production.markdown_of(checked.plan)
    if request.config.getoption("--update-golden"):
        GOLDEN.write_text(markdown, encoding="utf-8")
    assert markdown == GOLDEN.read_text(encoding="utf-8"), "run with --update-golden and review the diff"


def test_a_changed_plan_does_not_match_the_golden_file(tmp_path: Path) -> None:
    from tests.conftest import overlay

    plan = overlay(None, tmp_path / "plan")
    (plan / "00-plan.yaml").write_text(
        (plan / "00-plan.yaml").read_text(encoding="utf-8").replace("Piano di prova", "Piano diverso"), encoding="utf-8"
    )
    checked = pipeline.check(plan)
    assert checked.plan is not None
    assert production.markdown_of(checked.plan) != GOLDEN.read_text(encoding="utf-8")


@pytest.mark.parametrize("writable", [True, False], ids=["cache", "unwritable-cache"])
def test_compiled_templates_from_the_cache_render_the_same(
    writable: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A build compiles the templates into Jinja2's cache; the next reads them from it and renders
    the same Markdown. A cache folder that cannot be written is no cache, not an error."""
    from compiler.document import render

    folder = tmp_path / "cache"
    if writable:
        folder.mkdir(mode=0o700)
    else:  # a file where the folder should be: no process can write in it, not even root's
        folder.write_bytes(b"")
    monkeypatch.setattr(render, "_bytecode_cache", lambda: render._BytecodeCache(str(folder)))
    checked = pipeline.check(BASE)
    assert checked.plan is not None
    for _build in range(2):
        render._markdown_environment.cache_clear()
        assert production.markdown_of(checked.plan) == GOLDEN.read_text(encoding="utf-8")
    render._markdown_environment.cache_clear()
    assert (len(list(folder.iterdir())) > 1) if writable else folder.read_bytes() == b""
