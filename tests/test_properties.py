"""Property-based tests: mutated plans never crash planc, and its exit code always matches its report."""

from __future__ import annotations

import json
import tempfile
import time
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from compiler import sources
from tests.conftest import BASE, planc

FILES = {path.name: path.read_text(encoding="utf-8") for path in sorted(BASE.glob("*.yaml"))}
SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
WEIRD = st.one_of(
    st.text(max_size=12),
    st.sampled_from(
        ["NO", "00100", "12:30", "2025-02-30", "~", "true", "", " #x", "&a", "*a", "!!str", "\t", "{", "[", "- ", ": "]
    ),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=False),
    st.booleans(),
    st.none(),
)


def run_check(files: dict[str, bytes]) -> dict[str, Any]:
    """Write the plan to a fresh folder and check it; the report must be consistent with the exit code."""
    with tempfile.TemporaryDirectory() as folder:
        for name, content in files.items():
            (Path(folder) / name).write_bytes(content)
        run = planc("check", "--format", "json", folder)
    report: dict[str, Any] = json.loads(run.stdout)
    assert run.exit_code == (1 if report["errors"] else 0)
    for diagnostic in report["diagnostics"]:
        assert diagnostic["line"] >= 1 and diagnostic["column"] >= 1
        assert diagnostic["message"] and diagnostic["code"]
    return report


@SETTINGS
@given(
    name=st.sampled_from(sorted(FILES)),
    position=st.floats(0, 1),
    removed=st.integers(0, 8),
    inserted=st.binary(max_size=8),
)
def test_byte_edits_never_crash(name: str, position: float, removed: int, inserted: bytes) -> None:
    files = {key: value.encode() for key, value in FILES.items()}
    original = files[name]
    at = int(position * len(original))
    files[name] = original[:at] + inserted + original[at + removed :]
    run_check(files)


def _paths(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(value, dict):
        for key, child in value.items():
            found += _paths(child, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found += _paths(child, (*path, index))
    return found


def _set(document: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    parent = document
    for step in path[:-1]:
        parent = parent[step]
    if value is _DELETE:
        del parent[path[-1]]
    else:
        parent[path[-1]] = value
    return document


_DELETE = object()


def mutated(data: st.DataObject, name: str) -> Any:
    """One base file's data with one value replaced (by odd YAML, a list, a block) or deleted."""
    loaded = sources.load(BASE / name, name)
    assert loaded.source is not None
    document = loaded.source.data
    path = data.draw(st.sampled_from(_paths(document)[1:]))
    blocks = st.dictionaries(st.text(max_size=5), WEIRD, max_size=2)
    replacement = data.draw(st.one_of(WEIRD, st.just(_DELETE), st.lists(WEIRD, max_size=3), blocks))
    return _set(document, path, replacement)


@SETTINGS
@given(data=st.data(), name=st.sampled_from(sorted(FILES)))
def test_structural_mutations_never_crash(data: st.DataObject, name: str) -> None:
    files = {key: value.encode() for key, value in FILES.items()}
    files[name] = yaml.safe_dump(mutated(data, name), allow_unicode=True, sort_keys=False).encode()
    run_check(files)


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=400))
def test_arbitrary_bytes_as_a_plan_file_never_crash(content: bytes) -> None:
    files = {key: value.encode() for key, value in FILES.items()}
    files["99-random.yaml"] = content
    run_check(files)


@pytest.mark.toolchain
@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
@given(
    title=st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Cf")), max_size=80).filter(str.strip),
    description=st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Cf")), max_size=300).filter(
        str.strip
    ),
)
def test_any_text_in_a_field_builds_completely_or_writes_nothing(title: str, description: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        plan, out = Path(folder) / "plan", Path(folder) / "out"
        plan.mkdir()
        for name, content in FILES.items():
            (plan / name).write_text(content, encoding="utf-8")
        actions = (plan / "30-actions.yaml").read_text(encoding="utf-8")
        fields = f"    title: {json.dumps(title, ensure_ascii=False)}\n    description: {json.dumps(description, ensure_ascii=False)}\n"
        (plan / "30-actions.yaml").write_text(
            actions.replace("    title: Sportello di quartiere\n", fields), encoding="utf-8"
        )
        started = time.monotonic()
        run = planc("build", str(plan), "-o", str(out), "--format", "json")
        assert time.monotonic() - started < 60, "a build must never hang"
        report = json.loads(run.stdout)
        written = sorted(path.name for path in out.iterdir()) if out.exists() else []
        event("refused" if report["errors"] else "built")
        if report["errors"]:
            assert run.exit_code == 1 and written == []
        else:
            assert run.exit_code == 0, run.stderr
            assert written == ["plan.docx", "plan.html", "plan.md", "plan.pdf"]
            assert all((out / name).stat().st_size > 0 for name in written)


@SETTINGS
@given(data=st.data(), name=st.sampled_from(sorted(FILES)))
def test_the_fast_gate_and_jsonschema_agree_on_validity(data: st.DataObject, name: str) -> None:
    from compiler.schema import explain, gate

    document = mutated(data, name)
    detailed = list(explain._validator().iter_errors(document))
    assert gate.is_valid(document) == (detailed == [])
