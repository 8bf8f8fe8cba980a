"""Commands on the plan itself: check, build, publish, and the catalogue of codes; importing a plan."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from compiler.cli.common import (
    FORMAT_OPTION,
    LANG_OPTION,
    PLAN_DIR,
    PUBLISHED,
    ReportOptions,
    cli,
    epoch,
    out_option,
    report_and_exit,
    report_options,
    said,
)
from compiler.messages.diagnostics import msg
from compiler.messages.translate import Translator, user_language
from compiler.outcome import EXIT_TOOLCHAIN


@cli.command("check", help=said(msg("Validate and cross-check the plan in PLAN_DIR (default: plan); write nothing.")))
@PLAN_DIR
@report_options
def check_command(plan_dir: Path, output_format: str, lang: str | None, strict: bool) -> None:
    """Validate and cross-check the plan in PLAN_DIR (default: plan); write nothing."""
    from compiler import pipeline  # noqa: PLC0415 - keep `planc --help` fast
    from compiler.outcome import Outcome  # noqa: PLC0415

    report_and_exit(Outcome(pipeline.check(plan_dir), strict), ReportOptions(output_format, lang, strict))


@cli.command("codes", help=said(msg("List every diagnostic code, its severity and what it means.")))
@click.option(
    "--lang",
    type=click.Choice(["it", "en"]),
    help=said(msg("Language of the descriptions (default: your locale's).")),
)
def codes_command(lang: str | None) -> None:
    """List every diagnostic code, its severity and what it means."""
    from compiler.catalogue import CATALOGUE  # noqa: PLC0415

    translate = Translator(lang or user_language())
    width = max(map(len, CATALOGUE))
    for name, code in CATALOGUE.items():
        click.echo(f"{name:<{width}}  {code.severity.value:<7}  {translate(code.meaning)}")


@cli.command(
    "import", help=said(msg("Turn a real public plan (PNRR, AgID three-year plan) into planc sources in OUT."))
)
@click.argument("kind", type=click.Choice(["pnrr", "agid"]))
@click.argument("source_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "-o",
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    help=said(msg("Folder for the plan files.")),
)
@click.option(
    "-v", "--verbose", is_flag=True, help=said(msg("List every value that could not be taken over, not only examples."))
)
def import_command(kind: str, source_dir: Path, out: Path, verbose: bool) -> None:
    """Turn a real public plan (PNRR, AgID three-year plan) into planc sources in OUT."""
    from compiler import importers  # noqa: PLC0415

    code = importers.run(kind, source_dir, out, verbose)
    sys.exit({importers.EXIT_OUTPUT: EXIT_TOOLCHAIN}.get(code, code))


def _formats(value: str) -> tuple[str, ...]:
    from compiler.outputs.registry import FORMATS  # noqa: PLC0415

    chosen = tuple(dict.fromkeys(part.strip() for part in value.split(",") if part.strip()))
    if not chosen or any(part not in FORMATS for part in chosen):
        wrong = msg("choose among {formats} (not {value})", formats=", ".join(FORMATS), value=repr(value))
        raise click.BadParameter(said(wrong), param_hint="--to")
    return chosen


@cli.command(
    "build", help=said(msg("Check the plan in PLAN_DIR and write OUT/plan.html, plan.docx and plan.pdf (and plan.md)."))
)
@PLAN_DIR
@out_option(Path("build"), msg("Folder for the outputs."))
@click.option(
    "--to", "formats", default="html,docx,pdf", show_default=True, help=said(msg("Formats to write, comma-separated."))
)
@click.option(
    "--since",
    metavar="VERSION",
    help=said(msg("Add an annex of the changes since VERSION: a plan folder, a published version or a git revision.")),
)
@PUBLISHED
@click.option(
    "--document",
    type=click.Choice(["plan", "monitoring"]),
    default="plan",
    show_default=True,
    help=said(msg("The plan itself, or its monitoring report (OUT/monitoring.*) at the date of its monitoring data.")),
)
@click.option(
    "--for",
    "organisations",
    metavar="ORG",
    multiple=True,
    help=said(msg("Write the documents of the organisation with the id ORG alone (OUT/plan-ORG.*); may be repeated.")),
)
@click.option(
    "--for-signatories",
    "signatories",
    is_flag=True,
    help=said(msg("Write the documents of each signatory of the plan alone (OUT/plan-ORG.*).")),
)
@report_options
def build_command(
    plan_dir: Path,
    out: Path,
    formats: str,
    since: str | None,
    published: Path,
    document: str,
    organisations: tuple[str, ...],
    signatories: bool,
    output_format: str,
    lang: str | None,
    strict: bool,
) -> None:
    """Check the plan in PLAN_DIR and write OUT/plan.{html,docx,pdf} (and plan.md), or its monitoring report."""
    from compiler import pipeline  # noqa: PLC0415

    if (organisations or signatories) and (document != "plan" or since):
        wrong = msg("--for and --for-signatories write the plan's own documents: leave out --document and --since.")
        raise click.UsageError(said(wrong))
    versions = pipeline.Versions(plan_dir, published)
    options = pipeline.BuildOptions(
        out, _formats(formats), epoch(), strict, since, versions, document, organisations, signatories
    )
    report_and_exit(pipeline.build(plan_dir, options), ReportOptions(output_format, lang, strict))


@cli.command(
    "publish",
    help=said(
        msg(
            "Publish the plan's version into OUT/<version>/ with the changes since the previous one "
            "(a plan with warnings is refused)."
        )
    ),
)
@PLAN_DIR
@out_option(Path("build/publish"), msg("Folder holding the published versions."))
@click.option(
    "--since",
    metavar="VERSION",
    help=said(msg("Compare with VERSION (default: the latest version published in OUT).")),
)
@FORMAT_OPTION
@LANG_OPTION
def publish_command(plan_dir: Path, out: Path, since: str | None, output_format: str, lang: str | None) -> None:
    """Publish the plan's version into OUT/<version>/ with the changes since the previous one."""
    from compiler import pipeline  # noqa: PLC0415

    report_and_exit(pipeline.publish(plan_dir, out, epoch(), since), ReportOptions(output_format, lang, strict=True))


@cli.command(
    "export",
    help=said(
        msg("Check the plan in PLAN_DIR and write its open data to OUT: plan.json, CSV tables, datapackage.json.")
    ),
)
@PLAN_DIR
@out_option(Path("build/opendata"), msg("Folder for the open data."))
@report_options
def export_command(plan_dir: Path, out: Path, output_format: str, lang: str | None, strict: bool) -> None:
    """Check the plan in PLAN_DIR and write its open data to OUT: plan.json, CSV tables, datapackage.json."""
    from compiler import pipeline  # noqa: PLC0415

    report_and_exit(pipeline.export(plan_dir, out, strict), ReportOptions(output_format, lang, strict))
