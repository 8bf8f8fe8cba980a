"""The one direction of data flow: discover → load → validate → assemble → check (→ build)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from compiler import checks, output, schema, sources
from compiler.assembly import assemble
from compiler.diagnostics import Diagnostic, Severity, Where, error, msg
from compiler.model import Meta, Plan

_LANG_LINE = re.compile(r"^\s+lang:\s*[\"']?([A-Za-z]{2,3})", re.MULTILINE)


@dataclass(frozen=True)
class Checked:
    """A plan after checking: the model (if it could be assembled), diagnostics and sources."""

    plan: Plan | None
    diagnostics: list[Diagnostic]
    texts: dict[str, str] = field(default_factory=dict)

    def has_errors(self, strict: bool = False) -> bool:
        """True if the plan must not be built."""
        failing = {Severity.ERROR, Severity.WARNING} if strict else {Severity.ERROR}
        return any(d.severity in failing for d in self.diagnostics)

    @property
    def language(self) -> str | None:
        """The plan's language tag, even if the plan section could not be read."""
        if self.plan is not None and self.plan.meta is not None and self.plan.meta.lang:
            return self.plan.meta.lang
        for text in self.texts.values():
            found = _LANG_LINE.search(text)
            if found:
                return found.group(1)
        return None


def check(plan_dir: Path) -> Checked:
    """Load, validate and cross-check every plan file; collect every diagnostic."""
    files, problems = sources.discover(plan_dir)
    if not files:
        return Checked(None, [_no_files(plan_dir)])
    documents: list[sources.Document] = []
    texts: dict[str, str] = {}
    for path in files:
        loaded = sources.load(path, str(path))
        problems.extend(loaded.problems)
        if loaded.text is not None:
            texts[str(path)] = loaded.text
        if loaded.document is not None:
            documents.append(loaded.document)
    problems.extend(schema.validate(documents))
    complete = len(documents) == len(files)
    plan, assembly_problems = assemble(documents, complete)
    problems.extend(assembly_problems)
    problems.extend(checks.check(plan, complete))
    problems.sort(key=lambda d: d.sort_key)
    return Checked(plan, problems, texts)


def _no_files(plan_dir: Path) -> Diagnostic:
    return error(
        Where(str(plan_dir)),
        "no-plan-files",
        msg("There are no .yaml files in {folder}.", folder=str(plan_dir)),
        msg("Write the plan in files ending in .yaml inside this folder, or give the right folder."),
    )


@dataclass(frozen=True)
class BuildOptions:
    """Where to write which formats, and the fixed time of the build (``SOURCE_DATE_EPOCH``)."""

    out: Path
    formats: tuple[str, ...]
    epoch: int | None = None
    strict: bool = False


@dataclass(frozen=True)
class Built:
    """A build: the check it rests on, and the files it wrote (none if the plan had errors)."""

    checked: Checked
    written: list[Path] = field(default_factory=list)


def build(plan_dir: Path, options: BuildOptions) -> Built:
    """Check the plan; if it has no errors, write ``plan.md`` and the requested documents."""
    checked = check(plan_dir)
    if checked.has_errors(options.strict) or checked.plan is None or checked.plan.meta is None:
        return Built(checked)
    from compiler import outputs  # noqa: PLC0415 - Jinja2, Babel: build only

    return Built(checked, outputs.produce(_request(checked.plan, options)))


def publish(plan_dir: Path, root: Path, epoch: int | None = None) -> Built:
    """Check the plan strictly, build it, and add it to ``root`` as a new version."""
    checked = check(plan_dir)
    if checked.has_errors(strict=True) or checked.plan is None or checked.plan.meta is None:
        return Built(checked)
    from compiler import outputs, publish, render  # noqa: PLC0415
    from compiler.i18n import Translator  # noqa: PLC0415

    meta = checked.plan.meta
    release = publish.Release(
        meta.title, meta.version, meta.slug or publish.slugify(meta.title), _date(meta), meta.status
    )
    publish.folder_for(root, release)
    with output.staging(root) as scratch:
        request = _request(checked.plan, BuildOptions(scratch / "documents", outputs.FORMATS, epoch))
        built = {path.name: path for path in outputs.produce(request)}
        target = publish.assemble(built, release, root)
    index = render.index(publish.releases(root), Translator(meta.lang))
    output.write_bytes(root / "index.html", index.encode("utf-8"))
    return Built(checked, [*sorted(target.iterdir()), root / "index.html"])


def _date(meta: Meta) -> str:
    day = meta.date.first_day() if meta.date else None
    return day.isoformat() if day else ""


def _request(plan: Plan, options: BuildOptions) -> Any:
    """Render the plan to Markdown and describe the documents to produce from it."""
    from compiler import outputs, render, view  # noqa: PLC0415
    from compiler.i18n import Translator  # noqa: PLC0415

    meta = plan.meta
    if meta is None:
        raise ValueError("a plan without metadata cannot be built")
    translate = Translator(meta.lang)
    markdown = render.render(view.build(plan, translate), translate.language)
    chrome = outputs.Chrome(
        title=meta.title,
        lang=meta.lang,
        version_label=translate(msg("Version {version}", version=meta.version)),
        draft_mark=translate(msg("DRAFT")) if meta.status != "approved" else None,
        draft_note=translate(msg("This plan is not approved yet: its content may still change.")),
        toc_title=translate(msg("Contents")),
        skip_label=translate(msg("Skip to content")),
        footer_note=translate(
            msg(
                "{title}, version {version}. Compiled by planc from the plan's sources.",
                title=meta.title,
                version=meta.version,
            )
        ),
        page_label=translate(msg("Page {page} of {pages}", page="{page}", pages="{pages}")),
    )
    return outputs.Request(markdown, chrome, options.formats, options.out, view.build_date(plan, options.epoch))
