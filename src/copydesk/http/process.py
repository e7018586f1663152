"""``copydesk serve`` as a child process on a free loopback port, for tests and benchmarks that
need a real server (a second process, real sockets):

    with ServerProcess("--db", "desk.sqlite") as server:    # waits for /api/v1/health
        httpx.post(f"{server.url}/api/v1/check", json={"text": "..."})
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
from typing import IO, Any, Self

#: Seconds a server may take to load the desk and answer ``GET /api/v1/health``.
STARTUP = 180.0


def free_port(host: str = "127.0.0.1") -> int:
    """A port nothing listens on now (the kernel's pick; another process may take it first)."""
    with socket.socket() as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


class ServerProcess:
    """``python -m copydesk serve --port PORT *options`` with ``env`` added to this process's
    environment. Its output (the access log included) goes to ``output``, by default a
    temporary file that ``stop`` returns the text of (a pipe nobody reads would fill up and
    stop the server)."""

    def __init__(self, *options: str, env: dict[str, str] | None = None,
                 output: IO[Any] | int | None = None):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        # closed when the object goes (it outlives this call: the server writes to it)
        self._log = (tempfile.TemporaryFile("w+", encoding="utf-8")  # noqa: SIM115
                     if output is None else None)
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "copydesk", "serve", "--port", str(self.port), *options],
            stdout=self._log if output is None else output, stderr=subprocess.STDOUT,
            text=True, env={**os.environ, **(env or {})},
        )

    def wait_ready(self, timeout: float = STARTUP) -> dict[str, Any]:
        """The health answer once the server gives one; AssertionError (with the server's
        output) when it exits or does not answer in time."""
        import httpx

        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise AssertionError(f"the server exited ({self.proc.returncode}):\n"
                                     f"{self._output()}")
            try:
                response = httpx.get(f"{self.url}/api/v1/health", timeout=5)
                if response.status_code == 200:
                    return response.json()
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        self.stop()
        raise AssertionError(f"the server did not answer /api/v1/health in {timeout:g} s")

    def stop(self) -> str:
        """Stop the server (SIGTERM, then SIGKILL after 30 s); its output."""
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        return self._output()

    def _output(self) -> str:
        if self._log is None:
            return ""
        try:
            self._log.seek(0)
            return self._log.read()
        except (OSError, ValueError):
            return ""

    def __enter__(self) -> Self:
        try:
            self.wait_ready()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()
