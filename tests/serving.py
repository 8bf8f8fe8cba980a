"""A real ``planc serve`` for tests: the server in a thread on 127.0.0.1, and a browser-like client.

The client speaks plain HTTP (``http.client``) so that tests can send any Host and Origin, and it
reads a form the way a browser without JavaScript submits it (``FormReader``).
"""

from __future__ import annotations

import http.client
import threading
import time
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import uvicorn

from compiler.serve.app import make_app
from compiler.serve.guard import Guard, new_token
from compiler.serve.live import Live
from compiler.serve.server import bind
from compiler.serve.workspace import Workspace


@dataclass
class Answer:
    """One HTTP answer."""

    status: int
    headers: dict[str, str]
    body: str


@dataclass
class Served:
    """A running server: its guard (port, token, address) and a client."""

    guard: Guard
    workspace: Workspace
    live: Live

    @property
    def base(self) -> str:
        return f"/{self.guard.token}/"

    def request(self, method: str, path: str, body: str | None = None, headers: dict[str, str] | None = None) -> Answer:
        """Send one request (Host is the server's own unless ``headers`` say otherwise)."""
        connection = http.client.HTTPConnection("127.0.0.1", self.guard.port, timeout=120)
        sent = {"Host": f"127.0.0.1:{self.guard.port}", **(headers or {})}
        if body is not None:
            sent["Content-Type"] = "application/x-www-form-urlencoded"
        connection.request(method, path, body=body.encode("utf-8") if body is not None else None, headers=sent)
        response = connection.getresponse()
        answer = Answer(response.status, {k.lower(): v for k, v in response.getheaders()}, response.read().decode())
        connection.close()
        return answer

    def get(self, path: str, **headers: str) -> Answer:
        return self.request("GET", self.base + path, headers=headers)

    def post(self, path: str, fields: list[tuple[str, str]], **headers: str) -> Answer:
        return self.request("POST", self.base + path, urllib.parse.urlencode(fields), headers)

    def wait_for_version(self, above: int, timeout: float = 120) -> int:
        """Wait until the preview shows the files as they are now, in a version above ``above``."""
        deadline = time.monotonic() + timeout
        preview = self.workspace.preview
        while time.monotonic() < deadline:
            snapshot = self.live.snapshot
            settled = snapshot is not None and snapshot is preview.snapshot and preview.seen == preview.signature()
            if settled and snapshot is not None and snapshot.version > above:
                return snapshot.version
            time.sleep(0.05)
        raise AssertionError("the preview did not rebuild")


@contextmanager
def serving(plan: Path) -> Iterator[Served]:
    """Serve ``plan`` until the block ends; the first preview is built before it starts."""
    listener = bind(0)
    guard = Guard(listener.getsockname()[1], new_token())
    workspace = Workspace(plan)
    live = Live(workspace.preview)
    server = uvicorn.Server(uvicorn.Config(make_app(workspace, live, guard), log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [listener]}, daemon=True)
    thread.start()
    served = Served(guard, workspace, live)
    try:
        served.wait_for_version(0)
        yield served
    finally:
        server.should_exit = True
        thread.join(timeout=30)
        workspace.preview.close()
        listener.close()


class FormReader(HTMLParser):
    """What a browser without JavaScript would post for the first form of a page, as it is shown."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.fields: list[tuple[str, str]] = []
        self.in_form = False
        self.select: str | None = None
        self.options: list[tuple[str, bool]] = []
        self.textarea: str | None = None
        self.text = ""

    @classmethod
    def read(cls, page: str) -> list[tuple[str, str]]:
        reader = cls()
        reader.feed(page)
        return reader.fields

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {key: value or "" for key, value in attrs}
        if tag == "form":
            self.in_form = True
        if not self.in_form or ("name" not in found and tag in ("input", "select", "textarea")):
            return
        if tag == "input" and (found.get("type") not in ("checkbox", "radio") or "checked" in found):
            self.fields.append((found["name"], found.get("value", "")))
        elif tag == "select":
            self.select, self.options = found["name"], []
        elif tag == "option" and self.select is not None:
            self.options.append((found.get("value", ""), "selected" in found))
        elif tag == "textarea":
            self.textarea, self.text = found["name"], ""

    def handle_data(self, data: str) -> None:
        if self.textarea is not None:
            self.text += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self.in_form = False
        elif tag == "select" and self.select is not None:
            chosen = [value for value, selected in self.options if selected] or [self.options[0][0]]
            self.fields.append((self.select, chosen[0]))
            self.select = None
        elif tag == "textarea" and self.textarea is not None:
            # A browser drops one line break right after <textarea> and posts line breaks as CRLF.
            self.fields.append((self.textarea, self.text.removeprefix("\n").replace("\n", "\r\n")))
            self.textarea = None
