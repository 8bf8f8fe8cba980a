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
from compiler.messages.diagnostics import english

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
    """Import ``source_dir`` with one importer into ``out``; report on stderr; return the exit code."""
    read, _what = IMPORTERS[importer]
    try:
        result = read(source_dir)
    except SourceError as exc:
        print(f"Cannot read the source: {exc}", file=sys.stderr)
        return EXIT_SOURCE
    print(describe(result, verbose), file=sys.stderr)
    try:
        written = writer.write(result, out)
    except writer.PlanRejected as rejected:
        print("The plan made from the source does not pass planc check, so nothing was written:", file=sys.stderr)
        for problem in rejected.diagnostics[:_SHOWN]:
            where = problem.where
            place = f"{Path(where.file).name}:{where.line}:{where.column}"
            print(f"  {place} [{problem.code}] {english(problem.message)}", file=sys.stderr)
        return EXIT_SOURCE
    except (OSError, writer.WriteError) as exc:
        print(f"Cannot write the plan: {exc}", file=sys.stderr)
        return EXIT_OUTPUT
    print(f"Wrote {len(written)} plan files to {out}.", file=sys.stderr)
    return EXIT_OK
