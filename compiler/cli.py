"""The command line: options in, one pipeline call, the report out, and the exit code.

Exit codes: 0 no errors (warnings allowed); 1 the plan has errors (or warnings under
``--strict``); 2 usage error; 3 toolchain failure; 4 internal error.
"""

from __future__ import annotations

import os
import signal
import sys
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from compiler import __version__
from compiler.messages.report import REPORT_FORMATS
from compiler.outcome import EXIT_INTERNAL, EXIT_PLAN, EXIT_TOOLCHAIN, EXIT_USAGE
from compiler.review import CHANGE_FORMATS, REGISTER_FORMATS

if TYPE_CHECKING:
    from compiler.outcome import Outcome


@dataclass(frozen=True)
class ReportOptions:
    """How diagnostics are shown."""

    output_format: str
    lang: str | None
    strict: bool


def _report_options(function: Callable[..., Any]) -> Callable[..., Any]:
    function = click.option("--strict", is_flag=True, help="Treat warnings as errors.")(function)
    function = click.option(
        "--lang", type=click.Choice(["it", "en"]), help="Language of messages (default: the plan's)."
    )(function)
    return click.option(
        "--format",
        "output_format",
        type=click.Choice(REPORT_FORMATS),
        default="text",
        show_default=True,
        help="How to print diagnostics.",
    )(function)


def _out_option(default: Path, meaning: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    return click.option(
        "-o",
        "--out",
        type=click.Path(file_okay=False, path_type=Path),
        default=default,
        show_default=True,
        help=meaning,
    )


_PLAN_DIR = click.argument(
    "plan_dir", required=False, default="plan", type=click.Path(exists=True, file_okay=False, path_type=Path)
)


def _print_version(context: click.Context, _parameter: click.Parameter, value: bool) -> None:
    if not value or context.resilient_parsing:
        return
    from compiler.outputs import pandoc, typst  # noqa: PLC0415

    click.echo(f"planc {__version__}")
    for name, version in (("pandoc", pandoc.version), ("Typst", typst.version)):
        try:
            click.echo(f"{name} {version()}")
        except Exception as problem:  # say what is missing, never a traceback
            click.echo(f"{name}: not available ({problem})")
    context.exit()


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--version", is_flag=True, expose_value=False, is_eager=True, callback=_print_version, help="Show the versions."
)
@click.option("--traceback", "show_traceback", is_flag=True, help="Show the full traceback of an internal error.")
@click.pass_context
def cli(context: click.Context, show_traceback: bool) -> None:
    """Check a strategic plan written as YAML and build it into HTML, DOCX and PDF."""
    context.obj = show_traceback


@cli.command("check")
@_PLAN_DIR
@_report_options
def check_command(plan_dir: Path, output_format: str, lang: str | None, strict: bool) -> None:
    """Validate and cross-check the plan in PLAN_DIR (default: plan); write nothing."""
    from compiler import pipeline  # noqa: PLC0415 - keep `planc --help` fast
    from compiler.outcome import Outcome  # noqa: PLC0415

    _finish(Outcome(pipeline.check(plan_dir), strict), ReportOptions(output_format, lang, strict))


@cli.command("codes")
@click.option(
    "--lang", type=click.Choice(["it", "en"]), default="en", show_default=True, help="Language of the descriptions."
)
def codes_command(lang: str) -> None:
    """List every diagnostic code, its severity and what it means."""
    from compiler.catalogue import CATALOGUE  # noqa: PLC0415
    from compiler.messages.translate import Translator  # noqa: PLC0415

    translate = Translator(lang)
    width = max(map(len, CATALOGUE))
    for name, code in CATALOGUE.items():
        click.echo(f"{name:<{width}}  {code.severity.value:<7}  {translate(code.meaning)}")


