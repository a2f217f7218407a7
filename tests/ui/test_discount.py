"""Manual discount (手工折扣): a supervisor approves; it is on each line and in the audit
log with the sale's number."""

from __future__ import annotations

from decimal import Decimal

from pytestqt.qtbot import QtBot
from sqlalchemy import select

from pos_app.core.models import AuditEntry, Sale
from pos_app.core.terminal import Terminal
from pos_app.ui.app import MainWindow
from pos_app.ui.discount import DiscountDialog
from tests.core.conftest import KETTLE, SCARF
from tests.ui.helpers import approve, idle, login, open_shift_when_offered, scan

D = Decimal


def test_a_manual_discount_needs_a_supervisor_and_is_tied_to_the_sale(
    qtbot: QtBot, window: MainWindow, terminal: Terminal
) -> None:
    win = window
    login(qtbot, win)
    co = win.checkout
    scan(qtbot, win, KETTLE, 1)
    scan(qtbot, win, SCARF, 2)
    win.key("Ctrl+T")
    dlg = co.confirming
    assert isinstance(dlg, DiscountDialog)
    dlg.rate_field.setText("0.5")  # not a rate in 折
    dlg.accept()
    assert dlg.isVisible() and dlg.message.text()
    dlg.rate_field.setText("9")  # 9折 on the whole sale
    dlg.whole.setChecked(True)
    dlg.accept()
    assert co.approval is not None  # a cashier may not: a supervisor approves
    assert co.priced is not None and co.priced.total == D("388.00")
    approve(qtbot, win, co, "2001", "2222")
    assert co.priced is not None and co.priced.total == D("349.20")  # 233.10 + 116.10
    assert "手工折扣" in co.model.index(0, 4).data()
    win.key("F12")
    open_shift_when_offered(qtbot, win, co)
    win.key("F5")
    win.key("F12")
    idle(qtbot, win)
    assert win.current() is co, win.payment.message.text()
    with terminal.read() as s:
        sale = s.scalars(select(Sale).order_by(Sale.id.desc())).first()
        assert sale is not None and sale.total == D("349.20") and sale.approved_by == "2001"
        found = [(d.source, d.amount) for ln in sale.lines for d in ln.discounts]
        assert found == [("manual_discount", D("25.90")), ("manual_discount", D("12.90"))]
        row = s.scalars(select(AuditEntry).where(AuditEntry.action == "manual_discount")).one()
        assert row.subject == f"sale {sale.sale_no}" and row.approved_by == "2001"
