"""Card stock reaches HQ: the batch finance made, the cards each store registered and
every later move; HQ's admin API shows the stock of every store, and raises an alert when
a store registers cards already registered to another (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select

from pos_app.core import card_returns, card_sales, card_stock, entitlements, members
from pos_app.core.staff import Operator
from pos_app.core.terminal import Terminal
from sync.hq.db import sessions
from sync.hq.models import HqAlert, HqCard
from tests.core.conftest import SCARF, TZ, Clock
from tests.core.helpers import cash, sell, sv

from .conftest import Hq, assert_consistent, topup

ADMIN = {"authorization": "Bearer admin-secret"}
MANAGER = Operator("3001", "manager")
SUPERVISOR = Operator("2001", "supervisor")


def test_hq_sees_every_stores_card_stock(hq: Hq, tmp_path: Path) -> None:
    fin = hq.terminal(tmp_path, "FIN", "T01", "F-HQ", 1)
    s1 = hq.terminal(tmp_path, "S001", "T01", "F-EAST", 2)
    s2 = hq.terminal(tmp_path, "S002", "T01", "F-WEST", 3)
    with fin.tx() as s:
        note = card_stock.delivery_note(card_stock.create_batch(
            fin, s, "VIP5000", "ic", "890100000001", 10, MANAGER))
    hq.sync(fin)
    with s1.tx() as s:
        card_stock.receive(s1, s, SUPERVISOR, note=note, last="8901000000050")
    with s1.tx() as s:
        m = members.enroll(s1, s, members.Enrollment(
            name="李雷", phone="13912345678", card_no="8901000000019"), SUPERVISOR)
        members.block_card(s1, s, members.main_card(s, m).card_no, SUPERVISOR)
    with s2.tx() as s:  # the rest, and one card S001 already has
        card_stock.receive(s2, s, SUPERVISOR, note=note, first="8901000000050")
    assert_consistent(hq, fin, s1, s2)

    r = hq.client.get("/v1/admin/card-stock", headers=ADMIN)
    assert r.status_code == 200
    assert r.json()["stock"] == [
        {"store": "S001", "product": "VIP5000", "status": "blocked", "cards": 1},
        {"store": "S001", "product": "VIP5000", "status": "in_stock", "cards": 3},
        {"store": "S002", "product": "VIP5000", "status": "in_stock", "cards": 6},
    ]
    r = hq.client.get("/v1/admin/card-stock", params={"store": "S002"}, headers=ADMIN)
    assert [row["cards"] for row in r.json()["stock"]] == [6]
    assert hq.client.get("/v1/admin/card-stock").status_code == 401
    with sessions(hq.engine)() as s:
        alerts = [a.detail for a in s.scalars(select(HqAlert).where(HqAlert.kind == "card_stock"))]
    assert alerts == ["store S002 registered 1 cards of store S001, from 8901000000050"]


def test_card_sales_reach_hq_with_their_books(hq: Hq, tmp_path: Path) -> None:
    """A card sold below face and anonymous cards: HQ posts the same principal and bonus
    on each card and the store's discount and commission accounts."""

    t = hq.terminal(tmp_path, "S001", "T01", "F-EAST", 2)
    with t.tx() as s:
        for product, media, start in (("VIP5000", "nfc", "890100000001"),
                                      ("GIFT1000", "magstripe", "700000001")):
            b = card_stock.create_batch(t, s, product, media, start, 3, MANAGER)
            card_stock.receive(t, s, SUPERVISOR, batch_no=b.batch_no)
        members.enroll(t, s, members.Enrollment(name="李雷", phone="13912345678"), SUPERVISOR)
        card_sales.sell(t, s, card_sales.CardSaleRequest(
            "VIP5000", holder="13912345678", price=Decimal("4000")), SUPERVISOR)
        card_sales.sell(t, s, card_sales.CardSaleRequest("GIFT1000", count=2), SUPERVISOR)
    assert_consistent(hq, t)
    assert hq.hq_balance("sv:card:8901000000019:bonus") == -100000
    assert hq.hq_balance("sv:card:8901000000019:principal") == -400000
    assert hq.hq_balance("store:S001:cards:sale_discount") == 100000
    assert hq.hq_balance("store:S001:staff:commission:2001") == -80000


