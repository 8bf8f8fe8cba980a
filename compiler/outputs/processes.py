"""Child processes (pandoc, the Typst child): stopped cleanly, whatever state they are in."""

from __future__ import annotations

import subprocess


def stop(process: subprocess.Popen[bytes]) -> None:
    """Kill a child process if it still runs, reap it, and close its pipes whatever happened."""
    if process.poll() is None:
        process.kill()
    for stream in (process.stdin, process.stdout, process.stderr):
        if stream is not None:
            stream.close()
    process.wait()
