"""Points lots (expiry per lot, oldest first, transfer) and tiers (upgrade from the next
sale, downgrade on review, each change recorded with its reason)."""

from __future__ import annotations

import dataclasses
from datetime import datetime
from decimal import Decimal

import pytest
from sqlalchemy import select

from pos_app.core import ledger, members, points, tiers
from pos_app.core.errors import NotAllowed, PosError
from pos_app.core.models import PointLot, TierChange
from pos_app.core.staff import CONSOLE
from pos_app.core.terminal import Terminal

from .conftest import COAT, KETTLE, TZ, Clock
from .helpers import CASHIER, cash, enroll, member_state, sell
from .helpers import points as pts

D = Decimal


def test_points_expire_per_lot_at_month_end(terminal: Terminal, clock: Clock) -> None:
    card = enroll(terminal)
    clock.at = datetime(2026, 11, 9, 14, 0, tzinfo=TZ)
    sell(terminal, [(KETTLE, 1)], [cash()], card=card)  # lot 1: 259 points
    clock.at = datetime(2026, 12, 1, 10, 0, tzinfo=TZ)
    sell(terminal, [(KETTLE, 1)], [cash()], card=card)  # lot 2: 259 points
    with terminal.tx() as s:
        m = members.find_card(s, card).member
        summary = members.summary(terminal, s, m)
    assert summary["points_expiring"] == [
        {"points": 259, "expires": "2028-11-30"},
        {"points": 259, "expires": "2028-12-31"},
    ]
    # redeem 100: taken from the oldest lot
    sell(terminal, [(KETTLE, 1)], [pts(100), cash()], card=card)
    with terminal.read() as s:
        lots = s.scalars(select(PointLot).order_by(PointLot.id)).all()
        assert [lot.remaining for lot in lots[:2]] == [159, 259]
    # on 2028-12-01 the first lot has gone
    clock.at = datetime(2028, 12, 1, 0, 0, 1, tzinfo=TZ)
    with terminal.tx() as s:
        m = members.find_card(s, card).member
        assert points.expire_due(terminal, s, m.id, CONSOLE) == 159
        assert members.points_balance(s, m) == 259 + 249  # lot 2 + the lot of the 3rd sale
    with terminal.read() as s:
        assert ledger.verify(s).problems == []


def test_expired_points_cannot_pay(terminal: Terminal, clock: Clock) -> None:
    card = enroll(terminal)
    sell(terminal, [(KETTLE, 4)], [cash()], card=card)
    clock.at = datetime(2029, 1, 1, 10, 0, tzinfo=TZ)
    with pytest.raises(PosError, match="member has 0 points"):
        sell(terminal, [(COAT, 1)], [pts(100), cash()], card=card)


def test_points_transfer_where_allowed(terminal: Terminal) -> None:
    a = enroll(terminal)
    b = enroll(terminal, phone="13900139000")
    sell(terminal, [(KETTLE, 4)], [cash()], card=a)
    with terminal.tx() as s:
        ma, mb = members.find_card(s, a).member, members.find_card(s, b).member
        with pytest.raises(PosError, match="does not allow points transfers"):
            points.transfer(terminal, s, ma, mb, 100, CONSOLE)
    terminal.program = dataclasses.replace(
        terminal.program, points=dataclasses.replace(terminal.program.points, transfer_allowed=True)
    )
    with terminal.tx() as s:
        ma, mb = members.find_card(s, a).member, members.find_card(s, b).member
        points.transfer(terminal, s, ma, mb, 300, CONSOLE)
        with pytest.raises(PosError, match="member has 736 points; 5000 asked"):
            points.transfer(terminal, s, ma, mb, 5000, CONSOLE)
    assert member_state(terminal, a)[2] == 736
    assert member_state(terminal, b)[2] == 300
    with terminal.read() as s:
        assert ledger.verify(s).problems == []


def test_upgrade_applies_from_the_next_sale(terminal: Terminal, clock: Clock) -> None:
    card = enroll(terminal)
    clock.at = datetime(2026, 11, 20, 10, 0, tzinfo=TZ)  # no promotions running
    first = sell(terminal, [(COAT, 5)], [cash()], card=card)  # 3495.00 >= 3000 single purchase
    assert first.sale.tier_code == "regular"
    assert first.points_earned == 3495  # regular multiplier 1.0 on this sale
    assert first.tier_upgrade == "silver"
    second = sell(terminal, [(COAT, 1)], [cash()], card=card)
    assert second.sale.tier_code == "silver"
    assert second.sale.total == D("664.05")
    with terminal.read() as s:
        reasons = [c.reason for c in s.scalars(select(TierChange).order_by(TierChange.id))]
    assert reasons[-1] == "upgrade: single purchase ￥3,495.00 ≥ ￥3,000.00"


def test_single_day_and_rolling_upgrades(terminal: Terminal, clock: Clock) -> None:
    card = enroll(terminal)
    clock.at = datetime(2026, 11, 20, 10, 0, tzinfo=TZ)
    for _ in range(3):
        out = sell(terminal, [(COAT, 2)], [cash()], card=card)  # 1398 each; 4194 that day
    assert out.tier_upgrade is None  # silver needs 3000 in one purchase or 5000 in 12 months
    clock.advance(days=40)
    out = sell(terminal, [(COAT, 2)], [cash()], card=card)  # 12 months: 5592
    assert out.tier_upgrade == "silver"
    clock.advance(days=1)
    out = sell(terminal, [(COAT, 8)], [cash()], card=card)  # single day 5312.40 >= 5000
    assert out.tier_upgrade == "diamond"


def test_downgrade_on_review(terminal: Terminal, clock: Clock) -> None:
    card = enroll(terminal, tier="gold")
    clock.at = datetime(2026, 11, 20, 10, 0, tzinfo=TZ)
    sell(terminal, [(COAT, 5)], [cash()], card=card)  # 3145.50 in 12 months
    with terminal.tx() as s, pytest.raises(NotAllowed):
        tiers.review(terminal, s, CASHIER)
    with terminal.tx() as s:
        changes = tiers.review(terminal, s, CONSOLE)
    assert [c[1:] for c in changes] == [("gold", "silver")]  # keeps silver (>= 3000)
    clock.advance(days=400)
    with terminal.tx() as s:
        changes = tiers.review(terminal, s, CONSOLE)
    assert [c[1:] for c in changes] == [("silver", "regular")]
    with terminal.read() as s:
        last = s.scalars(select(TierChange).order_by(TierChange.id.desc())).first()
        assert last is not None and last.reason.startswith("downgrade on review: 12 months ￥0.00")