def _one_card_sold(hq: Hq, tmp_path: Path, price: str | None = None, seller: str | None = None
                   ) -> tuple[Clock, Terminal, Terminal, str]:
    """Two stores of F-EAST on one clock; S001 sells its one VIP5000 card to a member
    enrolled there, both terminals synced. Returns the clock, S001, S002 and the card."""
    clock = Clock(datetime(2026, 3, 2, 11, 0, tzinfo=TZ))
    s1 = hq.terminal(tmp_path, "S001", "T01", "F-EAST", 2, clock)
    s2 = hq.terminal(tmp_path, "S002", "T01", "F-EAST", 3, clock)
    with s1.tx() as s:
        b = card_stock.create_batch(s1, s, "VIP5000", "ic", "890100000001", 1, MANAGER)
        card_stock.receive(s1, s, SUPERVISOR, batch_no=b.batch_no)
        members.enroll(s1, s, members.Enrollment(name="李雷", phone="13912345678"), SUPERVISOR)
        sold = card_sales.sell(s1, s, card_sales.CardSaleRequest(
            "VIP5000", holder="13912345678", price=Decimal(price) if price else None,
            seller=seller), SUPERVISOR)
        [no] = card_sales.summary(s1, sold)["cards"]
    assert_consistent(hq, s1, s2)
    return clock, s1, s2, no


def test_hq_follows_a_yearly_cards_expiry_and_renewal(hq: Hq, tmp_path: Path) -> None:
    """A yearly card the store expires is expired at HQ (its card record and the stock)
    and at the chain's other terminals; the top-up that renews it makes it active again
    everywhere."""
    clock, s1, s2, no = _one_card_sold(hq, tmp_path)

    def states() -> tuple[str, str, str, str]:
        with sessions(hq.engine)() as s:
            card = s.get(HqCard, no)
            assert card is not None
            at_hq = card.status
        stock = hq.client.get("/v1/admin/card-stock", params={"store": "S001"}, headers=ADMIN)
        [row] = stock.json()["stock"]
        here = []
        for x in (s1, s2):
            with x.read() as s:
                here.append(members.find_card(s, no, active_only=False).status)
        return at_hq, row["status"], here[0], here[1]

    assert states() == ("active", "active", "active", "active")
    sell(s1, [(SCARF, 1)], [sv("100.00"), cash()], card=no)  # room for the renewing top-up
    clock.advance(days=366)
    with s1.tx() as s:
        assert card_stock.expire_due(s1, s, MANAGER) == [no]
    assert_consistent(hq, s1, s2)
    assert states() == ("expired", "expired", "expired", "expired")
    topup(s1, no, "100.00")  # renews it
    assert_consistent(hq, s1, s2)
    assert states() == ("active", "active", "active", "active")


def test_a_card_returned_reaches_hq_like_its_sale(hq: Hq, tmp_path: Path) -> None:
    """An unused card sold below face and returned: HQ posts the return's entries (the
    card, the store's discount and the seller's commission back to nothing), blocks the
    card, ends the service it brought, and nets the commission out of the staff report;
    the chain's other terminal sees the card blocked and the service ended."""
    clock, s1, s2, no = _one_card_sold(hq, tmp_path, price="4000", seller="2002")
    with s2.read() as s:
        card = members.find_card(s, no)
        assert [x.usable for x in entitlements.standing(s2, s, card.member)
                if x.service == "checkup"] == [True]
    clock.advance(days=2)
    with s1.tx() as s:
        card_returns.take_back(s1, s, no, SUPERVISOR)
    assert_consistent(hq, s1, s2)
    for code in (f"sv:card:{no}:principal", f"sv:card:{no}:bonus",
                 "store:S001:cards:sale_discount", "store:S001:staff:commission:2002",
                 "store:S001:cards:commission"):
        assert hq.hq_balance(code) == 0, code
    assert hq.hq_balance("store:S001:cash:drawer") == 0  # the ¥4,000 taken in, given back
    with sessions(hq.engine)() as s:
        hq_card = s.get(HqCard, no)
        assert hq_card is not None and hq_card.status == "blocked"
    stock = hq.client.get("/v1/admin/card-stock", params={"store": "S001"}, headers=ADMIN)
    assert [r["status"] for r in stock.json()["stock"]] == ["blocked"]
    month = hq.client.get("/v1/admin/reports/staff", params={"month": "2026-03"},
                          headers=ADMIN).json()
    assert {r["staff"]: r["commission"] for r in month["staff"]}["2002"] == "0.00"
    with s2.read() as s:
        card = members.find_card(s, no, active_only=False)
        assert card.status == "blocked"
        assert [x.usable for x in entitlements.standing(s2, s, card.member)
                if x.service == "checkup"] == [False]
