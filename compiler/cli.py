"""The command line: options in, one pipeline call, the report out, and the exit code.

Exit codes: 0 no errors (warnings allowed); 1 the plan has errors (or warnings under
``--strict``); 2 usage error; 3 toolchain failure; 4 internal error.
"""

from __future__ import annotations

import io
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
from compiler.messages.diagnostics import Text, msg
from compiler.messages.translate import Translator, speak_the_users_language_in_the_toolkit, user_language
from compiler.outcome import EXIT_INTERNAL, EXIT_TOOLCHAIN, EXIT_USAGE

if TYPE_CHECKING:
    from compiler.outcome import Outcome


#: Words said before any plan is read (help, usage errors): in the user's language (their locale).
#: click's own words too: it asks gettext, now pointed at planc's catalogue (before any option is made).
_USERS = Translator(user_language())
speak_the_users_language_in_the_toolkit()


def _said(text: Text) -> str:
    return _USERS(text)


@dataclass(frozen=True)
class ReportOptions:
    """How diagnostics are shown."""

    output_format: str
    lang: str | None
    strict: bool


_FORMAT_OPTION = click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json", "github"]),
    default="text",
    show_default=True,
    help=_said(msg("How to print diagnostics.")),
)
_LANG_OPTION = click.option(
    "--lang", type=click.Choice(["it", "en"]), help=_said(msg("Language of messages (default: the plan's)."))
)


def _report_options(function: Callable[..., Any]) -> Callable[..., Any]:
    function = click.option("--strict", is_flag=True, help=_said(msg("Treat warnings as errors.")))(function)
    return _FORMAT_OPTION(_LANG_OPTION(function))


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
            click.echo(f"{name}: {_said(msg('not available ({problem})', problem=str(problem)))}")
    context.exit()


@click.group(
    context_settings={"help_option_names": ["-h", "--help"]},
    help=_said(msg("Check a strategic plan written as YAML and build it into HTML, DOCX and PDF.")),
)
@click.option(
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_print_version,
    help=_said(msg("Show the versions.")),
)
@click.option(
    "--traceback", "show_traceback", is_flag=True, help=_said(msg("Show the full traceback of an internal error."))
)
@click.pass_context
def cli(context: click.Context, show_traceback: bool) -> None:
    """Check a strategic plan written as YAML and build it into HTML, DOCX and PDF."""
    context.obj = show_traceback


@cli.command(help=_said(msg("Validate and cross-check the plan in PLAN_DIR (default: plan); write nothing.")))
@_PLAN_DIR
@_report_options
def check(plan_dir: Path, output_format: str, lang: str | None, strict: bool) -> None:
    """Validate and cross-check the plan in PLAN_DIR (default: plan); write nothing."""
    from compiler import pipeline  # noqa: PLC0415 - keep `planc --help` fast
    from compiler.outcome import Outcome  # noqa: PLC0415

    _finish(Outcome(pipeline.check(plan_dir), strict), ReportOptions(output_format, lang, strict))


@cli.command(help=_said(msg("List every diagnostic code, its severity and what it means.")))
@click.option(
    "--lang",
    type=click.Choice(["it", "en"]),
    help=_said(msg("Language of the descriptions (default: your locale's).")),
)
def codes(lang: str | None) -> None:
    """List every diagnostic code, its severity and what it means."""
    from compiler.catalogue import CATALOGUE  # noqa: PLC0415

    translate = Translator(lang or user_language())
    width = max(map(len, CATALOGUE))
    for name, code in CATALOGUE.items():
        click.echo(f"{name:<{width}}  {code.severity.value:<7}  {translate(code.meaning)}")


@cli.command(
    "import", help=_said(msg("Turn a real public plan (PNRR, AgID three-year plan) into planc sources in OUT."))
)
@click.argument("kind", type=click.Choice(["pnrr", "agid"]))
@click.argument("source_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "-o",
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    help=_said(msg("Folder for the plan files.")),
)
@click.option(
    "-v",
    "--verbose",
    is_flag=True,
    help=_said(msg("List every value that could not be taken over, not only examples.")),
)
def import_plan(kind: str, source_dir: Path, out: Path, verbose: bool) -> None:
    """Turn a real public plan (PNRR, AgID three-year plan) into planc sources in OUT."""
    from compiler import importers  # noqa: PLC0415

    code = importers.run(kind, source_dir, out, verbose)
    sys.exit({importers.EXIT_OUTPUT: EXIT_TOOLCHAIN}.get(code, code))


def _formats(value: str) -> tuple[str, ...]:
    chosen = tuple(dict.fromkeys(part.strip() for part in value.split(",") if part.strip()))
    unknown = [part for part in chosen if part not in ("html", "docx", "pdf")]
    if unknown or not chosen:
        raise click.BadParameter(
            _said(msg("choose among html, docx, pdf (not {value})", value=repr(value))), param_hint="--to"
        )
    return chosen


