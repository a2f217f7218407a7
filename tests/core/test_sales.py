"""Sales and refunds on the real SQLite ledger: the worked example as a sale, tenders,
points, stored value, refunds that give back exactly what was paid, and a ledger that
verifies after each."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import func, select

from pos_app.core import ledger, members, refunds, sales
from pos_app.core.errors import NotAllowed, PosError
from pos_app.core.models import Entry, Journal, Sale
from pos_app.core.staff import CONSOLE
from pos_app.core.tenders import TenderRequest
from pos_app.core.terminal import Terminal

from .conftest import COAT, KETTLE, LIPSTICK, SCARF, SOCKS, TEA, Clock
from .helpers import CASHIER, SUPERVISOR, cash, enroll, member_state, points, sell, sv

D = Decimal


def verify_ok(t: Terminal) -> None:
    with t.read() as s:
        rep = ledger.verify(s)
    assert rep.problems == []


def give_points(t: Terminal, card: str, clock: Clock) -> None:
    """A regular purchase the month before, so the member has points to spend."""
    clock.advance(days=-30)
    sell(t, [(KETTLE, 4)], [cash()], card=card)
    clock.advance(days=30)


def test_worked_example_as_a_sale(terminal: Terminal, clock: Clock) -> None:
    card = enroll(terminal, tier="silver")
    give_points(terminal, card, clock)
    _, _, pts_before = member_state(terminal, card)
    out = sell(
        terminal,
        [(COAT, 1), (SCARF, 2), (LIPSTICK, 1)],
        [points(200), cash()],
        card=card,
        coupon="D11-50-0001",
    )
    sale = out.sale
    assert sale.total == D("883.15")
    assert [ln.amount for ln in sale.lines] == [D("490.21"), D("180.94"), D("212.00")]
    assert [(t.kind, t.amount, t.points) for t in sale.tenders] == [
        ("points", D("20.00"), 200),
        ("cash", D("863.15"), 0),
    ]
    assert out.points_earned == 1035
    assert sum(ln.points_earned for ln in sale.lines) == 1035
    _, _, pts_after = member_state(terminal, card)
    assert pts_after == pts_before - 200 + 1035
    verify_ok(terminal)


def test_receipt_numbers_and_sequence_have_no_gaps(terminal: Terminal) -> None:
    for _ in range(3):
        sell(terminal, [(TEA, 1)], [cash()])
    with pytest.raises(PosError):
        sell(terminal, [(TEA, 1)], [cash("1.00")])  # refused: nothing written
    sell(terminal, [(TEA, 1)], [cash()])
    with terminal.read() as s:
        nos = list(s.scalars(select(Sale.sale_no).order_by(Sale.id)))
        seqs = list(s.scalars(select(Journal.seq).order_by(Journal.seq)))
    assert nos == [f"S001-T01-00000{i}" for i in range(1, 5)]
    assert seqs == list(range(1, len(seqs) + 1))
    verify_ok(terminal)


def test_cash_change_and_split_tenders(terminal: Terminal) -> None:
    out = sell(
        terminal,
        [(KETTLE, 1)],
        [TenderRequest("bank_card", D("59.00"), reference="POS 123456"), cash("500.00")],
    )
    assert out.change == D("300.00")
    assert [(t.kind, t.amount) for t in out.sale.tenders] == [
        ("bank_card", D("59.00")),
        ("cash", D("200.00")),
    ]
    verify_ok(terminal)


@pytest.mark.parametrize(
    "tenders,message",
    [
        ([cash("10.00")], "tenders cover ￥10.00 of ￥259.00"),
        ([TenderRequest("bank_card", D("300.00"))], "only cash gives change"),
        ([TenderRequest("bank_card"), cash()], "only the last tender"),
        ([points(100), cash()], "points can pay only when a member is attached"),
        ([sv()], "stored value pays only when the member's card is presented"),
        ([], "at least one tender"),
    ],
)
def test_bad_tenders_write_nothing(terminal: Terminal, tenders, message) -> None:  # type: ignore[no-untyped-def]
    with terminal.read() as s:
        before = s.scalar(select(func.count(Entry.id)))
    with pytest.raises(PosError, match=message.replace("(", r"\(").replace(")", r"\)")):
        sell(terminal, [(KETTLE, 1)], tenders)
    with terminal.read() as s:
        assert s.scalar(select(func.count(Entry.id))) == before
        assert s.scalar(select(func.count(Sale.id))) == 0


def test_points_rules(terminal: Terminal, clock: Clock) -> None:
    card = enroll(terminal)
    give_points(terminal, card, clock)  # 1036 points
    with pytest.raises(PosError, match="whole units of 100"):
        sell(terminal, [(COAT, 1)], [points(150), cash()], card=card)
    with pytest.raises(PosError, match=r"at most ￥10.00 of this sale"):
        sell(terminal, [(SOCKS, 1)], [points(200), cash()], card=card)  # 39.90: half is 19.95
    with pytest.raises(PosError, match="member has 1036 points; 1100 asked"):
        sell(terminal, [(COAT, 2)], [points(1100), cash()], card=card)


def test_stored_value_principal_first_and_pay_discount(terminal: Terminal) -> None:
    card = enroll(terminal, topup="1000.00")  # +120 bonus
    assert member_state(terminal, card) == (D("1000.00"), D("120.00"), 0)
    out = sell(terminal, [(COAT, 1)], [sv()], card=card)
    # step 6: paid wholly from stored value -> x0.98 (the demo promotions give 满减 first)
    assert out.sale.pay_discount_applied
    assert out.sale.total == D("489.02")  # (699 - 200) x 0.98
    tender = out.sale.tenders[0]
    assert (tender.principal, tender.bonus) == (D("489.02"), D("0.00"))
    assert member_state(terminal, card)[:2] == (D("510.98"), D("120.00"))
    # no points on the stored-value part (earn_on_stored_value = false)
    assert out.points_earned == 0
    out2 = sell(terminal, [(COAT, 1)], [sv()], card=card)  # 489.02 > 510.98? principal then bonus
    assert out2.sale.tenders[0].principal == D("489.02")
    out3 = sell(terminal, [(KETTLE, 1)], [sv("100.00"), cash()], card=card)
    assert not out3.sale.pay_discount_applied
    assert (out3.sale.tenders[0].principal, out3.sale.tenders[0].bonus) == (D("21.96"), D("78.04"))
    verify_ok(terminal)


def test_refund_needs_a_supervisor(terminal: Terminal) -> None:
    out = sell(terminal, [(TEA, 1)], [cash()])
    with terminal.tx() as s, pytest.raises(NotAllowed, match="needs a supervisor"):
        refunds.refund(terminal, s, out.sale.sale_no, None, CASHIER)
    with terminal.tx() as s:
        r = refunds.refund(terminal, s, out.sale.sale_no, None, CASHIER, approver=SUPERVISOR)
        assert r.refund.approved_by == "2001"


def test_partial_then_full_refund_gives_back_exactly(terminal: Terminal, clock: Clock) -> None:
    card = enroll(terminal, tier="silver", topup="2000.00")
    give_points(terminal, card, clock)
    before = member_state(terminal, card)
    out = sell(
        terminal,
        [(COAT, 1), (SCARF, 2), (LIPSTICK, 1)],
        [points(200), sv("300.00"), cash()],
        card=card,
        coupon="D11-50-0001",
    )
    sale_no = out.sale.sale_no
    with terminal.tx() as s:
        r1 = refunds.refund(terminal, s, sale_no, [(2, 1)], SUPERVISOR)
        assert r1.refund.total == D("90.47")  # half of the scarf line 180.94
        assert not r1.coupon_returned
    with terminal.tx() as s:
        r2 = refunds.refund(terminal, s, sale_no, None, SUPERVISOR)  # the rest
        assert r2.coupon_returned
    assert r1.refund.total + r2.refund.total == out.sale.total
    by_kind: dict[str, Decimal] = {}
    for r in (r1, r2):
        for tr in r.tenders:
            by_kind[tr.kind] = by_kind.get(tr.kind, D(0)) + tr.amount
    assert by_kind == {t.kind: t.amount for t in out.sale.tenders}
    assert r1.points_taken_back + r2.points_taken_back == out.points_earned
    assert r1.points_returned + r2.points_returned == 200
    assert member_state(terminal, card) == before
    # the coupon can be used again
    sell(terminal, [(COAT, 1)], [cash()], coupon="D11-50-0001")
    with terminal.tx() as s, pytest.raises(PosError, match="already fully refunded"):
        refunds.refund(terminal, s, sale_no, None, SUPERVISOR)
    verify_ok(terminal)


def test_refund_bad_lines(terminal: Terminal) -> None:
    out = sell(terminal, [(SCARF, 2)], [cash()])
    no = out.sale.sale_no
    for lines, msg in [
        ([(3, None)], "has no line 3"),
        ([(1, 3)], "only 2 of 2"),
        ([(1, 0)], "at least 1"),
    ]:
        with terminal.tx() as s, pytest.raises(PosError, match=msg):
            refunds.refund(terminal, s, no, lines, SUPERVISOR)
    with terminal.tx() as s, pytest.raises(PosError, match="no sale"):
        refunds.refund(terminal, s, "S001-T01-999999", None, SUPERVISOR)


def test_refund_takes_back_points_already_spent_as_owed(terminal: Terminal) -> None:
    card = enroll(terminal)
    out = sell(terminal, [(KETTLE, 4)], [cash()], card=card)  # 1036 points
    coat = sell(terminal, [(COAT, 1)], [points(1000), cash()], card=card)
    assert coat.points_earned == 399  # 499.00 less ￥100 paid by points
    with terminal.tx() as s:
        r = refunds.refund(terminal, s, out.sale.sale_no, None, SUPERVISOR)
    assert r.points_taken_back == 1036
    assert member_state(terminal, card)[2] == 36 + 399 - 1036  # owed points show as negative
    verify_ok(terminal)
    # the next points earned pay off what is owed first
    sell(terminal, [(KETTLE, 4)], [cash()], card=card)
    assert member_state(terminal, card)[2] == 36 + 399 - 1036 + 1036
    verify_ok(terminal)


def test_price_override_needs_approval_and_is_audited(terminal: Terminal) -> None:
    req = sales.SaleRequest(lines=[sales.LineRequest(KETTLE, 1, D("199.00"))], tenders=[cash()])
    with terminal.tx() as s, pytest.raises(NotAllowed, match="price override"):
        sales.make_sale(terminal, s, req, CASHIER)
    with terminal.tx() as s:
        out = sales.make_sale(terminal, s, req, CASHIER, approver=SUPERVISOR)
    assert out.sale.total == D("199.00")
    assert out.sale.approved_by == "2001"


def test_supplementary_card_limits(terminal: Terminal) -> None:
    card = enroll(terminal, topup="1000.00")
    with terminal.tx() as s:
        sub = members.supplementary(
            terminal,
            s,
            card,
            CONSOLE,
            holder_name="王小芳",
            limit_per_sale=D("300.00"),
            limit_per_day=D("400.00"),
        )
        sub_no = sub.card_no
    with pytest.raises(PosError, match="at most ￥300.00 per sale"):
        sell(terminal, [(COAT, 1)], [sv("400.00"), cash()], card=sub_no)
    sell(terminal, [(KETTLE, 1)], [sv()], card=sub_no)
    with pytest.raises(PosError, match="already spent today"):
        sell(terminal, [(KETTLE, 1)], [sv("200.00"), cash()], card=sub_no)
    with pytest.raises(PosError, match="supplementary card cannot pay with the main"):
        sell(terminal, [(KETTLE, 1)], [points(100), cash()], card=sub_no)
    # it spends from the main card's account
    p, b, _ = member_state(terminal, card)
    assert p + b == D("1120.00") - D("253.82")  # 259 x 0.98 pay discount
    verify_ok(terminal)


def test_unknown_item_and_bad_quantity(terminal: Terminal) -> None:
    with pytest.raises(PosError, match="'0000000000000' .* is not in the catalog"):
        sell(terminal, [("0000000000000", 1)], [cash()])
    with pytest.raises(PosError, match="quantity must be 1 to 9999"):
        sell(terminal, [(TEA, 0)], [cash()])


def test_void_after_payment_needs_a_supervisor_and_reverses_all(terminal: Terminal) -> None:
    from pos_app.core.models import AuditEntry

    card = enroll(terminal, topup="500.00")
    before = member_state(terminal, card)
    out = sell(terminal, [(KETTLE, 1), (TEA, 1)], [sv("100.00"), cash()], card=card)
    with terminal.tx() as s, pytest.raises(NotAllowed, match="void after payment needs"):
        refunds.void_sale(terminal, s, out.sale.sale_no, CASHIER)
    with terminal.tx() as s:
        v = refunds.void_sale(terminal, s, out.sale.sale_no, CASHIER, approver=SUPERVISOR)
    assert v.refund.total == out.sale.total
    assert member_state(terminal, card) == before
    with terminal.read() as s:
        last = s.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
        assert last is not None and (last.action, last.approved_by) == ("void", "2001")
    verify_ok(terminal)
