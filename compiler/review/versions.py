"""Find a version of the plan: a plan folder, a published version, or a git revision of the plan folder.

``OLD`` and ``NEW`` of ``planc diff`` (and ``--since`` of ``build``) are looked up in this order:
an existing folder (a published version's folder if it holds ``plan.json`` and no plan files),
a ``plan.json`` file, a version published under the publish folder (``0.2``), and last a git
revision (``HEAD~1``, a tag), of the plan folder or of ``REV:FOLDER``. A revision's files are
copied into a scratch folder, so that they are read exactly as a plan folder is.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from compiler.messages.diagnostics import Text, msg
from compiler.review.snapshot import SNAPSHOT_NAME

GIT_TIMEOUT_SECONDS = 60


@dataclass(frozen=True)
class Version:
    """Where one version's plan is: files to read, or a stored snapshot."""

    spec: str
    folder: Path | None = None
    snapshot: Path | None = None


class VersionNotFound(Exception):
    """The argument names no version planc can find (a usage error)."""

    def __init__(self, reason: Text) -> None:
        super().__init__(reason.msgid)
        self.reason = reason


def find_version(spec: str, plan_dir: Path, published: Path, scratch: Path) -> Version:
    """The version ``spec`` names; a git revision is copied into ``scratch``."""
    path = Path(spec)
    if path.is_dir():
        stored = path / SNAPSHOT_NAME
        if stored.is_file() and not any(path.glob("*.yaml")):
            return Version(spec, snapshot=stored)
        return Version(spec, folder=path)
    if path.is_file() and path.suffix == ".json":
        return Version(spec, snapshot=path)
    stored = published / spec / SNAPSHOT_NAME
    if "/" not in spec and stored.is_file():
        return Version(spec, snapshot=stored)
    revision, _, folder = spec.partition(":")
    target = Path(folder) if folder else plan_dir
    if revision and _is_revision(revision, target):
        return Version(spec, folder=_checkout(revision, target, scratch))
    raise VersionNotFound(
        msg(
            "“{spec}” is not a plan folder, a version published in {published}, or a git revision of {folder}.",
            spec=spec,
            published=str(published),
            folder=str(target),
        )
    )


def _git(folder: Path, *arguments: str) -> subprocess.CompletedProcess[bytes]:
    """Run git in the nearest existing folder at or above ``folder``."""
    where = next((p for p in (folder, *folder.absolute().parents) if p.is_dir()), Path.cwd())
    try:
        return subprocess.run(
            ["git", "-C", str(where), *arguments], capture_output=True, timeout=GIT_TIMEOUT_SECONDS, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as problem:
        raise VersionNotFound(msg("git could not be run: {problem}", problem=str(problem))) from problem


def _is_revision(revision: str, folder: Path) -> bool:
    if revision.startswith("-"):
        return False
    return _git(folder, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}").returncode == 0


def _checkout(revision: str, folder: Path, scratch: Path) -> Path:
    """Copy the plan folder's files as they were at ``revision`` into ``scratch``; return the copy."""
    top = _git(folder, "rev-parse", "--show-toplevel").stdout.decode().strip()
    inside = folder.resolve().relative_to(Path(top).resolve()).as_posix() if top else folder.as_posix()
    listing = _git(Path(top), "ls-tree", "-r", "-z", "--name-only", revision, "--", inside or ".")
    names = [name for name in listing.stdout.decode().split("\0") if name]
    if listing.returncode != 0 or not names:
        raise VersionNotFound(
            msg("The revision “{revision}” has no files in {folder}.", revision=revision, folder=str(folder))
        )
    target = scratch / f"{len(list(scratch.iterdir()))}" / folder.name
    for name in names:
        blob = _git(Path(top), "cat-file", "blob", f"{revision}:{name}")
        destination = target / Path(name).relative_to(inside) if inside else target / name
        destination.parent.mkdir(parents=True, exist_ok=True)
        destination.write_bytes(blob.stdout)
    return target
