"""The plan as data: every section merged from its files, as written (``publish`` stores it as ``plan.json``).

A snapshot has the shape of one plan file (sections at the top, list sections concatenated in
file order), so it is a plan source itself; comparing two snapshots needs neither git nor YAML.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from compiler.sources import SourceFile

#: The snapshot's file name in a published version's folder.
SNAPSHOT_NAME = "plan.json"

PlanData = dict[str, Any]
#: Sections that record the review itself (what reviewers said, who approved), not what the plan says.
REVIEW_RECORD = frozenset({"observations", "approvals"})


class SnapshotError(Exception):
    """A snapshot file that cannot be read as a plan."""


def plan_data(sources: Iterable[SourceFile]) -> PlanData:
    """Merge the files' sections: lists continue across files, any other section is taken once."""
    merged: PlanData = {}
    for source in sources:
        for section, value in source.data.items():
            if isinstance(value, list) and isinstance(merged.get(section, []), list):
                merged.setdefault(section, []).extend(value)
            else:
                merged.setdefault(section, value)
    return merged


def to_json(data: PlanData) -> str:
    """The snapshot as it is stored: plan order kept, readable, UTF-8."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def fingerprint(data: PlanData) -> str:
    """A hash of what the plan says (not of how its files are laid out, nor of its review record): ``sha256:…``.

    Recording an observation or an approval does not make a document reviewers commented out of date.
    """
    import hashlib  # noqa: PLC0415 - OpenSSL's start-up is not for `planc check`

    said = {section: value for section, value in data.items() if section not in REVIEW_RECORD}
    canonical = json.dumps(said, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return "sha256:" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def read_snapshot(path: Path) -> PlanData:
    """A stored snapshot; ``SnapshotError`` if it is not a JSON object."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as problem:
        raise SnapshotError(f"{path}: {problem}") from problem
    if not isinstance(data, dict):
        raise SnapshotError(f"{path}: not a plan snapshot")
    return data
