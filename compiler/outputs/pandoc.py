"""Run the pandoc binary shipped by pypandoc-binary: sandboxed, with a private data dir and a timeout."""

from __future__ import annotations

import importlib.util
import itertools
import json
import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from compiler.messages.diagnostics import CommandError, Text, msg
from compiler.outputs import commonmark, processes

TIMEOUT_SECONDS = 300
MEMORY_LIMIT = "-M3g"

#: The pandoc Markdown planc writes (``NAME.md``): only what planc's own template writes, headings with
#: ids, divs, spans, pipe tables with captions, lists, definition lists (action sheets), emphasis,
#: links. Everything else is off (plan text escapes every punctuation mark, so it cannot start a
#: definition list either). planc itself reads it with pandoc's faster CommonMark reader (``commonmark``).
MARKDOWN = "markdown" + "".join(
    f"-{extension}"
    for extension in (
        "raw_html",
        "raw_attribute",
        "raw_tex",
        "yaml_metadata_block",
        "citations",
        "tex_math_dollars",
        "tex_math_single_backslash",
        "smart",
        "native_divs",
        "native_spans",
        "inline_code_attributes",
        "link_attributes",
        "implicit_figures",
        "auto_identifiers",
        "footnotes",
        "inline_notes",
        "example_lists",
        "fancy_lists",
        "grid_tables",
        "multiline_tables",
        "simple_tables",
        "line_blocks",
        "task_lists",
        "abbreviations",
        "subscript",
        "superscript",
        "strikeout",
        "backtick_code_blocks",
        "fenced_code_blocks",
        "fenced_code_attributes",
        "pandoc_title_block",
        "mmd_title_block",
        "implicit_header_references",
        "latex_macros",
        "markdown_in_html_blocks",
        "escaped_line_breaks",
        "startnum",
    )
)


class PandocError(CommandError):
    """pandoc is missing, failed, or ran out of time."""


def executable() -> str:
    """The pandoc binary inside the installed pypandoc-binary package."""
    spec = importlib.util.find_spec("pypandoc")
    if spec is not None and spec.origin is not None:
        candidate = Path(spec.origin).parent / "files" / "pandoc"
        if candidate.is_file():
            return str(candidate)
    import pypandoc  # noqa: PLC0415 - slow import, only as a fallback

    return str(pypandoc.get_pandoc_path())


def version() -> str:
    """The version of the pandoc binary planc runs (``3.9``)."""
    try:
        completed = subprocess.run([executable(), "--version"], capture_output=True, timeout=30, check=True)
    except (OSError, subprocess.SubprocessError) as exc:
        raise PandocError(msg("Cannot run pandoc: {detail}.", detail=str(exc))) from exc
    return completed.stdout.decode("utf-8", errors="replace").split("\n", 1)[0].removeprefix("pandoc").strip()


@dataclass(frozen=True)
class Run:
    """One pandoc invocation, started but perhaps not finished."""

    process: subprocess.Popen[bytes]
    what: Text
    stdin: bytes | None = None

    def wait(self, timeout: float = TIMEOUT_SECONDS) -> bytes:
        """Wait for pandoc; return its output or raise ``PandocError``."""
        try:
            out, err = self.process.communicate(self.stdin, timeout=timeout)
        except subprocess.TimeoutExpired as exc:
            self.process.kill()
            self.process.communicate()
            raise PandocError(
                msg("pandoc took longer than {seconds} s to {action}.", seconds=f"{timeout:.0f}", action=self.what)
            ) from exc
        if self.process.returncode != 0:
            detail = err.decode("utf-8", errors="replace").strip().split("\nHasCallStack")[0]
            raise PandocError(
                msg(
                    "pandoc failed to {action} (exit {code}): {detail}",
                    action=self.what,
                    code=self.process.returncode or 0,
                    detail=detail,
                )
            )
        if err.strip():
            detail = err.decode("utf-8", errors="replace").strip()
            raise PandocError(msg("pandoc warned while trying to {action}: {detail}", action=self.what, detail=detail))
        return out

    def kill(self) -> None:
        """Stop pandoc if it is still running, and close its pipes."""
        processes.stop(self.process)


def start(arguments: list[str], data_dir: Path, what: Text, stdin: bytes | None = None) -> Run:
    """Start pandoc with the safety options every call gets."""
    command = [
        executable(),
        *("+RTS", MEMORY_LIMIT, "-RTS"),
        "--sandbox",
        f"--data-dir={data_dir}",
        "--fail-if-warnings",
        *arguments,
    ]
    environment = {"PATH": os.defpath, "LANG": "C.UTF-8", "HOME": str(data_dir)}
    try:
        process = subprocess.Popen(
            command,
            stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=environment,
            cwd=data_dir,
        )
    except OSError as exc:
        raise PandocError(
            msg("Cannot run pandoc ({program}): {detail}.", program=command[0], detail=exc.strerror or str(exc))
        ) from exc
    return Run(process, what, stdin)


def read_markdown(markdown: str, folder: Path, data_dir: Path, parts: int = 1) -> dict[str, Any]:
    """Parse planc's Markdown into pandoc's JSON AST, in ``parts`` pieces read at the same time.

    The pieces are cut before headings, which only planc's template writes (in plan text a "#"
    is escaped), and nothing in planc's Markdown refers across them, so the blocks read apart
    are the blocks read together.
    """
    runs = []
    for number, piece in enumerate(split_sections(markdown, parts)):
        source = folder / f"plan-{number}.md"
        source.write_text(commonmark.prepared(piece), encoding="utf-8")
        arguments = ["--from", commonmark.READER, "--to", "json", str(source)]
        runs.append(start(arguments, data_dir, msg("read the Markdown")))
    asts = [json.loads(run.wait()) for run in runs]
    blocks = [block for piece in asts for block in commonmark.restored(piece["blocks"])]
    ast: dict[str, Any] = {**asts[0], "blocks": blocks}
    return ast


def split_sections(markdown: str, parts: int) -> list[str]:
    """Cut the Markdown before headings into at most ``parts`` pieces of similar size."""
    starts = [0] + [match.start() + 1 for match in re.finditer(r"\n#{1,3} ", markdown)]
    target = len(markdown) / max(parts, 1)
    cuts = [0]
    for start in starts[1:]:
        if start - cuts[-1] >= target and len(cuts) < parts:
            cuts.append(start)
    cuts.append(len(markdown))
    return [markdown[begin:end] for begin, end in itertools.pairwise(cuts) if begin < end]


def start_writer(ast_file: Path, to: str, output: Path, data_dir: Path, options: list[str]) -> Run:
    """Start writing the AST in ``ast_file`` as ``to`` into ``output``."""
    return start(
        ["--from", "json", "--to", to, "--output", str(output), *options, str(ast_file)],
        data_dir,
        msg("write {format}", format=to),
    )
