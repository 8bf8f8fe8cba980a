"""Which entries of the plan folder are plan files, in the order they are read; every look-alike is reported.

A plan file is a regular file whose name ends in ``.yaml`` or ``.yml`` and which lies inside the
plan folder, or a link that resolves to such a file inside it. Hidden entries (a name starting
with ``.``: editors' swap and lock files, ``.git``) are skipped. Anything else that looks like a
plan file (``.Yaml``, a trailing space, a FIFO, a dangling or looping link, a link to a file
outside the folder) is an error, so that no content goes missing without a word. Links to
folders are not followed: one inside the plan folder would read its files twice.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from compiler.messages.diagnostics import Diagnostic, Text, Where, msg
from compiler.messages.system import reason
from compiler.sources import codes

PLAN_SUFFIXES = (".yaml", ".yml", ".csv")  #: plan files, and tables of measurements or statuses


def discover(plan_dir: Path) -> tuple[list[Path], list[Diagnostic]]:
    """List the plan's files (YAML, and CSV tables) in sorted path order, and a problem for every look-alike; none is an error."""
    root = plan_dir.resolve()
    found: list[Path] = []
    problems: list[Diagnostic] = []

    def unreadable(error: OSError) -> None:
        where = Where(str(error.filename or plan_dir))
        message = msg("Cannot read the folder: {reason}.", reason=reason(error))
        problems.append(codes.UNREADABLE_FILE.at(where, message))

    for folder, folders, files in os.walk(plan_dir, onerror=unreadable):
        folders[:] = [name for name in folders if not name.startswith(".")]
        for name in [*folders, *files]:
            if name.startswith("."):
                continue
            path = Path(folder) / name
            problem = _problem(path, root, is_folder=name in folders)
            if problem is not None:
                problems.append(problem)
            elif name.endswith(PLAN_SUFFIXES) and name not in folders:
                found.append(path)
    found.sort(key=lambda path: path.relative_to(plan_dir).as_posix())
    if not found:
        return [], [*problems, _no_files(plan_dir)]
    return found, problems


def _problem(path: Path, root: Path, is_folder: bool) -> Diagnostic | None:
    """Why an entry that is, or looks like, a plan file cannot be read (``None`` if it can, or is not one)."""
    name = path.name
    if not name.endswith(PLAN_SUFFIXES):
        return _look_alike(path) if not is_folder else _folder_link(path, root)
    try:
        target = path.resolve(strict=True)
        mode = target.stat().st_mode
    except (OSError, RuntimeError) as error:  # dangling or looping link
        why = reason(error) if isinstance(error, OSError) else msg("the links loop back on themselves")
        return _ignored(path, msg("This link leads nowhere ({reason}): the file is not read.", reason=why))
    if not target.is_relative_to(root):
        return codes.OUTSIDE_PLAN_FOLDER.at(
            Where(str(path)),
            msg("This link leads out of the plan folder: the file it points to is not read."),
            msg("Copy the file into the plan folder instead of linking to it."),
        )
    if not stat.S_ISREG(mode):
        return _ignored(path, msg("This is not an ordinary file (a folder, a pipe or a device): it is not read."))
    return None


def _look_alike(path: Path) -> Diagnostic | None:
    """A file named almost like a plan file: ``.Yaml``, ``.YML``, ``.yaml `` (a trailing space or dot)."""
    name = path.name
    trimmed = name.rstrip(" .\t\u00a0")
    for suffix in PLAN_SUFFIXES:
        if trimmed.lower().endswith(suffix):
            rename = trimmed[: -len(suffix)] + suffix
            ending = name[len(trimmed) - len(suffix) :]
            message = msg("The name ends in “{ending}”, not in .yaml or .yml: the file is not read.", ending=ending)
            return _ignored(path, message, rename)
    return None


def _folder_link(path: Path, root: Path) -> Diagnostic | None:
    """A link to a folder outside the plan folder: its files would be missing without a word."""
    if not path.is_symlink():
        return None
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):
        return None
    if target.is_relative_to(root):
        return None  # its files are read where they are
    return codes.OUTSIDE_PLAN_FOLDER.at(
        Where(str(path)),
        msg("This link to a folder leads out of the plan folder: the files in it are not read."),
        msg("Copy the files into the plan folder instead of linking to their folder."),
    )


def _ignored(path: Path, message: Text, rename: str | None = None) -> Diagnostic:
    hint = (
        msg("Rename it to “{name}”.", name=rename)
        if rename
        else msg("Replace it with an ordinary .yaml file, or remove it from the plan folder.")
    )
    return codes.IGNORED_FILE.at(Where(str(path)), message, hint)


def _no_files(plan_dir: Path) -> Diagnostic:
    return codes.NO_PLAN_FILES.at(
        Where(str(plan_dir)),
        msg("There are no .yaml or .yml files in {folder}.", folder=str(plan_dir)),
        msg("Write the plan in files ending in .yaml inside this folder, or give the right folder."),
    )
