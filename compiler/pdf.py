"""Compile the Typst source pandoc wrote into a PDF/A-2a + PDF/UA-1 file with the ``typst`` wheel.

The compile runs in a child Python process (the binding cannot be interrupted otherwise), in a
scratch root that holds only ``main.typ``, with Typst's own fonts only, no packages, a fixed
timestamp, and every warning treated as an error.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Literal

PDF_STANDARDS: tuple[Literal["a-2a", "ua-1"], ...] = ("a-2a", "ua-1")
TIMEOUT_SECONDS = 300
#: pandoc 3.9 writes ``#strong[Label].body`` when text starting with ``.`` follows bold text,
#: which Typst reads as a field access (jgm/pandoc#11511, fixed in 3.10): escape that dot.
_FIELD_ACCESS = ("].", "]\\.")


class TypstError(Exception):
    """Typst failed, warned, or ran out of time."""


def fix_field_access(source: str) -> str:
    """Escape a ``.`` right after a closing bracket (the pandoc 3.9 field-access bug)."""
    out: list[str] = []
    index = 0
    while (found := source.find(_FIELD_ACCESS[0], index)) != -1:
        escaped = found > 0 and source[found - 1] == "\\" and not (found > 1 and source[found - 2] == "\\")
        after = source[found + 2 : found + 3]
        out.append(source[index:found])
        if not escaped and (after.isalpha() or after == "_"):
            out.append(_FIELD_ACCESS[1])
        else:
            out.append(_FIELD_ACCESS[0])
        index = found + 2
    out.append(source[index:])
    return "".join(out)


def compile_pdf(source: Path, output: Path, timestamp: int) -> subprocess.Popen[bytes]:
    """Start compiling ``source`` (alone in its folder) into ``output``; ``finish`` waits for it."""
    command = [sys.executable, "-m", "compiler.pdf", str(source), str(output), str(timestamp)]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=source.parent)


def finish(process: subprocess.Popen[bytes], timeout: float = TIMEOUT_SECONDS) -> None:
    """Wait for a compile started by ``compile_pdf``; raise ``TypstError`` on any problem."""
    try:
        _out, err = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired as exc:
        process.kill()
        process.communicate()
        raise TypstError(f"Typst took longer than {timeout:.0f} s to compile the PDF") from exc
    if process.returncode != 0:
        raise TypstError(err.decode("utf-8", errors="replace").strip() or f"Typst exited with {process.returncode}")


def _compile(source: Path, output: Path, timestamp: int) -> None:
    import typst  # noqa: PLC0415 - only the child process needs it

    with tempfile.TemporaryDirectory(prefix="planc-typst-packages-") as empty:
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
    if warnings:
        raise TypstError("Typst warned: " + "; ".join(str(warning) for warning in warnings))
    output.write_bytes(pdf)


def main(arguments: list[str]) -> int:
    """Child process entry: ``python -m compiler.pdf SOURCE OUTPUT TIMESTAMP``."""
    source, output, timestamp = Path(arguments[0]), Path(arguments[1]), int(arguments[2])
    try:
        _compile(source, output, timestamp)
    except Exception as exc:
        sys.stderr.write(json.dumps(str(exc))[1:-1] + "\n")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
