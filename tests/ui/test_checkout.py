"""The checkout screen: scans reach the cart whatever field has focus, a member by typed
phone, a price override needs a supervisor, a coupon scanned by the wedge."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from pos_app.config import Counter
from pos_app.core import chip, members
from pos_app.ui.app import MainWindow
from pos_app.ui.confirm import ConfirmDialog
from pos_app.ui.device_bridge import PresentedCard
from tests.core.conftest import COAT, KETTLE, SCARF, SILVER_PHONE
from tests.core.helpers import enroll
from tests.ui.helpers import approve, idle, login, scan, shown_lines

D = Decimal


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
    shown = co.member_info.text()
    assert "王*" in shown and "王芳" not in shown and "银卡" in shown  # the name masked


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
    qtbot.waitUntil(lambda: "○</span> 小票打印机" in window.devices_label.text(), timeout=5000)
    manager.adapters["demo printer"].plug()
    qtbot.waitUntil(lambda: "●</span> 小票打印机" in window.devices_label.text(), timeout=10000)


def test_a_coupon_is_checked_when_entered_and_refused_with_the_reason(
    qtbot: QtBot, window: MainWindow
) -> None:
    win = window
    login(qtbot, win)
    co = win.checkout
    # an unknown code on an empty cart: refused, nothing applied
    co.coupon_field.setText("NOPE-0001")
    co.coupon_field.returnPressed.emit()
    idle(qtbot, win)
    assert co.cart.coupon is None and co.coupon_field.text() == ""
    assert "NOPE-0001" in co.message.text() and "不是本方案的券码" in co.message.text()
    # a real coupon before the goods: the 300.00 spend is not reached
    co.set_coupon("D11-50-0001")
    idle(qtbot, win)
    assert co.cart.coupon is None and "300" in co.message.text()
    # the goods scanned after it are all in the sale, and shown
    scan(qtbot, win, KETTLE, 1)
    assert shown_lines(win) == [("电热水壶 Electric kettle", "1")]
    assert co.priced is not None and co.priced.total == D("259.00")
    co.set_coupon("D11-50-0001")  # 259.00: still under 300
    idle(qtbot, win)
    assert co.cart.coupon is None and co.priced.total == D("259.00")
    scan(qtbot, win, COAT, 2)
    assert co.priced is not None
    before = co.priced.total
    co.set_coupon("D11-50-0001")
    idle(qtbot, win)
    assert co.cart.coupon == "D11-50-0001", co.message.text()
    assert co.priced is not None and co.priced.total == before - D("50.00")
    # one coupon per receipt
    co.set_coupon("D11-50-0002")
    idle(qtbot, win)
    assert co.cart.coupon == "D11-50-0001" and "每单限用一张优惠券" in co.message.text()
    assert co.coupon_field.text() == "D11-50-0001"
    # the coat voided: under 300 again, the coupon comes off and the cashier is told
    co.table.selectRow(1)
    win.key("F4")
    dlg = co.confirming
    assert dlg is not None
    dlg.accept()
    assert co.cart.coupon is None and "D11-50-0001" in co.message.text()
    assert co.priced is not None and co.priced.total == D("259.00")
    assert len(co.cart.lines) == co.model.rowCount() == 1


def test_same_item_adds_to_its_line_unless_the_terminal_keeps_separate_lines(
    qtbot: QtBot, window: MainWindow
) -> None:
    win = window
    login(qtbot, win)
    scan(qtbot, win, SCARF, 1)
    scan(qtbot, win, KETTLE, 2)
    win.ctx.devices.simulate_scan(SCARF)
    qtbot.waitUntil(lambda: shown_lines(win)[0][1] == "2", timeout=5000)
    assert shown_lines(win) == [("羊绒围巾 Cashmere scarf", "2"), ("电热水壶 Electric kettle", "1")]
    win.ctx.counter = Counter(same_item="new_line")
    scan(qtbot, win, SCARF, 3)
    assert [q for _n, q in shown_lines(win)] == ["2", "1", "1"]


def test_double_f4_voids_one_line_after_asking(qtbot: QtBot, window: MainWindow) -> None:
    win = window
    login(qtbot, win)
    co = win.checkout
    scan(qtbot, win, SCARF, 1)
    scan(qtbot, win, KETTLE, 2)
    win.key("F4")
    win.key("F4")  # pressed twice in a hurry
    assert len(co.findChildren(ConfirmDialog)) == 1
    assert co.model.rowCount() == 2  # nothing voided before the answer
    assert co.confirming is not None and "电热水壶" in co.confirming.question.text()
    win.key("Esc")  # keep
    assert co.model.rowCount() == 2 and co.confirming is None
    win.key("F4")
    assert co.confirming is not None
    qtbot.keyClick(co.confirming, Qt.Key.Key_Return)  # Enter: void
    assert shown_lines(win) == [("羊绒围巾 Cashmere scarf", "1")]


def test_the_chip_is_checked_when_the_card_is_presented(qtbot: QtBot, window: MainWindow) -> None:
    """A chip presented carries its holder's record: the member is attached when it names
    the card and its check holds; a copied or altered chip is refused on screen."""
    win = window
    t = win.ctx.terminal
    mine = enroll(t, "13912345601", name="李雷", media="ic", media_id="04A1B2C3D4E501")
    other = enroll(t, "13912345602", name="韩梅", media="ic", media_id="04A1B2C3D4E502")
    with t.read() as s:
        record = chip.record_for(t, s, members.find_card(s, mine))
    login(qtbot, win)
    assert win.current() is win.checkout
    co = win.checkout

    win.ctx.devices.card_presented.emit(PresentedCard("ic", None, "04A1B2C3D4E502", record))
    idle(qtbot, win)
    assert co.cart.member is None
    assert "芯片中写的是卡" in co.message.text() and "拒绝使用" in co.message.text()

    bad = record[:-1] + bytes([record[-1] ^ 1])
    win.ctx.devices.card_presented.emit(PresentedCard("ic", None, "04A1B2C3D4E501", bad))
    idle(qtbot, win)
    assert co.cart.member is None and "与持卡人不符" in co.message.text()

    win.ctx.devices.card_presented.emit(PresentedCard("ic", None, "04A1B2C3D4E501", record))
    idle(qtbot, win)
    assert co.cart.member is not None and co.cart.member["card"] == mine
    assert other != mine
