"""copydesk's web UI: server-rendered pages for editors, as a FastAPI router.

``web_router(desk_provider, store_provider)`` gives the pages (``/``: paste or upload an article;
``POST /check`` and ``/articles/{id}``: the annotated article, with side panels of its quotes,
entities and dated events; ``/corpus``: the stored articles, searched and filtered) for an app
to include; the REST API's app factory mounts
it. Article text is never trusted: the templates escape everything (Jinja2 autoescape), links
are http(s) only, and every response carries a strict Content-Security-Policy
(``copydesk.web.security``).
"""

from copydesk.web.routes import web_router

__all__ = ["web_router"]
