"""The one direction of data flow: discover → load → validate → assemble → check (→ lay out → produce).

Every command is one function here that returns an ``Outcome``; nothing here prints or exits.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from compiler import checks, schema, sources
from compiler.checks.rules.unknown_references import CODE as UNKNOWN_REFERENCE
from compiler.messages.diagnostics import Diagnostic, Text, msg
from compiler.model.assembly import assemble
from compiler.outcome import Checked, Outcome
from compiler.review.snapshot import (
    SNAPSHOT_NAME,
    PlanData,
    SnapshotError,
    fingerprint,
    plan_data,
    read_snapshot,
    to_json,
)

if TYPE_CHECKING:
    from compiler.review.changes import Changes
from compiler.schema.codes import INVALID_ID


def read_file(path: Path) -> tuple[sources.Loaded, list[Diagnostic]]:
    """One plan file read and checked against the schema: what it holds, and its problems."""
    result = sources.load(path, str(path))
    return result, schema.validate([result.source]) if result.source is not None else []


def check(plan_dir: Path, read: Callable[[Path], tuple[sources.Loaded, list[Diagnostic]]] = read_file) -> Checked:
    """Load, validate and cross-check every plan file; collect every diagnostic.

    ``read`` reads one file (``planc serve`` passes one that remembers the files it has read).
    """
    files, problems = sources.discover(plan_dir)
    if not files:
        return Checked(None, problems)
    loaded: list[sources.SourceFile] = []
    texts: dict[str, str] = {}
    schema_problems: list[Diagnostic] = []
    for path in files:
        result, validated = read(path)
        problems.extend(result.problems)
        schema_problems.extend(validated)
        if result.text is not None:
            texts[str(path)] = result.text
        if result.source is not None:
            loaded.append(result.source)
    complete = len(loaded) == len(files)
    plan, assembly_problems = assemble(loaded, complete)
    problems.extend(assembly_problems)
    cross_problems = list(checks.run_rules(plan, _grouping, complete))
    # A value the schema refused and a cross-check explained (a title written as an id): say it once.
    explained = {d.where for d in cross_problems if d.code == UNKNOWN_REFERENCE.name}
    problems.extend(d for d in schema_problems if not (d.code == INVALID_ID.name and d.where in explained))
    problems.extend(cross_problems)
    problems.sort(key=lambda d: d.sort_key)
    return Checked(plan, problems, texts, plan_data(loaded))


@dataclass(frozen=True)
class Versions:
    """Where the versions named on the command line are looked for (``review.versions``)."""

    plan_dir: Path = Path("plan")
    published: Path = Path("build/publish")


class UnusableVersion(Exception):
    """A version that cannot be compared: not found, or not a plan without errors."""

    def __init__(self, reason: Text, checked: Checked | None = None) -> None:
        super().__init__(reason.msgid)
        self.reason = reason
        self.checked = checked


@contextmanager
def scratch_folder() -> Iterator[Path]:
    """A private folder for copies of git revisions, removed afterwards."""
    with tempfile.TemporaryDirectory(prefix="planc-versions-") as folder:
        yield Path(folder)


def read_version(spec: str, versions: Versions, scratch: Path) -> PlanData:
    """The plan data of the version ``spec`` names; ``UnusableVersion`` if it has none to compare."""
    from compiler.review.versions import VersionNotFound, find_version  # noqa: PLC0415 - not for `planc check`

    try:
        version = find_version(spec, versions.plan_dir, versions.published, scratch)
        if version.snapshot is not None:
            return read_snapshot(version.snapshot)
    except VersionNotFound as missing:
        raise UnusableVersion(missing.reason) from missing
    except SnapshotError as broken:
        raise UnusableVersion(msg("{problem}", problem=str(broken))) from broken
    checked = check(version.folder or Path(spec))
    if checked.has_errors() or not checked.data:
        raise UnusableVersion(msg("The plan in {spec} has errors: it cannot be compared.", spec=spec), checked)
    return checked.data


def _grouping(lang: str) -> str:
    """The thousands separator of a language, from Babel's locale data (asked only about numbers like 12.000)."""
    from compiler.document.formats import grouping  # noqa: PLC0415 - Babel: build only, but for this question

    return grouping(lang)


