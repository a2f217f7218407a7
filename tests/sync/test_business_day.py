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
