"""``planc init``: a new plan folder that checks and builds, with comments that teach the format.

The skeletons (package data, Italian and English) hold a small valid plan; this writes one into
a new folder with the schema beside it (so that editors find it from the files' first line), a
``Makefile`` and a CI workflow. It never writes into a folder that already has files.
"""

from __future__ import annotations

import datetime
import importlib.resources
from pathlib import Path

from compiler.schema.definition import schema_text

STARTER_LANGUAGES = ("it", "en")


class FolderNotEmpty(Exception):
    """The target folder already holds files."""


def create(folder: Path, language: str, today: datetime.date) -> list[Path]:
    """Write a new plan into ``folder`` (which must be new or empty); return the files written."""
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise FolderNotEmpty(str(folder))
    data = importlib.resources.files(__package__)
    values = {"{date}": today.isoformat(), "{end_year}": str(today.year + 2), "{year}": str(today.year)}
    files: dict[Path, str] = {}
    for item in sorted(data.joinpath(language).iterdir(), key=lambda item: item.name):
        text = item.read_text(encoding="utf-8")
        for placeholder, value in values.items():
            text = text.replace(placeholder, value)
        files[Path("plan", item.name) if item.name.endswith(".yaml") else Path(item.name)] = text
    files[Path("schema", "plan.schema.json")] = schema_text()
    files[Path(".github", "workflows", "plan.yml")] = data.joinpath("ci.yml").read_text(encoding="utf-8")
    files[Path(".gitignore")] = data.joinpath("gitignore").read_text(encoding="utf-8")
    written = []
    for relative, text in files.items():
        target = folder / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8", newline="\n")
        written.append(target)
    return written