@dataclass(frozen=True)
class BuildOptions:
    """Where to write which formats, and the fixed time of the build (``SOURCE_DATE_EPOCH``)."""

    out: Path
    formats: tuple[str, ...]
    epoch: int | None = None
    strict: bool = False
    since: str | None = None  #: add the annex of changes since this version
    versions: Versions = field(default_factory=Versions)
    document: str = "plan"  #: ``plan``, or ``monitoring`` for the monitoring report
    organisations: tuple[str, ...] = ()  #: build the documents of these organisations (``--for``) instead
    signatories: bool = False  #: build the documents of every signatory instead


def build(plan_dir: Path, options: BuildOptions) -> Outcome:
    """Check the plan; if it has no errors, write ``plan.md`` and the requested documents."""
    checked = check(plan_dir)
    if checked.has_errors(options.strict) or checked.plan is None or checked.plan.meta is None:
        return Outcome(checked, options.strict, notes=(msg("nothing was written."),))
    if options.document == "monitoring":
        return _build_report(checked, options)
    if options.organisations or options.signatories:
        return _build_for(checked, options)
    from compiler import production  # noqa: PLC0415 - Jinja2, Babel and pandoc: build only

    try:
        changes = _changes_since(options.since, checked, options.versions)
        extra = production.Extras(changes=changes, fingerprint=fingerprint(checked.data))
        written = production.produce_plan(checked.plan, options.out, options.formats, options.epoch, extra)
    except UnusableVersion as unusable:
        return Outcome(unusable.checked or checked, options.strict, unusable=unusable.reason)
    except production.ToolchainError as problem:
        return Outcome(checked, options.strict, failure=problem.message)
    return Outcome(checked, options.strict, tuple(written), notes=_wrote(written))


def _build_report(checked: Checked, options: BuildOptions) -> Outcome:
    """The monitoring report of a checked plan, when the plan says what date its data are as of."""
    from compiler import production  # noqa: PLC0415

    if checked.plan is None or checked.plan.monitoring is None:
        refusal = msg(
            "the plan has no “monitoring” section (the date its data are as of): there is no report to build."
        )
        return Outcome(checked, options.strict, refusal=refusal)
    try:
        written = production.produce_report(checked.plan, options.out, options.formats, options.epoch)
    except production.ToolchainError as problem:
        return Outcome(checked, options.strict, failure=problem.message)
    return Outcome(checked, options.strict, tuple(written), notes=_wrote(written))


def _build_for(checked: Checked, options: BuildOptions) -> Outcome:
    """The documents of each organisation named (or of every signatory), once every name is known."""
    from compiler import production  # noqa: PLC0415

    plan = checked.plan
    if plan is None:
        return Outcome(checked, options.strict)
    chosen = production.chosen_organisations(plan, options.organisations)
    if isinstance(chosen, Text):
        return Outcome(checked, options.strict, refusal=chosen, notes=(msg("nothing was written."),))
    organisations, notes = chosen
    written: list[Path] = []
    try:
        for organisation in organisations:
            written.extend(production.produce_for(plan, organisation, options.out, options.formats, options.epoch))
    except production.ToolchainError as problem:
        return Outcome(checked, options.strict, failure=problem.message)
    return Outcome(checked, options.strict, tuple(written), notes=(*notes, *_wrote(written)))


def export(plan_dir: Path, out: Path, strict: bool = False) -> Outcome:
    """Check the plan; if it has no errors, write its open data (JSON, CSV tables, Data Package) into ``out``."""
    checked = check(plan_dir)
    if checked.has_errors(strict) or checked.plan is None or checked.plan.meta is None:
        return Outcome(checked, strict, notes=(msg("nothing was written."),))
    from compiler import production  # noqa: PLC0415

    try:
        written = production.export_open_data(checked.plan, out)
    except production.ToolchainError as problem:
        return Outcome(checked, strict, failure=problem.message)
    return Outcome(checked, strict, tuple(written), notes=_wrote(written))


