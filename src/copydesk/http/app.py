"""The REST API: ``create_app`` builds the FastAPI application (see docs/http.md).

    POST /api/v1/check     an article in, its schema-1 report out (nothing is stored)
    GET  /api/v1/health    ready, with the versions and the limits
    GET  /openapi.json     the OpenAPI description, the report's JSON Schema included

and, with a store, the endpoints of ``copydesk.http.stored`` (store, list, search, quotes,
entities, findings, decisions).

One ``Desk`` per server process, loaded at startup; every check runs in one checking thread
(``copydesk.http.checker``), by default in a supervised worker process under a time and memory
budget. Every request passes ``copydesk.http.guard`` first (Host, cross-site, content type, size).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING, Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

import copydesk
from copydesk.http.checker import Busy, Checker
from copydesk.http.errors import JSON, error_response, report_error_status
from copydesk.http.guard import Guard
from copydesk.http.models import ArticleIn
from copydesk.http.openapi import add_components, json_content, ref
from copydesk.http.settings import Settings
from copydesk.ingest.sources import DeferredInput

if TYPE_CHECKING:  # pragma: no cover
    from copydesk.desk import Desk, Report
    from copydesk.model import Article

log = logging.getLogger(__name__)

API = "/api/v1"
#: The report's ``source`` when the request names none.
DEFAULT_SOURCE = "<request>"


def _error_or_report(description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {
        "schema": {"anyOf": [ref("Error"), ref("Report")]}}}}


def _error(description: str) -> dict[str, Any]:
    return {"description": description, "content": json_content("Error")}


#: What any endpoint may answer besides its own responses (the guard and the validation).
COMMON_RESPONSES: dict[int | str, dict[str, Any]] = {
    400: _error("The request body is not valid JSON in UTF-8"),
    403: _error("A cross-site request (Origin or Sec-Fetch-Site), refused"),
    413: _error("The request body is over the size limit"),
    415: _error("The request body is not JSON (Content-Type: application/json)"),
    421: _error("A loopback server asked for another host name (Host header)"),
    422: _error("The request does not match its schema (detail lists each problem)"),
}


def create_app(
    desk: Desk | None = None,
    store: Any = None,
    settings: Settings | None = None,
    *,
    load_desk: Callable[[], Desk] | None = None,
) -> FastAPI:
    """The application. ``desk``: a loaded desk to use (default: one loaded at startup, with
    ``settings.kb``); ``store``: a ``copydesk.store.Store`` for the store-backed endpoints
    (default: one opened at startup from ``settings.db``; with neither, the server only
    checks); ``settings``: host, token and limits (``Settings()``: loopback, no token, the
    defaults)."""
    settings = settings or Settings()
    load = load_desk or (lambda: _load_desk(settings))

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        time_limit = settings.time_limit
        checker = Checker(
            desk, load=load, isolation=settings.isolation, time_limit=time_limit,
            memory_limit=settings.memory_limit, queue_limit=settings.queue_limit,
            wait_limit=time_limit,
        )
        opened = None
        if store is None and settings.db is not None:
            from copydesk.store import Store

            # opening migrates the schema: before the first request, off the event loop
            opened = await run_in_threadpool(Store, settings.db)
            app.state.store = opened
        try:
            await asyncio.wrap_future(checker.start())
            app.state.checker = checker
            yield
        finally:
            checker.close()
            if opened is not None:
                opened.close()

    app = FastAPI(
        title="copydesk",
        version=copydesk.__version__,
        summary="An automated copy desk for news: findings and structured records.",
        description="Check a news article and get the schema-1 report `copydesk check "
        "--format json` writes (docs/json-schema.md). Errors are JSON: "
        '`{"error": {"kind": ..., "message": ...}}`.',
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
        default_response_class=JSON,
    )
    app.state.settings = settings
    app.state.store = store
    app.add_middleware(Guard, settings=settings, routes=lambda: app.router.routes)
    _add_error_handlers(app)

    @app.get(f"{API}/health", summary="Ready: versions and limits", tags=["meta"])
    async def health(request: Request) -> JSON:
        checker: Checker = request.app.state.checker
        assert checker.desk is not None
        return JSON({
            "status": "ok",
            "versions": checker.desk.versions(),
            "limits": {"max_body": settings.max_body, **checker.describe()},
            "writes_need_token": settings.token is not None,
        })

    @app.post(
        f"{API}/check",
        summary="Check one article; nothing is stored",
        tags=["check"],
        response_model=None,
        responses={
            200: {"description": "The schema-1 report (docs/json-schema.md)",
                  "content": json_content("Report")},
            400: _error_or_report("Empty text, malformed JSON, or an input ingest refused "
                                  "(a schema-1 report with its error)"),
            413: _error("The request body is over the size limit"),
            422: _error_or_report("The request does not match its schema, or the article "
                                  "could not be processed (a schema-1 report with its error)"),
            503: _error_or_report("The checker is busy, or the check ran out of memory"),
            504: _error_or_report("The check took longer than the time limit"),
        },
    )
    async def check(article: ArticleIn, request: Request) -> JSON:
        """The article's schema-1 report, as `copydesk check --format json` writes it for one
        input (a JSONL line with these fields). Failed inputs answer 4xx/5xx with the report
        (its `error` set) or an error body."""
        outcome = await check_article(request, article)
        if isinstance(outcome, JSON):
            return outcome
        return JSON(outcome.to_dict())

    if store is not None or settings.db is not None:
        from copydesk.http.stored import add_store_routes

        add_store_routes(app, settings)

    _add_web_ui(app, settings)

    def custom_openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = get_openapi(
                title=app.title, version=app.version, summary=app.summary,
                description=app.description, routes=app.routes,
            )
            for path in schema.get("paths", {}).values():
                for operation in path.values():
                    for status, response in COMMON_RESPONSES.items():
                        operation.setdefault("responses", {}).setdefault(str(status), response)
            app.openapi_schema = add_components(schema, bearer=settings.token is not None)
        return app.openapi_schema

    app.openapi = custom_openapi  # type: ignore[method-assign]
    return app


async def check_article(request: Request, article: ArticleIn) -> Report | JSON:
    """The report of ``article`` from the checking thread, or the response to answer instead:
    400 for blank text, 503 when the checker is busy, and for an input that failed its report
    with the status of its error's kind."""
    settings: Settings = request.app.state.settings
    if not article.body().strip():
        which = "text" if article.text is not None else "html"
        return error_response(400, "empty", f"'{which}' is empty (nothing but whitespace)")
    item = DeferredInput(article.source or DEFAULT_SOURCE, "", False, "utf-8",
                         record=article.record())
    checker: Checker = request.app.state.checker
    try:
        future = checker.submit(item)
    except Busy as exc:
        return _busy(exc.message)
    limit = None if settings.time_limit is None else 2 * settings.time_limit + 10
    try:
        report = await asyncio.wait_for(asyncio.wrap_future(future), timeout=limit)
    except Busy as exc:
        return _busy(exc.message)
    except TimeoutError:
        future.cancel()
        return _busy("the check did not finish in time; try again later")
    if report.error is not None:
        status = report_error_status(report.error.kind, report.error.message)
        return JSON(report.to_dict(), status_code=status)
    return report


