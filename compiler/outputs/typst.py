"""Compile the Typst source pandoc wrote into a PDF/A-2a + PDF/UA-1 file with the ``typst`` wheel.

The compile runs in a child Python process (the binding cannot be interrupted otherwise), in a
scratch root that holds only ``main.typ``, with Typst's own fonts only, no packages, a fixed
timestamp, and every warning treated as an error.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Literal

from compiler.glyphs import printable, replace
from compiler.outputs.processes import stop

PDF_STANDARDS: tuple[Literal["a-2a", "ua-1"], ...] = ("a-2a", "ua-1")
TIMEOUT_SECONDS = 300
MAX_GLYPH_RETRIES = 20
_MISSING_TEXT = re.compile(r'the text `"(.+?)"` could not be displayed')


class TypstError(Exception):
    """Typst failed, warned, or ran out of time."""


class Compiler:
    """A child process that imports Typst at once and compiles when it is given a source.

    Started before pandoc runs, it has Python and the ``typst`` module ready by the time the
    Typst source exists, which takes its start-up off the build's critical path.
    """

    def __init__(self, timestamp: int) -> None:
        command = [sys.executable, "-m", "compiler.outputs.typst", str(timestamp)]
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)

    def compile(self, source: Path, output: Path) -> None:
        """Compile ``source`` (alone in its folder) into ``output``; ``finish`` waits for it."""
        request = json.dumps([str(source), str(output)]) + "\n"
        assert self.process.stdin is not None  # noqa: S101 - opened with stdin=PIPE
        self.process.stdin.write(request.encode())
        self.process.stdin.flush()  # the child reads one line; `finish` closes the pipe

    def finish(self, timeout: float = TIMEOUT_SECONDS) -> None:
        """Wait for the compile; raise ``TypstError`` on any problem."""
        try:
            _out, err = self.process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired as exc:
            self.stop()
            raise TypstError(f"Typst took longer than {timeout:.0f} s to compile the PDF") from exc
        if self.process.returncode != 0:
            raise TypstError(
                err.decode("utf-8", errors="replace").strip() or f"Typst exited with {self.process.returncode}"
            )

    def stop(self) -> None:
        """Stop the child if it is still running (a build that failed before the PDF)."""
        stop(self.process)


#: PNG resolution for the DOCX: sharp when printed, a few dozen kilobytes a chart.
PICTURE_PPI = 192.0


class Pictures:
    """A child process drawing ``pictures.typ`` (one chart a page) as ``picture-N.svg`` and ``picture-N.png``."""

    def __init__(self, folder: Path, formats: tuple[str, ...]) -> None:
        command = [sys.executable, "-m", "compiler.outputs.typst", "pictures", str(folder), *formats]
        self.folder = folder
        self.process = subprocess.Popen(
            command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )

    def wait(self, timeout: float = TIMEOUT_SECONDS) -> None:
        """Wait for the pictures; raise ``TypstError`` on any problem."""
        try:
            _out, err = self.process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired as exc:
            self.stop()
            raise TypstError(f"Typst took longer than {timeout:.0f} s to draw the charts") from exc
        if self.process.returncode != 0:
            raise TypstError(err.decode("utf-8", errors="replace").strip() or "Typst could not draw the charts")

    def stop(self) -> None:
        """Stop the child if it is still running."""
        stop(self.process)


def _draw_pictures(folder: Path, formats: list[str]) -> None:
    import typst  # noqa: PLC0415 - only the child process needs it

    source = folder / "pictures.typ"
    with tempfile.TemporaryDirectory(prefix="planc-typst-packages-") as empty:
        for fmt in formats:
            pages, warnings = typst.compile_with_warnings(  # type: ignore[call-overload]  # format is a str here
                str(source),
                root=str(folder),
                font_paths=[],
                ignore_system_fonts=True,
                format=fmt,
                ppi=PICTURE_PPI if fmt == "png" else None,
                package_path=empty,
                package_cache_path=empty,
            )
            if warnings:
                raise TypstError("Typst warned: " + "; ".join(str(warning) for warning in warnings))
            for number, page in enumerate(pages if isinstance(pages, list) else [pages], start=1):
                (folder / f"picture-{number}.{fmt}").write_bytes(page)


def version() -> str:
    """The version of the Typst compiler inside the ``typst`` wheel (``0.15.1``)."""
    import typst  # noqa: PLC0415

    with tempfile.TemporaryDirectory(prefix="planc-typst-version-") as folder:
        empty = Path(folder) / "empty.typ"
        empty.write_text("", encoding="utf-8")
        return str(json.loads(typst.eval(str(empty), "str(sys.version)")))


def _compile(source: Path, output: Path, timestamp: int) -> None:
    import typst  # noqa: PLC0415 - only the child process needs it

    text = source.read_text(encoding="utf-8")
    source.write_text(printable(text), encoding="utf-8")
    with tempfile.TemporaryDirectory(prefix="planc-typst-packages-") as empty:
        for _attempt in range(MAX_GLYPH_RETRIES):
            try:
                pdf, warnings = typst.compile_with_warnings(
                    str(source),
                    root=str(source.parent),
                    font_paths=[],
                    ignore_system_fonts=True,
                    pdf_standards=list(PDF_STANDARDS),
                    timestamp=timestamp,
                    package_path=empty,
                    package_cache_path=empty,
                )
                break
            except typst.TypstError as problem:
                missing = _MISSING_TEXT.search(str(problem))
                if missing is None:
                    raise
                # A character the glyph table thought printable: show it as missing and try again.
                text = source.read_text(encoding="utf-8")
                source.write_text(replace(text, set(missing.group(1))), encoding="utf-8")
        else:
            raise TypstError("Typst kept finding characters no font can print")
    if warnings:
        raise TypstError("Typst warned: " + "; ".join(str(warning) for warning in warnings))
    output.write_bytes(pdf)


def main(arguments: list[str]) -> int:
    """Child process entry: ``TIMESTAMP``, then ``[source, output]`` on stdin; or ``pictures FOLDER FORMAT…``."""
    if arguments[0] == "pictures":
        try:
            _draw_pictures(Path(arguments[1]), arguments[2:])
        except Exception as exc:  # report any Typst failure to the parent as text
            sys.stderr.write(str(exc) + "\n")
            return 1
        return 0
    timestamp = int(arguments[0])
    import typst  # noqa: F401, PLC0415 - load the engine while the parent is still running pandoc

    line = sys.stdin.readline()
    if not line:
        return 0  # the parent stopped before the PDF: nothing to do
    source, output = (Path(part) for part in json.loads(line))
    try:
        _compile(source, output, timestamp)
    except Exception as exc:  # report any Typst failure to the parent as text
        sys.stderr.write(str(exc) + "\n")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
