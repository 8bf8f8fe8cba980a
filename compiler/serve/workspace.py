"""What one ``planc serve`` works on: the plan folder, its live preview, and the forms' operations.

Nothing here speaks HTTP; ``app`` turns requests into these calls and ``views`` their results
into pages.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from compiler import pipeline, schema, sources
from compiler.editing import objects, saving
from compiler.editing.schema_form import SectionForm, section_form, sections
from compiler.editing.submission import object_value
from compiler.messages.diagnostics import Diagnostic
from compiler.messages.translate import language_of
from compiler.outcome import Checked
from compiler.preview.session import Preview
from compiler.sources import PathKey, SourceFile


@dataclass(frozen=True)
class Located:
    """An object to edit: its form, its file and place, its values and the file's digest."""

    form: SectionForm
    file: Path
    path: PathKey | None  #: ``None`` for an object not written yet
    values: dict[str, Any]
    digest: str
    identifier: str | None


@dataclass(frozen=True)
class WorkspacePlan:
    """The plan as the forms need it: checked, its files, its objects and what references name."""

    checked: Checked
    sources: list[SourceFile]
    entries: dict[str, list[objects.Entry]]
    targets: dict[tuple[str, ...], tuple[str, ...]]


class Workspace:
    """The plan folder being served."""

    def __init__(self, plan_dir: Path, language: str | None = None, workers: int = 2) -> None:
        self.plan_dir = plan_dir
        self.preview = Preview(plan_dir, workers)
        self.chosen_language = language

    def language(self, checked: Checked | None) -> str:
        """The language of the pages: the one asked for, else the plan's."""
        return language_of(self.chosen_language or (checked.language if checked else None))

    def plan(self) -> WorkspacePlan:
        """Check the plan now (reading only changed files) and index its objects."""
        checked = self.preview.check()
        found = self.preview.source_files()
        entries = objects.catalogue(found, _list_sections())
        targets = objects.reference_targets(checked.plan, found, entries) if checked.plan is not None else {}
        return WorkspacePlan(checked, found, entries, targets)

    def indexed(self) -> WorkspacePlan | None:
        """The plan as the preview last checked it, without checking again (for the preview's links)."""
        snapshot = self.preview.snapshot
        if snapshot is None:
            return None
        found = self.preview.source_files()
        return WorkspacePlan(snapshot.checked, found, objects.catalogue(found, _list_sections()), {})

    def locate(self, plan: WorkspacePlan, section: str, identifier: str | None) -> Located | None:
        """The object to edit (``identifier`` ``None``: the block of a section such as ``plan``)."""
        form = section_form(section)
        if form is None or form.is_list != (identifier is not None):
            return None
        if identifier is not None:
            entry = objects.find(plan.entries, section, identifier)
            if entry is None:
                return None
            return self._located(form, entry.source, entry.path, identifier)
        holder = next((source for source in plan.sources if isinstance(source.data.get(section), dict)), None)
        if holder is None:
            return None
        return self._located(form, holder, (section,), None)

    def blank(self, plan: WorkspacePlan, section: str, file: str | None) -> Located | None:
        """A new object of ``section``, with the next free id, for the file that holds the last one."""
        form = section_form(section)
        if form is None:
            return None
        files = self.files_for(plan, section)
        chosen = next((path for path in files if str(path) == file), files[-1] if files else None)
        if chosen is None:
            return None
        values: dict[str, Any] = {}
        if form.is_list:
            free = objects.next_id([entry.id for entry in plan.entries.get(section, [])])
            values = {"id": free} if free else {}
        return Located(form, chosen, None, values, saving.digest(chosen.read_bytes()), None)

    def files_for(self, plan: WorkspacePlan, section: str) -> list[Path]:
        """The files a new object of ``section`` may go into: those with the section, else all."""
        holding = [Path(source.file) for source in plan.sources if section in source.data]
        return holding or [Path(source.file) for source in plan.sources]

    def digests(self, files: list[Path]) -> dict[str, str]:
        """The fingerprint of each file a new object may go into."""
        return {str(path): saving.digest(path.read_bytes()) for path in files}

    def submit(self, located: Located, form: Mapping[str, Sequence[str]], digest: str) -> saving.Saved:
        """Save a posted form (``digest``: the file's fingerprint when the form was opened)."""
        new = object_value(located.form.fields, form, located.values)
        change = saving.Change(located.file, digest, located.form.section, located.path, new, located.form.is_list)
        return saving.save(change, self._check_with)

    def _located(self, form: SectionForm, source: SourceFile, path: PathKey, identifier: str | None) -> Located:
        file = Path(source.file)
        values: Any = source.data
        for step in path:
            values = values[step]
        return Located(form, file, path, dict(values), saving.digest(file.read_bytes()), identifier)

    def _check_with(self, file: Path, candidate: Path) -> Checked:
        """Check the plan with ``file`` read from ``candidate`` (a save that is not written yet)."""

        def read(path: Path) -> tuple[sources.Loaded, list[Diagnostic]]:
            if path == file:
                result = sources.load(candidate, str(file))
                return result, schema.validate([result.source]) if result.source is not None else []
            return self.preview.read(path)

        return pipeline.check(self.plan_dir, read)


def _list_sections() -> list[str]:
    return [form.section for form in sections() if form.is_list]
