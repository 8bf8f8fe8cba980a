"""The pages of ``planc serve``: what each shows, made into HTML by planc's own templates.

Every word is translated into the page's language; every value a drafter wrote is escaped by the
template (Jinja2 with autoescape, in ``document.render``).
"""

from __future__ import annotations

import json
import urllib.parse
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from compiler.document.render import html_page
from compiler.editing import objects
from compiler.editing.schema_form import in_language, sections
from compiler.messages.diagnostics import Diagnostic, Severity, msg
from compiler.messages.report import summary
from compiler.messages.translate import Translator
from compiler.outcome import Checked
from compiler.preview.session import Snapshot
from compiler.serve.fields import FieldViews, FormContext
from compiler.serve.workspace import Located, Workspace, WorkspacePlan


@dataclass(frozen=True)
class Page:
    """What every page shares: its base address (with the token), language and the plan's title."""

    base: str
    language: str
    plan_title: str

    @property
    def translate(self) -> Translator:
        return Translator(self.language)

    def render(self, template: str, **context: Any) -> str:
        return html_page(template, self.language, base=self.base, plan_title=self.plan_title, **context)


def page_of(workspace: Workspace, checked: Checked | None, base: str) -> Page:
    """The shared frame of a page for a plan in this state."""
    title = checked.plan.meta.title if checked and checked.plan and checked.plan.meta else workspace.plan_dir.name
    return Page(base, workspace.language(checked), title)


def problems(page: Page, snapshot: Snapshot | None, plan: WorkspacePlan | None) -> str:
    """The panel of diagnostics (also sent alone to the page's script when the plan changes)."""
    return page.render("serve-problems.html.j2", **_panel_context(page, snapshot, plan))


def preview(page: Page, snapshot: Snapshot | None, plan: WorkspacePlan | None) -> str:
    """The preview: the diagnostics beside the document."""
    errors = snapshot is not None and snapshot.checked.has_errors()
    return page.render(
        "serve-preview.html.j2",
        page_title=page.translate(msg("Preview")),
        current="preview",
        version=snapshot.version if snapshot else 0,
        errors=errors,
        **_panel_context(page, snapshot, plan),
    )


def state(page: Page, snapshot: Snapshot | None, plan: WorkspacePlan | None) -> str:
    """What the preview's script needs after a change: the version, and the new panel."""
    version = snapshot.version if snapshot else 0
    errors = snapshot is not None and snapshot.checked.has_errors()
    return json.dumps({"version": version, "errors": errors, "panel": problems(page, snapshot, plan)})


def waiting(page: Page) -> str:
    """The document's place before the plan has ever been built without errors."""
    message = page.translate(msg("The document appears here as soon as the plan has no errors."))
    return page.render("serve-waiting.html.j2", page_title=page.plan_title, message=message)


def contents(page: Page, plan: WorkspacePlan) -> str:
    """Every section and object of the plan, each with a link to its form."""
    blocks = []
    for form in sections():
        entries = plan.entries.get(form.section, [])
        blocks.append(
            {
                "section": form.section,
                "title": in_language(form.title, page.language, " · "),
                "item_title": in_language(form.item_title, page.language, " · "),
                "help": in_language(form.description, page.language, "\n\n"),
                "is_list": form.is_list,
                "next_id": objects.next_id([entry.id for entry in entries]) if form.is_list else None,
                "link": f"{page.base}edit/{form.section}",
                "entries": [
                    {
                        "id": e.id,
                        "name": e.name,
                        "file": Path(e.source.file).name,
                        "link": _edit_link(page, form.section, e.id),
                    }
                    for e in entries
                ],
            }
        )
    return page.render(
        "serve-objects.html.j2", page_title=page.translate(msg("Plan contents")), current="objects", blocks=blocks
    )


@dataclass(frozen=True)
class FormState:
    """A form as shown: the object, the values in it, the messages by field and what happened."""

    located: Located
    values: Mapping[str, Any]
    by_field: dict[str, list[Diagnostic]] = field(default_factory=dict)
    general: list[Diagnostic] = field(default_factory=list)
    saved: bool = False
    refusal: str | None = None
    posted: Mapping[str, Sequence[str]] | None = None
    files: Sequence[Path] = ()
    digests: Mapping[str, str] = field(default_factory=dict)


def form(page: Page, plan: WorkspacePlan, state: FormState) -> str:
    """The form of one object."""
    translate = page.translate
    located = state.located
    item = in_language(located.form.item_title, page.language, " · ")
    title = f"{item} {located.identifier}" if located.identifier else item
    if located.path is None:
        title = translate(msg("New: {what}", what=item))
    context = FormContext(
        page.language,
        translate,
        plan.entries,
        plan.targets,
        located.form.section,
        state.by_field,
        state.posted,
        located.path is None,
    )
    views = FieldViews(context)
    fields = views.fields(located.form.fields, state.values)
    return page.render(
        "serve-form.html.j2",
        page_title=title,
        current="form",
        saved=translate(msg("Saved.")) if state.saved else None,
        refusal=state.refusal,
        general=[views.message(d) for d in state.general],
        help=in_language(located.form.description, page.language, "\n\n"),
        action="",
        digest=located.digest,
        file=str(located.file),
        files=[{"value": str(path), "selected": path == located.file} for path in state.files],
        digests=state.digests,
        fields=fields,
    )


def _panel_context(page: Page, snapshot: Snapshot | None, plan: WorkspacePlan | None) -> dict[str, Any]:
    if snapshot is None:
        return {
            "building": True,
            "stale": False,
            "failure": None,
            "problems": [],
            "summary": page.translate(msg("Preview")),
        }
    diagnostics = snapshot.checked.diagnostics
    return {
        "building": False,
        "stale": snapshot.stale,
        "failure": page.translate(snapshot.failure) if snapshot.failure is not None else None,
        "summary": summary(diagnostics, page.translate),
        "problems": [_problem(page, d, plan) for d in diagnostics],
    }


def _problem(page: Page, diagnostic: Diagnostic, plan: WorkspacePlan | None) -> dict[str, Any]:
    translate = page.translate
    where = diagnostic.where
    error = diagnostic.severity is Severity.ERROR
    return {
        "severity": diagnostic.severity.value,
        "severity_label": translate(msg("Error")) if error else translate(msg("Warning")),
        "message": translate(diagnostic.message),
        "hint": translate(diagnostic.hint) if diagnostic.hint else None,
        "file": where.file,
        "line": where.line,
        "column": where.column,
        "code": diagnostic.code,
        "editor": "vscode://file/"
        + urllib.parse.quote(str(Path(where.file).resolve()))
        + f":{where.line}:{where.column}",
        "form": _form_at(page, diagnostic, plan) if plan else None,
    }


def _form_at(page: Page, diagnostic: Diagnostic, plan: WorkspacePlan) -> str | None:
    """The form of the object a diagnostic is in, if it is in one."""
    where = diagnostic.where
    for section, entries in plan.entries.items():
        for entry in entries:
            if entry.source.file == where.file:
                first, last = objects.span(entry.source, entry.path)
                if first <= where.line <= last:
                    return _edit_link(page, section, entry.id)
    for source in plan.sources:
        if source.file == where.file:
            for key in source.keys:
                section = str(key[0])
                if len(key) == 1 and isinstance(source.data.get(section), dict):
                    first, last = objects.span(source, (section,))
                    if first <= where.line <= last:
                        return f"{page.base}edit/{section}"
    return None


def _edit_link(page: Page, section: str, identifier: str) -> str:
    return f"{page.base}edit/{section}/{urllib.parse.quote(identifier, safe='')}"