@cli.command("import")
@click.argument("kind", type=click.Choice(["pnrr", "agid"]))
@click.argument("source_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "-o", "--out", type=click.Path(file_okay=False, path_type=Path), required=True, help="Folder for the plan files."
)
@click.option("-v", "--verbose", is_flag=True, help="List every value that could not be taken over, not only examples.")
def import_plan(kind: str, source_dir: Path, out: Path, verbose: bool) -> None:
    """Turn a real public plan (PNRR, AgID three-year plan) into planc sources in OUT."""
    from compiler import importers  # noqa: PLC0415

    code = importers.run(kind, source_dir, out, verbose)
    sys.exit({importers.EXIT_OUTPUT: EXIT_TOOLCHAIN}.get(code, code))


def _formats(value: str) -> tuple[str, ...]:
    from compiler.outputs.registry import FORMATS  # noqa: PLC0415

    chosen = tuple(dict.fromkeys(part.strip() for part in value.split(",") if part.strip()))
    unknown = [part for part in chosen if part not in FORMATS]
    if unknown or not chosen:
        raise click.BadParameter(f"choose among {', '.join(FORMATS)} (got {value!r})", param_hint="--to")
    return chosen


def _epoch() -> int | None:
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not value:
        return None
    if not value.isdigit():
        raise click.BadParameter(f"SOURCE_DATE_EPOCH must be a number of seconds, not {value!r}")
    return int(value)


def _plan_option(meaning: str, exists: bool) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    kind = click.Path(exists=exists, file_okay=False, path_type=Path)
    return click.option("--plan", "plan_dir", type=kind, default=Path("plan"), show_default=True, help=meaning)


