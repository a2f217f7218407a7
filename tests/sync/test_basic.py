"""The happy path and the building blocks: registration, upload, download, balances."""

from __future__ import annotations

from pathlib import Path

from tests.core.conftest import COAT, TEA
from tests.core.helpers import cash, enroll, member_state, sell, sv
from tests.sync.conftest import Hq, assert_consistent


def test_sales_reach_hq_once_and_cards_work_in_other_stores(hq: Hq, tmp_path: Path) -> None:
    a = hq.terminal(tmp_path, "S001", "T01", "F-EAST", 1)
    b = hq.terminal(tmp_path, "S002", "T01", "F-WEST", 2)
    card = enroll(a, topup="1000.00")
    sell(a, [(TEA, 1)], [cash()], card=card)
    r = hq.sync(a)
    assert r.uploaded > 0 and r.problems == []
    hq.sync(b)  # B learns the member and the card from HQ
    p, bonus, _ = member_state(b, card)
    assert p + bonus == member_state(a, card)[0] + member_state(a, card)[1]
    sell(b, [(COAT, 1)], [sv("100.00"), cash()], card=card)
    hq.sync(b)
    hq.sync(a)
    assert member_state(a, card)[:2] == member_state(b, card)[:2]
    assert_consistent(hq, a, b)


def test_openapi_is_published_and_requests_need_credentials(hq: Hq) -> None:
    spec = hq.client.get("/openapi.json").json()
    assert {"/v1/events", "/v1/handshake", "/v1/changes"} <= set(spec["paths"])
    assert hq.client.post("/v1/events", json={"events": []}).status_code == 401
    r = hq.client.post("/v1/events", json={"events": []},
                       headers={"X-Terminal": "S001/T01", "Authorization": "Bearer x"})
    assert r.status_code == 401


def test_automatic_sync_and_backoff(hq: Hq, tmp_path: Path) -> None:
    import time

    from sync.client import AutoSync, backoff

    a = hq.terminal(tmp_path, "S001", "T01", "F-EAST", 1)
    card = enroll(a, topup="100.00")
    sell(a, [(TEA, 1)], [cash()], card=card)
    auto = AutoSync(a, interval=0.05, transport=hq.transport)
    auto.start()
    try:
        for _ in range(200):
            if auto.last is not None and auto.last.uploaded:
                break
            time.sleep(0.05)
    finally:
        auto.stop()
    # the shift opened as the day started, the enrollment with its top-up, the sale
    assert auto.last is not None and auto.last.uploaded == 4 and auto.last_error is None
    for n in range(1, 20):
        d = backoff(n, 1.0, 60.0)
        assert 0.5 <= d <= min(60.0, 2.0**n)
    assert_consistent(hq, a)
