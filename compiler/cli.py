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
from compiler.outcome import EXIT_INTERNAL, EXIT_TOOLCHAIN, EXIT_USAGE

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


@cli.command("build")
@_PLAN_DIR
@_out_option(Path("build"), "Folder for the outputs.")
@click.option("--to", "formats", default="html,docx,pdf", show_default=True, help="Formats to write, comma-separated.")
@click.option(
    "--document",
    type=click.Choice(["plan", "monitoring"]),
    default="plan",
    show_default=True,
    help="The plan itself, or its monitoring report (OUT/monitoring.*) at the date of its monitoring data.",
)
@_report_options
def build_command(
    plan_dir: Path, out: Path, formats: str, document: str, output_format: str, lang: str | None, strict: bool
) -> None:
    """Check the plan in PLAN_DIR and write OUT/plan.{html,docx,pdf} (and plan.md), or its monitoring report."""
    from compiler import pipeline  # noqa: PLC0415

    options = pipeline.BuildOptions(out, _formats(formats), _epoch(), strict, document)
    _finish(pipeline.build(plan_dir, options), ReportOptions(output_format, lang, strict))


@cli.command("export")
@_PLAN_DIR
@_out_option(Path("build/opendata"), "Folder for the open data.")
@_report_options
def export_command(plan_dir: Path, out: Path, output_format: str, lang: str | None, strict: bool) -> None:
    """Check the plan in PLAN_DIR and write its open data to OUT: plan.json, CSV tables, datapackage.json."""
    from compiler import pipeline  # noqa: PLC0415

    _finish(pipeline.export(plan_dir, out, strict), ReportOptions(output_format, lang, strict))


@cli.command("publish")
@_PLAN_DIR
@_out_option(Path("build/publish"), "Folder holding the published versions.")
@click.option("--format", "output_format", type=click.Choice(REPORT_FORMATS), default="text", show_default=True)
@click.option("--lang", type=click.Choice(["it", "en"]), help="Language of messages (default: the plan's).")
def publish_command(plan_dir: Path, out: Path, output_format: str, lang: str | None) -> None:
    """Publish the plan's version into OUT/<version>/ (a plan with warnings is refused)."""
    from compiler import pipeline  # noqa: PLC0415

    _finish(pipeline.publish(plan_dir, out, _epoch()), ReportOptions(output_format, lang, strict=True))


def _finish(outcome: Outcome, options: ReportOptions) -> None:
    """Print what a command did (the report, then its notes) and exit with its code: the one place."""
    from compiler.messages import report  # noqa: PLC0415
    from compiler.messages.translate import Translator  # noqa: PLC0415

    checked = outcome.checked
    translate = Translator(options.lang or (checked.language if checked else None) or "en")
    if outcome.failure is not None:
        click.echo(f"planc: {outcome.failure}", err=True)
        sys.exit(outcome.exit_code)
    if checked is not None:
        carets = options.output_format == "text" and sys.stdout.isatty()
        texts = checked.texts if carets else None
        sys.stdout.write(report.format_diagnostics(checked.diagnostics, translate, options.output_format, texts))
        if options.output_format == "text":
            click.echo(report.summary(checked.diagnostics, translate), err=True)
    for note in (*((outcome.refusal,) if outcome.refusal else ()), *outcome.notes):
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
