"""Feedback a busy cashier can't miss: problems in a large message next to the cart with a
sound, cleared by the next action; F12 on an unpaid sale says so; a finished sale shows
the change due in large figures and its receipt; long work shows that it is working."""

from __future__ import annotations

import re
import time

from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from pos_app.core import sales
from pos_app.ui.app import MainWindow
from tests.core.conftest import COAT
from tests.ui.helpers import idle, login, open_shift_when_offered


def sounds(win: MainWindow) -> int:
    from pos_app.ui.feedback import sound

    return sound().count


def sales_made(win: MainWindow) -> int:
    with win.ctx.terminal.read() as s:
        return int(s.scalar(select(func.count(sales.Sale.id))) or 0)


def big_near_the_cart(qtbot: QtBot, win: MainWindow) -> None:
    co = win.checkout
    banner = co.message
    qtbot.waitUntil(banner.isVisible, timeout=5000)  # a device's scan arrives queued
    idle(qtbot, win)
    assert banner.text()
    assert banner.fontInfo().pixelSize() >= 24, banner.fontInfo().pixelSize()
    # in the cart's column, right above it
    assert banner.parentWidget() is co.table.parentWidget()
    b, t = banner.geometry(), co.table.geometry()
    assert b.bottom() <= t.top() and b.left() <= t.left() + 5 and b.right() >= t.center().x()


def test_an_unknown_barcode_is_loud_and_goes_at_the_next_scan(
    qtbot: QtBot, window: MainWindow
) -> None:
    login(qtbot, window)
    co = window.checkout
    before = sounds(window)
    window.ctx.devices.simulate_scan("6900000000000")
    idle(qtbot, window)
    big_near_the_cart(qtbot, window)
    assert "6900000000000" in co.message.text()
    assert sounds(window) == before + 1
    window.ctx.devices.simulate_scan(COAT)
    qtbot.waitUntil(lambda: co.model.rowCount() == 1, timeout=5000)
    assert not co.message.isVisible() and co.message.text() == ""
    assert sounds(window) == before + 1


def test_a_refused_coupon_and_a_card_problem_sound(qtbot: QtBot, window: MainWindow) -> None:
    login(qtbot, window)
    co = window.checkout
    window.ctx.devices.simulate_scan(COAT)
    qtbot.waitUntil(lambda: co.model.rowCount() == 1, timeout=5000)
    before = sounds(window)
    co.set_coupon("NO-SUCH-COUPON")
    idle(qtbot, window)
    big_near_the_cart(qtbot, window)
    assert "NO-SUCH-COUPON" in co.message.text() and sounds(window) == before + 1
    window.key("F6")  # the next action clears it
    assert not co.message.isVisible()
    window.ctx.devices.simulate_card("magstripe", "9999999999999")  # a card nobody has
    idle(qtbot, window)
    big_near_the_cart(qtbot, window)
    assert "9999" in co.message.text() and sounds(window) == before + 2


def to_payment_with_a_coat(qtbot: QtBot, win: MainWindow) -> None:
    login(qtbot, win)
    co = win.checkout
    win.ctx.devices.simulate_scan(COAT)
    qtbot.waitUntil(lambda: co.model.rowCount() == 1, timeout=5000)
    idle(qtbot, win)
    win.key("F12")
    open_shift_when_offered(qtbot, win, co)  # the day's first sale opens the till
    assert win.current() is win.payment


def test_f12_with_the_sale_unpaid_says_so(qtbot: QtBot, window: MainWindow) -> None:
    to_payment_with_a_coat(qtbot, window)
    pay = window.payment
    before, made = sounds(window), sales_made(window)
    window.key("F12")  # nothing tendered yet
    idle(qtbot, window)
    assert pay.message.isVisible() and "499.00" in pay.message.text()
    assert pay.message.fontInfo().pixelSize() >= 24
    assert sounds(window) == before + 1 and sales_made(window) == made
    assert window.current() is pay


def test_a_finished_sale_shows_the_change_and_the_receipt(
    qtbot: QtBot, window: MainWindow
) -> None:
    to_payment_with_a_coat(qtbot, window)
    co, pay = window.checkout, window.payment
    pay.amount.setText("700")
    window.key("F5")
    window.key("F12")
    idle(qtbot, window)
    assert window.current() is co
    panel = window.done_panel
    qtbot.waitUntil(panel.isVisible, timeout=5000)
    assert "201.00" in panel.change.text()
    assert panel.change.fontInfo().pixelSize() >= 48
    assert "找零" in panel.change_caption.text()
    receipt = panel.receipt.toPlainText()
    with window.ctx.terminal.read() as s:
        sale = s.scalars(select(sales.Sale).order_by(sales.Sale.id.desc())).first()
        assert sale is not None
        assert sale.sale_no in receipt
    assert "499.00" in receipt and "201.00" in receipt
    # the next customer's first scan: the panel and the last sale's line go
    window.ctx.devices.simulate_scan(COAT)
    qtbot.waitUntil(lambda: co.model.rowCount() == 1, timeout=5000)
    assert not panel.isVisible()
    assert co.last_sale.text() == ""


def test_long_work_shows_that_it_is_working(qtbot: QtBot, window: MainWindow) -> None:
    busy = window.busy
    assert not busy.isVisible()
    window.ctx.run(lambda: time.sleep(0.6))
    qtbot.waitUntil(busy.isVisible, timeout=2000)
    assert re.search(r"[\u4e00-\u9fff]", busy.label.text())
    qtbot.waitUntil(lambda: not busy.isVisible(), timeout=3000)
    shown = busy.shown
    window.ctx.run(lambda: None)  # quick work: no flicker
    idle(qtbot, window)
    qtbot.wait(200)
    assert busy.shown == shown


def test_a_card_problem_at_the_member_counter_sounds(qtbot: QtBot, window: MainWindow) -> None:
    login(qtbot, window)
    window.key("F8")
    m = window.members
    before = sounds(window)
    window.ctx.devices.simulate_card("magstripe", "9999999999999")  # a card nobody has
    qtbot.waitUntil(m.message.isVisible, timeout=5000)
    idle(qtbot, window)
    assert "9999" in m.message.text() and m.message.fontInfo().pixelSize() >= 24
    assert sounds(window) == before + 1
