"""Supervisor approval: five wrong PINs lock the approver's code on the ledger file (read
with sqlite3); another approver of enough rank still approves."""

from __future__ import annotations

from decimal import Decimal

from pytestqt.qtbot import QtBot

from pos_app.ui.app import MainWindow
from tests.core.conftest import COAT
from tests.ui.helpers import approve, idle, login
from tests.ui.test_login import locked_until


def test_supervisor_approval_locks_after_five_wrong_pins(
    qtbot: QtBot, window: MainWindow
) -> None:
    login(qtbot, window)
    co = window.checkout
    window.ctx.devices.simulate_scan(COAT)
    qtbot.waitUntil(lambda: co.model.rowCount() == 1, timeout=5000)
    idle(qtbot, window)
    co.price_field.setText("600")
    window.key("F5")
    for _ in range(5):
        approve(qtbot, window, co, "2001", "0000")
    assert locked_until(window, "2001") is not None
    approve(qtbot, window, co, "2001", "2222")
    assert co.approval is not None and co.approval.isVisible()
    assert co.cart.lines[0].item.override_price is None
    approve(qtbot, window, co, "3001", "3333")  # a manager approves instead
    assert co.cart.lines[0].item.override_price == Decimal("600.00")
