"""Commands of the review cycle: what changed between versions, and reviewers' comments read back."""

from __future__ import annotations

from pathlib import Path

import click

from compiler.cli.common import PUBLISHED, ReportOptions, cli, lang_option, plan_option, report_and_exit, said
from compiler.messages.diagnostics import msg
from compiler.review import CHANGE_FORMATS, REGISTER_FORMATS


@cli.command(
    "diff",
    help=said(
        msg(
            "Say what changed from OLD to NEW, object by object; exit 1 if anything did, as diff does. "
            "OLD and NEW are plan folders, versions published in --published (0.2), or git revisions of the "
            "plan folder (HEAD~1, a tag, REV:FOLDER). NEW is the plan folder when left out."
        )
    ),
)
@click.argument("old")
@click.argument("new", required=False)
@plan_option(msg("The plan folder: NEW when it is not given, and the folder a git revision is taken from."), False)
@PUBLISHED
@click.option("--format", "output_format", type=click.Choice(CHANGE_FORMATS), default="text", show_default=True)
@lang_option(msg("Language of the output (default: the plan's)."))
def diff_command(
    old: str, new: str | None, plan_dir: Path, published: Path, output_format: str, lang: str | None
) -> None:
    """Say what changed from OLD to NEW, object by object; exit 1 if anything did, as diff does."""
    from compiler import pipeline  # noqa: PLC0415

    versions = pipeline.Versions(plan_dir, published)
    options = pipeline.DiffOptions(old, new or str(plan_dir), versions, output_format, lang)
    report = "json" if output_format == "json" else "text"
    report_and_exit(pipeline.diff(options), ReportOptions(report, lang, strict=False))


@cli.command(
    "comments",
    help=said(msg("Read reviewers' comments from DOCX or ODT FILES into one register, tied to the plan's objects.")),
)
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@plan_option(msg("The plan the comments are about."), True)
@PUBLISHED
@click.option("--format", "output_format", type=click.Choice(REGISTER_FORMATS), default="csv", show_default=True)
@click.option(
    "-o",
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help=said(msg("Write the register to this file.")),
)
@click.option(
    "--into",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help=said(msg("Add the comments to the plan in this folder as observations awaiting a response (a new file).")),
)
@lang_option(msg("Language of the register (default: the plan's)."))
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
    report_and_exit(feedback.comments(options), ReportOptions(report, lang, strict=False))
