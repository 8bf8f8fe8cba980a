"""The web application of ``planc serve`` (Starlette: the only module that imports it).

Every route lives under the random token; the guard answers 403 to anything else. Pages are
plain HTML with plain form posts: the script only makes them nicer (the preview follows saves
without reloading the page, and repeatable rows can be added without a round trip).
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import urllib.parse
from collections.abc import AsyncIterator, Sequence
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.types import ASGIApp, Receive, Scope, Send

from compiler import templates
from compiler.editing import objects
from compiler.editing.saving import Saved
from compiler.messages.diagnostics import msg
from compiler.serve import views
from compiler.serve.guard import DOCUMENT_POLICY, HEADERS, PAGE_POLICY, Guard
from compiler.serve.live import Live
from compiler.serve.workspace import Located, Workspace

#: How long a page waits for the next version before it is answered anyway (no script: seconds).
WAIT_SECONDS = 300.0
STATE_WAIT_SECONDS = 25.0
MAX_FIELDS = 20_000
_ASSETS = {"serve.css": "text/css; charset=utf-8", "serve.js": "text/javascript; charset=utf-8"}


class Guarded:
    """ASGI middleware: refuse (403) what the guard does not allow; add the security headers."""

    def __init__(self, app: ASGIApp, guard: Guard) -> None:
        self.app = app
        self.guard = guard

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {key.decode("latin-1").lower(): value.decode("latin-1") for key, value in scope["headers"]}
        if not self.guard.allows(scope["path"], headers):
            await _secured(PlainTextResponse("403 Forbidden", status_code=403))(scope, receive, send)
            return
        await self.app(scope, receive, send)


def _secured(response: Response, policy: str = PAGE_POLICY) -> Response:
    response.headers.update(HEADERS)
    response.headers["Content-Security-Policy"] = policy
    return response


def _html(text: str, status: int = 200, policy: str = PAGE_POLICY) -> Response:
    return _secured(HTMLResponse(text, status_code=status), policy)


class Routes:
    """The pages: each method answers one route."""

    def __init__(self, workspace: Workspace, live: Live, guard: Guard) -> None:
        self.workspace = workspace
        self.live = live
        self.base = f"/{guard.token}/"

    def page(self, snapshot: Any = None) -> views.Page:
        current = snapshot or self.live.snapshot
        return views.page_of(self.workspace, current.checked if current else None, self.base)

    async def preview(self, request: Request) -> Response:
        """The preview; ``?after=N`` (no script) answers only once the plan is newer than version N."""
        after = _number(request.query_params.get("after"))
        snapshot = await self.live.after(after, WAIT_SECONDS) if after is not None else self.live.snapshot
        plan = await run_in_threadpool(self.workspace.indexed)
        return _html(views.preview(self.page(snapshot), snapshot, plan))

    async def state(self, request: Request) -> Response:
        """For the script: the next version and its panel, once the plan is newer than ``?after``."""
        snapshot = await self.live.after(_number(request.query_params.get("after")) or 0, STATE_WAIT_SECONDS)
        plan = await run_in_threadpool(self.workspace.indexed)
        return _secured(Response(views.state(self.page(snapshot), snapshot, plan), media_type="application/json"))

    async def document(self, _request: Request) -> Response:
        """The document: the last page built without errors."""
        snapshot = self.live.snapshot
        if snapshot is None or snapshot.page is None:
            return _html(views.waiting(self.page()))
        return _html(snapshot.page, policy=DOCUMENT_POLICY)

    async def contents(self, _request: Request) -> Response:
        """Every object, with links to the forms."""
        plan = await run_in_threadpool(self.workspace.plan)
        return _html(views.contents(views.page_of(self.workspace, plan.checked, self.base), plan))

    async def asset(self, request: Request) -> Response:
        """The pages' stylesheet and script."""
        name = request.path_params["name"]
        if name not in _ASSETS:
            return _secured(PlainTextResponse("404", status_code=404))
        return _secured(Response(templates.text(name), media_type=_ASSETS[name]))

    async def edit(self, request: Request) -> Response:
        """The form of an object (GET), or its save (POST)."""
        plan = await run_in_threadpool(self.workspace.plan)
        page = views.page_of(self.workspace, plan.checked, self.base)
        located = self.workspace.locate(plan, request.path_params["section"], request.path_params.get("identifier"))
        if located is None:
            return _not_found(page)
        if request.method == "POST":
            return await self._save(page, located, await _form(request), ())
        by_field, general = _problems_of(plan.checked.diagnostics, located, plan)
        state = views.FormState(located, located.values, by_field, general, saved="saved" in request.query_params)
        return _html(views.form(page, plan, state))

    async def new(self, request: Request) -> Response:
        """The form of a new object with the next free id (GET), or its save (POST)."""
        section = request.path_params["section"]
        plan = await run_in_threadpool(self.workspace.plan)
        page = views.page_of(self.workspace, plan.checked, self.base)
        posted = await _form(request) if request.method == "POST" else None
        located = self.workspace.blank(plan, section, posted.get("__file", [""])[0] if posted else None)
        if located is None:
            return _not_found(page)
        files = self.workspace.files_for(plan, section)
        if posted is not None:
            return await self._save(page, located, posted, files)
        digests = await run_in_threadpool(self.workspace.digests, files)
        return _html(views.form(page, plan, views.FormState(located, located.values, files=files, digests=digests)))

    async def _save(
        self, page: views.Page, located: Located, posted: dict[str, list[str]], files: Sequence[Path]
    ) -> Response:
        digest = posted.get(f"__digest:{located.file}", posted.get("__digest", [""]))[0]
        saved = await run_in_threadpool(self.workspace.submit, located, posted, digest)
        if saved.written:
            return _secured(RedirectResponse(_after_save(self.base, located, saved), status_code=303))
        plan = await run_in_threadpool(self.workspace.plan)
        by_field: dict[str, Any] = {}
        general: list[Any] = []
        if saved.source is not None and saved.path is not None:
            by_field, general = objects.field_problems(saved.diagnostics, saved.source, saved.path)
        refusal = page.translate(saved.refusal) if saved.refusal else None
        digests = {str(path): posted.get(f"__digest:{path}", [""])[0] for path in files}
        kept = dataclasses.replace(located, digest=digest)  # a refused form stays refused until reopened
        state = views.FormState(kept, located.values, by_field, general, False, refusal, posted, files, digests)
        return _html(views.form(page, plan, state), status=422 if saved.diagnostics else 409)


