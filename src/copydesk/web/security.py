"""What every web page and form of copydesk's UI is protected by.

- **Content-Security-Policy** on every response: scripts only from this origin and only with the
  response's nonce, no plug-ins, no ``<base>``, no framing, styles and connections only to this
  origin. An article is never trusted, so even markup that slipped past escaping would not run.
- **X-Content-Type-Options: nosniff**, ``Referrer-Policy: same-origin`` (the sites an article links
  to never learn the page's address; ``no-referrer`` would make Chromium send ``Origin: null``
  with the page's own form posts), ``X-Frame-Options: DENY`` for browsers without CSP level 2.
- **CSRF**: a double-submit token. The page that holds a form sets a random token in a
  ``SameSite=Strict``, ``HttpOnly`` cookie and puts the same token in the form; a post is taken
  only when both are there and equal. Another site can neither read the cookie nor guess it.
- **Cross-site posts** are refused before the form is read: a browser's ``Sec-Fetch-Site`` must
  say ``same-origin`` (or ``none``, typed by the user), and ``Origin`` (or, without it,
  ``Referer``) must name this server's own host.
"""

from __future__ import annotations

import hmac
import re
import secrets
from collections.abc import Iterable
from urllib.parse import urlsplit

from starlette.requests import Request
from starlette.responses import Response

#: The cookie and form field of the CSRF token, and the header scripts send it in.
CSRF_COOKIE = "copydesk_csrf"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "X-CSRF-Token"

_TOKEN = re.compile(r"^[A-Za-z0-9_-]{32,64}$")

POLICY = (
    "default-src 'none'; script-src 'self' 'nonce-{nonce}'; style-src 'self'; img-src 'self'; "
    "connect-src 'self'; form-action 'self'; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'"
)

HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}


def new_nonce() -> str:
    """A fresh script nonce: 128 random bits, base64url."""
    return secrets.token_urlsafe(16)


def content_security_policy(nonce: str) -> str:
    return POLICY.format(nonce=nonce)


def secure(response: Response, nonce: str | None = None) -> Response:
    """``response`` with the security headers (a CSP without any script for ``nonce=None``)."""
    response.headers["Content-Security-Policy"] = content_security_policy(nonce or new_nonce())
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    return response


def csrf_token(request: Request) -> str:
    """The request's CSRF token: the cookie's when it holds a well-formed one, else a new one
    (give it to ``set_csrf_cookie``)."""
    token = request.cookies.get(CSRF_COOKIE, "")
    return token if _TOKEN.match(token) else secrets.token_urlsafe(32)


def set_csrf_cookie(response: Response, request: Request, token: str) -> None:
    response.set_cookie(
        CSRF_COOKIE, token, httponly=True, samesite="strict", path="/",
        secure=request.url.scheme == "https",
    )


def csrf_valid(request: Request, submitted: object) -> bool:
    """Whether ``submitted`` (the form field) is the token of the request's cookie."""
    cookie = request.cookies.get(CSRF_COOKIE, "")
    if not isinstance(submitted, str) or not _TOKEN.match(cookie):
        return False
    return hmac.compare_digest(cookie.encode(), submitted.encode())


def cross_site(request: Request, trusted: Iterable[str] = ()) -> str | None:
    """Why a state-changing request must be refused as cross-site, or None when it may go on.

    Judged from what browsers send: ``Sec-Fetch-Site``, then ``Origin``, then ``Referer``. A
    request with none of them (not from a browser, or a very old one) goes on: the CSRF token
    still guards it. ``trusted`` lists more origins (``https://desk.example``) to take posts
    from, for a server behind a proxy that rewrites the host."""
    site = request.headers.get("sec-fetch-site")
    if site is not None and site not in ("same-origin", "none"):
        return f"the request came from another site (Sec-Fetch-Site: {site})"
    origin = request.headers.get("origin")
    if origin is not None:
        if not _same_origin(origin, request, trusted):
            return "the request came from another origin"
        return None
    referer = request.headers.get("referer")
    if referer and not _same_origin(referer, request, trusted):
        return "the request came from another page's origin (Referer)"
    return None


def _same_origin(url: str, request: Request, trusted: Iterable[str]) -> bool:
    """Whether ``url``'s host and port are this server's (as the client addressed it: the
    ``Host`` header) or those of a ``trusted`` origin. The scheme is not compared, so a server
    behind a TLS-terminating proxy takes its own pages' posts."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        return False
    theirs = _host(parts.scheme, parts.netloc)
    if theirs is None:
        return False
    own = request.headers.get("host") or request.url.netloc
    if theirs == _host(request.url.scheme, own):
        return True
    return any(theirs == _host(t.scheme, t.netloc) for t in map(urlsplit, trusted))


def _host(scheme: str, netloc: str) -> tuple[str, int | None] | None:
    """``(host, port)`` of a ``netloc``, the port None when it is the scheme's default; None
    for no host or a malformed port."""
    try:
        parts = urlsplit(f"//{netloc}")
        port = parts.port
    except ValueError:
        return None
    if not parts.hostname:
        return None
    if port == {"http": 80, "https": 443}.get(scheme):
        port = None
    return parts.hostname, port
