"""Parked carts (挂单 / 取单) on the real widgets: several kept across a restart, the
recall list, logging out parks the cart."""

from __future__ import annotations

from pytestqt.qtbot import QtBot
from sqlalchemy import select

from pos_app.core import parking
from pos_app.core.models import AuditEntry
from pos_app.core.terminal import Terminal
from pos_app.ui.app import MainWindow
from pos_app.ui.parked import RecallDialog
from tests.core.conftest import COAT, KETTLE, SCARF, SILVER_PHONE
from tests.ui.conftest import D11, RunningClock, make_window
from tests.ui.helpers import idle, login, scan


def test_park_several_carts_recall_after_a_restart_and_log_out_parks(
    qtbot: QtBot, window: MainWindow, terminal: Terminal
) -> None:
    win = window
    login(qtbot, win)
    co = win.checkout
    # cart 1: 王芳 with a coat
    co.member_field.setText(SILVER_PHONE)
    co.member_field.returnPressed.emit()
    idle(qtbot, win)
    scan(qtbot, win, COAT, 1)
    assert co.priced is not None
    total1 = co.priced.total
    win.key("Ctrl+G")
    idle(qtbot, win)
    assert co.model.rowCount() == 0 and co.cart.member is None
    assert "1" in co.message.text()
    # cart 2: no member, a scarf and a kettle; the cashier logs out: parked, not lost
    scan(qtbot, win, SCARF, 1)
    scan(qtbot, win, KETTLE, 2)
    win.key("Ctrl+L")
    idle(qtbot, win)
    assert win.current() is win.login
    with terminal.read() as s:
        waiting = parking.waiting(s)
    assert [(p.items, p.member_card is not None) for p in waiting] == [(1, True), (2, False)]
    assert waiting[0].total == total1
    card = waiting[0].member_card
    assert card is not None

    # the terminal restarts: a new window on the same ledger file
    data = terminal.data_dir
    win.shutdown()
    win.close()
    terminal.close()
    t2 = Terminal.open(data, clock=RunningClock(D11))
    try:
        win2 = make_window(qtbot, t2, "zh_CN")
        login(qtbot, win2, "2001", "2222")
        co2 = win2.checkout
        win2.key("Ctrl+Q")
        qtbot.waitUntil(lambda: co2.recalling is not None, timeout=5000)
        dlg = co2.recalling
        assert isinstance(dlg, RecallDialog) and dlg.list.count() == 2
        first = dlg.list.item(0).text()
        assert "1001" in first and "****" in first  # who parked it; the card masked
        assert card not in first
        dlg.list.setCurrentRow(0)
        dlg.accept()
        idle(qtbot, win2)
        assert co2.model.rowCount() == 1 and co2.cart.member is not None
        assert "王*" in co2.member_info.text()
        assert co2.priced is not None and co2.priced.total == total1
        # a cart on the counter: recalling another is refused until it is finished
        win2.key("Ctrl+Q")
        idle(qtbot, win2)
        assert co2.recalling is None and "Ctrl+G" in co2.message.text()
        with t2.read() as s:
            assert len(parking.waiting(s)) == 1
            acts = [a.action for a in s.scalars(select(AuditEntry))]
        assert acts.count("park_cart") == 2 and acts.count("recall_cart") == 1
        win2.shutdown()
    finally:
        t2.close()
