"""Importers: turn real public plans into planc sources.

Each importer is a module with ``read(source_dir) -> ImportResult``: it reads the foreign files
(and nothing else), maps them to planc's sections, and notes every value it could not take over
as written. ``writer.write`` turns the result into plan files that ``planc check`` accepts.
``IMPORTERS`` lists them; ``main`` is the command (``python -m compiler.importers pnrr SRC -o OUT``).

Exit codes: 0 written; 1 the source could not be read; 2 usage error; 3 the output could not be written.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from compiler.importers import agid, pnrr, writer
from compiler.importers.result import ImportResult, SourceError, describe
from compiler.messages.diagnostics import msg
from compiler.messages.report import visible
from compiler.messages.system import reason
from compiler.messages.translate import Translator, user_language

EXIT_OK, EXIT_SOURCE, EXIT_USAGE, EXIT_OUTPUT = 0, 1, 2, 3
_SHOWN = 10

#: Importer name → its reader, with what it reads.
IMPORTERS: dict[str, tuple[Callable[[Path], ImportResult], str]] = {
    "pnrr": (pnrr.read, "Italy's Recovery Plan (PNRR): an Italia Domani 2025 snapshot folder"),
    "agid": (agid.read, "AgID's three-year IT plan: a folder with linee_azione.yml and attori.yml"),
}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m compiler.importers",
        description="Turn a real public plan into planc sources.",
        epilog="; ".join(f"{name}: {what}" for name, (_read, what) in IMPORTERS.items()),
    )
    parser.add_argument("importer", choices=sorted(IMPORTERS), help="which kind of source to read")
    parser.add_argument("source_dir", type=Path, help="the folder with the source files")
    parser.add_argument("-o", "--out", type=Path, required=True, help="the folder to write the plan files into")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every note, not only examples")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run one importer and write its plan; print the report on stderr; return the exit code."""
    try:
        options = _parser().parse_args(argv)
    except SystemExit as exit_:
        return EXIT_OK if exit_.code == 0 else EXIT_USAGE
    return run(options.importer, options.source_dir, options.out, options.verbose)


def run(importer: str, source_dir: Path, out: Path, verbose: bool = False) -> int:
    """Import ``source_dir`` with one importer into ``out``; report on stderr; return the exit code.

    The report speaks the imported plan's language (the user's, until the source is read).
    """
    read, _what = IMPORTERS[importer]
    say = Translator(user_language())
    try:
        result = read(source_dir)
    except SourceError as unreadable:
        _tell(say(msg("Cannot read the source: {reason}", reason=unreadable.message)))
        return EXIT_SOURCE
    say = Translator(str(result.plan.get("lang") or user_language()))
    _tell(describe(result, verbose, say))
    try:
        written = writer.write(result, out)
    except writer.PlanRejected as rejected:
        _tell(say(msg("The plan made from the source does not pass planc check, so nothing was written:")))
        for problem in rejected.diagnostics[:_SHOWN]:
            where = problem.where
            place = f"{Path(where.file).name}:{where.line}:{where.column}"
            _tell(f"  {place} [{problem.code}] {say(problem.message)}")
        return EXIT_SOURCE
    except writer.WriteError as refused:
        _tell(say(msg("Cannot write the plan: {reason}", reason=refused.message)))
        return EXIT_OUTPUT
    except OSError as failed:
        _tell(
            say(
                msg(
                    "Cannot write the plan: {reason}",
                    reason=msg("{file}: {detail}", file=str(failed.filename or out), detail=reason(failed)),
                )
            )
        )
        return EXIT_OUTPUT
    _tell(say(msg("Wrote {count} plan files to {folder}.", count=len(written), folder=str(out))))
    return EXIT_OK


def _tell(text: str) -> None:
    print(_visible_lines(text), file=sys.stderr)


def _visible_lines(text: str) -> str:
    """Text whose lines are safe to print: no character a terminal would act on, within a line."""
    return "\n".join(visible(line) for line in text.split("\n"))
