"""What every command shares: the group, the common options, and the one place that prints and exits.

Words said before any plan is read (help, usage errors) are in the user's language (their
locale); click's own words too: it asks gettext, pointed at planc's catalogue before any option
is made.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from compiler import __version__
from compiler.messages.diagnostics import Text, msg
from compiler.messages.report import REPORT_FORMATS
from compiler.messages.translate import Translator, speak_the_users_language_in_the_toolkit, user_language

if TYPE_CHECKING:
    from compiler.outcome import Outcome

USERS = Translator(user_language())
speak_the_users_language_in_the_toolkit()

#: A function click decorates with an option.
Decorator = Callable[[Callable[..., Any]], Callable[..., Any]]


def said(text: Text) -> str:
    """A message in the user's language (for help texts and usage errors)."""
    return USERS(text)


@dataclass(frozen=True)
class ReportOptions:
    """How diagnostics are shown."""

    output_format: str
    lang: str | None
    strict: bool


FORMAT_OPTION = click.option(
    "--format",
    "output_format",
    type=click.Choice(REPORT_FORMATS),
    default="text",
    show_default=True,
    help=said(msg("How to print diagnostics.")),
)
LANG_OPTION = click.option(
    "--lang", type=click.Choice(["it", "en"]), help=said(msg("Language of messages (default: the plan's)."))
)
PLAN_DIR = click.argument(
    "plan_dir", required=False, default="plan", type=click.Path(exists=True, file_okay=False, path_type=Path)
)
PUBLISHED = click.option(
    "--published",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("build/publish"),
    show_default=True,
    help=said(msg("Folder holding the published versions.")),
)


def report_options(function: Callable[..., Any]) -> Callable[..., Any]:
    """``--strict``, ``--format`` and ``--lang``: how a checking command reports."""
    function = click.option("--strict", is_flag=True, help=said(msg("Treat warnings as errors.")))(function)
    return FORMAT_OPTION(LANG_OPTION(function))


def out_option(default: Path, meaning: Text) -> Decorator:
    """``-o/--out``: the folder a command writes into."""
    kind = click.Path(file_okay=False, path_type=Path)
    return click.option("-o", "--out", type=kind, default=default, show_default=True, help=said(meaning))


def plan_option(meaning: Text, exists: bool) -> Decorator:
    """``--plan``: the plan folder, for commands whose arguments are something else."""
    kind = click.Path(exists=exists, file_okay=False, path_type=Path)
    return click.option("--plan", "plan_dir", type=kind, default=Path("plan"), show_default=True, help=said(meaning))


def lang_option(meaning: Text) -> Decorator:
    """``--lang``: the language of what a command writes."""
    return click.option("--lang", type=click.Choice(["it", "en"]), help=said(meaning))


def _print_version(context: click.Context, _parameter: click.Parameter, value: bool) -> None:
    if not value or context.resilient_parsing:
        return
    from compiler.outputs import pandoc, typst  # noqa: PLC0415

    click.echo(f"planc {__version__}")
    for name, version in (("pandoc", pandoc.version), ("Typst", typst.version)):
        try:
            click.echo(f"{name} {version()}")
        except Exception as problem:  # say what is missing, never a traceback
            click.echo(f"{name}: {said(msg('not available ({problem})', problem=str(problem)))}")
    context.exit()


@click.group(
    context_settings={"help_option_names": ["-h", "--help"]},
    help=said(msg("Check a strategic plan written as YAML and build it into HTML, DOCX and PDF.")),
)
@click.option(
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_print_version,
    help=said(msg("Show the versions.")),
)
@click.option(
    "--traceback", "show_traceback", is_flag=True, help=said(msg("Show the full traceback of an internal error."))
)
@click.pass_context
def cli(context: click.Context, show_traceback: bool) -> None:
    """Check a strategic plan written as YAML and build it into HTML, DOCX and PDF."""
    context.obj = show_traceback


#: 2107-12-31 23:59:59 UTC: the last second a DOCX (a ZIP file) can date its parts with.
LAST_EPOCH = 4_354_819_199


def epoch() -> int | None:
    """``SOURCE_DATE_EPOCH``, the one time of a reproducible build, if it is set."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not value:
        return None
    if not value.isascii() or not value.isdigit():
        raise click.BadParameter(
            said(msg("SOURCE_DATE_EPOCH must be a number of seconds, not {value}", value=repr(value)))
        )
    if int(value) > LAST_EPOCH:
        too_late = msg(
            "SOURCE_DATE_EPOCH must be at most {last} (the end of 2107), not {value}", last=LAST_EPOCH, value=value
        )
        raise click.BadParameter(said(too_late))
    return int(value)


def say(translate: Translator, text: Text) -> None:
    """One line for the user on standard error: ``planc: …``."""
    from compiler.messages.report import visible  # noqa: PLC0415

    click.echo(f"planc: {visible(translate(text))}", err=True)


def report_and_exit(outcome: Outcome, options: ReportOptions) -> None:
    """Print what a command did (the report, then its notes) and exit with its code: the one place."""
    from compiler.messages import report  # noqa: PLC0415

    checked = outcome.checked
    language = options.lang or (checked.language if checked else None) or outcome.language or user_language()
    translate = Translator(language)
    if outcome.failure is not None:
        say(translate, outcome.failure)
        sys.exit(outcome.exit_code)
    if outcome.output is not None:  # the command's own output owns standard output; warnings go to stderr
        if checked is not None and checked.diagnostics:
            click.echo(report.format_diagnostics(checked.diagnostics, translate, "text"), err=True, nl=False)
        sys.stdout.write(outcome.output)
    elif checked is not None:
        texts = checked.texts if options.output_format == "text" and sys.stdout.isatty() else None
        sys.stdout.write(report.format_diagnostics(checked.diagnostics, translate, options.output_format, texts))
        if options.output_format == "text":
            click.echo(report.summary(checked.diagnostics, translate), err=True)
    for note in (outcome.refusal, outcome.unusable, *outcome.notes):
        if note is not None:
            say(translate, note)
    sys.exit(outcome.exit_code)
