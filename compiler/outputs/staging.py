"""Write outputs so that nothing is half-written: stage everything, then rename into place.

A build works in ``OUT/.planc-<pid>-<random>/``, on the same file system as its outputs, and
moves each finished file over the old one with ``os.replace`` only when every requested output
was produced. A failed or interrupted build leaves the previous outputs as they were; the next
build removes any staging folder whose process is gone.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
from collections.abc import Iterator
from pathlib import Path

STAGING_PREFIX = ".planc-"
FILE_MODE = 0o644


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_stale(out: Path) -> None:
    """Delete staging folders left by builds that were killed."""
    for folder in out.glob(STAGING_PREFIX + "*"):
        pid = folder.name[len(STAGING_PREFIX) :].split("-")[0]
        if folder.is_dir() and (not pid.isdigit() or not _alive(int(pid))):
            shutil.rmtree(folder, ignore_errors=True)


@contextlib.contextmanager
def staging(out: Path) -> Iterator[Path]:
    """A private folder inside ``out`` for one build, removed afterwards whatever happens."""
    out.mkdir(parents=True, exist_ok=True)
    remove_stale(out)
    folder = out.resolve() / f"{STAGING_PREFIX}{os.getpid()}-{secrets.token_hex(4)}"  # tools run elsewhere
    folder.mkdir()
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def commit(files: dict[str, Path], out: Path) -> list[Path]:
    """Move each staged file to ``out/<name>``, readable by all, and sync the folder."""
    placed: list[Path] = []
    for name, staged in files.items():
        with open(staged, "rb") as handle:
            os.fsync(handle.fileno())
        os.chmod(staged, FILE_MODE)
        target = out / name
        os.replace(staged, target)
        placed.append(target)
    directory = os.open(out, os.O_DIRECTORY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)
    return placed


def write_bytes(path: Path, data: bytes) -> None:
    """Write a whole file atomically (temporary file, then rename)."""
    temporary = path.with_name(f"{STAGING_PREFIX}{os.getpid()}-{secrets.token_hex(4)}.tmp")
    try:
        temporary.write_bytes(data)
        os.chmod(temporary, FILE_MODE)
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
