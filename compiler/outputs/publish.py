"""Publish a version: ``<root>/<version>/<slug>-<version>.{html,docx,pdf}``, checksums, and an index.

A version is published once and never overwritten; it is built in a staging folder beside the
others and appears only when it is complete (one directory rename). ``index.html`` lists every
published version from the ``manifest.json`` each one carries.
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

from compiler.outputs import staging
from compiler.outputs.registry import FORMATS


class PublishError(Exception):
    """The version cannot be published (already there, or not publishable)."""


@dataclass(frozen=True)
class Release:
    """What is being published."""

    title: str
    version: str
    slug: str
    date: str
    status: str


def slugify(title: str) -> str:
    """``Piano strategico di sviluppo`` → ``piano-strategico-di-sviluppo``."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-") or "plan"


def folder_for(root: Path, release: Release) -> Path:
    """Where a release goes; refuse a version that is already published."""
    if not re.fullmatch(r"[0-9A-Za-z.+-]+", release.version):
        raise PublishError(f"version {release.version!r} cannot name a folder")
    target = root / release.version
    if target.exists():
        raise PublishError(f"version {release.version} is already published in {target}; give the plan a new version")
    return target


def place_release(built: dict[str, Path], release: Release, root: Path, data: dict[str, Path] | None = None) -> Path:
    """Move freshly built documents (and the open data files) into a new version folder, with checksums and a manifest."""
    target = folder_for(root, release)
    scratch = root / f"{staging.STAGING_PREFIX}{os.getpid()}-{release.version}"
    shutil.rmtree(scratch, ignore_errors=True)
    scratch.mkdir(parents=True)
    try:
        names = {}
        for kind in FORMATS:
            name = f"{release.slug}-{release.version}.{kind}"
            shutil.copyfile(built[f"plan.{kind}"], scratch / name)
            os.chmod(scratch / name, staging.FILE_MODE)
            names[kind] = name
        for name, path in sorted((data or {}).items()):
            shutil.copyfile(path, scratch / name)
        data_names = sorted(data or {})
        sums = "".join(f"{_sha256(scratch / name)}  {name}\n" for name in sorted([*names.values(), *data_names]))
        (scratch / "SHA256SUMS").write_text(sums, encoding="utf-8")
        manifest = {**release.__dict__, "files": names, **({"data": data_names} if data_names else {})}
        (scratch / "manifest.json").write_text(
            json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        for path in scratch.iterdir():
            os.chmod(path, staging.FILE_MODE)
        os.rename(scratch, target)  # fails if the version appeared meanwhile: never overwrite
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return target


def releases(root: Path) -> list[dict[str, object]]:
    """Every published version's manifest, newest date first."""
    found = []
    for manifest in root.glob("*/manifest.json"):
        data = json.loads(manifest.read_text(encoding="utf-8"))
        if isinstance(data, dict):
            found.append(data)
    return sorted(found, key=lambda item: (str(item.get("date", "")), str(item.get("version", ""))), reverse=True)


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
