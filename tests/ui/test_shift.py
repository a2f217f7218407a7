"""The shift screen: open with a float, X report, close with the count and Z report; a
cashier is asked for a supervisor's approval."""

from __future__ import annotations

from decimal import Decimal

from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from pos_app.core import card_sales, shifts
from pos_app.core.card_sales import CardSaleRequest
from pos_app.core.models import AuditEntry, Sale
from pos_app.ui.app import MainWindow
from pos_app.ui.shift import OpenShiftDialog
from tests.core.conftest import COAT, KETTLE
from tests.core.helpers import CASHIER, enroll
from tests.core.test_card_sales import stock
from tests.ui.helpers import approve, idle, login, open_shift_when_offered, scan

D = Decimal


def test_shift_open_x_close_z(qtbot: QtBot, window: MainWindow) -> None:
    login(qtbot, window, "2001", "2222")  # a supervisor: no approval needed
    window.key("F11")
    sh = window.shift
    assert window.current() is sh
    idle(qtbot, window)
    sh.float_field.setText("500")
    window.key("F3")
    idle(qtbot, window)
    assert "500.00" in sh.state.text()
    window.key("F4")
    idle(qtbot, window)
    assert "500.00" in sh.report.toPlainText()
    sh.count_field.setText("480")
    window.key("F5")
    idle(qtbot, window)
    t = window.ctx.terminal
    with t.read() as s:
        last = shifts.last_closed(s)
        assert last is not None
        assert (last.expected_cash, last.counted_cash) == (Decimal("500.00"), Decimal("480.00"))
        assert {a.action for a in s.scalars(select(AuditEntry))} >= {"open_shift", "close_shift"}
    assert "20.00" in sh.message.text()
    z = window.ctx.devices.printed[-1]
    assert z.startswith(b"\x1b@") and b"480.00" in z


def test_a_cashier_opening_a_shift_is_asked_for_approval(qtbot: QtBot, window: MainWindow) -> None:
    login(qtbot, window)
    window.key("F11")
    sh = window.shift
    sh.float_field.setText("300")
    window.key("F3")
    approve(qtbot, window, sh, "2001", "2222")
    idle(qtbot, window)
    with window.ctx.terminal.read() as s:
        cur = shifts.current(s)
        assert cur is not None and cur.opened_by == "1001"
        audit = s.scalars(select(AuditEntry).where(
            AuditEntry.action == "open_shift", AuditEntry.subject == f"shift {cur.shift_no}"
        )).one()
        assert audit.approved_by == "2001"


def test_no_sale_without_a_shift_the_app_offers_to_open_one(
    qtbot: QtBot, window: MainWindow
) -> None:
    win = window
    t = win.ctx.terminal
    login(qtbot, win)
    co = win.checkout
    scan(qtbot, win, KETTLE, 1)
    with t.read() as s:
        sales_before = s.scalar(select(func.count(Sale.id)))
        assert shifts.current(s) is None
    win.key("F12")
    offer = co.findChild(OpenShiftDialog)
    assert offer is not None and offer.isVisible()
    assert win.current() is co  # no payment screen without a shift
    offer.reject()  # the cashier says no: nothing happens
    assert win.current() is co and co.model.rowCount() == 1
    win.key("F12")
    open_shift_when_offered(qtbot, win, co, "300")
    assert win.current() is win.payment  # straight on to the payment
    win.key("F5")
    win.key("F12")
    idle(qtbot, win)
    assert win.current() is co, win.payment.message.text()
    with t.read() as s:
        assert s.scalar(select(func.count(Sale.id))) == sales_before + 1
        x = shifts.x_report(s)
    assert (x.sales_count, x.sales_total, x.cash_float) == (1, D("259.00"), D("300.00"))
    assert x.expected_cash == D("559.00")
    # a second sale in the same shift: no question asked
    scan(qtbot, win, COAT, 1)
    win.key("F12")
    assert win.current() is win.payment
    assert [d for d in co.findChildren(OpenShiftDialog) if d.isVisible()] == []


def test_cards_sold_are_their_own_lines_of_the_x_and_z_report(
        qtbot: QtBot, window: MainWindow) -> None:
    """A card sold for cash (储值卡销售) in the shift: the X report on the shift screen lists
    it apart from the sales, with its tender; the count of float plus its price closes
    with no difference, and the printed Z carries the line."""
    login(qtbot, window, "2001", "2222")
    window.key("F11")
    sh = window.shift
    idle(qtbot, window)
    sh.float_field.setText("500")
    window.key("F3")
    idle(qtbot, window)
    t = window.ctx.terminal
    stock(t)
    enroll(t, "13800138077")
    with t.tx() as s:
        card_sales.sell(t, s, CardSaleRequest("VIP5000", holder="13800138077"), CASHIER)
    window.key("F4")
    idle(qtbot, window)
    report = sh.report.toPlainText()
    assert "储值卡销售 1笔" in report and "￥5,000.00" in report, report
    assert "应有现金" in report and "￥5,500.00" in report, report
    sh.count_field.setText("5500")
    window.key("F5")
    idle(qtbot, window)
    with t.read() as s:
        last = shifts.last_closed(s)
        assert last is not None and last.counted_cash == last.expected_cash == D("5500.00")
    z = window.ctx.devices.printed[-1]
    assert "储值卡销售".encode("gb18030") in z
