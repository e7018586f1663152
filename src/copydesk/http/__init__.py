"""The REST API (FastAPI): ``create_app(desk=None, store=None, settings=Settings())`` and
``run(settings)``, which serves it with uvicorn (``copydesk serve``).

    >>> from copydesk.http import Settings, create_app     # doctest: +SKIP
    >>> app = create_app(settings=Settings(port=8000))      # doctest: +SKIP
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from copydesk.http.settings import Settings, is_loopback

if TYPE_CHECKING:  # pragma: no cover
    from fastapi import FastAPI

__all__ = ["Settings", "create_app", "is_loopback", "run"]


def create_app(desk: Any = None, store: Any = None, settings: Settings | None = None,
               **options: Any) -> FastAPI:
    from copydesk.http.app import create_app as create

    return create(desk, store, settings, **options)


def run(settings: Settings, *, desk: Any = None, store: Any = None,
        log_level: str = "info") -> None:
    """Serve the API on ``settings.host``:``settings.port`` until interrupted (one process; the
    desk loads before the port answers)."""
    import uvicorn

    app = create_app(desk, store, settings)
    uvicorn.run(
        app, host=settings.host, port=settings.port, log_level=log_level,
        proxy_headers=False, server_header=False, timeout_graceful_shutdown=10,
        h11_max_incomplete_event_size=64 * 1024,
    )
