"""Commands for the drafting group: a live preview with forms, a new plan to start from, the list of ids."""

from __future__ import annotations

import gc
import sys
from pathlib import Path

import click

from compiler.cli.common import PLAN_DIR, cli, lang_option, said, say
from compiler.messages.diagnostics import msg
from compiler.messages.translate import Translator, user_language
from compiler.outcome import EXIT_PLAN, EXIT_TOOLCHAIN


@cli.command(
    "serve",
    help=said(msg("Preview the plan in PLAN_DIR in the browser while you edit it, with forms that write the YAML.")),
)
@PLAN_DIR
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=0,
    help=said(msg("Port on 127.0.0.1 (default: any free port).")),
)
@click.option("--no-browser", is_flag=True, help=said(msg("Do not open the browser.")))
@lang_option(msg("Language of the pages (default: the plan's)."))
def serve_command(plan_dir: Path, port: int, no_browser: bool, lang: str | None) -> None:
    """Preview the plan in PLAN_DIR in the browser while you edit it, with forms that write the YAML."""
    from compiler import pipeline  # noqa: PLC0415

    gc.enable()  # a server runs for hours: it collects cycles (each preview update pauses it, see preview.session)

    translate = Translator(lang or pipeline.check(plan_dir).language or user_language())
    try:
        from compiler.serve.server import serve as run  # noqa: PLC0415
    except ImportError as missing:
        say(
            translate,
            msg("planc serve needs its optional part: pip install 'planc[serve]' ({missing}).", missing=str(missing)),
        )
        sys.exit(EXIT_TOOLCHAIN)

    def tell(url: str) -> None:
        click.echo(translate(msg("planc: the preview is at {url} (Ctrl-C stops it)", url=url)), err=True)

    try:
        run(plan_dir, port, not no_browser, lang, tell)
    except OSError as problem:
        say(translate, msg("cannot listen on 127.0.0.1: {reason}", reason=problem.strerror or str(problem)))
        sys.exit(EXIT_TOOLCHAIN)


@cli.command(
    "init",
    help=said(msg("Start a new plan in FOLDER: plan files that explain themselves, the schema, a Makefile, CI.")),
)
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--lang",
    type=click.Choice(["it", "en"]),
    default="it",
    show_default=True,
    help=said(msg("Language of the new plan.")),
)
def init_command(folder: Path, lang: str) -> None:
    """Start a new plan in FOLDER: plan files that explain themselves, the schema, a Makefile, CI."""
    import datetime  # noqa: PLC0415

    from compiler import starter  # noqa: PLC0415

    translate = Translator(lang)
    try:
        written = starter.create(folder, lang, datetime.date.today())
    except starter.FolderNotEmpty:
        say(
            translate,
            msg("{folder} already holds files: choose a new folder (nothing was written).", folder=str(folder)),
        )
        sys.exit(EXIT_PLAN)
    for path in written:
        say(translate, msg("wrote {path}", path=str(path)))
    next_step = msg(
        "Next: cd {folder} and run make (or planc serve plan to edit with a live preview).", folder=str(folder)
    )
    click.echo(translate(next_step))


@cli.command(
    "ids",
    help=said(msg("List the objects of the plan in PLAN_DIR with their names, and the next free id of each kind.")),
)
@PLAN_DIR
@lang_option(msg("Language of the headings (default: the plan's)."))
def ids_command(plan_dir: Path, lang: str | None) -> None:
    """List the objects of the plan in PLAN_DIR with their names, and the next free id of each kind."""
    from compiler.editing import listing  # noqa: PLC0415

    found = listing.listing(plan_dir)
    translate = Translator(lang or found.language or user_language())
    click.echo(listing.render(found, translate), nl=False)
