"""``planc ids``: the objects of each kind with their names, and the next free id of each kind."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from compiler import sources
from compiler.editing import objects
from compiler.editing.schema_form import in_language, sections
from compiler.messages.diagnostics import msg
from compiler.messages.translate import Translator

_LANG = re.compile(r"^\s+lang:\s*[\"']?([A-Za-z]{2,3})", re.MULTILINE)


@dataclass(frozen=True)
class Listing:
    """Each list section's title, its objects and its next free id; the plan's language."""

    kinds: list[tuple[str, list[objects.Entry], str | None]]
    language: str | None


def listing(plan_dir: Path) -> Listing:
    """Read the plan's files (those that can be read) and list their objects."""
    files, _problems = sources.discover(plan_dir)
    loaded = [sources.load(path, str(path)) for path in files]
    found = [result.source for result in loaded if result.source is not None]
    language = next((match.group(1) for result in loaded if result.text and (match := _LANG.search(result.text))), None)
    forms = [form for form in sections() if form.is_list]
    entries = objects.catalogue(found, [form.section for form in forms])
    kinds = [
        (form.title, entries[form.section], objects.next_id([entry.id for entry in entries[form.section]]))
        for form in forms
    ]
    return Listing(kinds, language)


def render(found: Listing, translate: Translator) -> str:
    """The listing as text: one block per kind, ids aligned."""
    lines: list[str] = []
    for title, entries, free in found.kinds:
        name = in_language(title, translate.language, " · ")
        following = free if free else translate(msg("none: choose a short new name"))
        lines.append(
            translate(msg("{kind} ({count}), next free id: {id}", kind=name, count=len(entries), id=following))
        )
        width = max((len(entry.id) for entry in entries), default=0)
        lines.extend(f"  {entry.id:<{width}}  {entry.name}" for entry in entries)
        lines.append("")
    return "\n".join(lines)
