"""The store-backed endpoints (``copydesk.store.Store``), served when the server has a store
(``copydesk serve --db URL``, or ``create_app(store=...)``):

    POST  /api/v1/articles                   check an article and store it (a write)
    GET   /api/v1/articles                   stored articles, filtered, oldest first
    GET   /api/v1/articles/{id}              one article: its versions and current report
    GET   /api/v1/articles/{id}/entities     its entities, each with its knowledge-base record
    GET   /api/v1/search?q=...               full-text search of headlines and texts
    GET   /api/v1/quotes?speaker=...         quotes by speaker (a part of the name, or a KB id)
    GET   /api/v1/findings?...               findings with filters and the editor's decisions
    PATCH /api/v1/findings/{fingerprint}     record a decision on a finding (a write)

Store calls block; they run in the server's thread pool, never in the checking thread (the
store opens its own database connections; the knowledge base has one per thread).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import FastAPI, Path, Query, Request
from pydantic import BaseModel, ConfigDict, Field
from starlette.concurrency import run_in_threadpool

from copydesk.errors import UsageError
from copydesk.http.errors import JSON, error_response
from copydesk.http.models import ArticleIn
from copydesk.http.openapi import json_content
from copydesk.http.settings import Settings

API = "/api/v1"
#: Rows a listing returns when the request does not say (and at most).
DEFAULT_LIMIT, MAX_LIMIT = 50, 1000
#: The largest id or offset taken: far past any store, and inside every database's integers.
MAX_INT = 2**53
#: Text a query parameter may hold: no NUL (PostgreSQL cannot store one), a sane length.
TEXT_PATTERN = r"^[^\x00]*$"
#: An ISO date or its prefix: 2022, 2022-02, 2022-02-21, 2022-02-21T09:14...
DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2}([T ]\d{2}(:\d{2}(:\d{2}(\.\d+)?)?)?)?)?)?$"

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="rows to return")]
Offset = Annotated[int, Query(ge=0, le=MAX_INT, description="rows to skip")]
Id = Annotated[int, Path(ge=1, le=MAX_INT, description="the article's id")]


def _text(description: str, *, max_length: int = 500) -> Any:
    return Query(max_length=max_length, pattern=TEXT_PATTERN, description=description)


def _date(description: str) -> Any:
    return Query(max_length=40, pattern=DATE_PATTERN, description=description)


class DecisionIn(BaseModel):
    """An editor's decision on a finding: it holds for that finding (by its fingerprint) in
    every version and re-check of the article, and is logged."""

    model_config = ConfigDict(extra="forbid")

    decision: Literal["accepted", "dismissed", "open"] = Field(
        description="accepted, dismissed, or open to withdraw a decision")
    by: str = Field(min_length=1, max_length=200, pattern=r"^[^\x00]*\S[^\x00]*$",
                    description="who decided")
    note: str | None = Field(None, max_length=2000, pattern=TEXT_PATTERN)


def _not_found(what: str) -> JSON:
    return error_response(404, "not-found", what)


def _listing(name: str, records: list[Any], **extra: Any) -> JSON:
    return JSON({name: [record.to_dict() for record in records], **extra})


def kb_record(knowledge: Any, kb_id: str | None) -> dict[str, Any] | None:
    """The knowledge-base record behind a report's ``kb_id`` (``kb:<key>`` or a Wikidata QID),
    as a dict, or None."""
    if not kb_id or knowledge is None:
        return None
    kb = knowledge.kb
    key: str | None = kb_id.removeprefix("kb:") if kb_id.startswith("kb:") else None
    if key is None:
        row = kb.db.execute("SELECT key FROM entity WHERE qid = ? LIMIT 1", (kb_id,)).fetchone()
        key = row[0] if row else None
    record = kb.entity(key) if key else None
    if record is None:
        return None
    return {
        "key": record.key, "kind": record.kind, "name": record.name, "qid": record.qid,
        "enwiki": record.enwiki, "country": record.country, "subkind": record.subkind,
        "aliases": [{"alias": alias, "kind": kind} for alias, kind in record.aliases],
        "roles": [
            {"role": r.role, "of": r.of, "start": r.start, "end": r.end, "title": r.title,
             "acting": r.acting, "note": r.note, "source": r.source}
            for r in record.roles
        ],
        "source": record.source,
    }


def add_store_routes(app: FastAPI, settings: Settings) -> None:
    from copydesk.http.app import check_article
    from copydesk.store import StoreError

    write = {"security": [{"bearer": []}]} if settings.token else {}
    tags = ["store"]

    def store_of(request: Request) -> Any:
        return request.app.state.store

    @app.post(
        f"{API}/articles", tags=tags, status_code=201, response_model=None,
        summary="Check an article and store it", openapi_extra=write,
        responses={
            200: {"description": "Stored already (the same text and report): nothing written"},
            201: {"description": "Stored: a new article, a new version of a known URL, or a "
                  "new analysis of a stored text"},
            400: {"description": "Blank text or malformed JSON"},
            401: {"description": "A write without the server's token",
                  "content": json_content("Error")},
            422: {"description": "The body does not match its schema, or the article could "
                  "not be checked (its schema-1 report, not stored)"},
            503: {"description": "The checker is busy, or the check ran out of memory"},
            504: {"description": "The check took longer than the time limit"},
        },
    )
    async def store_article(article: ArticleIn, request: Request) -> JSON:
        """Checks the article as `POST /api/v1/check` does and stores its report (idempotent by
        the text's content hash; a new text at a stored URL is that article's next version).
        Answers `{"stored": {"status", "article_id", "version", ...}, "report": ...}`."""
        outcome = await check_article(request, article)
        if isinstance(outcome, JSON):
            return outcome  # a refusal, or the report of an input that failed: not stored
        report = outcome.to_dict()
        try:
            result = await run_in_threadpool(store_of(request).ingest, report)
        except StoreError as exc:
            return error_response(422, "store", str(exc))
        return JSON({"stored": result.to_dict(), "report": report},
                    status_code=201 if result.changed else 200)

    @app.get(f"{API}/articles", tags=tags, summary="Stored articles, oldest first")
    async def list_articles(
        request: Request,
        url: Annotated[str | None, _text("the article's URL, exactly", max_length=4000)] = None,
        source: Annotated[str | None, _text("a part of the source, any case")] = None,
        headline: Annotated[str | None, _text("a part of the headline, any case")] = None,
        published_after: Annotated[str | None, _date("ISO date, inclusive")] = None,
        published_before: Annotated[str | None, _date("ISO date, inclusive")] = None,
        check: Annotated[str | None, _text("articles with a finding of this check or area",
                                           max_length=100)] = None,
        limit: Limit = DEFAULT_LIMIT,
        offset: Offset = 0,
    ) -> JSON:
        records = await run_in_threadpool(
            store_of(request).articles, url=url, source=source, headline=headline,
            published_after=published_after, published_before=published_before, check=check,
            limit=limit, offset=offset,
        )
        return _listing("articles", records, limit=limit, offset=offset)

    @app.get(f"{API}/articles/{{article_id}}", tags=tags,
             summary="One article: its versions (with diffs) and its current report",
             responses={404: {"description": "No such article", "content": json_content("Error")}})
    async def get_article(article_id: Id, request: Request) -> JSON:
        store = store_of(request)
        record = await run_in_threadpool(store.article, article_id)
        if record is None:
            return _not_found(f"no stored article has the id {article_id}")
        report = await run_in_threadpool(store.report, article_id)
        return JSON({"article": record.to_dict(), "report": report})

    @app.get(f"{API}/articles/{{article_id}}/entities", tags=tags,
             summary="An article's entities, each with its knowledge-base record",
             responses={404: {"description": "No such article", "content": json_content("Error")}})
    async def get_entities(article_id: Id, request: Request) -> JSON:
        """The entities of the article's current report (people, organisations, places, with
        their mentions), each with `kb`: the knowledge-base record its `kb_id` names (kind,
        aliases, roles with dates, Wikidata id), or null when it is not in the knowledge base."""
        report = await run_in_threadpool(store_of(request).report, article_id)
        if report is None:
            return _not_found(f"no stored article has the id {article_id}")
        knowledge = request.app.state.checker.desk.knowledge

        def with_records() -> list[dict[str, Any]]:
            return [{**entity, "kb": kb_record(knowledge, entity.get("kb_id"))}
                    for entity in report.get("entities", [])]

        entities = await run_in_threadpool(with_records)
        return JSON({"article_id": article_id, "entities": entities})

    @app.get(f"{API}/search", tags=tags, summary="Full-text search of headlines and texts")
    async def search(
        request: Request,
        q: Annotated[str, Query(min_length=1, max_length=500, pattern=r"^[^\x00]*\S[^\x00]*$",
                                description='words (all must match), "a phrase", OR, -word')],
        limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 20,
        all_versions: bool = False,
    ) -> JSON:
        """Best match first; each hit names the article and version and has a snippet with the
        matched words between « and ». Only each article's latest version unless
        `all_versions`."""
        try:
            hits = await run_in_threadpool(store_of(request).search, q, limit=limit,
                                           all_versions=all_versions)
        except UsageError as exc:
            return error_response(422, "validation", str(exc))
        return _listing("hits", hits)

    @app.get(f"{API}/quotes", tags=tags, summary="Quotes, by speaker")
    async def quotes(
        request: Request,
        speaker: Annotated[str | None, _text("a part of the speaker's name (any case), or the "
                                             "speaker's knowledge-base id", max_length=200)] = None,
        article: Annotated[int | None, Query(ge=1, le=MAX_INT)] = None,
        kind: Annotated[Literal["direct", "indirect", "mixed"] | None, Query()] = None,
        limit: Limit = DEFAULT_LIMIT,
    ) -> JSON:
        records = await run_in_threadpool(store_of(request).quotes, speaker, article=article,
                                          kind=kind, limit=limit)
        return _listing("quotes", records)

    @app.get(f"{API}/findings", tags=tags, summary="Findings with filters, and their decisions")
    async def findings(
        request: Request,
        check: Annotated[str | None, _text("a check id or an area (names)", max_length=100)] = None,
        severity: Annotated[Literal["info", "warning", "error"] | None,
                            Query(description="the lowest severity to keep")] = None,
        decision: Annotated[Literal["accepted", "dismissed", "open"] | None, Query()] = None,
        article: Annotated[int | None, Query(ge=1, le=MAX_INT)] = None,
        fingerprint: Annotated[str | None, _text("one finding", max_length=200)] = None,
        limit: Limit = DEFAULT_LIMIT,
    ) -> JSON:
        """Findings in each article's current state, in article and text order; `decision:
        open` keeps those with no decision yet."""
        records = await run_in_threadpool(
            store_of(request).findings, check=check, severity=severity, decision=decision,
            article=article, fingerprint=fingerprint, limit=limit,
        )
        return _listing("findings", records)

    @app.patch(
        f"{API}/findings/{{fingerprint}}", tags=tags, openapi_extra=write,
        summary="Record an editor's decision on a finding",
        responses={
            401: {"description": "A write without the server's token",
                  "content": json_content("Error")},
            404: {"description": "No stored finding has this fingerprint",
                  "content": json_content("Error")},
        },
    )
    async def decide(
        fingerprint: Annotated[str, Path(max_length=200, pattern=TEXT_PATTERN)],
        body: DecisionIn,
        request: Request,
    ) -> JSON:
        """Accept or dismiss a finding (`open` withdraws a decision). Answers `{"decision":
        {"fingerprint", "decision", "by", "at", "note"}}`."""
        try:
            record = await run_in_threadpool(store_of(request).decide, fingerprint,
                                             body.decision, by=body.by.strip(), note=body.note)
        except StoreError:
            return _not_found(f"no stored finding has the fingerprint {fingerprint[:100]!r}")
        except UsageError as exc:
            return error_response(422, "validation", str(exc))
        return JSON({"decision": record.to_dict()})