#: 2107-12-31 23:59:59 UTC: the last second a DOCX (a ZIP file) can date its parts with.
LAST_EPOCH = 4_354_819_199


def _epoch() -> int | None:
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not value:
        return None
    if not value.isascii() or not value.isdigit():
        raise click.BadParameter(
            _said(msg("SOURCE_DATE_EPOCH must be a number of seconds, not {value}", value=repr(value)))
        )
    if int(value) > LAST_EPOCH:
        raise click.BadParameter(
            _said(
                msg(
                    "SOURCE_DATE_EPOCH must be at most {last} (the end of 2107), not {value}",
                    last=LAST_EPOCH,
                    value=value,
                )
            )
        )
    return int(value)


@cli.command(
    help=_said(msg("Check the plan in PLAN_DIR and write OUT/plan.html, plan.docx and plan.pdf (and plan.md)."))
)
@_PLAN_DIR
@_out_option(Path("build"), _said(msg("Folder for the outputs.")))
@click.option(
    "--to",
    "formats",
    default="html,docx,pdf",
    show_default=True,
    help=_said(msg("Formats to write, comma-separated.")),
)
@_report_options
def build(plan_dir: Path, out: Path, formats: str, output_format: str, lang: str | None, strict: bool) -> None:
    """Check the plan in PLAN_DIR and write OUT/plan.{html,docx,pdf} (and plan.md)."""
    from compiler import pipeline  # noqa: PLC0415

    options = pipeline.BuildOptions(out, _formats(formats), _epoch(), strict)
    _finish(pipeline.build(plan_dir, options), ReportOptions(output_format, lang, strict))


@cli.command(help=_said(msg("Publish the plan's version into OUT/<version>/ (a plan with warnings is refused).")))
@_PLAN_DIR
@_out_option(Path("build/publish"), _said(msg("Folder holding the published versions.")))
@_FORMAT_OPTION
@_LANG_OPTION
def publish(plan_dir: Path, out: Path, output_format: str, lang: str | None) -> None:
    """Publish the plan's version into OUT/<version>/ (a plan with warnings is refused)."""
    from compiler import pipeline  # noqa: PLC0415

    _finish(pipeline.publish(plan_dir, out, _epoch()), ReportOptions(output_format, lang, strict=True))


def _finish(outcome: Outcome, options: ReportOptions) -> None:
    """Print what a command did (the report, then its notes) and exit with its code: the one place."""
    from compiler.messages import report  # noqa: PLC0415

    checked = outcome.checked
    translate = Translator(options.lang or (checked.language if checked else None) or user_language())
    if outcome.failure is not None:
        click.echo(f"planc: {report.visible(translate(outcome.failure))}", err=True)
        sys.exit(outcome.exit_code)
    if checked is not None:
        carets = options.output_format == "text" and sys.stdout.isatty()
        texts = checked.texts if carets else None
        sys.stdout.write(report.render(checked.diagnostics, translate, options.output_format, texts))
        if options.output_format == "text":
            click.echo(report.summary(checked.diagnostics, translate), err=True)
    for note in (*((outcome.refusal,) if outcome.refusal else ()), *outcome.notes):
        click.echo(f"planc: {report.visible(translate(note))}", err=True)
    sys.exit(outcome.exit_code)


def _terminate(signum: int, _frame: object) -> None:
    """On SIGTERM, unwind like an interruption: child processes stop, staging folders go."""
    raise SystemExit(128 + signum)


def _printable_streams() -> None:
    """Let the report print on any terminal: what its encoding lacks becomes an escape (``\\xab``)."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")


def main() -> None:
    """Run the command line, turning any unexpected exception into exit code 4."""
    signal.signal(signal.SIGTERM, _terminate)
    _printable_streams()
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Exit as done:
        sys.exit(done.exit_code)
    except click.ClickException as problem:
        problem.show()
        sys.exit(EXIT_USAGE)
    except (click.Abort, KeyboardInterrupt):
        click.echo(f"planc: {_said(msg('interrupted'))}", err=True)
        sys.exit(130)
    except SystemExit:
        raise
    except Exception as exc:
        if "--traceback" in sys.argv[1:]:
            traceback.print_exc()
        else:
            from compiler.messages.report import visible  # noqa: PLC0415

            internal = msg(
                "internal error: {kind}: {detail} (run with --traceback for details)",
                kind=type(exc).__name__,
                detail=visible(str(exc)),
            )
            click.echo(f"planc: {_said(internal)}", err=True)
        sys.exit(EXIT_INTERNAL)
