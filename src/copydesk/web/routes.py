"""The pages: ``GET /`` (the paste and upload form), ``POST /check`` (check it and show the
annotated article) and the two static files the pages use.

Each page is rendered by Jinja2 with autoescape on; each response carries the headers of
``copydesk.web.security`` and a fresh script nonce. Checking an article is blocking work: it runs
in a worker thread (``check`` given by the server, or the desk's ``check_article`` one call at a
time), never on the event loop.
"""

from __future__ import annotations

import hmac
import logging
import threading
from collections.abc import Callable, Iterable
from dataclasses import asdict
from importlib.resources import files
from typing import TYPE_CHECKING, Any

from fastapi import APIRouter, Request
from jinja2 import Environment, PackageLoader, StrictUndefined
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.responses import HTMLResponse, RedirectResponse, Response

from copydesk.errors import CopydeskError
from copydesk.web.corpus import DECISIONS, LIMIT, SEVERITIES, corpus_query, corpus_rows
from copydesk.web.intake import MAX_BYTES, FormError, Pasted, pasted_article, uploaded_article
from copydesk.web.panels import Lookup, side_panels
from copydesk.web.security import (
    CSRF_FIELD,
    CSRF_HEADER,
    cross_site,
    csrf_token,
    csrf_valid,
    new_nonce,
    secure,
    set_csrf_cookie,
)
from copydesk.web.view import article_view

if TYPE_CHECKING:  # pragma: no cover
    from copydesk import Desk, Report
    from copydesk.model import Article

log = logging.getLogger(__name__)

#: The static files, by name, with their media types.
STATIC = {"web.css": "text/css; charset=utf-8", "web.js": "text/javascript; charset=utf-8"}

#: Why the accept and dismiss buttons are off when no store is configured.
NO_STORE = (
    "Accept and dismiss need the store (copydesk's database of checked articles), which this "
    "server does not have, so they are turned off."
)
#: Why they are off on an article shown without being stored.
NOT_STORED = (
    "This article was not stored (this server stores articles only with its write token, "
    "which the form did not carry), so accept and dismiss are turned off."
)


def web_router(
    desk_provider: Callable[[], Desk] | None = None,
    store_provider: Callable[[], Any] | None = None,
    *,
    check: Callable[[Article], Report] | None = None,
    review_url: str | None = None,
    write_token: str | None = None,
    trusted_origins: Iterable[str] = (),
    entity_record: Lookup | None = None,
) -> APIRouter:
    """The web UI as a router for a FastAPI app (``app.include_router(web_router(...))``).

    ``desk_provider`` returns the ``Desk`` that checks the articles (called at the first check,
    so the model loads when it is needed); ``check`` replaces it, for a server that checks
    through its own queue or worker (it is called in a worker thread and returns the report).

    ``store_provider`` returns the store (``copydesk.store.Store``), or None. With a store, a
    checked article is stored and shown at ``/articles/{id}`` with the editor's decisions, and
    the accept and dismiss buttons send ``PATCH`` to ``review_url`` (a template with
    ``{fingerprint}``: the REST API's ``/api/v1/findings/{fingerprint}``) with the editor's name.
    Without a store the buttons are shown turned off, and say why.

    ``write_token``: the server's token for writes, when it has one (as the API, the form then
    stores an article only when the token is typed in with it, and the page asks for it to send
    with a decision); without the token the article is shown, not stored.

    ``trusted_origins``: more origins whose posts are taken (``copydesk.web.security``).

    ``entity_record``: the knowledge-base record of an entity's ``kb_id`` (a dict as
    ``copydesk.http.stored.kb_record`` gives, or None), for the entities panel; called in a
    worker thread."""
    if check is None:
        if desk_provider is None:
            raise TypeError("web_router needs desk_provider or check")
        check = _one_at_a_time(desk_provider)
    pages = Pages()
    # whether the form asks for the write token: the server has one, and a store
    pages.env.globals["ask_token"] = lambda: write_token is not None and store_of() is not None
    trusted = tuple(trusted_origins)
    static = {name: files("copydesk.web").joinpath("static", name).read_bytes() for name in STATIC}
    router = APIRouter(include_in_schema=False)

    def store_of() -> Any:
        return store_provider() if store_provider is not None else None

    def review(store: Any, *, stored: bool = True) -> dict[str, Any]:
        token = write_token is not None
        if store is None or not review_url:
            return {"enabled": False, "url": "", "token": token, "note": NO_STORE}
        if not stored:
            return {"enabled": False, "url": "", "token": token, "note": NOT_STORED}
        return {"enabled": True, "url": review_url, "token": token, "note": ""}

    def may_store(submitted: str) -> bool:
        return write_token is None or hmac.compare_digest(
            submitted.encode("utf-8", "replace"), write_token.encode("utf-8"))

    @router.get("/", name="web_index", response_class=HTMLResponse)
    def index(request: Request) -> Response:
        return pages.render(request, "index.html", form=Pasted(), problem=None)

    @router.post("/check", name="web_check", response_class=HTMLResponse)
    async def check_form(request: Request) -> Response:
        read = await _read_form(request, pages, trusted)
        if isinstance(read, Response):
            return read
        article, submitted_token = read
        try:
            report = await run_in_threadpool(check, article)
        except Exception as exc:  # noqa: BLE001 - a busy server or a bug: a page, not a trace
            log.warning("the web form's check failed: %s: %s", type(exc).__name__, exc)
            return pages.refuse(
                request, 503, "Not checked",
                f"The article could not be checked now ({type(exc).__name__}: {exc}). "
                "Try again in a moment.",
            )
        store = store_of()
        stored = store is not None and report.article is not None and may_store(submitted_token)
        if stored:
            stored = await run_in_threadpool(store.ingest, report)
            where = request.url_for("web_article", article_id=str(stored.article_id)).path
            return secure(RedirectResponse(where, status_code=303))
        regions = [(r.start, r.end, r.role) for r in report.article.regions] if report.article else []
        data = report.to_dict()
        view = article_view(data, regions)
        panels = await run_in_threadpool(side_panels, data, entity_record)
        return pages.render(request, "article.html", status=200 if report.ok else 422,
                            view=view, panels=panels, review=review(store, stored=stored))

    @router.get("/articles/{article_id}", name="web_article", response_class=HTMLResponse)
    async def stored_article(request: Request, article_id: str) -> Response:
        store = store_of()
        if store is None or not article_id.isdigit() or len(article_id) > 15:
            return pages.refuse(request, 404, "No such article", "No stored article has this id.")
        number = int(article_id)
        data = await run_in_threadpool(store.report, number)
        if data is None:
            return pages.refuse(request, 404, "No such article", "No stored article has this id.")
        records = await run_in_threadpool(lambda: store.findings(article=number))
        decisions = {r.fingerprint: (r.decision.decision, r.decision.by)
                     for r in records if r.decision is not None}
        view = article_view(data, decisions=decisions)
        panels = await run_in_threadpool(side_panels, data, entity_record)
        return pages.render(request, "article.html", view=view, panels=panels,
                            review=review(store))

    @router.get("/corpus", name="web_corpus", response_class=HTMLResponse)
    async def corpus(request: Request) -> Response:
        store = store_of()
        query = corpus_query(request.query_params)
        rows = None
        if store is not None:
            try:
                rows = await run_in_threadpool(corpus_rows, store, query)
            except CopydeskError as exc:  # a search the store cannot read
                query.problems.append(str(exc))
                rows = []
        return pages.render(request, "corpus.html", query=query, rows=rows,
                            severities=SEVERITIES, decisions=tuple(DECISIONS), limit=LIMIT)

    @router.get("/web/static/{name}", name="web_static")
    def static_file(name: str) -> Response:
        if name not in STATIC:
            return secure(Response("not found", status_code=404, media_type="text/plain"))
        response = Response(static[name], media_type=STATIC[name])
        response.headers["Cache-Control"] = "no-cache"
        return secure(response)

    return router


