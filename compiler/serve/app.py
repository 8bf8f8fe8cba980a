"""The web application of ``planc serve`` (Starlette: the only module that imports it).

Every route lives under the random token; the guard answers 403 to anything else. Pages are
plain HTML with plain form posts: the script only makes them nicer (the preview follows saves
without reloading the page, and repeatable rows can be added without a round trip).
"""

from __future__ import annotations

import contextlib
import dataclasses
import urllib.parse
from collections.abc import AsyncIterator
from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.types import ASGIApp, Receive, Scope, Send

from compiler import templates
from compiler.editing import objects
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


def make_app(workspace: Workspace, live: Live, guard: Guard) -> Guarded:
    """The application: the routes under the token, behind the guard."""
    base = f"/{guard.token}/"

    async def page_of(request: Request, snapshot: Any = None) -> views.Page:
        checked = (snapshot or live.snapshot).checked if (snapshot or live.snapshot) else None
        return views.page_of(workspace, checked, base)

    async def preview(request: Request) -> Response:
        after = _number(request.query_params.get("after"))
        snapshot = await live.after(after, WAIT_SECONDS) if after is not None else live.snapshot
        plan = await run_in_threadpool(workspace.indexed)
        return _html(views.preview(await page_of(request, snapshot), snapshot, plan))

    async def state(request: Request) -> Response:
        snapshot = await live.after(_number(request.query_params.get("after")) or 0, STATE_WAIT_SECONDS)
        plan = await run_in_threadpool(workspace.indexed)
        body = views.state(await page_of(request, snapshot), snapshot, plan)
        return _secured(Response(body, media_type="application/json"))

    async def document(request: Request) -> Response:
        snapshot = live.snapshot
        if snapshot is None or snapshot.page is None:
            return _html(views.waiting(await page_of(request)))
        return _html(snapshot.page, policy=DOCUMENT_POLICY)

    async def contents(request: Request) -> Response:
        plan = await run_in_threadpool(workspace.plan)
        return _html(views.contents(views.page_of(workspace, plan.checked, base), plan))

    async def asset(request: Request) -> Response:
        name = request.path_params["name"]
        if name not in _ASSETS:
            return _secured(PlainTextResponse("404", status_code=404))
        return _secured(Response(templates.read(name), media_type=_ASSETS[name]))

    async def edit(request: Request) -> Response:
        section = request.path_params["section"]
        identifier = request.path_params.get("identifier")
        plan = await run_in_threadpool(workspace.plan)
        page = views.page_of(workspace, plan.checked, base)
        located = workspace.locate(plan, section, identifier)
        if located is None:
            return _not_found(page)
        if request.method == "POST":
            return await _post(request, page, located)
        by_field, general = _problems_of(plan.checked.diagnostics, located, plan)
        state = views.FormState(located, located.values, by_field, general, saved="saved" in request.query_params)
        return _html(views.form(page, plan, state))

    async def new(request: Request) -> Response:
        section = request.path_params["section"]
        plan = await run_in_threadpool(workspace.plan)
        page = views.page_of(workspace, plan.checked, base)
        posted = await _form(request) if request.method == "POST" else None
        chosen = posted.get("__file", [None])[0] if posted else None
        located = workspace.blank(plan, section, chosen)
        if located is None:
            return _not_found(page)
        files = workspace.files_for(plan, section)
        if posted is None:
            digests = await run_in_threadpool(workspace.digests, files)
            state = views.FormState(located, located.values, files=files, digests=digests)
            return _html(views.form(page, plan, state))
        return await _post(request, page, located, posted, files)

    async def _post(
        request: Request, page: views.Page, located: Located, posted: Any = None, files: Any = ()
    ) -> Response:
        posted = posted if posted is not None else await _form(request)
        digest = posted.get(f"__digest:{located.file}", posted.get("__digest", [""]))[0]
        saved = await run_in_threadpool(workspace.submit, located, posted, digest)
        if saved.written:
            return _secured(RedirectResponse(_after_save(base, located, saved.path, saved.source), status_code=303))
        plan = await run_in_threadpool(workspace.plan)
        by_field, general = ({}, [])
        if saved.source is not None and saved.path is not None:
            by_field, general = objects.field_problems(saved.diagnostics, saved.source, saved.path)
        refusal = page.translate(saved.refusal) if saved.refusal else None
        digests = {str(path): posted.get(f"__digest:{path}", [""])[0] for path in files}
        kept = dataclasses.replace(located, digest=digest)  # a refused form stays refused until reopened
        state = views.FormState(kept, located.values, by_field, general, False, refusal, posted, files, digests)
        return _html(views.form(page, plan, state), status=409 if not saved.diagnostics else 422)

    routes = [
        Route("/", preview),
        Route("/state", state),
        Route("/document", document),
        Route("/objects", contents),
        Route("/assets/{name}", asset),
        Route("/edit/{section}", edit, methods=["GET", "POST"]),
        Route("/edit/{section}/{identifier}", edit, methods=["GET", "POST"]),
        Route("/new/{section}", new, methods=["GET", "POST"]),
    ]

    @contextlib.asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        import asyncio  # noqa: PLC0415

        watcher = asyncio.create_task(live.watch())
        try:
            yield
        finally:
            watcher.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await watcher

    application = Starlette(routes=[Mount(f"/{guard.token}", routes=routes)], lifespan=lifespan)
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


def _after_save(base: str, located: Located, path: Any, source: Any) -> str:
    """Where a saved form goes: its own page again (a new object's, by its id), saying it was saved."""
    section = located.form.section
    if not located.form.is_list:
        return f"{base}edit/{section}?saved=1"
    identifier = located.identifier
    if identifier is None and source is not None and path is not None:
        identifier = source.data[path[0]][path[1]].get("id")
    return f"{base}edit/{section}/{urllib.parse.quote(str(identifier), safe='')}?saved=1"


def _problems_of(diagnostics: Any, located: Located, plan: Any) -> tuple[dict[str, Any], list[Any]]:
    source = next((s for s in plan.sources if s.file == str(located.file)), None)
    if source is None or located.path is None:
        return {}, []
    return objects.field_problems(diagnostics, source, located.path)
