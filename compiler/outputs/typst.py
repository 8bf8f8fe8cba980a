"""Compile the Typst source pandoc wrote into a PDF/A-2a + PDF/UA-1 file with the ``typst`` wheel.

The compile runs in a child Python process (the binding cannot be interrupted otherwise), in a
scratch root that holds only ``main.typ``, with Typst's own fonts and the installed Noto fonts
planc knows (``compiler.glyphs``) only, no packages, a fixed timestamp, and every warning treated
as an error.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

from compiler.glyphs import gather_fonts, printable, replace
from compiler.messages.diagnostics import CommandError, Text, msg
from compiler.outputs.processes import stop

PDF_STANDARDS: tuple[Literal["a-2a", "ua-1"], ...] = ("a-2a", "ua-1")
#: The child process: this module run by the same Python, isolated (``-I``: no working folder, no
#: PYTHON* variables, no user site on its path), so that it imports planc as installed and nothing
#: from the working directory or the plan folder.
_CHILD = [sys.executable, "-I", "-m", "compiler.outputs.typst"]
TIMEOUT_SECONDS = 300
MAX_GLYPH_RETRIES = 20
#: The language of Typst's own words (table captions, quotation marks) when those of the plan's cannot print.
FALLBACK_LANGUAGE = "en"
_MISSING_TEXT = re.compile(r'the text `"(.+?)"` could not be displayed')


class TypstError(CommandError):
    """Typst failed, warned, or ran out of time."""


class Compiler:
    """A child process that imports Typst at once and compiles when it is given a source.

    Started before pandoc runs, it has Python and the ``typst`` module ready by the time the
    Typst source exists, which takes its start-up off the build's critical path.
    """

    def __init__(self, timestamp: int) -> None:
        command = [*_CHILD, str(timestamp)]
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)

    def compile(self, source: Path, output: Path) -> None:
        """Compile ``source`` (alone in its folder) into ``output``; ``finish`` waits for it."""
        request = json.dumps([str(source), str(output)]) + "\n"
        assert self.process.stdin is not None  # noqa: S101 - opened with stdin=PIPE
        self.process.stdin.write(request.encode())
        self.process.stdin.flush()  # the child reads one line; `finish` closes the pipe

    def finish(self, timeout: float = TIMEOUT_SECONDS) -> None:
        """Wait for the compile; raise ``TypstError`` on any problem."""
        too_long = msg("Typst took longer than {seconds} s to compile the PDF.", seconds=f"{timeout:.0f}")
        _wait(self.process, timeout, too_long)

    def stop(self) -> None:
        """Stop the child if it is still running (a build that failed before the PDF)."""
        stop(self.process)


def _wait(process: subprocess.Popen[bytes], timeout: float, too_long: Text) -> None:
    """Wait for a child; stop it and raise ``too_long`` past ``timeout``, raise its own message if it failed."""
    try:
        _out, err = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired as exc:
        stop(process)
        raise TypstError(too_long) from exc
    if process.returncode != 0:
        raise TypstError(_child_failure(err.decode("utf-8", errors="replace").strip(), process.returncode))


def _child_failure(detail: str, code: int) -> Text:
    """The child's message: planc's own (as JSON), or Typst's text."""
    try:
        told = json.loads(detail)
        return msg(str(told["msgid"]), **{str(k): str(v) for k, v in dict(told["args"]).items()})
    except (ValueError, KeyError, TypeError):
        return msg("Typst could not compile the PDF: {detail}", detail=detail or f"exit {code}")


#: PNG resolution for the DOCX: sharp when printed, a few dozen kilobytes a chart.
PICTURE_PPI = 192.0


class Pictures:
    """A child process drawing ``pictures.typ`` (one chart a page) as ``picture-N.svg`` and ``picture-N.png``."""

    def __init__(self, folder: Path, formats: tuple[str, ...]) -> None:
        command = [*_CHILD, "pictures", str(folder), *formats]
        self.folder = folder
        self.process = subprocess.Popen(
            command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )

    def wait(self, timeout: float = TIMEOUT_SECONDS) -> None:
        """Wait for the pictures; raise ``TypstError`` on any problem."""
        too_long = msg("Typst took longer than {seconds} s to draw the charts.", seconds=f"{timeout:.0f}")
        _wait(self.process, timeout, too_long)

    def stop(self) -> None:
        """Stop the child if it is still running."""
        stop(self.process)


