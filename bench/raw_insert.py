"""The baseline both HQ benchmarks (bench/sync_upload.py, bench/hq_load.py) measure HQ
against: a raw batched ``INSERT`` of the same events and their ledger entries into two
plain, logged PostgreSQL tables (psycopg ``executemany``, 500 events or 1,500 entries a
commit). No HTTP, no checks, no ledger balances: what writing the rows alone costs.

Run on its own (as bench/hq_load.py does, so its memory is a process of its own):

    python bench/raw_insert.py DSN PAYLOAD_FILE --terminals N --events-each K --per P

INSERTs N x K copies of the event in PAYLOAD_FILE (JSON: kind, payload) with their
entries, first in batches of 500 (throughput), then again as the terminals' batches of
P events, each with its entries in one commit (latency); prints JSON: events/s, batch
p50/p99 in seconds and the process's peak RSS in MiB.
"""

from __future__ import annotations

import argparse
import json
import resource
import secrets
import statistics
import time
from collections.abc import Iterable
from typing import Any

import psycopg

EVENTS_PER_COMMIT = 500
ENTRIES_PER_COMMIT = 1500


def rows_of(events: Iterable[tuple[str, str, int, str, str]]
            ) -> tuple[list[tuple[str, str, int, str, str]], list[tuple[str, str, int, str]]]:
    """(event id, terminal, seq, kind, payload) rows and their entries' rows
    (event id, account, amount, unit), read from each payload as HQ reads it."""
    ev_rows, en_rows = [], []
    for eid, terminal, seq, kind, payload in events:
        ev_rows.append((eid, terminal, seq, kind, payload))
        for code, amount, unit in json.loads(payload).get("entries", []):
            en_rows.append((eid, code, int(amount), unit))
    return ev_rows, en_rows


def _tables(c: psycopg.Connection[Any]) -> None:
    c.execute("DROP TABLE IF EXISTS raw_events, raw_entries")
    c.execute("CREATE TABLE raw_events (event_id text primary key, terminal text,"
              " seq bigint, kind text, payload text)")
    c.execute("CREATE TABLE raw_entries (id bigserial primary key, event_id text,"
              " account text, amount bigint, unit text)")
    c.commit()


def raw_insert(dsn: str, ev_rows: list[Any], en_rows: list[Any]) -> float:
    """Seconds to INSERT the rows in batches, one commit a batch; the tables are made
    before the clock starts and dropped after."""
    with psycopg.connect(dsn) as c:
        _tables(c)
        t0 = time.perf_counter()
        with c.cursor() as cur:
            for i in range(0, len(ev_rows), EVENTS_PER_COMMIT):
                cur.executemany("INSERT INTO raw_events VALUES (%s,%s,%s,%s,%s)",
                                ev_rows[i:i + EVENTS_PER_COMMIT])
                c.commit()
            for i in range(0, len(en_rows), ENTRIES_PER_COMMIT):
                cur.executemany("INSERT INTO raw_entries (event_id, account, amount, unit)"
                                " VALUES (%s,%s,%s,%s)", en_rows[i:i + ENTRIES_PER_COMMIT])
                c.commit()
        took = time.perf_counter() - t0
        c.execute("DROP TABLE raw_events, raw_entries")
        c.commit()
    return took


def raw_batches(dsn: str, batches: list[tuple[list[Any], list[Any]]]) -> list[float]:
    """Seconds of each batch: its events and their entries INSERTed, one commit."""
    out = []
    with psycopg.connect(dsn) as c:
        _tables(c)
        with c.cursor() as cur:
            for ev_rows, en_rows in batches:
                t0 = time.perf_counter()
                cur.executemany("INSERT INTO raw_events VALUES (%s,%s,%s,%s,%s)", ev_rows)
                cur.executemany("INSERT INTO raw_entries (event_id, account, amount, unit)"
                                " VALUES (%s,%s,%s,%s)", en_rows)
                c.commit()
                out.append(time.perf_counter() - t0)
        c.execute("DROP TABLE raw_events, raw_entries")
        c.commit()
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description="raw batched INSERT baseline")
    ap.add_argument("dsn")
    ap.add_argument("payload_file")
    ap.add_argument("--terminals", type=int, required=True)
    ap.add_argument("--events-each", type=int, required=True)
    ap.add_argument("--per", type=int, required=True)
    a = ap.parse_args()
    with open(a.payload_file, encoding="utf-8") as f:
        proto = json.load(f)

    def rows(t: int, first: int, n: int) -> tuple[list[Any], list[Any]]:
        return rows_of((secrets.token_hex(16), f"S{t:05d}/T01", first + k, proto["kind"],
                        proto["payload"]) for k in range(n))

    ev_rows, en_rows = rows_of(r for t in range(a.terminals)
                               for r in rows(t, 1, a.events_each)[0])
    took = raw_insert(a.dsn, ev_rows, en_rows)
    batches = [rows(t, first, min(a.per, a.events_each - first + 1))
               for t in range(a.terminals) for first in range(1, a.events_each + 1, a.per)]
    lat = raw_batches(a.dsn, batches)
    q = statistics.quantiles(lat, n=100, method="inclusive") if len(lat) > 1 else lat * 99
    print(json.dumps({"events": len(ev_rows), "eps": len(ev_rows) / took,
                      "p50": statistics.median(lat), "p99": q[98],
                      "rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
