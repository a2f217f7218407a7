"""Destructive counter actions ask first, with a reason where one is owed: cancelling the
whole sale (整单取消, a supervisor above the set amount); detaching the member."""

from __future__ import annotations

from decimal import Decimal

from pytestqt.qtbot import QtBot
from sqlalchemy import select

from pos_app.core.models import AuditEntry
from pos_app.core.terminal import Terminal
from pos_app.ui.app import MainWindow
from tests.core.conftest import COAT, KETTLE, SCARF, SILVER_PHONE
from tests.ui.helpers import approve, idle, login, scan

D = Decimal


def test_cancel_the_whole_sale_with_a_reason_and_detach_the_member(
    qtbot: QtBot, window: MainWindow, terminal: Terminal
) -> None:
    win = window
    login(qtbot, win)
    co = win.checkout
    co.member_field.setText(SILVER_PHONE)
    co.member_field.returnPressed.emit()
    idle(qtbot, win)
    scan(qtbot, win, SCARF, 1)
    assert co.priced is not None
    member_total = co.priced.total
    win.key("Ctrl+M")  # the wrong card was read: the member comes off, prices follow
    assert co.cart.member is None and co.cart.member_card is None
    assert co.priced is not None and co.priced.total == D("129.00") != member_total
    # a small cart: the cashier cancels it, with a reason
    win.key("Ctrl+N")
    dlg = co.confirming
    assert dlg is not None
    dlg.accept()  # no reason yet: refused, still asking
    assert dlg.isVisible() and co.model.rowCount() == 1
    dlg.reason.setCurrentIndex(1)  # scanned in error
    dlg.accept()
    idle(qtbot, win)
    assert co.model.rowCount() == 0
    # above the set amount (500.00) a supervisor approves
    scan(qtbot, win, COAT, 1)
    scan(qtbot, win, KETTLE, 2)
    assert co.priced is not None and co.priced.total > D("500.00")
    total = co.priced.total
    win.key("Ctrl+N")
    dlg = co.confirming
    assert dlg is not None
    dlg.reason.setEditText("顾客改主意")
    dlg.accept()
    assert co.approval is not None and co.model.rowCount() == 2
    approve(qtbot, win, co, "2001", "2222")
    assert co.model.rowCount() == 0
    with terminal.read() as s:
        rows = s.scalars(select(AuditEntry).where(AuditEntry.action == "cancel_sale")
                         .order_by(AuditEntry.id)).all()
    assert [(r.staff, r.approved_by) for r in rows] == [("1001", None), ("1001", "2001")]
    assert "顾客改主意" in rows[1].detail and str(total) in rows[1].detail
