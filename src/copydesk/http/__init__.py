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
    """Serve the API on ``settings.host``:``settings.port`` until interrupted (one process). The
    port is bound first; requests wait until the desk has loaded (``GET /api/v1/health``)."""
    import uvicorn

    from copydesk.errors import CopydeskError

    app = create_app(desk, store, settings)
    config = uvicorn.Config(
        app, host=settings.host, port=settings.port, log_level=log_level,
        proxy_headers=False, server_header=False, timeout_graceful_shutdown=10,
        h11_max_incomplete_event_size=64 * 1024,
    )
    try:
        # bound before the desk loads: a port in use fails at once, not after the model is read
        sock = config.bind_socket()
        try:
            sock.listen(config.backlog)
        except OSError as exc:
            sock.close()
            raise CopydeskError(f"cannot listen on {settings.host}:{settings.port}: "
                                f"{exc.strerror or exc}") from None
        uvicorn.Server(config).run(sockets=[sock])
    except SystemExit as exc:  # uvicorn exits when it cannot bind or the desk does not load
        if exc.code not in (0, None):
            raise CopydeskError(
                f"the server on {settings.host}:{settings.port} could not start "
                "(the log above says why)"
            ) from None
