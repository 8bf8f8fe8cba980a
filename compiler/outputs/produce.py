"""Produce the documents from planc's Markdown: one pandoc read, one gate, the writers in parallel.

The Markdown is read once into pandoc's AST and passed through the gate; each requested format
then gets the same AST, and its writer runs at the same time as the others. Every file goes to
a staging folder first and replaces the old outputs only when all of them are ready.
"""

from __future__ import annotations

import datetime
import os
from dataclasses import dataclass
from pathlib import Path

from compiler.charts import Chart
from compiler.document.parts import PageChrome
from compiler.messages.diagnostics import CommandError, Text, msg
from compiler.messages.system import reason
from compiler.outputs import figures, pandoc, staging
from compiler.outputs.ast_gate import sanitise
from compiler.outputs.registry import WRITERS
from compiler.outputs.typst import TypstError
from compiler.outputs.writer import Job, Writer

#: Markdown longer than this is read by as many pandoc processes as there are cores.
SPLIT_ABOVE = 64_000


class ToolchainError(CommandError):
    """pandoc or Typst failed, or the outputs could not be written."""


class UnsafeMarkdown(Exception):
    """planc's own Markdown held something the gate had to remove: a bug in planc, never the plan's."""


@dataclass(frozen=True)
class Request:
    """One build: the Markdown, the page chrome, which formats, where and when."""

    markdown: str
    chrome: PageChrome
    formats: tuple[str, ...]
    out: Path
    when: datetime.datetime
    name: str = "plan"  #: the files' name: ``plan.md``, ``plan.html``…
    charts: tuple[Chart, ...] = ()  #: the charts the Markdown leaves a placeholder for
    excerpt: bool = False  #: a part of the plan (one organisation's document): links outside it become text


def produce(request: Request) -> list[Path]:
    """Write ``NAME.md`` and the requested formats into ``request.out``; all or nothing."""
    try:
        with staging.staging(request.out) as folder:
            files = _produce(request, folder)
            return staging.commit(files, request.out)
    except (pandoc.PandocError, TypstError) as exc:
        raise ToolchainError(exc.message) from exc
    except OSError as exc:
        raise ToolchainError(cannot_write(request.out, exc)) from exc


def cannot_write(folder: Path, error: OSError) -> Text:
    """Why the outputs could not be written in ``folder``."""
    return msg("Cannot write the outputs in {folder}: {reason}.", folder=str(folder), reason=reason(error))


def _produce(request: Request, folder: Path) -> dict[str, Path]:
    data_dir = folder / "pandoc-data"
    data_dir.mkdir()
    markdown = f"{request.name}.md"
    files = {markdown: folder / markdown}
    files[markdown].write_text(request.markdown, encoding="utf-8")
    writers: list[Writer] = [
        writer(folder, data_dir, request.when, request.name)
        for name, writer in WRITERS.items()
        if name in request.formats
    ]
    drawing = None
    try:
        for writer in writers:
            writer.prepare()
        drawing = figures.start_drawing(request.charts, folder / "pictures", request.formats)
        parts = 1 if len(request.markdown) < SPLIT_ABOVE else os.cpu_count() or 1
        ast, removed = sanitise(pandoc.read_markdown(request.markdown, folder, data_dir, parts), request.excerpt)
        if removed:  # every plan text is escaped before it gets here: stop rather than guess
            raise UnsafeMarkdown(f"the safety gate had to remove {', '.join(removed)} from planc's own Markdown")
        pictures = figures.drawn(request.charts, drawing)
        job = Job(ast, request.chrome, folder, data_dir, request.when, pictures)
        for writer in writers:
            writer.start(job)
        for writer in writers:
            writer.proceed()
        # The PDF started first and takes longest: wait for it last, as the others finish meanwhile.
        finished = {writer.output: writer.finish() for writer in sorted(writers, key=lambda w: w.suffix == ".pdf")}
    finally:
        for writer in writers:
            writer.stop()
        if drawing is not None:
            drawing.stop()
    files.update(sorted(finished.items(), key=lambda item: (Path(item[0]).suffix != ".html", item[0])))
    return files
