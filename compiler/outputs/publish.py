"""Publish a version: ``<root>/<version>/<slug>-<version>.{html,docx,pdf}``, checksums, and an index.

A version is published once and never overwritten. Publishing is all or nothing: every other
version's manifest is read first (a broken one stops it before anything is written), the new
version and the new ``index.html`` are made complete in a staging folder beside them, and then
two renames put them in place; if the second fails, the first is undone. So a failed publish
can be retried once its cause is fixed. Left is the moment between the two renames.

Each version keeps the plan as data (``plan.json``, ``review.snapshot``), so that later versions
are compared with it without git; its manifest says how many objects changed since the version before.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from compiler.messages.diagnostics import CommandError, Text, msg
from compiler.messages.system import reason
from compiler.outputs import staging
from compiler.outputs.produce import ToolchainError
from compiler.outputs.registry import FORMATS
from compiler.review.snapshot import SNAPSHOT_NAME

Manifest = dict[str, Any]
#: The folder of a published version that holds its open data (``planc export``).
OPEN_DATA = "opendata"
_MANIFEST_TEXTS = ("title", "version", "date", "status")


class PublishError(CommandError):
    """The version cannot be published (already there, or not publishable)."""


@dataclass(frozen=True)
class Release:
    """What is being published."""

    title: str
    version: str
    slug: str
    date: str
    status: str
    fingerprint: str = ""  #: of the sources (``review.snapshot.fingerprint``)
    changes: dict[str, Any] | None = None  #: since which version, how many objects changed, were added, removed


def slugify(title: str) -> str:
    """``Piano strategico di sviluppo`` → ``piano-strategico-di-sviluppo``."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-") or "plan"


def folder_for(root: Path, release: Release) -> Path:
    """Where a release goes; refuse a version that is already published."""
    if not re.fullmatch(r"[0-9A-Za-z.+-]+", release.version) or release.version.strip(".") == "":
        raise PublishError(msg("The version “{version}” cannot name a folder.", version=release.version))
    target = root / release.version
    if target.exists():
        raise PublishError(
            msg(
                "Version {version} is already published in {folder}; give the plan a new version.",
                version=release.version,
                folder=str(target),
            )
        )
    return target


def stage(
    built: dict[str, Path], release: Release, scratch: Path, snapshot: str, data: dict[str, Path]
) -> tuple[Path, Manifest]:
    """Make the version's folder, complete, inside ``scratch``: documents, the plan's data, open data, checksums."""
    folder = scratch / release.version
    (folder / OPEN_DATA).mkdir(parents=True)
    names = {}
    for kind in FORMATS:
        name = f"{release.slug}-{release.version}.{kind}"
        shutil.copyfile(built[f"plan.{kind}"], folder / name)
        names[kind] = name
    (folder / SNAPSHOT_NAME).write_text(snapshot, encoding="utf-8")
    data_names = [f"{OPEN_DATA}/{name}" for name in sorted(data)]
    for name in sorted(data):
        shutil.copyfile(data[name], folder / OPEN_DATA / name)
    listed = sorted([*names.values(), SNAPSHOT_NAME, *data_names])
    (folder / "SHA256SUMS").write_text("".join(f"{_sha256(folder / name)}  {name}\n" for name in listed), "utf-8")
    manifest: Manifest = {**release.__dict__, "files": names, "snapshot": SNAPSHOT_NAME, "data": data_names}
    (folder / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    for path in [*folder.iterdir(), *(folder / OPEN_DATA).iterdir()]:
        os.chmod(path, staging.FILE_MODE if path.is_file() else 0o755)
    return folder, manifest


def place(folder: Path, root: Path, index_page: bytes) -> Path:
    """Rename the staged version folder into ``root`` and replace its index: both, or neither."""
    target = folder_for(root, Release("", folder.name, "", "", ""))  # it may have appeared meanwhile
    index = folder.parent / "index.html"
    index.write_bytes(index_page)
    os.chmod(index, staging.FILE_MODE)
    os.rename(folder, target)
    try:
        os.replace(index, root / "index.html")
    except BaseException:
        os.rename(target, folder)  # take the version back: nothing was published
        raise
    return target


def releases(root: Path) -> list[Manifest]:
    """Every published version's manifest, newest date first; a broken one stops the publishing."""
    return newest_first([_manifest(path, root) for path in sorted(root.glob("*/manifest.json"))])


def newest_first(manifests: list[Manifest]) -> list[Manifest]:
    """Manifests in the order the index lists them."""
    return sorted(manifests, key=lambda item: (str(item["date"]), str(item["version"])), reverse=True)


def _manifest(path: Path, root: Path) -> Manifest:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as problem:
        raise _broken(path, root, reason(problem)) from problem
    except ValueError as problem:
        raise _broken(path, root, msg("it is not valid JSON")) from problem
    if not isinstance(data, dict) or not all(isinstance(data.get(key), str) for key in _MANIFEST_TEXTS):
        raise _broken(path, root, msg("title, version, date and status must be texts"))
    files = data.get("files")
    if not isinstance(files, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in files.items()):
        raise _broken(path, root, msg("“files” must name each document"))
    return data


def _broken(path: Path, root: Path, detail: Text) -> ToolchainError:
    return ToolchainError(
        msg(
            "The manifest of a published version cannot be read ({file}: {detail}): repair it, or move that "
            "version out of {folder}. Nothing was published.",
            file=str(path),
            detail=detail,
            folder=str(root),
        )
    )


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