def publish(plan_dir: Path, root: Path, epoch: int | None = None, since: str | None = None) -> Outcome:
    """Check the plan strictly, build it with the changes since ``since`` (or the latest version), and add it to ``root``."""
    checked = check(plan_dir)
    if checked.has_errors(strict=True) or checked.plan is None or checked.plan.meta is None:
        return Outcome(checked, True, notes=(msg("not published: fix the errors and warnings above first."),))
    from compiler import production  # noqa: PLC0415

    try:  # reading the published versions may fail too (a broken manifest): the same answers
        changes = _changes_since(since, checked, Versions(plan_dir, root)) if since else _since_latest(root, checked)
        extras = production.Extras(changes=changes, fingerprint=fingerprint(checked.data))
        written = production.publish_plan(checked.plan, root, epoch, extras, to_json(checked.data))
    except UnusableVersion as unusable:
        return Outcome(unusable.checked or checked, True, unusable=unusable.reason)
    except production.PublishError as refusal:
        return Outcome(checked, True, refusal=refusal.message)
    except production.ToolchainError as problem:
        return Outcome(checked, True, failure=problem.message)
    return Outcome(checked, True, tuple(written), notes=_wrote(written))


@dataclass(frozen=True)
class DiffOptions:
    """Which two versions to compare, and how to say what changed."""

    old: str
    new: str
    versions: Versions = field(default_factory=Versions)
    output_format: str = "text"
    lang: str | None = None


def diff(options: DiffOptions) -> Outcome:
    """Compare two versions object by object; the outcome ``differs`` when they do (exit 1, as ``diff``)."""
    try:
        with scratch_folder() as scratch:
            old = read_version(options.old, options.versions, scratch)
            new = read_version(options.new, options.versions, scratch)
    except UnusableVersion as unusable:
        return Outcome(unusable.checked, unusable=unusable.reason, language=options.lang or _language(options))
    from compiler import production  # noqa: PLC0415 - Babel: only to say what changed
    from compiler.review.changes import compare  # noqa: PLC0415

    changes = compare(old, new)
    text = production.describe_changes(changes, new, (options.old, options.new), options.output_format, options.lang)
    return Outcome(output=text, differs=bool(changes.objects), language=options.lang or _data_language(new))


def _language(options: DiffOptions) -> str | None:
    """The plan's language, to speak it even when a version cannot be found."""
    folder = options.versions.plan_dir
    return check(folder).language if folder.is_dir() else None


def _data_language(data: PlanData) -> str | None:
    meta = data.get("plan")
    lang = meta.get("lang") if isinstance(meta, dict) else None
    return lang if isinstance(lang, str) else None


def _since_latest(root: Path, checked: Checked) -> Changes | None:
    """The changes since the latest version published in ``root`` that kept its snapshot, if any."""
    from compiler.outputs.publish import releases  # noqa: PLC0415
    from compiler.review.changes import compare  # noqa: PLC0415

    for release in releases(root) if root.is_dir() else []:
        stored = root / str(release.get("version", "")) / SNAPSHOT_NAME
        if stored.is_file():
            try:
                return compare(read_snapshot(stored), checked.data)
            except SnapshotError:
                return None
    return None


def _changes_since(since: str | None, checked: Checked, versions: Versions) -> Changes | None:
    if since is None:
        return None
    from compiler.review.changes import compare  # noqa: PLC0415 - not for `planc check`

    with scratch_folder() as scratch:
        return compare(read_version(since, versions, scratch), checked.data)


def _wrote(paths: list[Path]) -> tuple[Text, ...]:
    return tuple(msg("wrote {path}", path=str(path)) for path in paths)