def _lang_option(meaning: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    return click.option("--lang", type=click.Choice(["it", "en"]), help=meaning)


_PUBLISHED = click.option(
    "--published",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("build/publish"),
    show_default=True,
    help="Folder holding the published versions.",
)
_SINCE = click.option(
    "--since",
    metavar="VERSION",
    help="Add an annex of the changes since VERSION: a plan folder, a published version or a git revision.",
)


@cli.command("build")
@_PLAN_DIR
@_out_option(Path("build"), "Folder for the outputs.")
@click.option("--to", "formats", default="html,docx,pdf", show_default=True, help="Formats to write, comma-separated.")
@_SINCE
@_PUBLISHED
@_report_options
def build_command(
    plan_dir: Path,
    out: Path,
    formats: str,
    since: str | None,
    published: Path,
    output_format: str,
    lang: str | None,
    strict: bool,
) -> None:
    """Check the plan in PLAN_DIR and write OUT/plan.{html,docx,pdf} (and plan.md)."""
    from compiler import pipeline  # noqa: PLC0415

    versions = pipeline.Versions(plan_dir, published)
    options = pipeline.BuildOptions(out, _formats(formats), _epoch(), strict, since, versions)
    _finish(pipeline.build(plan_dir, options), ReportOptions(output_format, lang, strict))


@cli.command("publish")
@_PLAN_DIR
@_out_option(Path("build/publish"), "Folder holding the published versions.")
@click.option(
    "--since",
    metavar="VERSION",
    help="Compare with VERSION (default: the latest version published in OUT).",
)
@click.option("--format", "output_format", type=click.Choice(REPORT_FORMATS), default="text", show_default=True)
@click.option("--lang", type=click.Choice(["it", "en"]), help="Language of messages (default: the plan's).")
def publish_command(plan_dir: Path, out: Path, since: str | None, output_format: str, lang: str | None) -> None:
    """Publish the plan's version into OUT/<version>/ with the changes since the previous one (warnings refuse it)."""
    from compiler import pipeline  # noqa: PLC0415

    _finish(pipeline.publish(plan_dir, out, _epoch(), since), ReportOptions(output_format, lang, strict=True))


@cli.command("diff")
@click.argument("old")
@click.argument("new", required=False)
@_plan_option("The plan folder: NEW when it is not given, and the folder a git revision is taken from.", False)
@_PUBLISHED
@click.option("--format", "output_format", type=click.Choice(CHANGE_FORMATS), default="text", show_default=True)
@_lang_option("Language of the output (default: the plan's).")
def diff_command(
    old: str, new: str | None, plan_dir: Path, published: Path, output_format: str, lang: str | None
) -> None:
    """Say what changed from OLD to NEW, object by object; exit 1 if anything did, as diff does.

    OLD and NEW are plan folders, versions published in --published (0.2), or git revisions of the
    plan folder (HEAD~1, a tag, REV:FOLDER). NEW is the plan folder when left out.
    """
    from compiler import pipeline  # noqa: PLC0415

    versions = pipeline.Versions(plan_dir, published)
    options = pipeline.DiffOptions(old, new or str(plan_dir), versions, output_format, lang)
    report = "json" if output_format == "json" else "text"
    _finish(pipeline.diff(options), ReportOptions(report, lang, strict=False))


@cli.command("comments")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@_plan_option("The plan the comments are about.", True)
@_PUBLISHED
@click.option("--format", "output_format", type=click.Choice(REGISTER_FORMATS), default="csv", show_default=True)
@click.option("-o", "--out", type=click.Path(dir_okay=False, path_type=Path), help="Write the register to this file.")
@click.option(
    "--into",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Add the comments to the plan in this folder as observations awaiting a response (a new file).",
)
@_lang_option("Language of the register (default: the plan's).")
def comments_command(
    files: tuple[Path, ...],
    plan_dir: Path,
    published: Path,
    output_format: str,
    out: Path | None,
    into: Path | None,
    lang: str | None,
) -> None:
    """Read reviewers' comments from DOCX or ODT FILES into one register, tied to the plan's objects."""
    from compiler import feedback  # noqa: PLC0415

    options = feedback.CommentsOptions(files, plan_dir, published, output_format, lang, out, into)
    report = "json" if output_format == "json" else "text"
    _finish(feedback.comments(options), ReportOptions(report, lang, strict=False))


@cli.command("serve")
@_PLAN_DIR
@click.option("--port", type=click.IntRange(0, 65535), default=0, help="Port on 127.0.0.1 (default: any free port).")
@click.option("--no-browser", is_flag=True, help="Do not open the browser.")
@click.option("--lang", type=click.Choice(["it", "en"]), help="Language of the pages (default: the plan's).")
def serve_command(plan_dir: Path, port: int, no_browser: bool, lang: str | None) -> None:
    """Preview the plan in PLAN_DIR in the browser while you edit it, with forms that write the YAML."""
    from compiler import pipeline  # noqa: PLC0415
    from compiler.messages.diagnostics import msg  # noqa: PLC0415
    from compiler.messages.translate import Translator  # noqa: PLC0415

    translate = Translator(lang or pipeline.check(plan_dir).language or "en")
    try:
        from compiler.serve.server import serve as run  # noqa: PLC0415
    except ImportError as missing:
        hint = msg("planc serve needs its optional part: pip install 'planc[serve]' ({missing}).", missing=str(missing))
        click.echo(f"planc: {translate(hint)}", err=True)
        sys.exit(EXIT_TOOLCHAIN)

    def say(url: str) -> None:
        click.echo(translate(msg("planc: the preview is at {url} (Ctrl-C stops it)", url=url)), err=True)

    try:
        run(plan_dir, port, not no_browser, lang, say)
    except OSError as problem:
        refusal = msg("cannot listen on 127.0.0.1: {reason}", reason=problem.strerror or str(problem))
        click.echo(f"planc: {translate(refusal)}", err=True)
        sys.exit(EXIT_TOOLCHAIN)


@cli.command()
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--lang", type=click.Choice(["it", "en"]), default="it", show_default=True, help="Language of the new plan."
)
def init(folder: Path, lang: str) -> None:
    """Start a new plan in FOLDER: plan files that explain themselves, the schema, a Makefile, CI."""
    import datetime  # noqa: PLC0415

    from compiler import starter  # noqa: PLC0415
    from compiler.messages.diagnostics import msg  # noqa: PLC0415
    from compiler.messages.translate import Translator  # noqa: PLC0415

    translate = Translator(lang)
    try:
        written = starter.create(folder, lang, datetime.date.today())
    except starter.FolderNotEmpty:
        refusal = msg("{folder} already holds files: choose a new folder (nothing was written).", folder=str(folder))
        click.echo(f"planc: {translate(refusal)}", err=True)
        sys.exit(EXIT_PLAN)
    for path in written:
        click.echo(f"planc: {translate(msg('wrote {path}', path=str(path)))}", err=True)
    click.echo(
        translate(
            msg("Next: cd {folder} and run make (or planc serve plan to edit with a live preview).", folder=str(folder))
        )
    )


