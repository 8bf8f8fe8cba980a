"""The one direction of data flow: discover → load → validate → assemble → check (→ lay out → produce).

Every command is one function here that returns an ``Outcome``; nothing here prints or exits.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from compiler import checks, schema, sources
from compiler.messages.diagnostics import Diagnostic, Text, msg
from compiler.model.assembly import assemble
from compiler.outcome import Checked, Outcome


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
    for path in files:
        result, schema_problems = read(path)
        problems.extend(result.problems)
        problems.extend(schema_problems)
        if result.text is not None:
            texts[str(path)] = result.text
        if result.source is not None:
            loaded.append(result.source)
    complete = len(loaded) == len(files)
    plan, assembly_problems = assemble(loaded, complete)
    problems.extend(assembly_problems)
    problems.extend(checks.run_rules(plan, _grouping, complete))
    problems.sort(key=lambda d: d.sort_key)
    return Checked(plan, problems, texts)


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


def build(plan_dir: Path, options: BuildOptions) -> Outcome:
    """Check the plan; if it has no errors, write ``plan.md`` and the requested documents."""
    checked = check(plan_dir)
    if checked.has_errors(options.strict) or checked.plan is None or checked.plan.meta is None:
        return Outcome(checked, options.strict, notes=(msg("nothing was written."),))
    from compiler import production  # noqa: PLC0415 - Jinja2, Babel and pandoc: build only

    try:
        written = production.produce_plan(checked.plan, options.out, options.formats, options.epoch)
    except production.ToolchainError as problem:
        return Outcome(checked, options.strict, failure=str(problem))
    return Outcome(checked, options.strict, tuple(written), notes=_wrote(written))


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
