"""Gifts and entitlements through HQ (SQLite and PostgreSQL): a gift paid with points
earned at another franchisee's store is cleared like points paid as money; HQ shows
every store's gift stock; a service used in one store is seen, and counted, in all."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from pos_app.core import entitlements, gifts, members
from pos_app.core.errors import PosError
from pos_app.core.terminal import Terminal
from tests.core.conftest import COAT, TZ, Clock
from tests.core.helpers import CASHIER, SUPERVISOR, cash, enroll, sell
from tests.sync.conftest import Hq, assert_consistent

ADMIN = {"Authorization": "Bearer admin-secret"}


def test_gift_for_points_cleared_between_franchisees(hq: Hq, tmp_path: Path) -> None:
    noon = Clock(datetime(2026, 11, 20, 12, 0, tzinfo=TZ))  # a fixed day
    a = hq.terminal(tmp_path, "S001", "T01", "F-EAST", 1, noon)
    b = hq.terminal(tmp_path, "S002", "T01", "F-WEST", 2, noon)
    card = enroll(a)
    out = sell(a, [(COAT, 1)], [cash()], card=card)  # 699 points earned at F-EAST
    hq.sync(a)
    hq.sync(b)
    with b.tx() as s:
        gifts.receive(b, s, "UMBRELLA", 3, SUPERVISOR, "DN-7")
        gifts.redeem(b, s, card, "UMBRELLA", CASHIER)  # 500 points at F-WEST's store
    with a.tx() as s:
        gifts.receive(a, s, "BEAUTY-SET", 2, SUPERVISOR)
    hq.sync(b)
    hq.sync(a)
    today = out.sale.business_time.date().isoformat()
    rep = hq.client.get("/v1/admin/settlement", params={"start": today, "end": today},
                        headers=ADMIN).json()
    lines = {(x["kind"], x["debtor"], x["creditor"]): x for x in rep["lines"]}
    pts = lines[("points", "F-EAST", "F-WEST")]
    assert (pts["amount"], pts["points"]) == ("50.00", 500)  # the gift's value
    stock = hq.client.get("/v1/admin/gifts/stock", headers=ADMIN).json()["stock"]
    assert [(r["store"], r["gift"], r["on_hand"], r["given"]) for r in stock] == [
        ("S001", "BEAUTY-SET", 2, 0), ("S002", "UMBRELLA", 2, 1)]
    one = hq.client.get("/v1/admin/gifts/stock", params={"store": "S001"}, headers=ADMIN)
    assert [r["gift"] for r in one.json()["stock"]] == ["BEAUTY-SET"]
    assert hq.client.get("/v1/admin/gifts/stock").status_code == 401
    with a.read() as s:  # the points spent at B reached A's books through HQ
        assert members.points_balance(s, members.find_card(s, card).member) == 199
    assert_consistent(hq, a, b)


def test_a_use_in_one_store_is_seen_in_all(hq: Hq, tmp_path: Path) -> None:
    a = hq.terminal(tmp_path, "S001", "T01", "F-EAST", 1)
    b = hq.terminal(tmp_path, "S002", "T01", "F-WEST", 2)
    card = enroll(a, tier="silver")  # 干洗 twice a year
    with a.tx() as s:
        c = members.find_card(s, card)
        entitlements.grant_for_card(s, c, "VIP5000", terminal=a, who=CASHIER)
        entitlements.use(a, s, card, "dry_cleaning", CASHIER)
    hq.sync(a)
    hq.sync(b)
    with b.tx() as s:
        m = members.find_card(s, card).member
        seen = {x.service: x.left for x in entitlements.standing(b, s, m)}
        assert seen == {"dry_cleaning": 1, "checkup": 1}
        entitlements.use(b, s, card, "checkup", CASHIER, "2001")
        entitlements.use(b, s, card, "dry_cleaning", CASHIER)
    hq.sync(b)
    hq.sync(a)
    with pytest.raises(PosError, match="体检 is used up"), a.tx() as s:
        entitlements.use(a, s, card, "checkup", CASHIER)
    with pytest.raises(PosError, match="干洗 is used up"), a.tx() as s:
        entitlements.use(a, s, card, "dry_cleaning", CASHIER)


def test_every_till_of_a_store_shows_the_stores_gift_stock(hq: Hq, tmp_path: Path) -> None:
    """Gifts received at one till are in the store's stock at its other till once both
    have synced, and that till gives from them; a count at either till moves the
    store's stock; another store's tills keep their own."""
    t1 = hq.terminal(tmp_path, "S001", "T01", "F-EAST", 1)
    t2 = hq.terminal(tmp_path, "S001", "T02", "F-EAST", 2)
    other = hq.terminal(tmp_path, "S002", "T01", "F-EAST", 3)
    card = enroll(t1)
    sell(t1, [(COAT, 1)], [cash()], card=card)  # 699 points
    with t1.tx() as s:
        gifts.receive(t1, s, "UMBRELLA", 5, SUPERVISOR, "DN-1")
    with other.tx() as s:
        gifts.receive(other, s, "UMBRELLA", 2, SUPERVISOR, "DN-2")
    for t in (t1, t2, other):
        hq.sync(t)

    def here(t: Terminal) -> int:
        with t.read() as s:
            return gifts.stock(s, t.program)["UMBRELLA"]

    assert (here(t1), here(t2), here(other)) == (5, 5, 2)
    with t2.tx() as s:  # T02 never received any: it gives from the store's stock
        gifts.redeem(t2, s, card, "UMBRELLA", CASHIER)
    assert here(t2) == 4
    for t in (t2, t1):
        hq.sync(t)
    assert (here(t1), here(t2)) == (4, 4)
    with t1.tx() as s:  # a count at T01 finds one missing
        gifts.count(t1, s, "UMBRELLA", 3, SUPERVISOR, "盘点少一把")
    for t in (t1, t2, other):
        hq.sync(t)
    assert (here(t1), here(t2), here(other)) == (3, 3, 2)
    stock = hq.client.get("/v1/admin/gifts/stock", headers=ADMIN).json()["stock"]
    assert [(r["store"], r["on_hand"], r["given"]) for r in stock
            if r["gift"] == "UMBRELLA"] == [("S001", 3, 1), ("S002", 2, 0)]
    assert_consistent(hq, t1, t2, other)