@cli.command()
@_PLAN_DIR
@click.option("--lang", type=click.Choice(["it", "en"]), help="Language of the headings (default: the plan's).")
def ids(plan_dir: Path, lang: str | None) -> None:
    """List the objects of the plan in PLAN_DIR with their names, and the next free id of each kind."""
    from compiler.editing import listing  # noqa: PLC0415
    from compiler.messages.translate import Translator  # noqa: PLC0415

    found = listing.listing(plan_dir)
    translate = Translator(lang or found.language or "en")
    click.echo(listing.render(found, translate), nl=False)


def _finish(outcome: Outcome, options: ReportOptions) -> None:
    """Print what a command did (the report, then its notes) and exit with its code: the one place."""
    from compiler.messages import report  # noqa: PLC0415
    from compiler.messages.translate import Translator  # noqa: PLC0415

    checked = outcome.checked
    translate = Translator(options.lang or (checked.language if checked else None) or outcome.language or "en")
    if outcome.failure is not None:
        click.echo(f"planc: {outcome.failure}", err=True)
        sys.exit(outcome.exit_code)
    if outcome.output is not None:  # the command's own output owns standard output; warnings go to stderr
        if checked is not None and checked.diagnostics:
            click.echo(report.format_diagnostics(checked.diagnostics, translate, "text"), err=True, nl=False)
        sys.stdout.write(outcome.output)
    elif checked is not None:
        carets = options.output_format == "text" and sys.stdout.isatty()
        texts = checked.texts if carets else None
        sys.stdout.write(report.format_diagnostics(checked.diagnostics, translate, options.output_format, texts))
        if options.output_format == "text":
            click.echo(report.summary(checked.diagnostics, translate), err=True)
    for note in (
        *((outcome.refusal,) if outcome.refusal else ()),
        *((outcome.unusable,) if outcome.unusable else ()),
        *outcome.notes,
    ):
        click.echo(f"planc: {translate(note)}", err=True)
    sys.exit(outcome.exit_code)


def _terminate(signum: int, _frame: object) -> None:
    """On SIGTERM, unwind like an interruption: child processes stop, staging folders go."""
    raise SystemExit(128 + signum)


def main() -> None:
    """Run the command line, turning any unexpected exception into exit code 4."""
    signal.signal(signal.SIGTERM, _terminate)
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Exit as done:
        sys.exit(done.exit_code)
    except click.ClickException as problem:
        problem.show()
        sys.exit(EXIT_USAGE)
    except click.Abort:
        click.echo("planc: interrupted", err=True)
        sys.exit(130)
    except KeyboardInterrupt:
        click.echo("planc: interrupted", err=True)
        sys.exit(130)
    except SystemExit:
        raise
    except Exception as exc:
        if "--traceback" in sys.argv[1:]:
            traceback.print_exc()
        else:
            click.echo(
                f"planc: internal error: {type(exc).__name__}: {exc} (run with --traceback for details)", err=True
            )
        sys.exit(EXIT_INTERNAL)
