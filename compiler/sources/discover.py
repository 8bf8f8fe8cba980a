"""Which files of the plan folder are plan files, in the order they are read."""

from __future__ import annotations

from pathlib import Path

from compiler.messages.diagnostics import Diagnostic, Where, msg
from compiler.sources import codes


def discover(plan_dir: Path) -> tuple[list[Path], list[Diagnostic]]:
    """List the plan's ``*.yaml`` files and ``*.csv`` tables in sorted path order; warn about ``*.yml`` ones."""
    found: list[Path] = []
    ignored: list[Diagnostic] = []
    for path in sorted(plan_dir.rglob("*"), key=lambda p: p.relative_to(plan_dir).as_posix()):
        parts = path.relative_to(plan_dir).parts
        if any(part.startswith(".") for part in parts) or not path.is_file():
            continue
        if path.suffix in (".yaml", ".csv"):
            found.append(path)
        elif path.suffix in (".yml", ".YAML", ".YML"):
            ignored.append(
                codes.IGNORED_FILE.at(
                    Where(str(path)),
                    msg("This file is not read: plan files must end in .yaml."),
                    msg("Rename it to {name}.", name=path.with_suffix(".yaml").name),
                )
            )
    if not found:
        return [], [_no_files(plan_dir)]
    return found, ignored


def _no_files(plan_dir: Path) -> Diagnostic:
    return codes.NO_PLAN_FILES.at(
        Where(str(plan_dir)),
        msg("There are no .yaml files in {folder}.", folder=str(plan_dir)),
        msg("Write the plan in files ending in .yaml inside this folder, or give the right folder."),
    )
