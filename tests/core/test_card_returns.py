"""Returning cards sold (退卡): the unused cards of a card sale taken back within the
product's return_days (the demo: VIP5000 7 days, GIFT1000 the day of sale), with a
supervisor; the price given back by the sale's tender, the bonus and the seller's
commission reversed in one journal tied to its record, the cards blocked and their
services ended; a used card, a card given free, a second return, an unknown number
or a sale past its days refused with nothing written."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from pos_app.core import card_returns, card_sales, entitlements, members, performance
from pos_app.core.card_sales import CardSaleRequest
from pos_app.core.errors import NotAllowed, NotFound, PosError
from pos_app.core.models import (
    AuditEntry,
    CardReturn,
    Entitlement,
    Journal,
    OutboxEvent,
    StockCard,
)
from pos_app.core.terminal import Terminal

from .conftest import COAT, KETTLE, Clock
from .helpers import CASHIER, SUPERVISOR, cash, enroll, sell, sv
from .test_card_sales import balance, stock, verified

D = Decimal
VIP = "8901000000019"


def _sell_vip_below_face(t: Terminal) -> str:
    stock(t)
    enroll(t, "13900139000", name="李伟")
    with t.tx() as s:
        return card_sales.sell(t, s, CardSaleRequest(
            "VIP5000", holder="13900139000", price=D("4000.00"), tender="bank_card",
            seller="1001"), CASHIER, SUPERVISOR).sale_no


def _written(t: Terminal) -> tuple[int, int, int]:
    with t.read() as s:
        return (s.scalar(select(func.count(CardReturn.id))) or 0,
                s.scalar(select(func.count(Journal.id))) or 0,
                s.scalar(select(func.count(OutboxEvent.id))) or 0)


def test_an_unused_card_returned_reverses_its_sale(terminal: Terminal, clock: Clock) -> None:
    sale_no = _sell_vip_below_face(terminal)
    clock.advance(days=6)  # within the product's 7 days
    with pytest.raises(NotAllowed, match="needs a supervisor"), terminal.tx() as s:
        card_returns.take_back(terminal, s, VIP, CASHIER)
    with terminal.tx() as s:
        r = card_returns.take_back(terminal, s, VIP, CASHIER, SUPERVISOR, "changed her mind")
        assert (r.sale.sale_no, r.cards, r.row.paid_back, r.row.bonus, r.row.commission,
                r.row.approved_by) == (sale_no, [VIP], D("4000.00"), D("1000.00"),
                                       D("800.00"), "2001")
        ret = r.row.return_no
    # every account the sale moved is back where it was
    assert balance(terminal, "bank_card:clearing") == 0
    assert balance(terminal, f"sv:card:{VIP}:principal") == 0
    assert balance(terminal, f"sv:card:{VIP}:bonus") == 0
    assert balance(terminal, "cards:sale_discount") == 0
    assert balance(terminal, "cards:commission") == 0
    assert balance(terminal, "staff:commission:1001") == 0
    with terminal.read() as s:
        card = members.find_card(s, VIP, active_only=False)
        assert (card.status, card.block_reason) == ("blocked", f"returned {ret}")
        sc = s.scalars(select(StockCard).where(StockCard.card_no == VIP)).one()
        assert sc.status == "blocked"
        j = s.scalars(select(Journal).where(Journal.record_kind == "card_return")).one()
        assert j.record_ref == ret
        ev = s.scalars(select(OutboxEvent).where(OutboxEvent.kind == "card_refund")).one()
        payload = json.loads(ev.payload)
        assert (payload["sale_no"], payload["commission"], payload["record"]) == (
            sale_no, "800.00", ["card_return", ret])
        assert ev.event_id == j.event_id and payload["entries"]
        grant = s.scalars(select(Entitlement).where(Entitlement.card_no == VIP)).one()
        assert payload["grants_ended"] == [grant.uid]
        assert not any(x.usable for x in entitlements.standing(terminal, s, card.member)
                       if x.service == "checkup")
        a = s.scalars(select(AuditEntry).where(AuditEntry.action == "card_return")).one()
        assert (a.staff, a.approved_by, json.loads(a.detail)["reason"]) == (
            CASHIER.code, "2001", "changed her mind")
        day = terminal.program.business_day(terminal.now())
        figures = {f.staff: f for f in performance.report(
            terminal, s, day.replace(day=1), day, SUPERVISOR)}
        assert figures["1001"].commission == 0  # the sale's 800 less the return's
    verified(terminal)
    before = _written(terminal)
    with pytest.raises(PosError, match=f"returned already \\({ret}\\)"), terminal.tx() as s:
        card_returns.take_back(terminal, s, sale_no, SUPERVISOR)
    assert _written(terminal) == before


def test_a_used_card_a_late_one_and_a_wrong_one_are_refused(
        terminal: Terminal, clock: Clock) -> None:
    sale_no = _sell_vip_below_face(terminal)
    enroll(terminal, "13700137000")
    with terminal.tx() as s:
        card_sales.sell(terminal, s, CardSaleRequest("GIFT1000", count=2), CASHIER)
        vip2_no = card_sales.sell(terminal, s, CardSaleRequest(
            "VIP5000", holder="13700137000"), CASHIER).sale_no
    before = _written(terminal)
    for ref, refusal, error in (
            ("8901000000050", "no card sale", NotFound),  # in stock, never sold
            ("S001-T01-999999", "no card sale", NotFound),
            ("12345", "no card sale", NotFound)):
        with pytest.raises(error, match=refusal), terminal.tx() as s:
            card_returns.take_back(terminal, s, ref, SUPERVISOR)
    sell(terminal, [(KETTLE, 1)], [sv()], card="8901000000027")  # the second VIP card, used
    with pytest.raises(PosError, match="has been used"), terminal.tx() as s:
        card_returns.take_back(terminal, s, vip2_no, SUPERVISOR)
    clock.advance(days=1)  # GIFT1000 is taken back on the day of sale only
    with pytest.raises(PosError, match="past the 0 day"), terminal.tx() as s:
        card_returns.take_back(terminal, s, "7000000013", SUPERVISOR)
    clock.advance(days=7)  # VIP5000: 7 days
    with pytest.raises(PosError, match=f"{sale_no} of .* past the 7 day"), terminal.tx() as s:
        card_returns.take_back(terminal, s, VIP, SUPERVISOR)
    assert _written(terminal)[0] == before[0] == 0
    with terminal.read() as s:
        assert members.find_card(s, VIP).status == "active"


def test_cards_given_free_or_with_a_used_service_stay(terminal: Terminal) -> None:
    sale_no = _sell_vip_below_face(terminal)
    with terminal.tx() as s:
        entitlements.use(terminal, s, VIP, "checkup", SUPERVISOR)
    with pytest.raises(PosError, match="service .* has been used"), terminal.tx() as s:
        card_returns.take_back(terminal, s, sale_no, SUPERVISOR)
    big = enroll(terminal, "13600136000")
    sell(terminal, [(COAT, 144)], [cash()], card=big)  # ¥100,656 in 12 months: a card free
    with terminal.tx() as s:
        granted = card_sales.grant(terminal, s, "VIP5000", big, SUPERVISOR)
    with pytest.raises(PosError, match="spending rule: it was not sold"), terminal.tx() as s:
        card_returns.take_back(terminal, s, json.loads(granted.cards)[0], SUPERVISOR)
    assert _written(terminal)[0] == 0


def test_a_purchase_of_anonymous_cards_returned_on_the_day(terminal: Terminal) -> None:
    stock(terminal)
    with terminal.tx() as s:
        sold = card_sales.sell(terminal, s, CardSaleRequest("GIFT1000", count=3), CASHIER)
    drawer = balance(terminal, "cash:drawer")
    with terminal.tx() as s:  # named by any of its cards: all of them go back
        r = card_returns.take_back(terminal, s, "7000000021", SUPERVISOR)
    assert r.cards == json.loads(sold.cards) and r.row.paid_back == D("3000.00")
    assert balance(terminal, "cash:drawer") == drawer - D("3000.00")
    with terminal.read() as s:
        assert {members.find_card(s, c, active_only=False).status for c in r.cards} == {
            "blocked"}
    verified(terminal)