def make_app(workspace: Workspace, live: Live, guard: Guard) -> Guarded:
    """The application: the routes under the token, behind the guard."""
    routes = Routes(workspace, live, guard)
    table = [
        Route("/", routes.preview),
        Route("/state", routes.state),
        Route("/document", routes.document),
        Route("/objects", routes.contents),
        Route("/assets/{name}", routes.asset),
        Route("/edit/{section}", routes.edit, methods=["GET", "POST"]),
        Route("/edit/{section}/{identifier}", routes.edit, methods=["GET", "POST"]),
        Route("/new/{section}", routes.new, methods=["GET", "POST"]),
    ]

    @contextlib.asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        watcher = asyncio.create_task(live.watch())
        try:
            yield
        finally:
            watcher.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await watcher

    application = Starlette(routes=[Mount(f"/{guard.token}", routes=table)], lifespan=lifespan)
    return Guarded(application, guard)


async def _form(request: Request) -> dict[str, list[str]]:
    """The posted fields (``application/x-www-form-urlencoded``, UTF-8), each with all its values."""
    body = (await request.body()).decode("utf-8", errors="replace")
    fields: dict[str, list[str]] = {}
    for key, value in urllib.parse.parse_qsl(body, keep_blank_values=True, max_num_fields=MAX_FIELDS):
        fields.setdefault(key, []).append(value)
    return fields


def _number(text: str | None) -> int | None:
    return int(text) if text is not None and text.isdigit() else None


def _not_found(page: views.Page) -> Response:
    return _secured(PlainTextResponse(page.translate(msg("Not found.")), status_code=404))


def _after_save(base: str, located: Located, saved: Saved) -> str:
    """Where a saved form goes: its own page again (a new object's, by its id), saying it was saved."""
    section = located.form.section
    if not located.form.is_list:
        return f"{base}edit/{section}?saved=1"
    identifier = located.identifier
    if identifier is None and saved.source is not None and saved.path is not None:
        section_items: Any = saved.source.data[section]
        identifier = section_items[saved.path[-1]].get("id")
    return f"{base}edit/{section}/{urllib.parse.quote(str(identifier), safe='')}?saved=1"


def _problems_of(diagnostics: Any, located: Located, plan: Any) -> tuple[dict[str, Any], list[Any]]:
    source = next((s for s in plan.sources if s.file == str(located.file)), None)
    if source is None or located.path is None:
        return {}, []
    return objects.field_problems(diagnostics, source, located.path)
