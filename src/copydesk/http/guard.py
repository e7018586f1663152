"""The checks every request passes before it reaches an endpoint (a pure ASGI middleware):

- **Host** (loopback servers only, every path): the ``Host`` header must name this machine
  (``localhost``, ``127.0.0.1``, ``[::1]``, the bound address or one of ``allowed_hosts``), so
  a web page whose name was rebound to 127.0.0.1 (DNS rebinding) is refused: 421.

The rules on requests with a body apply to the JSON endpoints, under ``/api/``:

- **Token** (writes: every method but GET, HEAD and OPTIONS, except ``POST /api/v1/check``,
  which stores nothing): when the server has a token — always, off loopback — the request needs
  ``Authorization: Bearer TOKEN``, else 401 before its body is read.
- **Cross-site requests** (every method but GET, HEAD and OPTIONS): refused with 403 when the
  browser says so, ``Sec-Fetch-Site: cross-site`` or ``same-site``, or when an ``Origin``
  header names another origin than the server's own (scheme, ``Host``).
- **Content type** (methods with a body): ``application/json`` (or ``application/*+json``),
  UTF-8 when a charset is named; anything else is 415. This is also what refuses a browser's
  cross-site form post: a form can only send ``application/x-www-form-urlencoded``,
  ``multipart/form-data`` or ``text/plain``, and a page's script cannot send JSON to another
  origin without a CORS preflight, which this server never grants.
- **Size**: a body over ``max_body`` bytes is refused with 413, by its ``Content-Length`` before
  it is read, or as soon as a chunked body passes the limit.

Each refusal is a JSON error ``{"error": {"kind": ..., "message": ...}}``.
"""

from __future__ import annotations

import hmac
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any
from urllib.parse import urlsplit

from starlette.datastructures import Headers
from starlette.routing import Match

from copydesk.http.errors import error_response
from copydesk.http.settings import Settings, is_loopback

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

#: The JSON endpoints; the rules on bodies apply to them (a web UI mounted beside them reads
#: forms and checks its own posts).
API_PREFIX = "/api/"
#: Requests with a body that change nothing, so need no token: checking an article.
NOT_WRITES = frozenset({"/api/v1/check"})
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
_BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})
_JSON_TYPES = ("application/json",)