def _add_web_ui(app: FastAPI, settings: Settings) -> None:
    """The editors' pages (``copydesk.web``: ``/``, ``/check``, ``/articles/{id}``) beside the
    API, checking through the same checking thread and storing in the same store; the entities
    panel reads the desk's knowledge base as ``GET /api/v1/articles/{id}/entities`` does."""
    from copydesk.http.stored import kb_record
    from copydesk.web import web_router

    limit = None if settings.time_limit is None else 2 * settings.time_limit + 10

    def check(article: Article) -> Report:  # called in a worker thread: waits for its turn
        return app.state.checker.submit(article).result(timeout=limit)

    def entity_record(kb_id: str) -> dict[str, Any] | None:  # the entities panel's records
        desk = app.state.checker.desk
        return kb_record(desk.knowledge, kb_id) if desk is not None else None

    app.include_router(web_router(
        check=check, store_provider=lambda: app.state.store,
        review_url=f"{API}/findings/{{fingerprint}}", write_token=settings.token,
        entity_record=entity_record,
    ))


def _load_desk(settings: Settings) -> Desk:
    from copydesk.desk import Desk

    knowledge = None
    if settings.kb:
        from copydesk.knowledge import Knowledge

        knowledge = Knowledge(kb_path=settings.kb)
    desk = Desk(knowledge=knowledge)
    if getattr(settings, "config", None):  # a house style (copydesk.toml, docs/style.md)
        from copydesk.config import configure_desk

        desk = configure_desk(desk, settings.config)
    return desk


def _busy(message: str) -> JSON:
    return error_response(503, "busy", message, headers={"Retry-After": "5"})


def _allowed_methods(app: FastAPI, scope: Any) -> list[str]:
    methods: set[str] = set()
    for route in app.router.routes:
        route_methods = getattr(route, "methods", None)
        if route_methods and route.matches(scope)[0] != Match.NONE:
            methods |= set(route_methods)
    return sorted(methods)


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSON:
        errors = exc.errors()
        if any(error.get("type") == "json_invalid" for error in errors):
            where = next((e.get("ctx", {}).get("error") for e in errors
                          if e.get("type") == "json_invalid"), None)
            return error_response(400, "json", f"the request body is not valid JSON"
                                  f"{f' ({where})' if where else ''}")
        detail = [{"loc": [str(part) for part in error.get("loc", ())],
                   "msg": str(error.get("msg", "")), "type": str(error.get("type", ""))}
                  for error in errors]
        message = "; ".join(f"{'.'.join(item['loc'][1:]) or 'body'}: {item['msg']}"
                            for item in detail[:5])
        return error_response(422, "validation", message, detail=detail)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSON:
        kinds = {404: "not-found", 405: "method", 401: "unauthorized", 400: "bad-request"}
        kind = kinds.get(exc.status_code, "http")
        message = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
        headers = dict(getattr(exc, "headers", None) or {})
        if exc.status_code == 404:
            message = f"no such endpoint: {request.url.path[:200]}"
        elif exc.status_code == 405:
            # every method the path takes (Starlette names only those of one of its routes)
            allowed = _allowed_methods(request.app, request.scope)
            headers["Allow"] = ", ".join(allowed)
            message = f"{request.method[:20]} is not allowed here; use {' or '.join(allowed)}"
        elif exc.status_code == 400 and message == "There was an error parsing the body":
            kind, message = "json", "the request body is not valid JSON in UTF-8"
        return error_response(exc.status_code, kind, message, headers=headers or None)

    @app.exception_handler(Exception)
    async def internal(request: Request, exc: Exception) -> JSON:  # a bug: logged, and JSON
        log.exception("internal error on %s %s", request.method, request.url.path)
        return error_response(500, "internal", f"internal error ({type(exc).__name__}); "
                              "this is a bug, please report it")
