"""Scanner and keyboard, roles, shift, status bar, help overlay, languages."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from pos_app.core import shifts
from pos_app.core.models import AuditEntry, OutboxEvent
from pos_app.ui.app import MainWindow
from tests.ui.helpers import approve, idle, login

COAT = "6901234560015"
SILVER_PHONE = "13800138000"


def test_scan_burst_in_the_member_phone_field_lands_in_the_cart(
    qtbot: QtBot, window: MainWindow
) -> None:
    login(qtbot, window)
    co = window.checkout
    co.member_field.setFocus()
    qtbot.waitUntil(co.member_field.hasFocus, timeout=2000)
    qtbot.keyClicks(co.member_field, COAT)  # a wedge scanner: keys 0 ms apart, then Enter
    qtbot.keyClick(co.member_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: co.model.rowCount() == 1, timeout=5000)
    idle(qtbot, window)
    assert co.member_field.text() == ""
    assert co.cart.member is None
    assert co.model.index(0, 1).data().startswith("羊毛大衣")
    # a person typing (slower than a scanner) still types into the field
    for ch in "138":
        qtbot.keyClick(co.member_field, ch)
        qtbot.wait(80)
    qtbot.waitUntil(lambda: co.member_field.text() == "138", timeout=2000)
    assert co.model.rowCount() == 1


def test_typed_phone_attaches_the_member_and_enter_on_empty_field(
    qtbot: QtBot, window: MainWindow
) -> None:
    login(qtbot, window)
    co = window.checkout
    co.member_field.setText(SILVER_PHONE)
    co.member_field.returnPressed.emit()
    idle(qtbot, window)
    assert co.cart.member is not None
    assert "138****8000" in co.member_info.text() and SILVER_PHONE not in co.member_info.text()
    assert "王芳" in co.member_info.text() and "银卡" in co.member_info.text()


def test_price_override_needs_a_supervisor(qtbot: QtBot, window: MainWindow) -> None:
    login(qtbot, window)
    co = window.checkout
    window.ctx.devices.simulate_scan(COAT)
    qtbot.waitUntil(lambda: co.model.rowCount() == 1, timeout=5000)
    idle(qtbot, window)
    co.price_field.setText("600")
    window.key("F5")
    approve(qtbot, window, co, "1001", "1111")  # a cashier cannot approve
    assert co.approval is not None and co.approval.isVisible()
    assert co.cart.lines[0].item.override_price is None
    approve(qtbot, window, co, "2001", "2222")
    assert not co.approval.isVisible()
    assert co.cart.lines[0].item.override_price == Decimal("600.00")
    assert co.cart.approver is not None and co.cart.approver.code == "2001"
    assert "price override" in co.model.index(0, 4).data() or "改价" in co.model.index(0, 4).data()


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


def test_a_cashier_opening_a_shift_is_asked_for_approval(
    qtbot: QtBot, window: MainWindow
) -> None:
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
        audit = s.scalars(select(AuditEntry).where(AuditEntry.action == "open_shift")).one()
        assert audit.approved_by == "2001"


def test_wrong_pin_is_refused(qtbot: QtBot, window: MainWindow) -> None:
    window.login.code.setText("1001")
    window.login.pin.setText("9999")
    window.login.login_button.click()
    idle(qtbot, window)
    assert window.current() is window.login
    assert "1001" in window.login.message.text()
    assert window.ctx.operator is None


def test_status_bar_and_help_overlay(qtbot: QtBot, window: MainWindow) -> None:
    login(qtbot, window)
    # the demo terminal is not registered with an HQ: offline; the demo's events wait
    qtbot.waitUntil(lambda: "离线" in window.hq_label.text(), timeout=5000)
    with window.ctx.terminal.read() as s:
        waiting = s.scalar(select(func.count(OutboxEvent.id)).where(
            OutboxEvent.status == "pending"))
    assert f"待上传 {waiting} 条" in window.hq_label.text()
    qtbot.waitUntil(lambda: "demo printer" in window.devices_label.text(), timeout=3000)
    for name in ("demo scanner", "demo card reader", "demo pole display", "demo cash drawer"):
        assert name in window.devices_label.text()
    window.key("F1")
    assert window.help.isVisible()
    text = window.help.panel.text()
    for key in ("F1", "F2", "F3", "F4", "F5", "F6", "F7", "F8", "F9", "F10", "F11", "F12"):
        assert f"<b>{key}</b>" in text
    window.key("Esc")
    assert not window.help.isVisible()


def test_english_and_chinese(qtbot: QtBot, window_en: MainWindow) -> None:
    login(qtbot, window_en)
    assert window_en.nav_buttons["checkout"].text().startswith("Checkout")
    window_en.set_language("zh_CN")
    assert window_en.nav_buttons["checkout"].text().startswith("收银")
    assert window_en.current() is window_en.checkout  # still logged in
    window_en.set_language("en")
    assert window_en.nav_buttons["members"].text().startswith("Members")


def test_coupon_scanned_and_a_device_unplugged(qtbot: QtBot, window: MainWindow) -> None:
    login(qtbot, window)
    co = window.checkout
    window.ctx.devices.simulate_scan(COAT)
    qtbot.waitUntil(lambda: co.model.rowCount() == 1, timeout=5000)
    co.code_field.setFocus()
    qtbot.keyClicks(co.code_field, "D11-50-0002")  # the coupon's barcode, by the wedge
    qtbot.keyClick(co.code_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: co.cart.coupon == "D11-50-0002", timeout=5000)
    idle(qtbot, window)
    assert co.code_field.text() == ""
    assert co.priced is not None and co.priced.coupon_code == "D11-50-0002"
    assert "满300立减50" in co.model.index(0, 4).data()
    # the printer goes away: the status bar says so
    manager = window.ctx.devices.manager
    manager.adapters["demo printer"].unplug()
    qtbot.waitUntil(lambda: "○</span> demo printer" in window.devices_label.text(),
                    timeout=5000)
    manager.adapters["demo printer"].plug()
    qtbot.waitUntil(lambda: "●</span> demo printer" in window.devices_label.text(),
                    timeout=10000)
