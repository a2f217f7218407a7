"""Gifts through the core: stock received and counted by a supervisor, a gift for
points at the member counter and at the checkout, a gift with a purchase (满赠) by the
one quote while stock lasts, and a refund that takes the gift back or keeps its value."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import select

from pos_app.core import gifts, ledger, pricing, refunds, sales
from pos_app.core.errors import NotAllowed, NotFound, PosError
from pos_app.core.models import GiftMove, OutboxEvent, SaleGift
from pos_app.core.program import parse_program
from pos_app.core.terminal import Terminal
from pos_app.demo import PROGRAM

from .conftest import CREAM, KETTLE, LIPSTICK, Clock
from .helpers import CASHIER, SUPERVISOR, cash, enroll, member_state, sell

D = Decimal


def receive(t: Terminal, code: str, qty: int) -> None:
    with t.tx() as s:
        gifts.receive(t, s, code, qty, SUPERVISOR, "delivery 12/02")


def stock(t: Terminal) -> dict[str, int]:
    with t.read() as s:
        return gifts.stock(s, t.program)


def verify_ok(t: Terminal) -> None:
    with t.read() as s:
        assert ledger.verify(s).problems == []


def earn_points(t: Terminal, card: str, clock: Clock, items: int = 4) -> None:
    clock.advance(days=-30)
    sell(t, [(KETTLE, items)], [cash()], card=card)
    clock.advance(days=30)


def test_stock_received_counted_and_refused(terminal: Terminal) -> None:
    receive(terminal, "UMBRELLA", 10)
    assert stock(terminal) == {"BEAUTY-SET": 0, "UMBRELLA": 10}
    with terminal.tx() as s:
        mv = gifts.count(terminal, s, "UMBRELLA", 8, SUPERVISOR, "two damaged")
        assert mv is not None and mv.qty == -2 and mv.kind == "adjust"
        assert gifts.count(terminal, s, "UMBRELLA", 8, SUPERVISOR, "recount") is None
    assert stock(terminal)["UMBRELLA"] == 8
    with terminal.tx() as s:
        kinds = [e.kind for e in s.scalars(select(OutboxEvent).order_by(OutboxEvent.seq))]
    assert kinds.count("gift_stock") == 2
    with pytest.raises(NotAllowed, match="needs a supervisor"), terminal.tx() as s:
        gifts.receive(terminal, s, "UMBRELLA", 1, CASHIER)
    with pytest.raises(NotFound, match="no gift 'KITE'") as e, terminal.tx() as s:
        gifts.receive(terminal, s, "KITE", 1, SUPERVISOR)
    assert e.value.msg.code == "gift.unknown"
    for qty in (0, -3, 100_001):
        with pytest.raises(PosError, match="gift quantity must be 1 to"), terminal.tx() as s:
            gifts.receive(terminal, s, "UMBRELLA", qty, SUPERVISOR)
    with pytest.raises(PosError, match="needs a reason"), terminal.tx() as s:
        gifts.count(terminal, s, "UMBRELLA", 3, SUPERVISOR, " ")
    assert stock(terminal)["UMBRELLA"] == 8


def test_redeem_at_the_counter(terminal: Terminal, clock: Clock) -> None:
    card = enroll(terminal)
    earn_points(terminal, card, clock, items=4)
    before = member_state(terminal, card)[2]
    with pytest.raises(PosError, match="out of stock") as e, terminal.tx() as s:
        gifts.redeem(terminal, s, card, "UMBRELLA", CASHIER)
    assert e.value.msg.code == "gift.out_of_stock"
    receive(terminal, "UMBRELLA", 2)
    receive(terminal, "BEAUTY-SET", 1)
    with terminal.tx() as s:
        r = gifts.redeem(terminal, s, card, "UMBRELLA", CASHIER)
        assert (r.move.points, r.points_left) == (500, before - 500)
        assert r.move.journal_id is not None
    assert member_state(terminal, card)[2] == before - 500
    left = before - 500
    assert left < 1200
    with pytest.raises(PosError, match=f"has {left} points; 1200 asked"), terminal.tx() as s:
        gifts.redeem(terminal, s, card, "BEAUTY-SET", CASHIER)
    assert stock(terminal) == {"BEAUTY-SET": 1, "UMBRELLA": 1}
    verify_ok(terminal)
    with terminal.read() as s:
        ev = s.scalars(select(OutboxEvent).where(OutboxEvent.kind == "gift_redeemed")).one()
    assert '"points":500' in ev.payload and '"value":"50.00"' in ev.payload


def test_gift_with_purchase_while_stock_lasts(terminal: Terminal) -> None:
    items = [(LIPSTICK, 1), (CREAM, 1)]  # cosmetics 320 + 458 = 778 (no member)
    out = sell(terminal, items, [cash()])
    assert out.priced is not None and out.priced.gifts == []
    assert out.priced.gifts_out_of_stock == ["D11-GWP"]
    receive(terminal, "UMBRELLA", 1)
    out = sell(terminal, items, [cash()])
    assert out.priced is not None
    assert [(g.gift, g.value, g.choices) for g in out.priced.gifts] == [
        ("UMBRELLA", D("50.00"), ("UMBRELLA",))]
    assert out.sale.total == D("778.00")  # the gift costs nothing
    assert stock(terminal)["UMBRELLA"] == 0
    out = sell(terminal, [(LIPSTICK, 1)], [cash()])  # 320 < 500: no gift
    assert out.priced is not None and out.priced.gifts == []


def test_customer_chooses_the_gift(terminal: Terminal) -> None:
    receive(terminal, "UMBRELLA", 3)
    receive(terminal, "BEAUTY-SET", 1)
    req = sales.SaleRequest(lines=[sales.LineRequest(CREAM, 2)], tenders=[cash()],
                            gift_choices={"D11-GWP": "BEAUTY-SET"})
    with terminal.tx() as s:
        out = sales.make_sale(terminal, s, req, CASHIER)
        (sg,) = gifts.of_sale(s, out.sale.id)
        assert (sg.gift_code, sg.value, sg.source) == ("BEAUTY-SET", D("120.00"), "promotion")
    # out of stock now: the choice is refused, nothing written
    with pytest.raises(PosError, match="out of stock"), terminal.tx() as s:
        sales.make_sale(terminal, s, req, CASHIER)
    bad = sales.SaleRequest(lines=[sales.LineRequest(CREAM, 2)], tenders=[cash()],
                            gift_choices={"D11-GWP": "KITE"})
    with pytest.raises(PosError, match="not one of promotion D11-GWP's gifts"), \
            terminal.tx() as s:
        sales.make_sale(terminal, s, bad, CASHIER)
    assert stock(terminal) == {"BEAUTY-SET": 0, "UMBRELLA": 3}


def test_gift_for_points_at_the_checkout(terminal: Terminal, clock: Clock) -> None:
    card = enroll(terminal)
    earn_points(terminal, card, clock)
    receive(terminal, "UMBRELLA", 1)
    pts = member_state(terminal, card)[2]
    req = sales.SaleRequest(lines=[sales.LineRequest(KETTLE, 1)], tenders=[cash()],
                            member_card=card, gifts_for_points=["UMBRELLA"])
    with terminal.tx() as s:
        out = sales.make_sale(terminal, s, req, CASHIER)
        (sg,) = gifts.of_sale(s, out.sale.id)
        assert (sg.source, sg.points) == ("points", 500)
    assert member_state(terminal, card)[2] == pts - 500 + out.points_earned
    nobody = sales.SaleRequest(lines=[sales.LineRequest(KETTLE, 1)], tenders=[cash()],
                               gifts_for_points=["UMBRELLA"])
    with pytest.raises(PosError, match="needs a member card"), terminal.tx() as s:
        sales.make_sale(terminal, s, nobody, CASHIER)
    verify_ok(terminal)


def test_refund_takes_the_gift_back(terminal: Terminal) -> None:
    receive(terminal, "UMBRELLA", 1)
    out = sell(terminal, [(LIPSTICK, 1), (CREAM, 1)], [cash()])
    with terminal.tx() as s:  # the cream back: 320 left, below 500
        r = refunds.refund(terminal, s, out.sale.sale_no, [(2, 1)], SUPERVISOR)
        sg = s.scalars(select(SaleGift)).one()
        assert (sg.settled_by, sg.settled_as) == (r.refund.sale_no, "returned")
        assert r.refund.total == D("458.00")
    assert stock(terminal)["UMBRELLA"] == 1
    verify_ok(terminal)


def test_refund_keeps_the_value_where_the_program_says(terminal: Terminal) -> None:
    text = PROGRAM.read_text("utf-8").replace('on_refund = "take_back"',
                                              'on_refund = "deduct_value"')
    terminal.program = parse_program(text)
    receive(terminal, "UMBRELLA", 1)
    out = sell(terminal, [(CREAM, 2)], [cash()])  # 916.00
    with terminal.tx() as s:  # one cream back: 458 left, below 500
        r = refunds.refund(terminal, s, out.sale.sale_no, [(1, 1)], SUPERVISOR)
        sg = s.scalars(select(SaleGift)).one()
        assert sg.settled_as == "deducted"
        kept = s.scalars(select(GiftMove).where(GiftMove.kind == "kept")).one()
        assert (kept.value, kept.qty, kept.sale_no) == (D("50.00"), 0, r.refund.sale_no)
    assert stock(terminal)["UMBRELLA"] == 0  # the customer kept it
    with terminal.tx() as s:  # the rest back: the gift is settled once only
        refunds.refund(terminal, s, out.sale.sale_no, None, SUPERVISOR)
        assert len(s.scalars(select(GiftMove).where(GiftMove.kind == "kept")).all()) == 1
    verify_ok(terminal)


def test_quote_step_4b_is_pure(terminal: Terminal) -> None:
    """The quote gives the gift from the step-4 subtotal of the promotion's lines; with
    no stock figures every gift is taken as in stock."""
    from pos_app.core.pricing import CartItem

    items = [CartItem("CREAM-007", "cream", "cosmetics", D("458.00"), qty=2)]
    q = pricing.quote(terminal.program, items, terminal.now())
    assert [g.gift for g in q.gifts] == ["BEAUTY-SET"]
    q = pricing.quote(terminal.program, items, terminal.now(), gift_stock={"UMBRELLA": 1})
    assert [g.gift for g in q.gifts] == ["UMBRELLA"]
    with pytest.raises(pricing.PricingError, match="no gift-with-purchase promotion X"):
        pricing.quote(terminal.program, items, terminal.now(), gift_choices={"X": "UMBRELLA"})
