"""One upload request to HQ, end to end in one process: CPU time and database round
trips per request, and where the time goes (cProfile).

    .venv/bin/python bench/hq_request.py [--requests 300] [--per 5] [--profile 25]

HQ's FastAPI app runs in this process over a fresh PostgreSQL database (127.0.0.1:5432,
made and dropped by the bench), driven through its ASGI interface with httpx (no
sockets, no uvicorn): the body-limit middleware, the routing, the token check, the
body's validation, the apply and the answer's serialisation are all measured. Sync
routes, which uvicorn hands to a thread pool, run inline here so that cProfile sees
them. ``--requests`` simulated terminals (registered in bulk first) each upload one
batch of ``--per`` real cash-sale events (bench/hq_load.py's, with their own ids,
sequence and hash chain).

Reported per request: CPU time of this process (time.process_time; the machine is
shared, so wall time says little), round trips to PostgreSQL (each wait psycopg does for
the server's answer: a pre-ping, a BEGIN, a query, an ``executemany``, a pipeline's sync,
a COMMIT each count one) and SQL statements sent. Baseline in the same run: a raw
INSERT of the same rows (the events and their ledger entries, into two plain tables,
a commit per batch; bench/raw_insert.py's) with its CPU time and round trips. Then
``--profile`` further requests under cProfile, the top functions by cumulative time.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import io
import json
import pstats
import secrets
import statistics
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import httpx
import psycopg
from psycopg.waiting import Wait
from sqlalchemy import event

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import fastapi.dependencies.utils as fastapi_deps  # noqa: E402
import fastapi.routing as fastapi_routing  # noqa: E402
from hq_load import ADMIN_DSN, Sim, proto_event, register_all  # noqa: E402

from sync.hq import partitions  # noqa: E402
from sync.hq.app import create_app  # noqa: E402
from sync.hq.config import HqConfig  # noqa: E402

TRIPS: Counter[str] = Counter()
_wait = psycopg.Connection.wait


def _counted(gen: Any) -> Any:
    """``gen``, counting each time it waits to read the server's answer: one round trip
    (a pipeline's statements are sent without waiting and answered at its sync; a
    ROLLBACK on an idle connection sends nothing)."""
    ready = None
    try:
        while True:
            w = gen.send(ready)
            if w == Wait.R:
                TRIPS["round trips"] += 1
            ready = yield w
    except StopIteration as stop:
        return stop.value


def _counted_wait(self: Any, gen: Any, *args: Any, **kwargs: Any) -> Any:
    return _wait(self, _counted(gen), *args, **kwargs)


async def _inline(func: Any, *args: Any, **kwargs: Any) -> Any:
    return func(*args, **kwargs)


def run_inline() -> None:
    """Sync routes and dependencies run in the event loop's thread (cProfile sees them)."""
    fastapi_routing.run_in_threadpool = _inline  # type: ignore[assignment]
    fastapi_deps.run_in_threadpool = _inline  # type: ignore[assignment]


async def upload(app: Any, sims: list[Sim], per: int) -> list[tuple[float, int, int]]:
    """One upload per terminal; per request: CPU seconds, round trips, statements."""
    out = []
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://hq") as c:
        for x in sims:
            body = json.dumps({"events": x.batch(per)})
            TRIPS.clear()
            t0 = time.process_time()
            r = await c.post("/v1/events", headers={**x.headers(),
                                                    "content-type": "application/json"},
                             content=body)
            cpu = time.process_time() - t0
            r.raise_for_status()
            assert all(e["status"] == "applied" for e in r.json()["results"]), r.text
            out.append((cpu, TRIPS["round trips"], TRIPS["statements"]))
    return out


def raw(dsn: str, sims: list[Sim], per: int, proto: dict[str, Any]) -> list[tuple[float, int]]:
    """The same rows INSERTed raw: a batch's events and entries, a commit per batch."""
    entries = json.loads(proto["payload"]).get("entries", [])
    out = []
    with psycopg.connect(dsn) as c:
        c.execute("CREATE TABLE raw_events (event_id text PRIMARY KEY, terminal_key text,"
                  " seq bigint, kind text, payload text, hash text)")
        c.execute("CREATE TABLE raw_entries (id bigserial PRIMARY KEY, event_id text,"
                  " account text, amount bigint, unit text)")
        c.commit()
        for x in sims:
            evs = x.batch(per)
            TRIPS.clear()
            t0 = time.process_time()
            with c.cursor() as cur:
                cur.executemany("INSERT INTO raw_events VALUES (%s, %s, %s, %s, %s, %s)",
                                [(e["event_id"], x.key, e["seq"], e["kind"], e["payload"],
                                  e["hash"]) for e in evs])
                cur.executemany("INSERT INTO raw_entries (event_id, account, amount, unit)"
                                " VALUES (%s, %s, %s, %s)",
                                [(e["event_id"], a, amt, u) for e in evs
                                 for a, amt, u in entries])
            c.commit()
            out.append((time.process_time() - t0, TRIPS["round trips"]))
    return out


def med(xs: list[float]) -> float:
    return statistics.median(xs)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--requests", type=int, default=300)
    ap.add_argument("--per", type=int, default=5)
    ap.add_argument("--profile", type=int, default=25)
    ap.add_argument("--top", type=int, default=30)
    args = ap.parse_args()

    proto = proto_event()
    name = f"hq_request_{secrets.token_hex(4)}"
    with psycopg.connect(ADMIN_DSN, autocommit=True) as c:
        c.execute(f"CREATE DATABASE {name}")
    url = f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
    try:
        app = create_app(HqConfig(database=url))
        engine = app.state.engine
        with engine.begin() as conn:
            partitions.ensure(conn)
        sims = [Sim(i, proto) for i in range(args.requests + args.profile)]
        register_all(engine, sims)
        event.listen(engine, "before_cursor_execute",
                     lambda *a: TRIPS.update(["statements"]))
        psycopg.Connection.wait = _counted_wait  # type: ignore[method-assign]
        run_inline()
        warm, timed, profiled = (sims[:10], sims[10:args.requests],
                                 sims[args.requests:])
        asyncio.run(upload(app, warm, args.per))
        hq = asyncio.run(upload(app, timed, args.per))
        base = raw(f"host=127.0.0.1 port=5432 user=postgres dbname={name}", timed, args.per,
                   proto)
        prof = cProfile.Profile()
        prof.enable()
        asyncio.run(upload(app, profiled, args.per))
        prof.disable()
        engine.dispose()
    finally:
        psycopg.Connection.wait = _wait  # type: ignore[method-assign]
        with psycopg.connect(ADMIN_DSN, autocommit=True) as c:
            c.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    cpu = med([h[0] for h in hq]) * 1000
    raw_cpu = med([b[0] for b in base]) * 1000
    print(f"{len(hq)} uploads of {args.per} events, PostgreSQL, in-process")
    print(f"HQ upload request: CPU {cpu:.2f} ms median, "
          f"{med([h[1] for h in hq]):.0f} round trips, {med([h[2] for h in hq]):.0f} "
          f"statements")
    print(f"raw INSERT of the same rows: CPU {raw_cpu:.2f} ms median, "
          f"{med([b[1] for b in base]):.0f} round trips")
    print(f"ratio HQ / raw: CPU {cpu / raw_cpu:.1f}x")
    buf = io.StringIO()
    pstats.Stats(prof, stream=buf).sort_stats("cumulative").print_stats(args.top)
    print(buf.getvalue())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
