"""Run the pandoc binary shipped by pypandoc-binary: sandboxed, with a private data dir and a timeout."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

TIMEOUT_SECONDS = 300
MEMORY_LIMIT = "-M3g"

#: The Markdown reader keeps only what planc's own template writes: headings with ids, divs,
#: spans, pipe tables with captions, lists, emphasis, links. Everything else is off.
READER = "markdown" + "".join(
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
        "definition_lists",
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


class PandocError(Exception):
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


@dataclass(frozen=True)
class Run:
    """One pandoc invocation, started but perhaps not finished."""

    process: subprocess.Popen[bytes]
    what: str
    stdin: bytes | None = None

    def wait(self, timeout: float = TIMEOUT_SECONDS) -> bytes:
        """Wait for pandoc; return its output or raise ``PandocError``."""
        try:
            out, err = self.process.communicate(self.stdin, timeout=timeout)
        except subprocess.TimeoutExpired as exc:
            self.process.kill()
            self.process.communicate()
            raise PandocError(f"pandoc took longer than {timeout:.0f} s to {self.what}") from exc
        if self.process.returncode != 0:
            detail = err.decode("utf-8", errors="replace").strip().split("\nHasCallStack")[0]
            raise PandocError(f"pandoc failed to {self.what} (exit {self.process.returncode}): {detail}")
        if err.strip():
            raise PandocError(
                f"pandoc warned while trying to {self.what}: {err.decode('utf-8', errors='replace').strip()}"
            )
        return out

    def kill(self) -> None:
        """Stop pandoc if it is still running."""
        if self.process.poll() is None:
            self.process.kill()
            self.process.communicate()


def start(arguments: list[str], data_dir: Path, what: str, stdin: bytes | None = None) -> Run:
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
        raise PandocError(f"cannot run pandoc ({command[0]}): {exc.strerror}") from exc
    return Run(process, what, stdin)


def read_markdown(markdown: str, data_dir: Path) -> dict[str, Any]:
    """Parse planc's Markdown into pandoc's JSON AST."""
    run = start(["--from", READER, "--to", "json", "--columns=60"], data_dir, "read the Markdown", markdown.encode())
    ast: dict[str, Any] = json.loads(run.wait())
    return ast


def start_writer(ast_file: Path, to: str, output: Path, data_dir: Path, options: list[str]) -> Run:
    """Start writing the AST in ``ast_file`` as ``to`` into ``output``."""
    return start(
        ["--from", "json", "--to", to, "--output", str(output), *options, str(ast_file)], data_dir, f"write {to}"
    )
