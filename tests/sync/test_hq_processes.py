"""Several `pos hq serve` processes over one PostgreSQL behind HAProxy with the shipped
configuration (packaging/haproxy/store-pos-hq.cfg): the same terminal's batches sent to
two processes at once while one and then the other is killed with SIGKILL; every event
is applied once and HQ's books balance."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from pos_app.core.models import OutboxEvent
from pos_app.core.terminal import Terminal
from sync.client import SyncClient, SyncOffline
from sync.hq.db import make_engine, sessions
from sync.hq.models import HqEvent
from tests.core.conftest import SOCKS
from tests.core.helpers import cash, enroll, sell, sv
from tests.sync.conftest import hq_url
from tests.sync.test_server import check, free_port, make_terminal, stop

ROOT = Path(__file__).resolve().parents[2]
HAPROXY_CFG = ROOT / "packaging" / "haproxy" / "store-pos-hq.cfg"


def start_hq(url: str, port: int, tmp: Path) -> subprocess.Popen[bytes]:
    """A `pos hq serve` process, not waited for (several start at once)."""
    return subprocess.Popen(
        [sys.executable, "-m", "pos_app.cli", "hq", "serve", "--port", str(port)],
        env={**os.environ, "POS_HQ_DB": url}, cwd=ROOT, start_new_session=True,
        stdout=subprocess.DEVNULL, stderr=open(tmp / f"hq-{port}.log", "ab"),
    )


def wait_up(port: int, p: subprocess.Popen[bytes]) -> None:
    for _ in range(300):
        assert p.poll() is None, f"{p.args} on {port} exited"
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.1)
    raise AssertionError(f"HQ on {port} did not start")


class To(httpx.HTTPTransport):
    """Sends a terminal's requests to one HQ process, whatever its registered address."""

    def __init__(self, port: int) -> None:
        super().__init__()
        self.port = port

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        request.url = request.url.copy_with(port=self.port)
        return super().handle_request(request)


def upload_until_done(t: Terminal, port: int, errors: list[BaseException],
                      deadline: float) -> int:
    """Upload through one process until nothing is pending, retrying while it is down;
    returns how many times the process was found down."""
    down = 0
    while time.monotonic() < deadline:
        c = SyncClient(t, transport=To(port), batch_size=5, timeout=10)
        try:
            c.upload()
            return down
        except SyncOffline:
            down += 1
            time.sleep(0.2)
        except BaseException as e:  # pragma: no cover - reported by the test
            errors.append(e)
            return down
        finally:
            c.close()
    errors.append(AssertionError(f"uploads through {port} did not finish"))
    return down


def acked(t: Terminal) -> int:
    with t.read() as s:
        return len(s.scalars(select(OutboxEvent.seq).where(OutboxEvent.status == "acked")).all())


def test_two_hq_processes_behind_haproxy_with_kills(tmp_path: Path,
                                                    request: pytest.FixtureRequest) -> None:
    url = hq_url("postgres", tmp_path, request)
    p1_port, p2_port, lb_port = free_port(), free_port(), free_port()
    # both start at once on an empty database: one migrates, the other waits for it
    procs = {p1_port: start_hq(url, p1_port, tmp_path), p2_port: start_hq(url, p2_port, tmp_path)}
    lb = subprocess.Popen(
        ["haproxy", "-db", "-f", str(HAPROXY_CFG)],
        env={**os.environ, "POS_HQ_LB_BIND": f"127.0.0.1:{lb_port}",
             "POS_HQ_1": f"127.0.0.1:{p1_port}", "POS_HQ_2": f"127.0.0.1:{p2_port}",
             "POS_HQ_3": f"127.0.0.1:{free_port()}", "POS_HQ_4": f"127.0.0.1:{free_port()}"},
        stdout=subprocess.DEVNULL, stderr=open(tmp_path / "haproxy.log", "ab"),
        start_new_session=True,
    )
    engine = make_engine(url)
    try:
        for port, p in procs.items():
            wait_up(port, p)
        wait_up(lb_port, lb)  # HAProxy answers /healthz from a process
        a = make_terminal(tmp_path, engine, f"http://127.0.0.1:{lb_port}", "S001", 1)
        card = enroll(a, topup="1000.00")
        for _ in range(120):
            sell(a, [(SOCKS, 1)], [sv("1.00"), cash()], card=card)
        errors: list[BaseException] = []
        deadline = time.monotonic() + 120
        downs: dict[int, int] = {}

        def up(port: int) -> None:
            downs[port] = upload_until_done(a, port, errors, deadline)

        # the same terminal's batches to both processes at once, bypassing its lock
        th = [threading.Thread(target=up, args=(port,)) for port in procs]
        for x in th:
            x.start()
        while acked(a) < 20 and time.monotonic() < deadline:
            time.sleep(0.005)
        stop(procs[p1_port], signal.SIGKILL)  # in the middle of the batches
        time.sleep(0.5)
        procs[p1_port] = start_hq(url, p1_port, tmp_path)
        wait_up(p1_port, procs[p1_port])
        for x in th:
            x.join()
        assert errors == []
        assert downs[p1_port] >= 1  # its uploader did meet the killed process

        # more sales, now through the balancer while the other process is killed
        for _ in range(60):
            sell(a, [(SOCKS, 1)], [sv("1.00"), cash()], card=card)
        before = acked(a)

        def kill_p2() -> None:
            while acked(a) < before + 10 and time.monotonic() < deadline:
                time.sleep(0.005)
            stop(procs[p2_port], signal.SIGKILL)

        killer = threading.Thread(target=kill_p2)
        killer.start()
        while time.monotonic() < deadline:
            c = SyncClient(a, batch_size=5, timeout=10)  # its registered address: HAProxy
            try:
                c.sync()
                break
            except SyncOffline:
                time.sleep(0.2)
            finally:
                c.close()
        killer.join()
        assert procs[p2_port].poll() is not None  # the balancer went on with process 1
        c = SyncClient(a)
        c.sync()
        c.close()
        check(engine, a)
        with sessions(engine)() as s:
            assert len(s.scalars(select(HqEvent.event_id)).all()) == acked(a) > 180
    finally:
        lb.terminate()
        lb.wait(timeout=10)
        for p in procs.values():
            if p.poll() is None:
                stop(p)
        engine.dispose()
