"""From a checked plan to documents on disk: lay it out, render its Markdown, produce, publish."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from compiler.charts import Chart
from compiler.document.chrome import build_date, page_chrome
from compiler.document.layout import lay_out
from compiler.document.render import render_index, render_markdown, render_report
from compiler.document.report import lay_out_report
from compiler.messages.diagnostics import msg
from compiler.messages.translate import Translator
from compiler.model import Meta, Plan
from compiler.opendata import export_plan
from compiler.outputs import publish, staging
from compiler.outputs.produce import Request, ToolchainError, produce
from compiler.outputs.publish import PublishError
from compiler.outputs.registry import FORMATS

__all__ = [
    "PublishError",
    "ToolchainError",
    "export_open_data",
    "markdown_of",
    "produce_plan",
    "produce_report",
    "publish_plan",
    "report_markdown_of",
]

#: The monitoring report's files: ``monitoring.md``, ``monitoring.html``…
REPORT_NAME = "monitoring"


def _meta(plan: Plan) -> Meta:
    if plan.meta is None:
        raise ValueError("a plan without metadata cannot be built")
    return plan.meta


def markdown_of(plan: Plan) -> str:
    """The plan as pandoc Markdown (``build/plan.md``), in its own language."""
    translate = Translator(_meta(plan).lang)
    return render_markdown(lay_out(plan, translate), translate.language)


def _request(plan: Plan, out: Path, formats: tuple[str, ...], epoch: int | None) -> Request:
    """Render the plan to Markdown and describe the documents to produce from it."""
    meta = _meta(plan)
    chrome = page_chrome(meta, Translator(meta.lang))
    return Request(markdown_of(plan), chrome, formats, out, build_date(plan, epoch))


def produce_plan(plan: Plan, out: Path, formats: tuple[str, ...], epoch: int | None) -> list[Path]:
    """Write ``plan.md`` and the documents of a checked plan into ``out``."""
    return produce(_request(plan, out, formats, epoch))


def publish_plan(plan: Plan, root: Path, epoch: int | None) -> list[Path]:
    """Build every format of a checked plan and add it to ``root`` as a new version."""
    meta = _meta(plan)
    day = meta.date.first_day() if meta.date else None
    release = publish.Release(
        meta.title, meta.version, meta.slug or publish.slugify(meta.title), day.isoformat() if day else "", meta.status
    )
    publish.folder_for(root, release)
    with staging.staging(root) as scratch:
        built = {path.name: path for path in produce(_request(plan, scratch / "documents", FORMATS, epoch))}
        data = {path.name: path for path in export_plan(plan, scratch / "opendata", release.slug)}
        target = publish.place_release(built, release, root, data)
    page = render_index(publish.releases(root), Translator(meta.lang))
    staging.write_bytes(root / "index.html", page.encode("utf-8"))
    return [*sorted(target.iterdir()), root / "index.html"]


def report_markdown_of(plan: Plan) -> tuple[str, tuple[Chart, ...]]:
    """The monitoring report as pandoc Markdown, and the charts it leaves placeholders for."""
    translate = Translator(_meta(plan).lang)
    document = lay_out_report(plan, translate)
    return render_report(document, translate.language), document.charts


def produce_report(plan: Plan, out: Path, formats: tuple[str, ...], epoch: int | None) -> list[Path]:
    """Write ``monitoring.md`` and the monitoring report's documents of a checked plan into ``out``."""
    meta = _meta(plan)
    translate = Translator(meta.lang)
    markdown, charts = report_markdown_of(plan)
    chrome = page_chrome(meta, translate)
    title = translate(msg("Monitoring report — {title}", title=meta.title))
    chrome = dataclasses.replace(chrome, title=title, draft_mark=None)
    request = Request(markdown, chrome, formats, out, build_date(plan, epoch), REPORT_NAME, charts)
    return produce(request)


def export_open_data(plan: Plan, out: Path) -> list[Path]:
    """Write a checked plan's open data into ``out``."""
    meta = _meta(plan)
    try:
        return export_plan(plan, out, meta.slug or publish.slugify(meta.title))
    except OSError as exc:
        raise ToolchainError(f"cannot write the open data in {out}: {exc.strerror or exc}") from exc
