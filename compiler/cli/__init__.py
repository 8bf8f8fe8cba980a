"""The command line: options in, one pipeline call, the report out, and the exit code.

``common`` holds the group, the shared options and ``report_and_exit`` (the one place that prints and
exits); the commands are grouped by what they are for. Exit codes: 0 no errors (warnings
allowed); 1 the plan has errors (or warnings under ``--strict``); 2 usage error; 3 toolchain
failure; 4 internal error.
"""

from __future__ import annotations

import gc
import io
import signal
import sys
import traceback

import click

from compiler.cli import drafting_commands, plan_commands, review_commands
from compiler.cli.common import cli, said
from compiler.messages.diagnostics import msg
from compiler.outcome import EXIT_INTERNAL, EXIT_USAGE

__all__ = ["EXIT_INTERNAL", "cli", "drafting_commands", "main", "plan_commands", "review_commands"]


def _terminate(signum: int, _frame: object) -> None:
    """On SIGTERM, unwind like an interruption: child processes stop, staging folders go."""
    raise SystemExit(128 + signum)


def _printable_streams() -> None:
    """Let the report print on any terminal: what its encoding lacks becomes an escape (``\\xab``)."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")


def main() -> None:
    """Run the command line, turning any unexpected exception into exit code 4.

    A command runs once and exits, so Python's cyclic garbage collector is off: while a build makes
    the million nodes of a large plan's document it would walk every live object again and again
    (a quarter of the build's time) to free nothing the exit does not. ``planc serve``, which runs
    for hours, turns it back on."""
    gc.disable()
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
        click.echo(f"planc: {said(msg('interrupted'))}", err=True)
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
            click.echo(f"planc: {said(internal)}", err=True)
        sys.exit(EXIT_INTERNAL)
