"""A terminal's credentials reach only what its store may: its own events, never another
terminal's, and never HQ's settlement, alerts or reports (the admin's)."""

from __future__ import annotations

import json
from pathlib import Path

from sync.client import CREDENTIALS, SyncClient
from tests.core.conftest import KETTLE
from tests.core.helpers import cash, sell
from tests.sync.conftest import Hq


def _headers(t_dir: Path, as_terminal: str | None = None) -> dict[str, str]:
    cred = json.loads((t_dir / CREDENTIALS).read_text())
    return {"X-Terminal": as_terminal or cred["terminal"],
            "Authorization": f"Bearer {cred['token']}"}


def test_terminal_reads_only_its_own_events_and_no_admin_data(hq: Hq, tmp_path: Path) -> None:
    a = hq.terminal(tmp_path, "S001", "T01", "F-EAST", 1)
    b = hq.terminal(tmp_path, "S002", "T01", "F-WEST", 2)
    sell(a, [(KETTLE, 1)], [cash()])
    sell(b, [(KETTLE, 2)], [cash()])
    hq.sync(a)
    hq.sync(b)
    c = SyncClient(a, transport=hq.transport)
    try:
        own = c.http.get("/v1/events/mine", params={"start": 1, "end": 100},
                         headers=_headers(a.data_dir))
        assert own.status_code == 200
        sales = [e for e in own.json()["events"] if e["kind"] == "sale"]
        assert len(sales) == 1 and "S001-T01" in json.dumps(sales[0])
        assert "S002-T01" not in json.dumps(own.json())
        # a's token presented as b: refused
        r = c.http.get("/v1/events/mine", params={"start": 1, "end": 100},
                       headers=_headers(a.data_dir, "S002/T01"))
        assert r.status_code == 401
        # a terminal's token is not the admin's
        for path in ("/v1/admin/settlement", "/v1/admin/alerts", "/v1/admin/reports/daily"):
            r = c.http.get(path, headers={"Authorization": _headers(a.data_dir)["Authorization"]},
                           params={"start": "2026-01-01", "end": "2026-12-31",
                                   "day": "2026-11-23"})
            assert r.status_code == 401, path
        r = c.http.get("/v1/admin/alerts", headers={"Authorization": "Bearer admin-secret"})
        assert r.status_code == 200
    finally:
        c.close()
