"""Run ``planc serve``: bind 127.0.0.1, print the address with its token, serve until Ctrl-C (uvicorn).

The only module that imports uvicorn. The socket is bound here, to the loopback address only,
before the server starts, so the address printed is the one that answers.
"""

from __future__ import annotations

import socket
import webbrowser
from collections.abc import Callable
from pathlib import Path

import uvicorn

from compiler.serve.app import make_app
from compiler.serve.guard import Guard, new_token
from compiler.serve.live import Live
from compiler.serve.workspace import Workspace

HOST = "127.0.0.1"


def bind(port: int) -> socket.socket:
    """A listening socket on the loopback address (``port`` 0: any free port)."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind((HOST, port))
    listener.listen(64)
    return listener


def serve(plan_dir: Path, port: int, open_browser: bool, language: str | None, say: Callable[[str], None]) -> None:
    """Serve the plan in ``plan_dir`` until interrupted."""
    listener = bind(port)
    guard = Guard(listener.getsockname()[1], new_token())
    workspace = Workspace(plan_dir, language)
    live = Live(workspace.preview)
    config = uvicorn.Config(
        make_app(workspace, live, guard),
        log_level="warning",
        access_log=False,
        timeout_graceful_shutdown=1,
        lifespan="on",
    )
    say(guard.url)
    if open_browser:
        webbrowser.open(guard.url)
    try:
        uvicorn.Server(config).run(sockets=[listener])
    finally:
        workspace.preview.close()
        listener.close()
