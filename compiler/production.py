"""From a checked plan to documents on disk: lay it out, render its Markdown, produce, publish."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

from compiler.charts import Chart
from compiler.document.change_list import ChangeWords, changes_as
from compiler.document.chrome import build_date, page_chrome
from compiler.document.excerpt import lay_out_for
from compiler.document.formats import Formats
from compiler.document.layout import lay_out
from compiler.document.register_files import RegisterWords, register_as
from compiler.document.render import render_index, render_markdown, render_report
from compiler.document.report import lay_out_report
from compiler.messages.diagnostics import Text, msg
from compiler.messages.suggest import did_you_mean
from compiler.messages.translate import Translator
from compiler.model import Meta, Organisation, Plan
from compiler.opendata import export_plan
from compiler.outputs import publish, staging
from compiler.outputs.produce import Request, ToolchainError, cannot_write, produce
from compiler.outputs.publish import PublishError
from compiler.outputs.registry import FORMATS
from compiler.review.changes import ADDED, CHANGED, REMOVED, Changes
from compiler.review.register import Register
from compiler.review.snapshot import PlanData

__all__ = [
    "Extras",
    "PublishError",
    "ToolchainError",
    "chosen_organisations",
    "describe_changes",
    "describe_register",
    "export_open_data",
    "markdown_of",
    "organisation_markdown_of",
    "plan_markdown_of",
    "produce_for",
    "produce_plan",
    "produce_report",
    "publish_plan",
    "report_markdown_of",
]

#: The monitoring report's files: ``monitoring.md``, ``monitoring.html``…
REPORT_NAME = "monitoring"
#: One organisation's own documents: ``plan-comune-al.pdf``…
ORGANISATION_PREFIX = "plan-"


@dataclass(frozen=True)
class Extras:
    """What a build adds to the plan's own content: the changes since a version, the sources' fingerprint."""

    changes: Changes | None = None
    fingerprint: str = ""


def _meta(plan: Plan) -> Meta:
    if plan.meta is None:
        raise ValueError("a plan without metadata cannot be built")
    return plan.meta


def markdown_of(plan: Plan, changes: Changes | None = None) -> str:
    """The plan as pandoc Markdown (``build/plan.md``), in its own language."""
    return plan_markdown_of(plan, changes)[0]


def plan_markdown_of(plan: Plan, changes: Changes | None = None) -> tuple[str, tuple[Chart, ...]]:
    """The plan as pandoc Markdown, and the charts it leaves placeholders for."""
    translate = Translator.for_document(_meta(plan).lang)
    document = lay_out(plan, translate, changes)
    return render_markdown(document, translate.language), document.charts


def describe_changes(
    changes: Changes, new: PlanData, labels: tuple[str, str], output_format: str, lang: str | None
) -> str:
    """What changed, in words (``planc diff``), in ``lang`` or the new version's language."""
    found = new.get("plan")
    meta: dict[str, object] = found if isinstance(found, dict) else {}
    tag = lang or str(meta.get("lang") or "en")
    words = ChangeWords(Translator(tag), Formats(tag, str(meta.get("currency") or "EUR")), changes.names)
    return changes_as(changes, words, labels, output_format)


def describe_register(register: Register, plan: Plan, output_format: str, lang: str, about: dict[str, object]) -> str:
    """The register of reviewers' remarks as CSV, Markdown or JSON, naming the plan's objects."""
    titles = {thing.id: str(getattr(thing, "title", None) or getattr(thing, "name", "")) for thing in plan.identified()}
    words = RegisterWords(Translator(lang), Formats(lang, _meta(plan).currency), titles)
    return register_as(register, words, output_format, about)


def _request(plan: Plan, out: Path, formats: tuple[str, ...], epoch: int | None, extras: Extras) -> Request:
    """Render the plan to Markdown and describe the documents to produce from it."""
    meta = _meta(plan)
    chrome = dataclasses.replace(page_chrome(meta, Translator.for_document(meta.lang)), fingerprint=extras.fingerprint)
    markdown, charts = plan_markdown_of(plan, extras.changes)
    return Request(markdown, chrome, formats, out, build_date(plan, epoch), charts=charts)


def produce_plan(
    plan: Plan, out: Path, formats: tuple[str, ...], epoch: int | None, extras: Extras | None = None
) -> list[Path]:
    """Write ``plan.md`` and the documents of a checked plan into ``out``."""
    return produce(_request(plan, out, formats, epoch, extras or Extras()))


