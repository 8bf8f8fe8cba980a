"""The one direction of data flow: discover → load → validate → assemble → check (→ lay out → produce).

Every command is one function here that returns an ``Outcome``; nothing here prints or exits.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from compiler import checks, schema, sources
from compiler.messages.diagnostics import Text, msg
from compiler.model.assembly import assemble
from compiler.outcome import Checked, Outcome


def check(plan_dir: Path) -> Checked:
    """Load, validate and cross-check every plan file; collect every diagnostic."""
    files, problems = sources.discover(plan_dir)
    if not files:
        return Checked(None, problems)
    loaded: list[sources.SourceFile] = []
    texts: dict[str, str] = {}
    for path in files:
        result = sources.load(path, str(path))
        problems.extend(result.problems)
        if result.text is not None:
            texts[str(path)] = result.text
        if result.source is not None:
            loaded.append(result.source)
    problems.extend(schema.validate(loaded))
    complete = len(loaded) == len(files)
    plan, assembly_problems = assemble(loaded, complete)
    problems.extend(assembly_problems)
    problems.extend(checks.run_rules(plan, complete))
    problems.sort(key=lambda d: d.sort_key)
    return Checked(plan, problems, texts)


@dataclass(frozen=True)
class BuildOptions:
    """Where to write which formats, and the fixed time of the build (``SOURCE_DATE_EPOCH``)."""

    out: Path
    formats: tuple[str, ...]
    epoch: int | None = None
    strict: bool = False
    document: str = "plan"  #: ``plan``, or ``monitoring`` for the monitoring report


def build(plan_dir: Path, options: BuildOptions) -> Outcome:
    """Check the plan; if it has no errors, write ``plan.md`` and the requested documents."""
    checked = check(plan_dir)
    if checked.has_errors(options.strict) or checked.plan is None or checked.plan.meta is None:
        return Outcome(checked, options.strict, notes=(msg("nothing was written."),))
    from compiler import production  # noqa: PLC0415 - Jinja2, Babel and pandoc: build only

    if options.document == "monitoring" and checked.plan.monitoring is None:
        refusal = msg(
            "the plan has no “monitoring” section (the date its data are as of): there is no report to build."
        )
        return Outcome(checked, options.strict, refusal=refusal)
    produce = production.produce_report if options.document == "monitoring" else production.produce_plan
    try:
        written = produce(checked.plan, options.out, options.formats, options.epoch)
    except production.ToolchainError as problem:
        return Outcome(checked, options.strict, failure=str(problem))
    return Outcome(checked, options.strict, tuple(written), notes=_wrote(written))


def export(plan_dir: Path, out: Path, strict: bool = False) -> Outcome:
    """Check the plan; if it has no errors, write its open data (JSON, CSV tables, Data Package) into ``out``."""
    checked = check(plan_dir)
    if checked.has_errors(strict) or checked.plan is None or checked.plan.meta is None:
        return Outcome(checked, strict, notes=(msg("nothing was written."),))
    from compiler import production  # noqa: PLC0415

    try:
        written = production.export_open_data(checked.plan, out)
    except production.ToolchainError as problem:
        return Outcome(checked, strict, failure=str(problem))
    return Outcome(checked, strict, tuple(written), notes=_wrote(written))


def publish(plan_dir: Path, root: Path, epoch: int | None = None) -> Outcome:
    """Check the plan strictly, build it, and add it to ``root`` as a new version."""
    checked = check(plan_dir)
    if checked.has_errors(strict=True) or checked.plan is None or checked.plan.meta is None:
        return Outcome(checked, True, notes=(msg("not published: fix the errors and warnings above first."),))
    from compiler import production  # noqa: PLC0415

    try:
        written = production.publish_plan(checked.plan, root, epoch)
    except production.PublishError as refusal:
        return Outcome(checked, True, refusal=msg("{reason}", reason=str(refusal)))
    except production.ToolchainError as problem:
        return Outcome(checked, True, failure=str(problem))
    return Outcome(checked, True, tuple(written), notes=_wrote(written))


def _wrote(paths: list[Path]) -> tuple[Text, ...]:
    return tuple(msg("wrote {path}", path=str(path)) for path in paths)
