"""``copydesk batch --scheduler`` against a real cluster: a ``dask scheduler`` and two
``dask worker`` processes on loopback, started here from the installed ``dask`` command; and a
driver killed with SIGKILL mid-run, then resumed: nothing lost, nothing stored twice."""

from __future__ import annotations

import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from copydesk.cli.main import main

pytestmark = pytest.mark.model

DASK = Path(sys.executable).with_name("dask")
COPYDESK = Path(sys.executable).with_name("copydesk")
TOWNS = ["Westhaven", "Northgate", "Eastbury", "Southmoor", "Kingsford", "Ashby", "Bramley",
         "Colworth", "Dunmore", "Elmstead", "Farleigh", "Glenmoor"]


def _articles(folder: Path, count: int = 12) -> None:
    folder.mkdir()
    for n in range(count):
        town = TOWNS[n % len(TOWNS)]
        (folder / f"{n:03d}-{town.lower()}.txt").write_text(
            f"{town} council approves budget number {n}\n\n"
            f"{town}, March {n % 28 + 1}, 2023 — The {town} council voted on Tuesday to approve "
            f"a budget of {n + 3} million pounds, said its leader, Mary Jones.\n\n"
            f"\"We have made hard choices,\" Jones told reporters after vote {n}.\n",
            encoding="utf-8",
        )


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def cluster(tmp_path):
    """A scheduler and two single-threaded workers, each its own process, on loopback."""
    if not DASK.exists():
        pytest.fail(f"{DASK} is missing: the dask command comes with dask[distributed] (make install)")
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    logs = [open(tmp_path / f"{name}.log", "w") for name in ("scheduler", "worker-1", "worker-2")]  # noqa: SIM115
    commands = [[str(DASK), "scheduler", "--host", "127.0.0.1", "--port", str(port),
                 "--dashboard-address", ":0"]]
    commands += [[str(DASK), "worker", address, "--nworkers", "1", "--nthreads", "1",
                  "--no-dashboard", "--name", f"w{n}"] for n in (1, 2)]
    processes = []
    try:
        for command, log in zip(commands, logs, strict=True):
            processes.append(subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT,
                                              start_new_session=True))
            if command[1] == "scheduler":
                _wait_for_port(port)
        from distributed import Client

        with Client(address, timeout=60) as client:
            client.wait_for_workers(2, timeout=120)
        yield address
    finally:
        for process in reversed(processes):
            try:
                os.killpg(process.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
        for process in processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        for log in logs:
            log.close()


def _wait_for_port(port: int, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    pytest.fail(f"the dask scheduler did not listen on port {port} within {timeout} s")


def test_batch_on_a_scheduler_with_two_worker_processes(tmp_path, cluster, capsys):
    from distributed import Client

    from copydesk.store import Store

    folder = tmp_path / "in"
    _articles(folder)
    db = tmp_path / "desk.sqlite"
    status = main(["batch", str(folder), "--db", str(db), "--scheduler", cluster,
                   "--partition-size", "2"])
    out, err = capsys.readouterr()
    assert status == 0, err
    assert "12 new, 0 unchanged" in out and "2 workers" in err
    with Store(db) as store:
        assert store.counts()["articles"] == 12 and store.counts()["batch_inputs"] == 12
    with Client(cluster) as client:  # both workers checked articles, each loaded one desk
        desks = client.run(lambda: len(__import__("copydesk.cli.batch").cli.batch._DESKS))
    assert sorted(desks.values()) == [1, 1]


def test_driver_killed_mid_run_then_resumed_loses_and_duplicates_nothing(tmp_path):
    folder = tmp_path / "in"
    _articles(folder, 24)
    db = tmp_path / "desk.sqlite"
    command = [str(COPYDESK), "batch", str(folder), "--db", str(db), "--workers", "1",
               "--partition-size", "2", "--no-isolation"]
    run = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                           start_new_session=True)
    try:
        deadline = time.monotonic() + 180
        done = 0
        while done < 4 and time.monotonic() < deadline and run.poll() is None:
            time.sleep(0.2)
            done = _done(db)
        assert run.poll() is None, "the run ended before it could be killed"
        assert done >= 4, "no partition was committed within 180 s"
    finally:
        os.killpg(run.pid, signal.SIGKILL)  # the driver and its local cluster, at once
        run.wait()
    before = _done(db)
    assert 0 < before < 24
    resumed = subprocess.run([*command, "--resume"], check=False, capture_output=True, text=True,
                             timeout=600)
    assert resumed.returncode == 0, resumed.stderr
    assert f"{before} skipped (already done)" in resumed.stdout
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        versions = connection.execute("SELECT count(*), count(DISTINCT content_hash) FROM versions").fetchone()
        analyses = connection.execute("SELECT count(*) FROM analyses").fetchone()[0]
        inputs = connection.execute("SELECT count(*) FROM batch_inputs WHERE status = 'stored'").fetchone()[0]
    assert versions == (24, 24) and analyses == 24 and inputs == 24
    assert resumed.stdout.splitlines()[0].startswith("24 inputs processed")


def _done(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(db, timeout=1) as connection:
            return connection.execute("SELECT count(*) FROM batch_inputs").fetchone()[0]
    except sqlite3.OperationalError:  # not created yet, or busy
        return 0
