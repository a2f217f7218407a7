"""The baseline both HQ benchmarks (bench/sync_upload.py, bench/hq_load.py) measure HQ
against: a raw batched ``INSERT`` of the same events and their ledger entries into two
plain, logged PostgreSQL tables (psycopg ``executemany``, 500 events or 1,500 entries a
commit). No HTTP, no checks, no ledger balances: what writing the rows alone costs."""

from __future__ import annotations

import json
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


def raw_insert(dsn: str, ev_rows: list[Any], en_rows: list[Any]) -> float:
    """Seconds to INSERT the rows in batches, one commit a batch; the tables are made
    before the clock starts and dropped after."""
    with psycopg.connect(dsn) as c:
        c.execute("DROP TABLE IF EXISTS raw_events, raw_entries")
        c.execute("CREATE TABLE raw_events (event_id text primary key, terminal text,"
                  " seq bigint, kind text, payload text)")
        c.execute("CREATE TABLE raw_entries (id bigserial primary key, event_id text,"
                  " account text, amount bigint, unit text)")
        c.commit()
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
