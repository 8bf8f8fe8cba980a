"""Publishing is all or nothing, its failures are exit 3 with a message, and it can be retried."""

from __future__ import annotations

import errno
import json
import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import planc

pytestmark = pytest.mark.toolchain


def state(root: Path) -> dict[str, bytes]:
    """Every file under the publishing folder, with its bytes."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def new_version(plan: Path, version: str) -> None:
    header = plan / "00-plan.yaml"
    header.write_text(header.read_text(encoding="utf-8").replace('version: "1.0"', f'version: "{version}"'))


@pytest.fixture
def published(base_plan: Path, tmp_path: Path) -> Path:
    """A publishing folder holding version 1.0; the plan is now at version 1.1."""
    root = tmp_path / "publish"
    assert planc("publish", str(base_plan), "-o", str(root)).exit_code == 0
    new_version(base_plan, "1.1")
    return root


@pytest.mark.parametrize("broken", ["{ not json", '["a list"]', '{"title": "T", "version": "1.0"}', ""])
def test_a_broken_manifest_of_an_older_version_publishes_nothing_until_repaired(
    broken: str, published: Path, base_plan: Path
) -> None:
    manifest = published / "1.0" / "manifest.json"
    good = manifest.read_bytes()
    manifest.write_text(broken, encoding="utf-8")
    before = state(published)
    run = planc("publish", str(base_plan), "-o", str(published))
    assert run.exit_code == 3, run.stderr
    assert "manifest" in run.stderr and "1.0/manifest.json" in run.stderr
    assert "Nulla è stato pubblicato" in run.stderr  # the plan is Italian: so is the message
    assert state(published) == before
    manifest.write_bytes(good)
    assert planc("publish", str(base_plan), "-o", str(published)).exit_code == 0
    assert (published / "1.1" / "manifest.json").exists()
    assert "1.1/" in (published / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("call", "error"),
    [
        ("os.rename", errno.EACCES),
        ("os.replace", errno.ENOSPC),
        ("shutil.copyfile", errno.ENOSPC),
        ("mkdir", errno.EROFS),
    ],
)
def test_a_disk_or_permission_error_is_exit_3_leaves_nothing_half_published_and_can_be_retried(
    call: str, error: int, published: Path, base_plan: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = state(published)

    def refuse(*_arguments: object, **_options: object) -> None:
        raise OSError(error, os.strerror(error))

    if call == "mkdir":  # the publishing folder cannot even hold a staging folder
        original_mkdir = Path.mkdir
        monkeypatch.setattr(
            Path,
            "mkdir",
            lambda self, *a, **k: refuse() if published in (self, *self.parents) else original_mkdir(self, *a, **k),
        )
    else:  # the step that puts the version in place, the index, or a copy into the staging folder
        module, name = call.split(".")
        owner = os if module == "os" else shutil
        original = getattr(owner, name)
        into_root = (
            (lambda target: published in target.parents)
            if name == "copyfile"
            else (lambda target: target.parent == published)
        )
        monkeypatch.setattr(
            owner,
            name,
            lambda source, target, *a, **k: refuse() if into_root(Path(target)) else original(source, target, *a, **k),
        )
    run = planc("publish", str(base_plan), "-o", str(published))
    assert run.exit_code == 3, (run.stdout, run.stderr)
    assert "internal error" not in run.stderr and "Impossibile scrivere" in run.stderr
    assert state(published) == before
    assert [p.name for p in published.iterdir() if p.name.startswith(".")] == []
    monkeypatch.undo()
    assert planc("publish", str(base_plan), "-o", str(published)).exit_code == 0
    assert json.loads((published / "1.1" / "manifest.json").read_text())["version"] == "1.1"
