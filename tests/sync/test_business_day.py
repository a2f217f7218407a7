"""HQ dates a sale by the stores' clocks, not by UTC: a sale rung up at half past midnight
in Shanghai (16:30 the day before in UTC, as the terminal sends it) counts in that
morning's figures at HQ, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from sync.hq.config import HqConfig, HqConfigError
from sync.hq.db import sessions
from sync.hq.models import HqSale
from tests.core.conftest import COAT, TZ, Clock
from tests.core.helpers import cash, sell
from tests.sync.conftest import Hq

ADMIN = {"Authorization": "Bearer admin-secret"}
AFTER_MIDNIGHT = datetime(2026, 12, 1, 0, 30, tzinfo=TZ)  # 2026-11-30 16:30 UTC


def test_a_sale_after_midnight_counts_on_the_stores_day(hq: Hq, tmp_path: Path) -> None:
    t = hq.terminal(tmp_path, "S001", "T01", "F-EAST", 1, Clock(AFTER_MIDNIGHT))
    out = sell(t, [(COAT, 1)], [cash()])
    hq.sync(t)
    with sessions(hq.engine)() as s:
        assert s.scalars(select(HqSale.business_date)).all() == ["2026-12-01"]
    daily = hq.client.get("/v1/admin/reports/daily", params={"day": "2026-12-01"},
                          headers=ADMIN).json()
    store = {r["store"]: r for r in daily["stores"]}["S001"]
    assert store["orders"] == 1 and store["sales"] == str(out.sale.total)
    before = hq.client.get("/v1/admin/reports/daily", params={"day": "2026-11-30"},
                           headers=ADMIN).json()
    assert {r["store"]: r["orders"] for r in before["stores"]}.get("S001", 0) == 0


def test_hq_refuses_an_unknown_time_zone_in_its_config(tmp_path: Path) -> None:
    cfg = tmp_path / "hq.toml"
    cfg.write_text('[hq]\ntimezone = "Asia/Beijing"\n')
    with pytest.raises(HqConfigError) as e:
        HqConfig.load(cfg)
    assert str(e.value) == (f'{cfg} line 2: hq.timezone: must be a time zone such as '
                            f'"Asia/Shanghai", got \'Asia/Beijing\'')
    cfg.write_text('[hq]\ntimezone = "Asia/Urumqi"\n')
    assert HqConfig.load(cfg).timezone == "Asia/Urumqi"


def test_pos_hq_report_dates_by_the_configured_time_zone(tmp_path: Path) -> None:
    """`pos hq report` dates a member's enrollment in `[hq] timezone` as the service does:
    20:00 UTC on New Year's Eve is still 2026 in New York and already 2027 in Shanghai."""
    import json
    import sqlite3

    from tests.sync.test_cli_tls import pos

    db = tmp_path / "hq.sqlite"
    plain, new_york = tmp_path / "hq.toml", tmp_path / "hq-ny.toml"
    plain.write_text(f'[hq]\ndatabase = "sqlite:///{db}"\n', "utf-8")
    new_york.write_text(plain.read_text() + 'timezone = "America/New_York"\n', "utf-8")
    assert pos("hq", "register-terminal", "--config", str(plain), "--store", "S001",
               "--terminal", "T01", "--franchisee", "F-EAST").returncode == 0
    with sqlite3.connect(db) as conn:
        conn.execute("INSERT INTO hq_members (uid, franchisee, store, tier, data, enrolled_at)"
                     " VALUES ('m1', 'F-EAST', 'S001', 'regular', '{}',"
                     " '2026-12-31T20:00:00+00:00')")
    new_in_quarter = {}
    for cfg in (plain, new_york):
        r = pos("hq", "report", "--config", str(cfg), "--date", "2026-12-31")
        assert r.returncode == 0, r.stderr
        store = json.loads(r.stdout)["stores"][0]
        assert store["members"] == 1
        new_in_quarter[cfg.name] = store["new_members_quarter"]
    assert new_in_quarter == {"hq.toml": 0, "hq-ny.toml": 1}
