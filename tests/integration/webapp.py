"""A small app that mounts the web UI over a real ``Desk``, for the web tests: in process with
FastAPI's TestClient (``create(desk)``), and served by uvicorn in a subprocess for the browser
tests (``uvicorn --factory webapp:create --app-dir tests/integration``: the desk is loaded
before the server answers)."""

from __future__ import annotations

from fastapi import FastAPI

from copydesk.web import web_router


def create(desk=None, store=None, write_token=None) -> FastAPI:
    """The web UI over ``desk`` (default: a new one), with ``store`` and ``write_token`` when
    given."""
    if desk is None:
        from copydesk import Desk

        desk = Desk()
    app = FastAPI(openapi_url=None, docs_url=None, redoc_url=None)
    from copydesk.http.stored import kb_record

    app.include_router(web_router(lambda: desk, lambda: store,
                                  review_url="/api/v1/findings/{fingerprint}",
                                  write_token=write_token,
                                  entity_record=lambda kb_id: kb_record(desk.knowledge, kb_id)))
    return app
