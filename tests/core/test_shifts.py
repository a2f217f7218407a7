"""Shifts: open with a float, X report, close with a count and Z report."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import func, select

from pos_app.core import card_returns, card_sales, ledger, refunds, shifts, staff
from pos_app.core.card_sales import CardSaleRequest
from pos_app.core.errors import NotAllowed, NotFound, PosError
from pos_app.core.models import Account, AuditEntry, Sale, Shift, Topup
from pos_app.core.tenders import TenderRequest
from pos_app.core.terminal import Terminal
from tests.core.conftest import KETTLE, SCARF, Clock
from tests.core.helpers import CASHIER, SUPERVISOR, enroll, sell
from tests.core.test_card_sales import stock

D = Decimal


@pytest.fixture
def terminal(bare_terminal: Terminal) -> Terminal:
    """These tests open and close the shifts themselves."""
    return bare_terminal


def test_no_sale_refund_or_top_up_without_an_open_shift(
    terminal: Terminal, clock: Clock
) -> None:
    """Sales, refunds and top-ups need an open shift: refused with the reason, nothing
    written; once the shift is closed, again refused (so a Z never leaves one out)."""
    before = _balance(terminal, "cash:drawer")
    with pytest.raises(shifts.NoShiftOpen, match="no shift is open.*a sale"):
        sell(terminal, [(SCARF, 1)], [TenderRequest("cash")])
    with pytest.raises(shifts.NoShiftOpen, match="a top-up"):
        enroll(terminal, topup="600.00")
    with terminal.read() as s:
        assert s.scalar(select(func.count(Sale.id))) == 0
        assert s.scalar(select(func.count(Topup.id))) == 0
    assert _balance(terminal, "cash:drawer") == before
    with terminal.tx() as s:
        shifts.open_shift(terminal, s, D("500.00"), SUPERVISOR)
    out = sell(terminal, [(KETTLE, 1)], [TenderRequest("cash", D("300.00"))])
    with terminal.tx() as s:
        z = shifts.close_shift(terminal, s, D("759.00"), SUPERVISOR)
    assert (z.sales_count, z.expected_cash, z.difference) == (1, D("759.00"), D("0.00"))
    clock.advance(minutes=1)
    with terminal.tx() as s, pytest.raises(shifts.NoShiftOpen, match="a refund"):
        refunds.refund(terminal, s, out.sale.sale_no, None, SUPERVISOR)
    with terminal.tx() as s, pytest.raises(shifts.NoShiftOpen, match="a void"):
        refunds.void_sale(terminal, s, out.sale.sale_no, SUPERVISOR)
    with terminal.read() as s:
        assert s.scalar(select(func.count(Sale.id))) == 1


def test_cashier_needs_a_supervisor_to_open_and_close(terminal: Terminal) -> None:
    with terminal.tx() as s, pytest.raises(NotAllowed, match="supervisor"):
        shifts.open_shift(terminal, s, D("500.00"), CASHIER)
    with terminal.tx() as s:
        sh = shifts.open_shift(terminal, s, D("500.00"), CASHIER, approver=SUPERVISOR)
        assert (sh.shift_no, sh.status, sh.opened_by) == (1, "open", "1001")
    with terminal.tx() as s, pytest.raises(NotAllowed):
        shifts.close_shift(terminal, s, D("500.00"), CASHIER)
    with terminal.read() as s:
        rows = [(a.action, a.approved_by) for a in s.query(AuditEntry)]
        assert ("open_shift", "2001") in rows
        assert staff.verify_audit(s) == []


def test_one_open_shift_and_bad_floats(terminal: Terminal) -> None:
    with terminal.tx() as s, pytest.raises(PosError, match="negative"):
        shifts.open_shift(terminal, s, D("-1"), SUPERVISOR)
    with terminal.tx() as s, pytest.raises(NotFound):
        shifts.x_report(s)
    with terminal.tx() as s:
        shifts.open_shift(terminal, s, D("200"), SUPERVISOR)
    with terminal.tx() as s, pytest.raises(PosError, match="already open"):
        shifts.open_shift(terminal, s, D("200"), SUPERVISOR)


def test_x_and_z_reports_from_the_cash_drawer_ledger(terminal: Terminal, clock: Clock) -> None:
    with terminal.tx() as s:
        shifts.open_shift(terminal, s, D("500.00"), SUPERVISOR)
    clock.advance(minutes=1)
    card = enroll(terminal, topup="600.00")  # cash top-up: into the drawer
    clock.advance(minutes=1)
    # cash 300 for a 259.00 kettle (no member): 41.00 change, 259.00 stays
    out = sell(terminal, [(KETTLE, 1)], [TenderRequest("cash", D("300.00"))])
    assert out.change == D("41.00")
    clock.advance(minutes=1)
    sell(
        terminal,
        [(SCARF, 1)],
        [TenderRequest("bank_card", reference="REF1")],
        card=card,
    )
    clock.advance(minutes=1)
    with terminal.tx() as s:
        refunds.refund(terminal, s, out.sale.sale_no, None, SUPERVISOR)
    clock.advance(minutes=1)
    with terminal.read() as s:
        x = shifts.x_report(s)
    assert x.sales_count == 2
    assert x.refunds_count == 1
    assert x.topups_count == 1 and x.topups_total == D("600.00")
    assert x.topup_bonus_given == D("50.00")
    assert x.refunds_total == out.sale.total
    assert x.tenders["cash"] == D("0.00")  # sold 259.00 and refunded 259.00
    assert x.tenders["bank_card"] > 0
    assert x.change_given == D("41.00")
    assert x.members_enrolled == 1
    assert x.tender_counts == {"bank_card": 1, "cash": 2}
    assert x.net_sales == x.sales_total - x.refunds_total
    assert x.member_sales_total == x.tenders["bank_card"]
    # float + top-up; the kettle's cash went back with the refund
    assert x.expected_cash == D("1100.00")
    assert x.difference is None
    with terminal.tx() as s:
        z = shifts.close_shift(terminal, s, D("1090.00"), SUPERVISOR)
    assert z.status == "closed" and z.closed_by == "2001"
    assert z.expected_cash == D("1100.00")
    assert z.difference == D("-10.00")
    with terminal.read() as s:
        assert shifts.current(s) is None
        last = shifts.last_closed(s)
        assert last is not None and last.expected_cash == D("1100.00")
        assert last.counted_cash == D("1090.00")
    # the next shift starts from nothing
    clock.advance(minutes=1)
    with terminal.tx() as s:
        sh = shifts.open_shift(terminal, s, D("300"), SUPERVISOR)
        assert sh.shift_no == 2
    with terminal.read() as s:
        x2 = shifts.x_report(s)
    assert (x2.sales_count, x2.expected_cash) == (0, D("300.00"))


def _balance(t: Terminal, code: str) -> int:
    with t.read() as s:
        acc = s.scalars(select(Account).where(Account.code == code)).first()
        return acc.balance if acc else 0


def test_the_drawer_account_holds_the_drawer_and_a_clock_set_back_changes_nothing(
    terminal: Terminal, clock: Clock
) -> None:
    with terminal.tx() as s:
        shifts.open_shift(terminal, s, D("200.00"), SUPERVISOR)
    assert _balance(terminal, "cash:drawer") == 20000
    clock.advance(hours=-3)  # the clock jumps back: the sale still belongs to this shift
    sell(terminal, [(KETTLE, 1)], [TenderRequest("cash", D("300.00"))])
    with terminal.read() as s:
        x = shifts.x_report(s)
    assert (x.sales_count, x.expected_cash) == (1, D("459.00"))
    with terminal.tx() as s:
        z = shifts.close_shift(terminal, s, D("460.00"), SUPERVISOR)
    assert z.difference == D("1.00")  # one yuan over
    assert _balance(terminal, "cash:drawer") == 0
    assert _balance(terminal, "cash:safe") == 46000 - 20000  # counted in, float out
    assert _balance(terminal, "cash:over_short") == -100
    with terminal.read() as s:
        assert ledger.verify(s).ok


def test_cards_sold_and_returned_are_their_own_lines_and_in_the_drawer(
        terminal: Terminal) -> None:
    """A card sold for cash (售卡) and a card returned for cash (退卡) move the drawer: the
    shift whose journal holds them lists them apart from the merchandise sales, by
    tender, and expects their cash; a count that matches closes with no difference."""
    stock(terminal)
    enroll(terminal, "13800138000")
    enroll(terminal, "13900139000", name="李伟")
    with terminal.tx() as s:
        shifts.open_shift(terminal, s, D("500.00"), SUPERVISOR)
        card_sales.sell(terminal, s, CardSaleRequest("VIP5000", holder="13800138000"),
                        CASHIER)
        card_sales.sell(terminal, s, CardSaleRequest("VIP5000", holder="13900139000",
                                                     tender="bank_card"), CASHIER)
        x = shifts.x_report(s)
        assert (x.sales_count, x.card_sales_count, x.card_sales_total, x.card_tenders,
                x.expected_cash) == (0, 2, D("10000.00"),
                                     {"bank_card": D("5000.00"), "cash": D("5000.00")},
                                     D("5500.00"))
        z = shifts.close_shift(terminal, s, D("5500.00"), SUPERVISOR)
        assert z.difference == D("0.00")
    with terminal.tx() as s:  # returned the next shift: its cash leaves that drawer
        shifts.open_shift(terminal, s, D("6000.00"), SUPERVISOR)
        card_returns.take_back(terminal, s, "8901000000019", SUPERVISOR)
        z = shifts.close_shift(terminal, s, D("1000.00"), SUPERVISOR)
        assert (z.card_sales_count, z.card_returns_count, z.card_returns_total,
                z.card_tenders, z.expected_cash, z.difference) == (
            0, 1, D("5000.00"), {"cash": D("-5000.00")}, D("1000.00"), D("0.00"))
        first = shifts.figures(s, s.scalars(select(Shift).where(Shift.shift_no == 1)).one())
        assert (first.card_sales_count, first.card_returns_count) == (2, 0)
    assert _balance(terminal, "cash:over_short") == 0
    with terminal.read() as s:
        assert ledger.verify(s).problems == []
