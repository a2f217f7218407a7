"""The printer's job journal: a job is stored before it is printed, and marked when done.

States: ``pending`` (stored, not yet sent), ``sending`` (bytes handed to the printer, not yet
confirmed), ``done``. The ``job_id`` is the idempotency key: a job already in the journal is
not added (nor printed) again. A job found in ``sending`` after a crash or a lost connection
may be partly printed; it is printed again once, marked as a reprint.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from devices.events import PrintJob

_SCHEMA = """
create table if not exists print_jobs (
    job_id text primary key,
    ops text not null,
    state text not null check (state in ('pending', 'sending', 'done')),
    attempts integer not null default 0,
    created real not null,
    updated real not null
)
"""


@dataclass(frozen=True)
class StoredJob:
    job: PrintJob
    state: str
    attempts: int


class PrintJournal:
    def __init__(self, path: str | Path) -> None:
        if str(path) != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._db = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
        self._db.execute("pragma journal_mode=wal")
        self._db.execute("pragma synchronous=full")
        self._db.execute(_SCHEMA)

    def add(self, job: PrintJob) -> bool:
        """Store ``job``; False if a job with this id is already stored (not added again)."""
        now = time.time()
        with self._lock:
            cur = self._db.execute(
                "insert or ignore into print_jobs values (?, ?, 'pending', 0, ?, ?)",
                (job.job_id, json.dumps([list(op) for op in job.ops]), now, now),
            )
            return cur.rowcount == 1

    def unfinished(self) -> list[StoredJob]:
        with self._lock:
            rows = self._db.execute(
                "select job_id, ops, state, attempts from print_jobs "
                "where state != 'done' order by created, rowid"
            ).fetchall()
        return [
            StoredJob(PrintJob(r[0], tuple(tuple(op) for op in json.loads(r[1]))), r[2], r[3])
            for r in rows
        ]

    def mark(self, job_id: str, state: str) -> None:
        with self._lock:
            self._db.execute(
                "update print_jobs set state = ?, updated = ?, "
                "attempts = attempts + (case when ? = 'sending' then 1 else 0 end) "
                "where job_id = ?",
                (state, time.time(), state, job_id),
            )

    def state(self, job_id: str) -> str | None:
        with self._lock:
            row = self._db.execute(
                "select state from print_jobs where job_id = ?", (job_id,)
            ).fetchone()
        return row[0] if row else None

    def close(self) -> None:
        with self._lock:
            self._db.close()
