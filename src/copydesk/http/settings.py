"""What a copydesk HTTP server is configured with: where it listens, the write token, limits."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass

from copydesk.errors import UsageError

#: Bytes of request body accepted by default (a long article as JSON is 50-300 KB).
DEFAULT_MAX_BODY = 2_000_000
#: Seconds one request's article may take to check by default (the CLI's --time-limit).
DEFAULT_TIME_LIMIT = 30.0
#: Bytes of memory the checking worker may hold by default (the CLI's --memory-limit).
DEFAULT_MEMORY_LIMIT = 1_500_000_000
#: Requests waiting for the checker beyond which a new one is refused at once (503).
DEFAULT_QUEUE_LIMIT = 64

_LOOPBACK_NAMES = frozenset({"localhost", "localhost.", "ip6-localhost", "ip6-loopback"})


def is_loopback(host: str) -> bool:
    """True for a host name or address that only this machine can reach: ``127.0.0.0/8``,
    ``::1``, ``localhost``. ``0.0.0.0`` and ``::`` (every interface) are not."""
    name = host.strip().strip("[]").lower()
    if name in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True)
class Settings:
    """``host``/``port``: where the server listens (``create_app`` uses ``host`` to decide
    whether writes need the token and which ``Host`` headers it answers).

    ``token``: the bearer token writes need (``Authorization: Bearer TOKEN``); required when
    ``host`` is not a loopback address, and enforced whenever it is given.
    ``db``: the store's database URL (SQLAlchemy form) for the store-backed endpoints.
    ``kb``: the knowledge base file (default: ``$COPYDESK_KB`` or the per-user one).
    ``config``: a house style (``copydesk.toml``, docs/style.md) the loaded desk checks with.
    ``max_body``: bytes of request body accepted (413 beyond).
    ``time_limit`` / ``memory_limit``: one request's budget in the supervised checking worker
    (``copydesk.desk.Supervisor``; None: no limit). ``isolation=False`` checks in the server
    process itself, without a worker and without budgets (for embedding and tests).
    ``queue_limit``: requests allowed to wait for the checker; past it 503 at once.
    ``allowed_hosts``: more names a loopback server answers for in the ``Host`` header (a
    reverse proxy's public name); by default only localhost, 127.0.0.1 and [::1]."""

    host: str = "127.0.0.1"
    port: int = 8000
    token: str | None = None
    db: str | None = None
    kb: str | None = None
    config: str | None = None
    max_body: int = DEFAULT_MAX_BODY
    time_limit: float | None = DEFAULT_TIME_LIMIT
    memory_limit: int | None = DEFAULT_MEMORY_LIMIT
    isolation: bool = True
    queue_limit: int = DEFAULT_QUEUE_LIMIT
    allowed_hosts: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.token is not None and not self.token.strip():
            object.__setattr__(self, "token", None)
        if not self.loopback and self.token is None:
            raise UsageError(
                f"listening on {self.host}, which is not a loopback address, needs a token for "
                "writes: give --token or set COPYDESK_TOKEN"
            )
        if self.token is not None and len(self.token) < 16:
            raise UsageError("the token must be at least 16 characters long")
        if self.max_body <= 0:
            raise UsageError(f"max_body must be a positive number of bytes, not {self.max_body}")
        if self.queue_limit <= 0:
            raise UsageError(f"queue_limit must be positive, not {self.queue_limit}")
        if not 0 <= self.port <= 65535:
            raise UsageError(f"port must be 0-65535, not {self.port}")

    @property
    def loopback(self) -> bool:
        return is_loopback(self.host)
