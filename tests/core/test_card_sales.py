"""Card products: sold at face or, with a supervisor, down to the product's lowest rate
(what was paid is principal, the rest of face bonus, booked to cards:sale_discount; the
seller's commission owed to them); anonymous cards in one purchase up to the real-name
threshold, above it the buyer's ID kept encrypted; a card given by the spending rule;
yearly cards expired and renewed by a top-up; ``ledger verify`` checks every tie."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from pos_app.core import (
    card_sales,
    card_stock,
    entitlements,
    gifts,
    ledger,
    members,
    reconcile,
    stored_value,
)
from pos_app.core.card_sales import CardSaleRequest
from pos_app.core.errors import NotAllowed, PosError
from pos_app.core.models import Account, CardSale, Entitlement, OutboxEvent, StaffCommission
from pos_app.core.staff import Operator
from pos_app.core.terminal import DB_FILE, Terminal

from .conftest import KETTLE, Clock
from .helpers import CASHIER, SUPERVISOR, cash, enroll, sell, sv

D = Decimal
MANAGER = Operator("3001", "manager")


def stock(t: Terminal) -> None:
    with t.tx() as s:
        for product, media, start, n in (("VIP5000", "ic", "890100000001", 5),
                                         ("GIFT1000", "magstripe", "700000001", 20)):
            b = card_stock.create_batch(t, s, product, media, start, n, MANAGER)
            card_stock.receive(t, s, SUPERVISOR, batch_no=b.batch_no)


def balance(t: Terminal, code: str) -> Decimal:
    with t.read() as s:
        acc = s.scalars(select(Account).where(Account.code == code)).one()
        return ledger.yuan(acc.balance)


def verified(t: Terminal) -> None:
    with t.read() as s:
        assert ledger.verify(s).problems == [] and reconcile.verify(s) == []


def test_sold_at_face_and_below_face_with_commission(terminal: Terminal) -> None:
    stock(terminal)
    wang = enroll(terminal, "13800138000", id_number="110101199003074514",
                  birthday=date(1990, 3, 7))
    li = enroll(terminal, "13900139000", name="李伟")
    with terminal.tx() as s:
        card_sales.sell(terminal, s, CardSaleRequest("VIP5000", holder="13800138000"), CASHIER)
    with pytest.raises(NotAllowed, match="needs a supervisor"), terminal.tx() as s:
        card_sales.sell(terminal, s, CardSaleRequest("VIP5000", holder=li, price=D("4000")),
                        CASHIER)
    with pytest.raises(PosError, match="at ￥4,000.00 at the least"), terminal.tx() as s:
        card_sales.sell(terminal, s, CardSaleRequest("VIP5000", holder=li, price=D("3999.99")),
                        CASHIER, SUPERVISOR)
    with terminal.tx() as s:
        cs = card_sales.sell(terminal, s, CardSaleRequest(
            "VIP5000", holder=li, price=D("4000.00"), tender="bank_card", seller="1001"),
            CASHIER, SUPERVISOR)
        assert (cs.paid, cs.face, cs.commission, cs.approved_by) == (
            D("4000.00"), D("5000.00"), D("800.00"), "2001")
    with terminal.read() as s:
        sold = members.find_card(s, "8901000000027")
        assert members.sv_balance(s, sold) == (D("4000.00"), D("1000.00"))
        assert members.holder_name(terminal, sold) == "李伟"
        assert sold.member_id != members.find_card(s, wang).member_id
        first = members.find_card(s, "8901000000019")
        assert members.sv_balance(s, first) == (D("5000.00"), D("0.00"))
        sc = card_stock.of_card(s, sold)
        assert sc is not None and sc.status == "active" and sc.valid_until is not None
        assert sc.valid_until.date() == (terminal.now() + timedelta(days=365)).date()
        assert [m.to_status for m in card_stock.history(s, sold.card_no)][-2:] == [
            "sold", "active"]
    with terminal.read() as s:  # the product's check-up came with each card, for a year
        got = s.scalars(select(Entitlement).order_by(Entitlement.id)).all()
        assert [(e.card_no, e.service, e.count) for e in got] == [
            ("8901000000019", "checkup", 1), ("8901000000027", "checkup", 1)]
        commissions = s.scalars(select(StaffCommission).order_by(StaffCommission.id)).all()
        assert [(c.staff, c.amount) for c in commissions] == [
            ("1001", D("1000.00")), ("1001", D("800.00"))]
    assert balance(terminal, "cards:sale_discount") == D("1000.00")
    # owed to 1001: 20 % of the 5,000 paid at face and of the 4,000 paid below face
    assert balance(terminal, "staff:commission:1001") == D("-1800.00")
    assert balance(terminal, "bank_card:clearing") == D("4000.00")
    verified(terminal)


def test_anonymous_cards_and_the_real_name_threshold(terminal: Terminal) -> None:
    stock(terminal)
    with pytest.raises(PosError, match="reaches the real-name threshold"), terminal.tx() as s:
        card_sales.sell(terminal, s, CardSaleRequest("GIFT1000", count=10), CASHIER)
    with pytest.raises(PosError, match="takes no holder"), terminal.tx() as s:
        card_sales.sell(terminal, s, CardSaleRequest("GIFT1000", holder="13800138000"),
                        CASHIER)
    with terminal.tx() as s:
        card_sales.sell(terminal, s, CardSaleRequest("GIFT1000", count=9), CASHIER)
        cs = card_sales.sell(terminal, s, CardSaleRequest(
            "GIFT1000", count=10, buyer_name="张三", buyer_id_number="11010519491231002X"),
            CASHIER)
        no = cs.sale_no
    with pytest.raises(PosError, match="3 GIFT1000 cards wanted; 1 left"), terminal.tx() as s:
        card_sales.sell(terminal, s, CardSaleRequest("GIFT1000", count=3), CASHIER)
    with terminal.read() as s:
        cs = s.scalars(select(CardSale).where(CardSale.sale_no == no)).one()
        assert cs.buyer_id_enc and terminal.vault.decrypt("id_number", cs.buyer_id_enc) == \
            "11010519491231002X"
        assert terminal.vault.open("name", cs.buyer_name_enc) == "张三"
        card = members.find_card(s, "7000000104")  # the 10th card of the batch
        assert card.member.anonymous and members.sv_balance(s, card)[0] == D("1000.00")
        kinds = [e.kind for e in s.scalars(select(OutboxEvent))]
        assert kinds.count("card_sale") == 2
    raw = sqlite3.connect(terminal.data_dir / DB_FILE).execute(
        "select buyer_name_enc, buyer_id_enc from card_sales where sale_no = ?", (no,)).fetchone()
    assert "张三".encode() not in raw[0] and b"11010519491231002X" not in raw[1]  # sealed
    # stored value is spent, never paid out: a cash refund of a card sale does not exist
    with pytest.raises(PosError, match="over the ￥1,000.00 cap"), terminal.tx() as s:
        stored_value.topup(terminal, s, "7000000104", D("1.00"), "cash", CASHIER)
    verified(terminal)


def test_a_card_given_by_the_spending_rule_once_a_year(terminal: Terminal) -> None:
    stock(terminal)
    card = enroll(terminal, "13800138000")
    with pytest.raises(PosError, match="spent ￥0.00 in 12 months"), terminal.tx() as s:
        card_sales.grant(terminal, s, "VIP5000", card, SUPERVISOR)
    for _ in range(2):  # a big spender: ¥103,600 in a year
        sell(terminal, [(KETTLE, 400)], [cash()], card=card)
    with terminal.tx() as s:
        cs = card_sales.grant(terminal, s, "VIP5000", card, SUPERVISOR)
        assert (cs.kind, cs.paid, cs.commission) == ("grant", D("0.00"), D("0.00"))
        given = members.find_card(s, json_first(cs.cards))
        assert members.sv_balance(s, given) == (D("0.00"), D("5000.00"))
    with pytest.raises(PosError, match="given a VIP5000 card this year"), terminal.tx() as s:
        card_sales.grant(terminal, s, "VIP5000", card, SUPERVISOR)
    assert balance(terminal, "cards:granted") == D("5000.00")
    verified(terminal)


def json_first(cards: str) -> str:
    import json

    return str(json.loads(cards)[0])


def test_a_yearly_card_expires_and_a_top_up_renews_it(terminal: Terminal, clock: Clock) -> None:
    stock(terminal)
    enroll(terminal, "13800138000")
    with terminal.tx() as s:
        card_sales.sell(terminal, s, CardSaleRequest("VIP5000", holder="13800138000"), CASHIER)
    vip = "8901000000019"
    sell(terminal, [(KETTLE, 1)], [sv()], card=vip)  # room under the cap
    clock.advance(days=364)
    with terminal.tx() as s:
        assert card_stock.expire_due(terminal, s, MANAGER) == []
    clock.advance(days=2)
    with terminal.tx() as s:
        assert card_stock.expire_due(terminal, s, MANAGER) == [vip]
    with pytest.raises(PosError, match="is expired: it cannot be used"), terminal.read() as s:
        members.find_card(s, vip)
    with terminal.tx() as s:  # the top-up renews it, a year from today
        stored_value.topup(terminal, s, vip, D("100"), "cash", CASHIER)
    with terminal.read() as s:
        card = members.find_card(s, vip)
        sc = card_stock.of_card(s, card)
        assert sc is not None and sc.valid_until is not None
        today = terminal.now().date()
        assert sc.valid_until.astimezone(terminal.program.timezone).date() == today.replace(
            year=today.year + 1)
        assert [m.to_status for m in card_stock.history(s, vip)][-2:] == ["expired", "active"]
    verified(terminal)


def test_a_stock_card_issued_at_enrollment_brings_its_services(terminal: Terminal) -> None:
    stock(terminal)
    with terminal.tx() as s:
        m = card_sales.enroll(terminal, s, members.Enrollment(
            name="李雷", phone="13912345678", card_no="8901000000035"), CASHIER)
        card_sales.enroll(terminal, s, members.Enrollment(name="韩梅", phone="13912345679"),
                          CASHIER)
        got = s.scalars(select(Entitlement)).all()
        assert [(e.member_uid, e.card_no, e.service) for e in got] == [
            (m.uid, "8901000000035", "checkup")]


def test_a_yearly_card_past_its_date_is_refused_before_it_is_marked_expired(
        terminal: Terminal, clock: Clock) -> None:
    """Past its validity a yearly card is refused at every use (a sale, points for a gift,
    a service) as a blocked card is, though ``card expire`` has not run; the renewal
    top-up its product allows is taken and makes it usable again."""
    stock(terminal)
    enroll(terminal, "13800138000")
    with terminal.tx() as s:
        card_sales.sell(terminal, s, CardSaleRequest("VIP5000", holder="13800138000"), CASHIER)
    vip = "8901000000019"
    sell(terminal, [(KETTLE, 1)], [sv()], card=vip)  # within its year
    with terminal.read() as s:
        sc = card_stock.of_card(s, members.find_card(s, vip))
        assert sc is not None and sc.valid_until is not None
        until = sc.valid_until.astimezone(terminal.program.timezone).date().isoformat()
    clock.advance(days=366)
    refused = f"card 8901\\*+0019 was valid until {until}: it cannot be used"
    with pytest.raises(PosError, match=refused):
        sell(terminal, [(KETTLE, 1)], [sv()], card=vip)
    with pytest.raises(PosError, match=refused):
        sell(terminal, [(KETTLE, 1)], [cash()], card=vip)
    with pytest.raises(PosError, match=refused), terminal.tx() as s:
        gifts.redeem(terminal, s, vip, "UMBRELLA", CASHIER)
    with pytest.raises(PosError, match=refused), terminal.tx() as s:
        entitlements.use(terminal, s, vip, "checkup", CASHIER)
    with terminal.read() as s:  # refused at use, still as it was: active, its value kept
        card = members.find_card(s, vip, active_only=False)
        assert card.status == "active"
        assert members.sv_balance(s, card)[0] > 0
    with terminal.tx() as s:  # the renewal top-up: another year from today
        stored_value.topup(terminal, s, vip, D("100"), "cash", CASHIER)
    sell(terminal, [(KETTLE, 1)], [sv()], card=vip)
    verified(terminal)
