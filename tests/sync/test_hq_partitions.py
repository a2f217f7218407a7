"""HQ's figures per store and day and per member and day partitioned by month on
PostgreSQL: the migration moves a filled HQ onto partitions without losing a row (and
back), the apply writes into them, HQ creates months ahead, an old month detaches for
archive."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from fastapi.testclient import TestClient
from sqlalchemy import text

from sync.hq import partitions
from sync.hq.app import create_app
from sync.hq.config import HqConfig
from sync.hq.db import alembic_config, make_engine, migrate
from tests.core.conftest import SOCKS
from tests.core.helpers import cash, sell
from tests.sync.conftest import Hq, hq_url

FILL = """
INSERT INTO hq_store_days (store, day, franchisee, sales, orders)
SELECT 'S' || s, to_char(d, 'YYYY-MM-DD'), 'F-' || (s % 5), s * 100 + extract(day FROM d), 1
FROM generate_series(1, 40) s,
     generate_series(DATE '2025-09-01', DATE '2026-11-30', INTERVAL '1 day') d;
INSERT INTO hq_member_days (member, day, store, cents, orders)
SELECT 'M' || m, to_char(d, 'YYYY-MM-DD'), 'S' || (m % 40), m * 7, 1
FROM generate_series(1, 60) m,
     generate_series(DATE '2025-09-01', DATE '2026-11-30', INTERVAL '3 day') d;
"""


def per_month(conn: Any, table: str) -> dict[str, tuple[int, int]]:
    col = "sales" if table == "hq_store_days" else "cents"
    return {m: (n, int(total)) for m, n, total in conn.execute(text(
        f"SELECT substr(day, 1, 7), count(*), sum({col}) FROM {table} GROUP BY 1"))}


def test_partitioned_by_month_without_losing_a_row(tmp_path: Path,
                                                   request: pytest.FixtureRequest) -> None:
    url = hq_url("postgres", tmp_path, request)
    engine = make_engine(url)
    command.upgrade(alembic_config(engine), "0004")  # an HQ from before partitioning
    with engine.begin() as conn:
        for q in FILL.split(";"):
            if q.strip():
                conn.execute(text(q))
        before = {t: per_month(conn, t) for t in partitions.FIGURE_TABLES}
    assert sum(n for n, _ in before["hq_store_days"].values()) == 40 * 456

    migrate(engine)
    with engine.begin() as conn:
        schema = partitions.part_schema(conn)
        for t in partitions.FIGURE_TABLES:
            assert partitions.is_partitioned(conn, t)
            assert per_month(conn, t) == before[t]  # every row, every amount
            months = partitions.partitions(conn, t)
            assert months[0] == "2025-09" and months[-1] >= "2027-01"
            assert conn.scalar(text(f'SELECT count(*) FROM "{schema}".{t}_default')) == 0
            n, _ = before[t]["2026-02"]
            assert conn.scalar(text(f'SELECT count(*) FROM "{schema}".{t}_202602')) == n

    # down to plain tables and up again: still every row
    command.downgrade(alembic_config(engine), "0004")
    with engine.begin() as conn:
        assert not partitions.is_partitioned(conn, "hq_store_days")
        assert {t: per_month(conn, t) for t in partitions.FIGURE_TABLES} == before
    migrate(engine)

    # the apply writes this month's figures into its partition
    cfg = HqConfig(database=url, lease=Decimal("2000.00"), admin_token="admin-secret")
    app = create_app(cfg)
    with TestClient(app, base_url="http://hq") as client:
        hq = Hq(url, cfg, app, client)
        a = hq.terminal(tmp_path, "S900", "T01", "F-EAST", 1)
        sell(a, [(SOCKS, 1)], [cash()])
        hq.sync(a)
        month = a.now().date().isoformat()[:7]
    app.state.engine.dispose()
    with engine.begin() as conn:
        part = f'"{schema}".hq_store_days_{month.replace("-", "")}'
        assert conn.scalar(text(f"SELECT count(*) FROM {part} WHERE store = 'S900'")) == 1

        # HQ makes the months ahead as time goes on; an old month leaves for archive
        made = partitions.ensure(conn, today=date(2027, 6, 15))
        assert "hq_store_days_202709" in made and "hq_member_days_202706" in made
        assert partitions.ensure(conn, today=date(2027, 6, 15)) == []
        gone = partitions.detach(conn, "2025-09")
        assert gone == [f"{schema}.hq_store_days_202509", f"{schema}.hq_member_days_202509"]
        assert "2025-09" not in per_month(conn, "hq_store_days")
        n, _ = before["hq_store_days"]["2025-09"]
        assert conn.scalar(text(f"SELECT count(*) FROM {gone[0]}")) == n
    engine.dispose()

    # the same from the command line, as the nightly job and an operator run it
    env = {**os.environ, "POS_HQ_DB": url}
    r = subprocess.run([sys.executable, "-m", "pos_app.cli", "hq", "partitions", "--detach",
                        "2025-10"], env=env, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["detached"] == [f"{schema}.hq_store_days_202510",
                               f"{schema}.hq_member_days_202510"]
    assert out["tables"]["hq_store_days"][0] == "2025-11"
    r = subprocess.run([sys.executable, "-m", "pos_app.cli", "hq", "partitions", "--detach",
                        "2025-13"], env=env, capture_output=True, text=True, timeout=120)
    assert r.returncode == 2 and "month must be YYYY-MM" in r.stderr
