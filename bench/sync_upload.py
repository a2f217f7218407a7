"""Sync benchmarks against `pos hq serve` on PostgreSQL (loopback):

1. 10,000 queued sales on one terminal uploaded to HQ (target <= 10 s);
2. HQ apply throughput with 20 terminals uploading at once (target >= 1,000 events/s);

each beside a raw batched INSERT of the same rows (events and ledger entries) into the
same database in the same run. The queue is built by ringing one real sale per
terminal and cloning its outbox event (new id, next sequence, re-chained hash), so
HQ applies real sale payloads with their ledger entries.

    .venv/bin/python bench/sync_upload.py [--events 10000] [--terminals 20] [--per 1000]
"""

from __future__ import annotations

import argparse
import os
import secrets
import signal
import subprocess
import sys
import tempfile
import threading
import time
from decimal import Decimal
from pathlib import Path

import httpx
import psycopg
from sqlalchemy import select

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import raw_insert as baseline
from pos_app.core import catalog, ledger, outbox, sales, shifts, staff
from pos_app.core.models import OutboxEvent
from pos_app.core.staff import CONSOLE
from pos_app.core.tenders import TenderRequest
from pos_app.core.terminal import Terminal
from pos_app.demo import CATALOG, PROGRAM, STAFF
from sync.client import SyncClient, register, wire
from sync.hq.db import make_engine, migrate
from sync.hq.service import register_terminal

ADMIN = "host=127.0.0.1 port=5432 user=postgres dbname=test"


def queue(t: Terminal, n: int) -> None:
    with t.tx() as s:
        if shifts.current(s) is None:  # sales need an open shift
            shifts.open_shift(t, s, Decimal("200"), CONSOLE)
        sales.make_sale(t, s, sales.SaleRequest(
            lines=[sales.LineRequest("6901234560084", 1)],
            tenders=[TenderRequest("cash")]), CONSOLE)
    with t.tx() as s:
        proto = s.scalars(select(OutboxEvent).order_by(OutboxEvent.seq.desc())).first()
        assert proto is not None
        counter = s.get(ledger.Counter, "outbox")  # type: ignore[attr-defined]
        prev, seq = proto.hash, proto.seq
        rows = []
        for _ in range(n - 1):
            seq += 1
            ev = OutboxEvent(event_id=ledger.new_event_id(), epoch=proto.epoch, seq=seq,
                             kind=proto.kind, business_time=proto.business_time,
                             recorded_at=proto.recorded_at, payload=proto.payload,
                             prev_hash=prev, hash="", status="pending")
            ev.hash = outbox.event_hash(prev, outbox.header_of(ev, t), ev.payload)
            prev = ev.hash
            rows.append(ev)
        s.add_all(rows)
        counter.value = seq


def make_terminal(root: Path, engine: object, url: str, i: int) -> Terminal:
    t = Terminal.init(root / f"t{i}", store=f"S{i:03d}", terminal="T01", franchisee="F-1",
                      program_file=PROGRAM, card_block=i)
    with t.tx() as s:
        catalog.import_file(s, CATALOG, t.now())
        for code, name, role, pin in STAFF:
            staff.add_staff(s, code, name, role, pin)
    _k, token = register_terminal(engine, "F-1", f"S{i:03d}", "T01", Decimal("2000"))  # type: ignore[arg-type]
    register(t, url, token)
    return t


def raw_insert(dsn: str, terms: list[Terminal]) -> tuple[int, float]:
    """The same events and entries, INSERTed in batches (bench/raw_insert.py)."""
    events = []
    for t in terms:
        with t.read() as s:
            for e in s.scalars(select(OutboxEvent)):
                w = wire(e)
                events.append((w["event_id"], t.identity.store, w["seq"], w["kind"],
                               w["payload"]))
    ev_rows, en_rows = baseline.rows_of(events)
    return len(ev_rows), baseline.raw_insert(dsn, ev_rows, en_rows)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--events", type=int, default=10000)
    ap.add_argument("--terminals", type=int, default=20)
    ap.add_argument("--per", type=int, default=1000)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    db = f"pos_hq_bench_{secrets.token_hex(3)}"
    with psycopg.connect(ADMIN, autocommit=True) as c:
        c.execute(f"CREATE DATABASE {db}")
    url = f"postgresql+psycopg://postgres@127.0.0.1:5432/{db}"
    dsn = f"host=127.0.0.1 port=5432 user=postgres dbname={db}"
    engine = make_engine(url)
    migrate(engine)
    port = 18000 + secrets.randbelow(1000)
    hq = subprocess.Popen([sys.executable, "-m", "pos_app.cli", "hq", "serve", "--port",
                           str(port), "--workers", str(args.workers)],
                          env={**os.environ, "POS_HQ_DB": url}, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                httpx.get(base + "/healthz")
                break
            except httpx.TransportError:
                time.sleep(0.1)
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp)
            one = make_terminal(root, engine, base, 1)
            queue(one, args.events)
            c = SyncClient(one, batch_size=500)
            t0 = time.perf_counter()
            c.upload()
            up = time.perf_counter() - t0
            c.close()
            n, raw = raw_insert(dsn, [one])
            print(f"1. {args.events} queued sales, one terminal -> HQ (PostgreSQL, HTTP loopback,"
                  f" batches of 500): {up:.2f} s ({args.events / up:,.0f} events/s); "
                  f"raw batched INSERT of the same {n} events + entries: {raw:.2f} s")
            terms = [make_terminal(root, engine, base, i + 2) for i in range(args.terminals)]
            for t in terms:
                queue(t, args.per)
            errors: list[BaseException] = []

            def run(t: Terminal) -> None:
                try:
                    cl = SyncClient(t, batch_size=250)
                    cl.upload()
                    cl.close()
                except BaseException as e:
                    errors.append(e)

            th = [threading.Thread(target=run, args=(t,)) for t in terms]
            t0 = time.perf_counter()
            for x in th:
                x.start()
            for x in th:
                x.join()
            el = time.perf_counter() - t0
            assert not errors, errors
            total = args.terminals * args.per
            n2, raw2 = raw_insert(dsn, terms)
            print(f"2. {args.terminals} terminals x {args.per} events at once, {args.workers} HQ"
                  f" workers: {el:.2f} s = {total / el:,.0f} events/s applied; raw batched"
                  f" INSERT of the same {n2} events + entries: {raw2:.2f} s ="
                  f" {n2 / raw2:,.0f} events/s")
    finally:
        os.killpg(hq.pid, signal.SIGTERM)
        hq.wait()
        engine.dispose()  # type: ignore[attr-defined]
        with psycopg.connect(ADMIN, autocommit=True) as c:
            c.execute(f"DROP DATABASE IF EXISTS {db} WITH (FORCE)")


if __name__ == "__main__":
    main()
