"""HQ's pooled PostgreSQL connections closed by the server between requests (as a
PostgreSQL restart or an administrator's pg_terminate_backend does): HQ does not ping
the server before each request, yet the next uploads and downloads succeed, nothing
is applied twice and the books balance."""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest

from tests.core.conftest import TEA
from tests.core.helpers import cash, enroll, sell, sv
from tests.sync.conftest import Hq, assert_consistent


def close_hq_connections(hq: Hq) -> int:
    """Terminate every server process serving HQ's database (HQ's pooled connections)."""
    db = hq.engine.url.database
    with psycopg.connect(f"host=127.0.0.1 port=5432 user=postgres dbname={db}",
                         autocommit=True) as c:
        return len(c.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = %s AND pid <> pg_backend_pid()", (db,)).fetchall())


@pytest.mark.parametrize("hq", ["postgres"], indirect=True)
def test_uploads_go_on_after_the_server_closed_hqs_connections(hq: Hq,
                                                               tmp_path: Path) -> None:
    a = hq.terminal(tmp_path, "S001", "T01", "F-EAST", 1)
    card = enroll(a, topup="500.00")
    sell(a, [(TEA, 1)], [cash()], card=card)
    assert hq.sync(a).problems == []
    before = hq.applied()
    for round_ in range(3):
        assert close_hq_connections(hq) >= 1  # HQ's pool held at least one
        sell(a, [(TEA, 1)], [sv("10.00"), cash()], card=card)
        r = hq.sync(a)  # uploads, then downloads: each on a connection found closed
        assert r.problems == [] and r.uploaded >= 1, (round_, r)
    assert hq.applied() > before
    assert_consistent(hq, a)