def _draw_pictures(folder: Path, formats: list[str]) -> None:
    import typst  # noqa: PLC0415 - only the child process needs it

    source = folder / "pictures.typ"
    with (
        tempfile.TemporaryDirectory(prefix="planc-typst-packages-") as empty,
        tempfile.TemporaryDirectory(prefix="planc-typst-fonts-") as fonts,
    ):
        gather_fonts(Path(fonts))
        for fmt in formats:
            pages, warnings = typst.compile_with_warnings(  # type: ignore[call-overload]  # format is a str here
                str(source),
                root=str(folder),
                font_paths=[fonts],
                ignore_system_fonts=True,
                format=fmt,
                ppi=PICTURE_PPI if fmt == "png" else None,
                package_path=empty,
                package_cache_path=empty,
            )
            if warnings:
                raise TypstError(msg("Typst warned: {detail}", detail="; ".join(str(warning) for warning in warnings)))
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
    text = printable(source.read_text(encoding="utf-8"))
    source.write_text(text, encoding="utf-8")
    with (
        tempfile.TemporaryDirectory(prefix="planc-typst-packages-") as empty,
        tempfile.TemporaryDirectory(prefix="planc-typst-fonts-") as fonts,
    ):
        gather_fonts(Path(fonts))
        pdf, warnings = _compile_retrying(source, text, fonts, empty, timestamp)
    if warnings:
        raise TypstError(msg("Typst warned: {detail}", detail="; ".join(str(warning) for warning in warnings)))
    output.write_bytes(pdf)


def _compile_retrying(source: Path, text: str, fonts: str, empty: str, timestamp: int) -> tuple[bytes, list[Any]]:
    """Compile; when Typst finds a character no font has, show it as missing and try again, and when
    it has no font for its own words in the plan's language, use English ones."""
    import typst  # noqa: PLC0415 - only the child process needs it

    inputs: dict[str, str] = {}
    for _attempt in range(MAX_GLYPH_RETRIES):
        try:
            pdf, warnings = typst.compile_with_warnings(
                str(source),
                root=str(source.parent),
                font_paths=[fonts],
                ignore_system_fonts=True,
                pdf_standards=list(PDF_STANDARDS),
                timestamp=timestamp,
                package_path=empty,
                package_cache_path=empty,
                sys_inputs=inputs,
            )
            return pdf, list(warnings)
        except typst.TypstError as problem:
            missing = _MISSING_TEXT.search(str(problem))
            if missing is None or (missing.group(1) not in text and inputs):
                raise
            if missing.group(1) not in text:
                inputs = {"planc-lang": FALLBACK_LANGUAGE}  # Typst's own words (「」, 表) and no font for them
                continue
            text = replace(text, set(missing.group(1)))
            source.write_text(text, encoding="utf-8")
    raise TypstError(msg("Typst kept finding characters no font can print."))


def _pictures_main(folder: Path, formats: list[str]) -> int:
    """Draw the charts of ``folder`` in ``formats``: ``pictures FOLDER FORMAT…``."""
    return _reported(lambda: _draw_pictures(folder, formats))


def _reported(work: Callable[[], None]) -> int:
    """Do ``work`` in the child: 0, or 1 with the reason on stderr for the parent (``_child_failure``)."""
    try:
        work()
    except TypstError as failure:  # planc's own message, translated by the parent
        sys.stderr.write(json.dumps({"msgid": failure.message.msgid, "args": failure.message.args}) + "\n")
        return 1
    except Exception as exc:  # report any Typst failure to the parent as text
        sys.stderr.write(str(exc) + "\n")
        return 1
    return 0


def main(arguments: list[str]) -> int:
    """Compile what the parent asks for: ``TIMESTAMP`` (then ``[source, output]`` on stdin), or pictures."""
    if arguments[0] == "pictures":
        return _pictures_main(Path(arguments[1]), arguments[2:])
    timestamp = int(arguments[0])
    import typst  # noqa: F401, PLC0415 - load the engine while the parent is still running pandoc

    line = sys.stdin.readline()
    if not line:
        return 0  # the parent stopped before the PDF: nothing to do
    source, output = (Path(part) for part in json.loads(line))
    return _reported(lambda: _compile(source, output, timestamp))


if __name__ == "__main__":  # the child: ``python -I -m compiler.outputs.typst TIMESTAMP`` (or ``pictures …``)
    sys.exit(main(sys.argv[1:]))