def publish_plan(plan: Plan, root: Path, epoch: int | None, extras: Extras, snapshot: str) -> list[Path]:
    """Build every format of a checked plan and add it to ``root`` as a new version with its snapshot: all or nothing."""
    meta = _meta(plan)
    day = meta.date.first_day() if meta.date else None
    changes = extras.changes
    summary = None
    if changes is not None:
        summary = {
            "since": changes.old_version,
            "changed": changes.count(CHANGED),
            "added": changes.count(ADDED),
            "removed": changes.count(REMOVED),
            "renamed": changes.renamed,
        }
    release = publish.Release(
        meta.title,
        meta.version,
        meta.slug or publish.slugify(meta.title),
        day.isoformat() if day else "",
        meta.status,
        extras.fingerprint,
        summary,
    )
    publish.folder_for(root, release)
    try:
        published = publish.releases(root) if root.is_dir() else []  # a broken manifest stops it here
        with staging.staging(root) as scratch:
            request = _request(plan, scratch / "documents", FORMATS, epoch, extras)
            built = {path.name: path for path in produce(request)}
            data = {path.name: path for path in export_plan(plan, scratch / "opendata", release.slug)}
            folder, manifest = publish.stage(built, release, scratch, snapshot, data)
            page = render_index(publish.newest_first([manifest, *published]), Translator.for_document(meta.lang))
            target = publish.place(folder, root, page.encode("utf-8"))
    except OSError as problem:
        raise ToolchainError(cannot_write(root, problem)) from problem
    return [*sorted(target.iterdir()), root / "index.html"]


def organisation_markdown_of(plan: Plan, organisation: Organisation) -> str:
    """One organisation's own document as pandoc Markdown (``plan-ID.md``)."""
    translate = Translator.for_document(_meta(plan).lang)
    return render_markdown(lay_out_for(plan, translate, organisation), translate.language)


def produce_for(
    plan: Plan, organisation: Organisation, out: Path, formats: tuple[str, ...], epoch: int | None
) -> list[Path]:
    """Write one organisation's own documents (``plan-ID.md``, ``plan-ID.html``…) into ``out``."""
    meta = _meta(plan)
    translate = Translator.for_document(meta.lang)
    chrome = page_chrome(meta, translate)
    chrome = dataclasses.replace(chrome, title=f"{meta.title} — {organisation.name}")
    markdown = organisation_markdown_of(plan, organisation)
    name = f"{ORGANISATION_PREFIX}{organisation.id}"
    return produce(Request(markdown, chrome, formats, out, build_date(plan, epoch), name, excerpt=True))


def report_markdown_of(plan: Plan) -> tuple[str, tuple[Chart, ...]]:
    """The monitoring report as pandoc Markdown, and the charts it leaves placeholders for."""
    translate = Translator.for_document(_meta(plan).lang)
    document = lay_out_report(plan, translate)
    return render_report(document, translate.language), document.charts


def produce_report(plan: Plan, out: Path, formats: tuple[str, ...], epoch: int | None) -> list[Path]:
    """Write ``monitoring.md`` and the monitoring report's documents of a checked plan into ``out``."""
    meta = _meta(plan)
    translate = Translator.for_document(meta.lang)
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
        raise ToolchainError(cannot_write(out, exc)) from exc


def chosen_organisations(plan: Plan, names: tuple[str, ...]) -> tuple[list[Organisation], tuple[Text, ...]] | Text:
    """The organisations ``names`` (``--for``) name, or else the signatories; or why a name is not one."""
    known = {organisation.id: organisation for organisation in plan.organisations}
    for identifier in names:
        if identifier not in known:
            return _not_an_organisation(plan, identifier)
    if names:
        return [known[identifier] for identifier in dict.fromkeys(names)], ()
    signatories = [organisation for organisation in plan.organisations if organisation.signatory]
    if signatories:
        return signatories, ()
    return list(plan.organisations), (
        msg("The plan marks no organisation as a signatory (“signatory: true”): one document for each organisation."),
    )


def _not_an_organisation(plan: Plan, identifier: str) -> Text:
    """Why ``identifier`` names no organisation: a body, or nothing (with the likeliest meant)."""
    if any(body.id == identifier for body in plan.governance):
        return msg(
            "“{id}” is a governance body, not an organisation: --for takes the id of an organisation.", id=identifier
        )
    guess = did_you_mean(identifier, [organisation.id for organisation in plan.organisations])
    unknown = msg("The plan has no organisation with the id “{id}”.", id=identifier)
    return msg("{unknown} {guess}", unknown=unknown, guess=guess) if guess else unknown
