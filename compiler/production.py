"""From a checked plan to documents on disk: lay it out, render its Markdown, produce, publish."""

from __future__ import annotations

from pathlib import Path

from compiler.document.chrome import build_date, page_chrome
from compiler.document.layout import lay_out
from compiler.document.render import index, render
from compiler.messages.translate import Translator
from compiler.model import Meta, Plan
from compiler.outputs import publish, staging
from compiler.outputs.produce import Request, ToolchainError, cannot_write, produce
from compiler.outputs.publish import PublishError
from compiler.outputs.registry import FORMATS

__all__ = ["PublishError", "ToolchainError", "markdown_of", "produce_plan", "publish_plan"]


def _meta(plan: Plan) -> Meta:
    if plan.meta is None:
        raise ValueError("a plan without metadata cannot be built")
    return plan.meta


def markdown_of(plan: Plan) -> str:
    """The plan as pandoc Markdown (``build/plan.md``), in its own language."""
    translate = Translator(_meta(plan).lang)
    return render(lay_out(plan, translate), translate.language)


def _request(plan: Plan, out: Path, formats: tuple[str, ...], epoch: int | None) -> Request:
    """Render the plan to Markdown and describe the documents to produce from it."""
    meta = _meta(plan)
    chrome = page_chrome(meta, Translator(meta.lang))
    return Request(markdown_of(plan), chrome, formats, out, build_date(plan, epoch))


def produce_plan(plan: Plan, out: Path, formats: tuple[str, ...], epoch: int | None) -> list[Path]:
    """Write ``plan.md`` and the documents of a checked plan into ``out``."""
    return produce(_request(plan, out, formats, epoch))


def publish_plan(plan: Plan, root: Path, epoch: int | None) -> list[Path]:
    """Build every format of a checked plan and add it to ``root`` as a new version: all or nothing."""
    meta = _meta(plan)
    day = meta.date.first_day() if meta.date else None
    release = publish.Release(
        meta.title, meta.version, meta.slug or publish.slugify(meta.title), day.isoformat() if day else "", meta.status
    )
    publish.folder_for(root, release)
    try:
        published = publish.releases(root) if root.is_dir() else []  # a broken manifest stops it here
        with staging.staging(root) as scratch:
            built = {path.name: path for path in produce(_request(plan, scratch / "documents", FORMATS, epoch))}
            folder, manifest = publish.stage(built, release, scratch)
            page = index(publish.newest_first([manifest, *published]), Translator(meta.lang))
            target = publish.place(folder, root, page.encode("utf-8"))
    except OSError as problem:
        raise ToolchainError(cannot_write(root, problem)) from problem
    return [*sorted(target.iterdir()), root / "index.html"]
