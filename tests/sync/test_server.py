"""Real `pos hq serve` processes on 127.0.0.1: HQ killed in the middle of a batch and
restarted, and several workers against one database with several uploaders."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from decimal import Decimal
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from pos_app.core import ledger
from pos_app.core.models import OutboxEvent
from pos_app.core.terminal import Terminal
from sync.client import SyncClient, SyncOffline, register
from sync.hq.db import make_engine, migrate, sessions
from sync.hq.models import HqAccount, HqEvent
from sync.hq.service import register_terminal
from sync.hq.verify import verify
from tests.core.conftest import SOCKS
from tests.core.helpers import cash, enroll, open_till, sell, sv
from tests.sync.conftest import card_balances, hq_url


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def serve(url: str, port: int, workers: int, tmp: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "POS_HQ_DB": url}
    p = subprocess.Popen(
        [sys.executable, "-m", "pos_app.cli", "hq", "serve", "--port", str(port),
         "--workers", str(workers)],
        env=env, cwd=Path(__file__).resolve().parents[2], start_new_session=True,
        stdout=subprocess.DEVNULL, stderr=open(tmp / f"hq-{port}.log", "ab"),
    )
    for _ in range(150):
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                return p
        except httpx.TransportError:
            time.sleep(0.1)
    p.kill()
    raise AssertionError("HQ did not start")


def stop(p: subprocess.Popen[bytes], sig: int = signal.SIGTERM) -> None:
    os.killpg(p.pid, sig)
    p.wait(timeout=30)


def make_terminal(tmp: Path, engine: object, url_: str, store: str, block: int) -> Terminal:
    from pos_app.demo import CATALOG, PROGRAM, STAFF
    from tests.sync.conftest import TZ, Clock, catalog, datetime, staff  # type: ignore[attr-defined]

    t = Terminal.init(tmp / store, store=store, terminal="T01", franchisee=f"F-{store}",
                      program_file=PROGRAM, card_block=block, clock=Clock(datetime.now(TZ)))
    with t.tx() as s:
        catalog.import_file(s, CATALOG, t.now())
        for code, name, role, pin in STAFF:
            staff.add_staff(s, code, name, role, pin)
        open_till(t, s)  # the day starts: a shift with its float
    _k, token = register_terminal(engine, f"F-{store}", store, "T01", Decimal("2000"))  # type: ignore[arg-type]
    register(t, url_, token)
    return t


def check(engine: object, *terms: Terminal) -> None:
    with sessions(engine)() as s:  # type: ignore[arg-type]
        assert verify(s) == []
        n = len(s.scalars(select(HqEvent.event_id)).all())
        bal = dict(s.execute(select(HqAccount.code, HqAccount.balance)).all())
    total = 0
    for t in terms:
        with t.read() as s2:
            assert not s2.scalars(select(OutboxEvent).where(OutboxEvent.status == "pending")).all()
            total += len(s2.scalars(select(OutboxEvent)).all())
            assert ledger.verify(s2).problems == []
        for code, b in card_balances(t).items():
            assert b == bal.get(code, 0)
    assert n == total


@pytest.mark.parametrize("db", ["sqlite", "postgres"])
def test_hq_killed_mid_batch_then_restarted(db: str, tmp_path: Path,
                                            request: pytest.FixtureRequest) -> None:
    url = hq_url(db, tmp_path, request)
    engine = make_engine(url)
    migrate(engine)
    port = free_port()
    p = serve(url, port, 1, tmp_path)
    a = make_terminal(tmp_path, engine, f"http://127.0.0.1:{port}", "S001", 1)
    card = enroll(a, topup="1000.00")
    for _ in range(150):
        sell(a, [(SOCKS, 1)], [sv("1.00"), cash()], card=card)
    c = SyncClient(a, batch_size=4)

    def kill_when_started() -> None:  # kill -9 while batches are being applied
        import sqlite3

        con = sqlite3.connect(a.data_dir / "pos.sqlite")
        while con.execute("SELECT count(*) FROM outbox WHERE status='acked'").fetchone()[0] < 12:
            time.sleep(0.002)
        con.close()
        stop(p, signal.SIGKILL)

    killer = threading.Thread(target=kill_when_started)
    killer.start()
    with pytest.raises(SyncOffline):
        c.sync()
    killer.join()
    c.close()
    with a.read() as s:
        left = len(s.scalars(select(OutboxEvent).where(OutboxEvent.status == "pending")).all())
    assert 0 < left < 152
    p = serve(url, port, 1, tmp_path)
    try:
        c = SyncClient(a)
        c.sync()
        c.sync()
        c.close()
        check(engine, a)
    finally:
        stop(p)
        engine.dispose()  # type: ignore[attr-defined]


def test_several_workers_several_uploaders_on_postgres(tmp_path: Path,
                                                       request: pytest.FixtureRequest) -> None:
    url = hq_url("postgres", tmp_path, request)
    engine = make_engine(url)
    migrate(engine)
    port = free_port()
    p = serve(url, port, 2, tmp_path)
    terms = [make_terminal(tmp_path, engine, f"http://127.0.0.1:{port}", f"S00{i}", i)
             for i in range(1, 4)]
    card = enroll(terms[0], topup="1000.00")
    for t in terms:
        for _ in range(40):
            sell(t, [(SOCKS, 1)], [cash()])
    for _ in range(20):
        sell(terms[0], [(SOCKS, 1)], [sv("2.00"), cash()], card=card)
    try:
        errors: list[BaseException] = []

        def up(t: Terminal) -> None:
            try:
                c = SyncClient(t, batch_size=9)
                c.upload()
                c.close()
            except BaseException as e:  # pragma: no cover
                errors.append(e)

        # two uploaders per terminal, bypassing the terminal's lock, over two workers
        th = [threading.Thread(target=up, args=(t,)) for t in terms for _ in range(2)]
        for x in th:
            x.start()
        for x in th:
            x.join()
        assert errors == []
        for t in terms:
            c = SyncClient(t)
            c.sync()
            c.close()
        for t in terms:
            c = SyncClient(t)
            c.sync()
            c.close()
        check(engine, *terms)
    finally:
        stop(p)
        engine.dispose()  # type: ignore[attr-defined]