async def _read_form(
    request: Request, pages: Pages, trusted: tuple[str, ...]
) -> tuple[Article, str] | Response:
    """The article of a posted form and the write token typed in with it, or the page that
    refuses it: a cross-site post, a form that cannot be read, a missing or wrong CSRF token,
    or fields that make no article."""
    refusal = cross_site(request, trusted)
    if refusal is not None:
        return pages.refuse(request, 403, "Cross-site post refused", refusal)
    try:
        form = await request.form(max_files=1, max_fields=20, max_part_size=MAX_BYTES)
    except HTTPException as exc:
        return pages.refuse(request, 400, "The form could not be read", str(exc.detail))
    try:
        if not csrf_valid(request, form.get(CSRF_FIELD)):
            return pages.refuse(
                request, 403, "Form token missing or wrong",
                "The form's security token is missing or does not match this browser's. "
                "Open the form again and resubmit.",
            )
        fields = Pasted(**{
            name: value if isinstance(value := form.get(name, ""), str) else ""
            for name in asdict(Pasted())
        })
        token = form.get("write_token")
        token = token if isinstance(token, str) else ""
        upload = form.get("file")
        try:
            if isinstance(upload, UploadFile) and upload.filename:
                data = await upload.read(MAX_BYTES + 1)
                return uploaded_article(data, upload.filename, fields.published), token
            return pasted_article(fields), token
        except FormError as exc:
            return pages.render(request, "index.html", status=400, form=fields, problem=str(exc))
    finally:
        await form.close()


class Pages:
    """The templates, and what every page response carries."""

    def __init__(self) -> None:
        self.env = Environment(
            loader=PackageLoader("copydesk.web", "templates"),
            autoescape=True,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )

    def render(self, request: Request, template: str, *, status: int = 200, **context: Any) -> Response:
        nonce = new_nonce()
        token = csrf_token(request)
        html = self.env.get_template(template).render(
            nonce=nonce, csrf_token=token, csrf_field=CSRF_FIELD, csrf_header=CSRF_HEADER,
            url=lambda route, **params: request.url_for(route, **params).path,
            **context,
        )
        response = HTMLResponse(html, status_code=status, headers={"Cache-Control": "no-store"})
        set_csrf_cookie(response, request, token)
        return secure(response, nonce)

    def refuse(self, request: Request, status: int, title: str, reason: str) -> Response:
        return self.render(request, "refused.html", status=status, title=title, reason=reason)


def _one_at_a_time(desk_provider: Callable[[], Desk]) -> Callable[[Article], Report]:
    """``check`` for a desk of our own: one check at a time (the model is not promised to be
    safe to call from two threads at once)."""
    lock = threading.Lock()

    def check(article: Article) -> Report:
        with lock:
            return desk_provider().check_article(article)

    return check
