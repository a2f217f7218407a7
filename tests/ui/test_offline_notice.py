"""A terminal registered with HQ but cut off from it: a stored-value sale within the
offline cap goes through, and the screen says it used offline credit; over the cap it is
refused with the reason on screen."""

from __future__ import annotations

from decimal import Decimal

from pytestqt.qtbot import QtBot
from sqlalchemy import select

from pos_app.core.models import OfflineSpend, SyncState
from pos_app.ui.app import MainWindow
from tests.ui.helpers import idle, login

KETTLE, COAT = "6901234560060", "6901234560015"


def test_offline_stored_value_sale_is_flagged(qtbot: QtBot, window: MainWindow) -> None:
    win = window
    t = win.ctx.terminal
    with t.tx() as s:  # registered with HQ, link down, a lease of ￥1,000
        s.add(SyncState(id=1, link="down", lease_cents=100000, stale_after_s=300))
    login(qtbot, win)
    co, pay = win.checkout, win.payment
    co.member_field.setText("13800138000")  # 王芳: ￥1,120 stored value in the demo
    co.member_field.returnPressed.emit()
    idle(qtbot, win)
    assert co.cart.member is not None
    card = co.cart.member["card"]
    win.ctx.devices.simulate_scan(KETTLE)
    qtbot.waitUntil(lambda: co.model.rowCount() == 1, timeout=5000)
    idle(qtbot, win)
    win.key("F12")
    win.key("F4")  # stored value: present the card
    assert pay.waiting_card
    win.ctx.devices.simulate_card("barcode", card)
    qtbot.waitUntil(lambda: len(pay.tenders) == 1, timeout=5000)
    win.key("F12")
    idle(qtbot, win)
    assert win.current() is co, pay.message.text()
    assert "离线储值" in win.last_label.text()
    with t.read() as s:
        spent = s.scalars(select(OfflineSpend)).one()
        # 259 x 0.95 (silver) x 0.98 (paid wholly by stored value)
        assert spent.card_no == card and spent.amount == Decimal("241.13")
