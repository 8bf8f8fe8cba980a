"""A warm pandoc: one ``pandoc lua`` process kept running, so that each piece of the preview costs
milliseconds instead of a process start (``warm.lua`` is its side of the conversation).

It runs the binary of ``outputs.pandoc`` with the same reader, memory limit, environment and
private data folder as a build; a request that takes too long kills the process, and the next
request starts a new one.
"""

from __future__ import annotations

import importlib.resources
import json
import os
import subprocess
import threading
from pathlib import Path
from typing import IO, Any

from compiler.messages.diagnostics import msg
from compiler.outputs import commonmark, pandoc, processes

#: pandoc's side of the conversation, shipped inside the package.
SCRIPT = Path(str(importlib.resources.files(__package__) / "warm.lua"))
TIMEOUT_SECONDS = 60


class WarmPandoc:
    """One long-lived pandoc process; one request at a time (the lock), any thread may ask."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.process: subprocess.Popen[bytes] | None = None
        self.lock = threading.Lock()

    def read(self, markdown: str) -> dict[str, Any]:
        """planc's Markdown as pandoc's JSON AST (the reader of a build)."""
        ast: dict[str, Any] = json.loads(self._ask("read", commonmark.prepared(markdown)))
        return {**ast, "blocks": commonmark.restored(ast["blocks"])}

    def write_html(self, asts: list[dict[str, Any]]) -> list[str]:
        """The HTML fragments of gated ASTs, with ``<section>`` around each heading as in a build."""
        request = json.dumps([json.dumps(ast, ensure_ascii=False) for ast in asts], ensure_ascii=False)
        fragments: list[str] = json.loads(self._ask("write", request))
        return fragments

    def close(self) -> None:
        """Stop the process."""
        with self.lock:
            self._stop()

    def _ask(self, operation: str, text: str) -> str:
        payload = text.encode("utf-8")
        with self.lock:
            process = self._running()
            if process.stdin is None or process.stdout is None:
                raise pandoc.PandocError(msg("the preview's pandoc has no pipes"))
            watchdog = threading.Timer(TIMEOUT_SECONDS, process.kill)
            watchdog.start()
            try:
                process.stdin.write(f"{operation} {len(payload)}\n".encode("ascii") + payload)
                process.stdin.flush()
                status, answer = _answer(process.stdout)
            except (OSError, ValueError) as exc:
                self._stop()
                raise pandoc.PandocError(msg("the preview's pandoc stopped: {detail}", detail=str(exc))) from exc
            finally:
                watchdog.cancel()
        if status != "ok":
            raise pandoc.PandocError(
                msg("pandoc failed to {operation} a piece of the preview: {detail}", operation=operation, detail=answer)
            )
        return answer

    def _running(self) -> subprocess.Popen[bytes]:
        if self.process is None or self.process.poll() is not None:
            command = [pandoc.executable(), "+RTS", pandoc.MEMORY_LIMIT, "-RTS", "lua", str(SCRIPT), commonmark.READER]
            environment = {"PATH": os.defpath, "LANG": "C.UTF-8", "HOME": str(self.data_dir)}
            try:
                self.process = subprocess.Popen(
                    command,
                    stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.DEVNULL,
                    env=environment,
                    cwd=self.data_dir,
                )
            except OSError as exc:
                raise pandoc.PandocError(
                    msg("cannot run pandoc ({program}): {reason}", program=command[0], reason=str(exc.strerror))
                ) from exc
        return self.process

    def _stop(self) -> None:
        if self.process is not None:
            processes.stop(self.process)
            self.process = None


def _answer(stream: IO[bytes]) -> tuple[str, str]:
    """Read one answer: a status line, then as many bytes as it says."""
    header = stream.readline().decode("ascii", errors="replace").split()
    if len(header) != 2 or not header[1].isdigit():
        raise ValueError(f"unexpected answer {' '.join(header)!r}")
    size = int(header[1])
    body = stream.read(size)
    if len(body) != size:
        raise ValueError("the answer stopped short")
    return header[0], body.decode("utf-8")
