"""A throwaway PostgreSQL server on loopback, for the store's tests and benchmarks.

    with TemporaryPostgres() as server:
        url = server.create_database("t1")       # postgresql+psycopg://copydesk@127.0.0.1:PORT/t1
        ...

It runs the server binaries of Debian's ``postgresql`` package (``/usr/lib/postgresql/*/bin``,
or ``$COPYDESK_PG_BIN``): ``initdb`` into a new temporary directory, ``pg_ctl start`` listening on
127.0.0.1 at a free port (and on a Unix socket in that directory), trust authentication for the
superuser ``copydesk``; ``stop()`` stops the server and deletes the directory. PostgreSQL refuses
to run as root, so as root the server runs as the ``postgres`` system user (which the Debian
package creates) through ``runuser``.
"""

from __future__ import annotations

import atexit
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path
from typing import Self

from copydesk.errors import CopydeskError

SUPERUSER = "copydesk"
SYSTEM_USER = "postgres"
PACKAGE_HINT = (
    "install Debian's `postgresql` package (apt-get install -y postgresql), "
    "or point COPYDESK_PG_BIN at a directory holding initdb and pg_ctl"
)


class PostgresUnavailable(CopydeskError):
    """No PostgreSQL server can be started here (no binaries, or it would not start)."""


def find_binaries() -> Path:
    """The directory with ``initdb`` and ``pg_ctl`` (the newest Debian version first)."""
    candidates: list[str] = []
    if os.environ.get("COPYDESK_PG_BIN"):
        candidates.append(os.environ["COPYDESK_PG_BIN"])

    def version(path: str) -> tuple[int, ...]:
        number = Path(path).parent.name
        return tuple(int(p) for p in number.split(".") if p.isdigit())

    candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=version, reverse=True)
    which = shutil.which("initdb")
    if which:
        candidates.append(str(Path(which).parent))
    for candidate in candidates:
        path = Path(candidate)
        if (path / "initdb").is_file() and (path / "pg_ctl").is_file():
            return path
    raise PostgresUnavailable(
        "no PostgreSQL server binaries (initdb, pg_ctl) under /usr/lib/postgresql/*/bin: "
        + PACKAGE_HINT
    )


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class TemporaryPostgres:
    """A PostgreSQL server of its own in a temporary directory. ``fsync=False`` (tests) trades
    durability for speed; benchmarks keep it on."""

    def __init__(self, *, fsync: bool = True, binaries: Path | None = None):
        self.fsync = fsync
        self.binaries = binaries
        self.directory: Path | None = None
        self.port: int | None = None
        self._as: list[str] = []

    # -- life ------------------------------------------------------------------------------

    def start(self) -> TemporaryPostgres:
        binaries = self.binaries or find_binaries()
        owner = None
        if os.geteuid() == 0:
            try:
                owner = pwd.getpwnam(SYSTEM_USER)
            except KeyError:
                raise PostgresUnavailable(
                    f"PostgreSQL will not run as root and there is no {SYSTEM_USER!r} system "
                    f"user to run it as: {PACKAGE_HINT}"
                ) from None
            self._as = ["runuser", "-u", SYSTEM_USER, "--"]
        base = "/tmp" if owner is not None and os.path.isdir("/tmp") else None
        self.directory = Path(tempfile.mkdtemp(prefix="copydesk-pg-", dir=base))
        atexit.register(self.stop)
        if owner is not None:
            os.chown(self.directory, owner.pw_uid, owner.pw_gid)
        data = self.directory / "data"
        self._run(
            [str(binaries / "initdb"), "-D", str(data), "-U", SUPERUSER, "-A", "trust",
             "-E", "UTF8", "--locale=C", "--no-sync"],
            "initdb",
        )
        last: PostgresUnavailable | None = None
        for _ in range(5):  # a port taken between free_port() and the server's bind: try another
            self.port = free_port()
            options = (f"-h 127.0.0.1 -p {self.port} -k {self.directory} "
                       "-c max_connections=60 -c shared_buffers=64MB")
            if not self.fsync:
                options += " -F -c synchronous_commit=off -c full_page_writes=off"
            try:
                self._run(
                    [str(binaries / "pg_ctl"), "-D", str(data), "-l",
                     str(self.directory / "server.log"), "-w", "-t", "60", "-o", options, "start"],
                    "pg_ctl start",
                )
                return self
            except PostgresUnavailable as exc:
                last = exc
        self.stop()
        assert last is not None
        raise last

    def stop(self) -> None:
        if self.directory is None:
            return
        directory, self.directory = self.directory, None
        data = directory / "data"
        if (data / "postmaster.pid").exists():
            binaries = self.binaries or find_binaries()
            subprocess.run(
                [*self._as, str(binaries / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w",
                 "stop"],
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False,
            )
        shutil.rmtree(directory, ignore_errors=True)

    def __enter__(self) -> Self:
        return self.start() if self.directory is None else self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- databases -------------------------------------------------------------------------

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://{SUPERUSER}@127.0.0.1:{self.port}/{database}"

    def create_database(self, name: str) -> str:
        """Make an empty database; returns its URL."""
        self._admin(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def drop_database(self, name: str) -> None:
        self._admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def _admin(self, statement: str) -> None:
        import psycopg

        with psycopg.connect(self.url().replace("+psycopg", ""), autocommit=True) as connection:
            connection.execute(statement)  # type: ignore[arg-type]

    def _run(self, command: list[str], what: str) -> None:
        done = subprocess.run(
            [*self._as, *command], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
            cwd=self.directory, check=False,
        )
        if done.returncode != 0:
            log = ""
            if self.directory is not None and (self.directory / "server.log").exists():
                log = (self.directory / "server.log").read_text(errors="replace")[-2000:]
            raise PostgresUnavailable(
                f"{what} failed ({done.returncode}): {done.stdout[-2000:]}{log}"
            )