class Guard:
    def __init__(self, app: ASGIApp, settings: Settings,
                 routes: Callable[[], list[Any]] | None = None):
        """``routes``: the application's routes; the rules on bodies apply only to a request
        one of them takes (a method no route has is the application's 405, not a 415)."""
        self.app = app
        self.settings = settings
        self._routes = routes
        self._allowed = {_host_name(host) for host in settings.allowed_hosts}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        refusal = self._refusal(scope, headers)
        if refusal is not None:
            status, kind, message = refusal
            headers_out = {"WWW-Authenticate": "Bearer"} if status == 401 else None
            await error_response(status, kind, message, headers=headers_out)(scope, receive, send)
            return
        if scope["method"] in SAFE_METHODS or not self._guarded(scope):
            await self.app(scope, receive, send)
            return
        body, over = await self._read_body(receive)
        if over:
            await self._too_large()(scope, receive, send)
            return
        await self.app(scope, _replay(body, receive), send)

    # ------------------------------------------------------------ refusals

    def _refusal(self, scope: Scope, headers: Headers) -> tuple[int, str, str] | None:
        host = headers.get("host", "")
        if self.settings.loopback and not self._local_host(host):
            return (421, "host", (f"this server answers only for this machine's names "
                                 f"(localhost, 127.0.0.1, [::1]), not {host[:100]!r}"))
        method = scope["method"]
        if method in SAFE_METHODS or not self._guarded(scope):
            return None  # the web UI's pages read their own forms and check their own posts
        site = headers.get("sec-fetch-site", "").strip().lower()
        if site in ("cross-site", "same-site"):
            return (403, "cross-site", f"cross-site requests are refused (Sec-Fetch-Site: {site})")
        origin = headers.get("origin")
        if origin is not None and not self._same_origin(origin, scope, host):
            return (403, "cross-site", (f"requests from another origin are refused "
                                       f"(Origin: {origin[:100]!r})"))
        if self.settings.token is not None and scope.get("path") not in NOT_WRITES:
            refusal = token_refusal(headers.get("authorization"), self.settings.token)
            if refusal is not None:
                return refusal
        has_body = method in _BODY_METHODS or headers.get("content-length", "0").strip() != "0" \
            or "transfer-encoding" in headers
        problem = _content_type_problem(headers.get("content-type")) if has_body else None
        if problem is not None:
            return (415, "content-type", problem)
        length = headers.get("content-length")
        if length is not None:
            if not length.strip().isdigit():
                return (400, "content-length", f"Content-Length {length[:40]!r} is not a number")
            if int(length) > self.settings.max_body:
                return self._too_large_refusal()
        return None

    def _guarded(self, scope: Scope) -> bool:
        """A request to a JSON endpoint that takes its method."""
        if not _is_api(scope):
            return False
        if self._routes is None:
            return True
        return any(route.matches(scope)[0] == Match.FULL for route in self._routes())

    def _local_host(self, host: str) -> bool:
        name = _host_name(host)
        return (is_loopback(name) or name == self.settings.host.strip("[]").lower()
                or name in self._allowed)

    @staticmethod
    def _same_origin(origin: str, scope: Scope, host: str) -> bool:
        if origin == "null":  # a sandboxed page, a file: never this server
            return False
        parts = urlsplit(origin)
        scheme = scope.get("scheme", "http")
        return parts.scheme == scheme and parts.netloc.lower() == host.lower()

    # ------------------------------------------------------------ size

    async def _read_body(self, receive: Receive) -> tuple[list[Message], bool]:
        """The request's body messages, or ``over`` once they pass ``max_body`` (the rest is
        left unread)."""
        messages: list[Message] = []
        size = 0
        while True:
            message = await receive()
            messages.append(message)
            if message["type"] != "http.request":
                return messages, False
            size += len(message.get("body", b""))
            if size > self.settings.max_body:
                return messages, True
            if not message.get("more_body", False):
                return messages, False

    def _too_large_refusal(self) -> tuple[int, str, str]:
        return (413, "too-large", (f"the request body is over the {self.settings.max_body:,} "
                                  "byte limit of this server"))

    def _too_large(self):
        status, kind, message = self._too_large_refusal()
        return error_response(status, kind, message)


def token_refusal(authorization: str | None, token: str) -> tuple[int, str, str] | None:
    """None when ``authorization`` is ``Bearer TOKEN`` (compared in constant time), else the
    401 to answer."""
    scheme, _, given = (authorization or "").strip().partition(" ")
    if scheme.lower() == "bearer" and hmac.compare_digest(
        given.strip().encode("utf-8", "replace"), token.encode("utf-8")
    ):
        return None
    return (401, "unauthorized", ("writes need Authorization: Bearer <token> "
                                 "(the server's --token)"))


def _is_api(scope: Scope) -> bool:
    return str(scope.get("path", "")).startswith(API_PREFIX)


def _replay(messages: list[Message], receive: Receive) -> Receive:
    pending = list(messages)

    async def replay() -> Message:
        if pending:
            return pending.pop(0)
        return await receive()

    return replay


def _host_name(host: str) -> str:
    """``example.org`` of ``example.org:8000``; ``::1`` of ``[::1]:8000``."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1:].split("]", 1)[0]
    if host.count(":") == 1:
        return host.split(":", 1)[0]
    return host


def _content_type_problem(value: str | None) -> str | None:
    if value is None or not value.strip():
        return "the request needs Content-Type: application/json"
    media, _, params = value.partition(";")
    media = media.strip().lower()
    if not (media in _JSON_TYPES or (media.startswith("application/") and media.endswith("+json"))):
        return f"the request body must be JSON (Content-Type: application/json), not {media[:80]!r}"
    for param in params.split(";"):
        name, _, charset = param.partition("=")
        if name.strip().lower() == "charset" and charset.strip().strip('"').lower() not in (
            "utf-8", "utf8"
        ):
            return f"JSON must be UTF-8, not charset {charset.strip()[:40]!r}"
    return None
