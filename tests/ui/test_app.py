"""The main window: a whole day's flow through the real widgets (enroll, top up, sale,
slip, refund), offscreen with the simulated devices, checking what the screens show, what
the ledger holds and the bytes sent to the printer; the status bar (HQ link, devices);
the language switch."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import pytest
from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QScrollBar,
    QTabBar,
    QToolButton,
    QWidget,
)
from pytestqt.exceptions import TimeoutError
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from pos_app.core import catalog, members, points, pricing, sales
from pos_app.core.models import Account, CardMedia, OutboxEvent, SyncState
from pos_app.core.terminal import Terminal
from pos_app.ui.app import MainWindow, open_window
from pos_app.ui.confirm import ReasonDialog
from pos_app.ui.device_bridge import DeviceBridge
from pos_app.ui.discount import DiscountDialog
from pos_app.ui.shift import OpenShiftDialog, ShiftScreen
from tests.core.conftest import COAT, KETTLE, LIPSTICK, RICE, SCARF
from tests.ui.helpers import approve, idle, login, open_shift_when_offered

D = Decimal


UID = "04AABBCCDD11"


PHONE = "13700137000"


MASKED = "137****7000"


def gb(text: str) -> bytes:
    return text.encode("gb18030")


def sv_balance(win: MainWindow, identifier: str) -> tuple[Decimal, Decimal]:
    t = win.ctx.terminal
    with t.read() as s:
        return members.sv_balance(s, members.find_card(s, identifier))


def test_enroll_topup_sale_slip_refund(qtbot: QtBot, window: MainWindow) -> None:
    win = window
    dev = win.ctx.devices
    t = win.ctx.terminal
    login(qtbot, win)
    assert "1001" in win.who_label.text()

    # --- member counter: enroll, binding the card by a tap ---------------------------
    win.key("F8")
    m = win.members
    assert win.current() is m
    m.enroll_tab.name.setText("赵敏")
    m.enroll_tab.phone.setText(PHONE)
    m.enroll_tab.birthday.setText("1990-11-09")  # the sale day: a birthday greeting
    m.enroll_tab.marketing.setChecked(True)
    m.enroll_tab.card.present_radio.setChecked(True)
    dev.simulate_card("nfc", None, UID)
    qtbot.waitUntil(lambda: m.enroll_tab.card.card is not None, timeout=5000)
    m.enroll_tab.button.click()  # no privacy consent yet: refused, nothing written
    assert "privacy" in m.message.text() or "隐私" in m.message.text()
    m.enroll_tab.privacy.setChecked(True)
    printed = len(dev.printed)
    m.enroll_tab.button.click()
    idle(qtbot, win)
    assert m.member is not None, m.message.text()
    assert MASKED in m.info.text() and PHONE not in m.info.text()
    with t.read() as s:
        media = s.scalars(select(CardMedia).where(CardMedia.identifier == UID)).one()
        assert media.media == "nfc"
        assert members.personal(t, media.card.member)["name"] == "赵敏"
        card_no = media.card.card_no
    assert len(dev.printed) == printed + 1  # the enrollment slip
    assert gb(MASKED) in dev.printed[-1] and gb(PHONE) not in dev.printed[-1]

    # --- tier by hand: a manager approves (a supervisor may not) ----------------------
    m.tabs.setCurrentIndex(3)
    m.history_tab.tier_combo.setCurrentIndex(m.history_tab.tier_combo.findData("silver"))
    m.history_tab.tier_reason.setText("竞品VIP卡")
    m.history_tab.tier_button.click()
    approve(qtbot, win, m.history_tab, "2001", "2222")
    assert m.history_tab.approval is not None and m.history_tab.approval.isVisible()
    assert "may not approve" in m.history_tab.approval.message.text()
    approve(qtbot, win, m.history_tab, "3001", "3333")
    idle(qtbot, win)
    assert m.member["tier"] == "silver"
    assert "银卡" in m.info.text()

    # --- top-up with the bonus preview ---------------------------------------------------
    m.tabs.setCurrentIndex(1)
    m.topup_tab.amount.setText("1000")
    assert "120.00" in m.topup_tab.preview.text()  # the 1000 rung of the bonus ladder
    assert "5,000.00" in m.topup_tab.preview.text() or "5000.00" in m.topup_tab.preview.text()
    kicks = dev.drawer_kicks
    m.topup_tab.button.click()
    open_shift_when_offered(qtbot, win, m)  # the day's first top-up opens the till
    kicks += 1  # the float goes into the drawer
    idle(qtbot, win)
    assert sv_balance(win, card_no) == (D("1000.00"), D("120.00"))
    assert m.member["stored_value"]["total"] == "1120.00"
    assert dev.drawer_kicks == kicks + 1  # cash top-up opens the drawer
    assert gb("120.00") in dev.printed[-1]
    with t.read() as s:
        drawer = s.scalars(select(Account).where(Account.code == "cash:drawer")).one()
        cash_before = drawer.balance

    # --- sale 1: tap the card at checkout, kettle, cash with change ----------------------
    win.key("F2")
    co = win.checkout
    dev.simulate_card("nfc", None, UID)
    qtbot.waitUntil(lambda: co.cart.member is not None, timeout=5000)
    idle(qtbot, win)
    assert "银卡" in co.member_info.text()
    assert "赵*" in co.greeting.text()  # birthday greeting, the name masked
    dev.simulate_scan(KETTLE)
    qtbot.waitUntil(lambda: co.model.rowCount() == 1, timeout=5000)
    idle(qtbot, win)
    assert co.priced is not None and co.priced.total == D("246.05")  # 259.00 x 0.95
    win.key("F12")
    pay = win.payment
    assert win.current() is pay
    pay.amount.setText("300")
    win.key("F5")
    assert "53.95" in pay.due.text()
    win.key("F12")
    idle(qtbot, win)
    assert win.current() is co
    assert "53.95" in win.last_label.text()
    assert dev.drawer_kicks == kicks + 2
    with t.read() as s:
        drawer = s.scalars(select(Account).where(Account.code == "cash:drawer")).one()
        assert drawer.balance - cash_before == 24605
        member_id = members.find_card(s, card_no).member_id
        assert points.available(s, member_id, t.now()) == 295  # floor(246.05 x 1.2)

    # --- sale 2: promotion, tier, 满减 and a coupon; points and stored value ---------------
    for code in (COAT, SCARF, LIPSTICK, RICE):
        dev.simulate_scan(code)
    qtbot.waitUntil(lambda: co.model.rowCount() == 4, timeout=5000)
    idle(qtbot, win)
    win.key("F4")  # void the rice (the selected, last line): asked first
    assert co.confirming is not None and "五常大米" in co.confirming.question.text()
    co.confirming.accept()
    assert co.model.rowCount() == 3
    co.table.selectRow(1)
    co.qty.setValue(2)
    win.key("F3")
    assert co.cart.lines[1].item.qty == 2
    co.member_field.setText(PHONE)
    co.member_field.returnPressed.emit()
    idle(qtbot, win)
    assert co.cart.member is not None and co.cart.member["phone"] == MASKED
    co.coupon_field.setText("D11-50-0001")
    co.coupon_field.returnPressed.emit()
    idle(qtbot, win)
    assert co.priced is not None and co.priced.total == D("883.15")  # pricing.md's example
    cells = [co.model.index(r, 4).data() for r in range(3)]
    assert "银卡" in cells[0] and "满500减200" in cells[0] and "满300立减50" in cells[0]
    assert "双11美妆7折" in cells[2]
    assert "883.15" in co.total.text()
    # the pole display follows: the last line and its price, on the simulated display too
    assert dev.pole[0] == "丝绒口红 Velvet lipstick" and "212.00" in dev.pole[1]
    pole = dev.manager.adapters["demo pole display"]
    qtbot.waitUntil(lambda: "212.00" in pole.lines[1], timeout=5000)

    win.key("F12")
    with t.read() as s:  # the core's quote, from the catalog, for points and stored value
        items = [catalog.cart_item(s, r.code, r.qty) for r in co.cart.requests()]
    expected = pricing.quote(
        t.program,
        [it for it in items if it is not None],
        co.priced.at,
        tier_code="silver",
        coupon="D11-50-0001",
        tenders=["points", "stored_value"],
    ).total
    assert len(items) == 3
    assert expected < D("883.15")
    assert pay.sv_preview.isVisible() and f"{expected:,.2f}" in pay.sv_preview.text()
    pay.points.setValue(200)
    win.key("F3")
    win.key("F4")  # stored value: asks for the card
    assert pay.waiting_card
    dev.simulate_card("nfc", None, UID)
    qtbot.waitUntil(lambda: len(pay.tenders) == 2, timeout=5000)
    assert pay.sale_total() == expected
    assert pay.tenders[1].amount == expected - D("20.00")
    win.key("F12")
    idle(qtbot, win)
    assert win.current() is co, pay.message.text()
    with t.read() as s:
        sale2 = s.scalars(select(sales.Sale).order_by(sales.Sale.id.desc())).first()
        assert sale2 is not None and sale2.total == expected
        assert sale2.coupon_code == "D11-50-0001" and sale2.pay_discount_applied
        assert sorted(x.kind for x in sale2.tenders) == ["points", "stored_value"]
        assert points.available(s, member_id, t.now()) == 95  # 295 - 200, none earned
        sale2_no = sale2.sale_no
    principal, bonus = sv_balance(win, card_no)
    assert principal + bonus == D("1120.00") - (expected - D("20.00"))
    receipt = dev.printed[-1]
    assert receipt.startswith(b"\x1b@") and gb(sale2_no) in receipt
    assert gb("双11美妆7折") in receipt and gb(MASKED) in receipt

    # --- balance slip --------------------------------------------------------------------
    win.key("F10")
    bal = win.balance
    bal.find_field.setText(PHONE)
    bal.find_field.returnPressed.emit()
    idle(qtbot, win)
    slip_text = bal.preview.toPlainText()
    assert MASKED in slip_text and f"{principal + bonus:,.2f}" in slip_text
    win.key("F12")
    idle(qtbot, win)
    assert gb(MASKED) in dev.printed[-1] and gb(PHONE) not in dev.printed[-1]

    # --- partial refund by scanning the receipt's QR code (a wedge burst) -----------------
    win.key("F9")
    ret = win.returns
    ret.receipt_field.setFocus()
    qtbot.keyClicks(ret.receipt_field, sale2_no)
    qtbot.keyClick(ret.receipt_field, "\r")
    idle(qtbot, win)
    assert ret.sale is not None and ret.sale["sale_no"] == sale2_no
    assert ret.table.rowCount() == 3
    box = ret.table.cellWidget(1, 0)  # the scarves: return one of two
    box.setChecked(True)
    ret.table.cellWidget(1, 4).setValue(1)
    win.key("F5")  # preview
    idle(qtbot, win)
    assert "→" in ret.preview.text()
    before = sv_balance(win, card_no)
    win.key("F12")  # a cashier needs a supervisor for a refund
    approve(qtbot, win, ret, "2001", "2222")
    idle(qtbot, win)
    with t.read() as s:
        refund = s.scalars(select(sales.Sale).order_by(sales.Sale.id.desc())).first()
        assert refund is not None and refund.kind == "refund" and refund.approved_by == "2001"
        back = {x.kind: x for x in refund.tenders}
        assert set(back) == {"points", "stored_value"}
        assert points.available(s, member_id, t.now()) == 95 + back["points"].points
    after = sv_balance(win, card_no)
    assert sum(after) - sum(before) == back["stored_value"].amount
    assert refund.sale_no in ret.message.text()
    assert refund.sale_no in ret.preview.text()  # what went back to each tender, shown
    assert gb(refund.sale_no) in dev.printed[-1]


def test_status_bar_and_help_overlay(qtbot: QtBot, window: MainWindow) -> None:
    login(qtbot, window)
    # the demo terminal is not registered with an HQ: offline; the demo's events wait
    qtbot.waitUntil(lambda: "离线" in window.hq_label.text(), timeout=5000)
    with window.ctx.terminal.read() as s:
        waiting = s.scalar(
            select(func.count(OutboxEvent.id)).where(OutboxEvent.status == "pending")
        )
    assert f"待上传 {waiting} 条" in window.hq_label.text()
    # devices by their kind, in the language shown
    qtbot.waitUntil(lambda: "小票打印机" in window.devices_label.text(), timeout=3000)
    for name in ("扫码枪", "读卡器", "客显屏", "钱箱"):
        assert name in window.devices_label.text()
    window.key("F1")
    assert window.help.isVisible()
    text = window.help.panel.text()
    for key in ("F1", "F2", "F3", "F4", "F5", "F6", "F7", "F8", "F9", "F10", "F11", "F12"):
        assert f"<b>{key}</b>" in text
    window.key("Esc")
    assert not window.help.isVisible()


def test_sync_problem_in_the_status_bar_in_chinese(qtbot: QtBot, window: MainWindow) -> None:
    """Sync keeps its last problem in the ledger as text; the status bar's tooltip says it
    in the language shown."""
    with window.ctx.terminal.tx() as s:
        s.add(SyncState(id=1, link="down", lease_cents=100000, stale_after_s=300,
                        last_error="HQ unreachable: ConnectError"))
    login(qtbot, window)
    qtbot.waitUntil(lambda: window.hq_label.toolTip() == "无法连接总部：ConnectError",
                    timeout=5000)


def test_english_and_chinese(qtbot: QtBot, window_en: MainWindow) -> None:
    login(qtbot, window_en)
    assert window_en.nav_buttons["checkout"].text().startswith("Checkout")
    window_en.set_language("zh_CN")
    assert window_en.nav_buttons["checkout"].text().startswith("收银")
    assert window_en.current() is window_en.checkout  # still logged in
    window_en.set_language("en")
    assert window_en.nav_buttons["members"].text().startswith("Members")


# ---------------------------------------------------------------------- any counter's screen
SIZES = ((800, 600), (1024, 768), (1366, 768), (1920, 1080))
TOUCH = (
    QPushButton,
    QLineEdit,
    QComboBox,
    QAbstractSpinBox,
    QCheckBox,
    QRadioButton,
)


def _inside(outer: QRect, inner: QRect) -> bool:
    return (
        inner.left() >= outer.left()
        and inner.top() >= outer.top()
        and inner.right() <= outer.right()
        and inner.bottom() <= outer.bottom()
    )


def _internal(w: QWidget) -> bool:
    """Qt's own parts of a widget (a spin box's field, a scroll area's viewport...)."""
    if w.objectName().startswith("qt_") or isinstance(w.parentWidget(), QAbstractSpinBox):
        return True
    p: QWidget | None = w
    while p is not None:
        if isinstance(p, QScrollBar | QTabBar | QToolButton):
            return True
        p = p.parentWidget()
    return False


def _nearest_page(w: QWidget) -> QScrollArea | None:
    """The innermost visible scroll area ``w`` lies in (a pane inside a page too)."""
    p = w.parentWidget()
    while p is not None:
        if isinstance(p, QScrollArea) and p.isVisible() and p.widget() is not None and (
            p.widget() is w or p.widget().isAncestorOf(w)
        ):
            return p
        p = p.parentWidget()
    return None


def cut_off(win: QWidget) -> list[str]:
    """Each visible widget that is not wholly on the window, or not wholly reachable in
    the page that scrolls up and down; each touch target under 44 px."""
    problems = []
    whole = win.rect()
    for w in win.findChildren(QWidget):
        if not w.isVisible() or w.isWindow() or w.width() == 0:
            continue
        where = QRect(w.mapTo(win, QPoint(0, 0)), w.size())
        page = _nearest_page(w)
        if page is not None:
            view = QRect(page.viewport().mapTo(win, QPoint(0, 0)), page.viewport().size())
            content = page.widget()
            reach = QRect(view.left(), where.top(), view.width(), where.height())
            if where.left() < view.left() or where.right() > view.right():
                problems.append(f"{w.objectName() or type(w).__name__} sideways out of {view}")
            elif not _inside(QRect(content.mapTo(win, QPoint(0, 0)), content.size()), reach):
                problems.append(f"{w.objectName() or type(w).__name__} below its page")
        elif not _inside(whole, where):
            problems.append(f"{w.objectName() or type(w).__name__} at {where} off {whole}")
        name = w.objectName() or type(w).__name__
        if isinstance(w, TOUCH) and not _internal(w) and (w.height() < 44 or w.width() < 44):
            problems.append(f"{name} {w.width()}×{w.height()}")
        if isinstance(w, QPushButton) and not _internal(w):
            widest = max(w.fontMetrics().horizontalAdvance(x) for x in w.text().split("\n"))
            if widest > w.contentsRect().width() - 8:
                problems.append(f"{name}: {w.text()!r} wider than the button")
        if isinstance(w, QLabel) and w.text() and not _internal(w):
            need = w.heightForWidth(w.width()) if w.wordWrap() else w.sizeHint().height()
            if need > w.height() + 2:
                problems.append(f"{name}: its text needs {need} px, has {w.height()}")
    return problems


def every_screen(qtbot: QtBot, win: MainWindow) -> Iterator[str]:
    """Each screen and tab, filled as a cashier leaves it."""
    yield "login"
    login(qtbot, win, "3001", "3333")
    for code in (COAT, SCARF, LIPSTICK):
        win.ctx.devices.simulate_scan(code)
    qtbot.waitUntil(lambda: win.checkout.model.rowCount() == 3, timeout=5000)
    win.checkout.member_field.setText("13800138000")
    win.checkout.member_field.returnPressed.emit()
    idle(qtbot, win)
    yield "checkout"
    win.key("F1")
    yield "help"
    win.key("F1")
    win.key("F12")
    idle(qtbot, win)
    yield "payment"
    win.key("Esc")
    win.key("F8")
    m = win.members
    m.find_field.setText("13800138000")
    m.find_member()
    idle(qtbot, win)
    for i in range(m.tabs.count()):
        m.tabs.setCurrentIndex(i)
        yield f"members tab {i}"
    win.key("F9")
    yield "returns"
    win.key("F10")
    win.balance.find_field.setText("13800138000")
    win.balance.find_field.returnPressed.emit()
    idle(qtbot, win)
    yield "balance"
    win.key("F11")
    idle(qtbot, win)
    yield "shift"


@pytest.mark.parametrize("numpad", [False, True], ids=["keyboard", "numpad"])
@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_every_screen_fits_each_size_with_touch_targets(
    qtbot: QtBot, window: MainWindow, size: tuple[int, int], numpad: bool
) -> None:
    """At 800×600 up to 1920×1080, with the numpad open or not, the window is the
    screen's size, every widget is on it (or in a page that scrolls up and down, never
    sideways), and every button, field and box is at least 44 px each way."""
    window.resize(*size)
    window.numpad_button.setChecked(numpad)
    for state in every_screen(qtbot, window):
        assert window.size() == QSize(*size), state
        try:  # the layouts settle in an event or two after a screen changes
            qtbot.waitUntil(lambda: not cut_off(window), timeout=3000)
        except TimeoutError:
            assert cut_off(window) == [], (size, state)


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_the_total_and_pay_stay_on_screen_at_each_size(
    qtbot: QtBot, window: MainWindow, size: tuple[int, int]
) -> None:
    """With a member, a coupon's two-line message and three lines in the cart, the sum to
    pay and the Pay button are on the screen without scrolling, at every size (the
    counter's buttons scroll in their own pane instead)."""
    window.resize(*size)
    login(qtbot, window, "1001", "1111")
    co = window.checkout
    for code in (COAT, SCARF, LIPSTICK):
        window.ctx.devices.simulate_scan(code)
    qtbot.waitUntil(lambda: co.model.rowCount() == 3, timeout=5000)
    co.member_field.setText("13800138000")
    co.member_field.returnPressed.emit()
    idle(qtbot, window)
    co.coupon_field.setText("D11-50-0001")
    co.coupon_field.returnPressed.emit()
    idle(qtbot, window)
    page = next(p for p in window.findChildren(QScrollArea) if p.widget() is co)
    view = QRect(page.viewport().mapTo(window, QPoint(0, 0)), page.viewport().size())

    def shown(w: QWidget) -> bool:
        return w.isVisible() and _inside(view, QRect(w.mapTo(window, QPoint(0, 0)), w.size()))

    qtbot.waitUntil(lambda: shown(co.total) and shown(co.pay_button), timeout=3000)
    assert co.total.text().startswith("￥") and co.total.text() != "￥0.00"


def counter_dialogs(qtbot: QtBot, win: MainWindow) -> Iterator[tuple[str, QDialog]]:
    """Each of the counter's dialogs, open over a cart of three lines, with what the
    cashier typed or the message it gives; closed after the caller has looked."""
    co = win.checkout
    co.price_check()
    assert co.checking is not None
    chk = co.checking
    chk.look_up(SCARF)  # priced on the database thread
    qtbot.waitUntil(lambda: chk.shown.text() != "", timeout=5000)
    yield "price check", chk
    co.checking.reject()
    co.table.selectRow(0)
    co.manual_discount()
    discount = co.confirming
    assert isinstance(discount, DiscountDialog)
    discount.rate_field.setText("0")
    discount.accept()  # refused: its message shows
    yield "manual discount", discount
    discount.reject()
    for name, ask in (("cancel sale", co.cancel_sale), ("no-sale drawer", co.open_drawer)):
        ask()
        reason = co.confirming
        assert isinstance(reason, ReasonDialog)
        reason.accept()  # no reason yet: its message shows
        yield name, reason
        reason.reject()
    co.park()
    idle(qtbot, win)
    co.recall()
    idle(qtbot, win)
    assert co.recalling is not None
    yield "recall", co.recalling
    co.recalling.accept()
    idle(qtbot, win)
    win.key("F12")  # no shift open: the app offers to open one
    idle(qtbot, win)
    offer = co.findChild(OpenShiftDialog)
    assert offer is not None
    yield "open shift", offer
    offer.reject()


def test_counter_dialogs_fit_the_smallest_screen(qtbot: QtBot, window: MainWindow) -> None:
    """At 800×600 each dialog of the counter (price check, manual discount, cancel sale,
    no-sale, recall, open shift) fits the screen at its own minimum size, and none of
    its widgets is cut off, squeezed below 44 px or scrolled sideways; the cart shows
    every column it keeps without scrolling sideways."""
    window.resize(800, 600)
    login(qtbot, window)
    for code in (COAT, SCARF, LIPSTICK):
        window.ctx.devices.simulate_scan(code)
    qtbot.waitUntil(lambda: window.checkout.model.rowCount() == 3, timeout=5000)
    cart = window.checkout.table
    qtbot.waitUntil(lambda: cart.horizontalScrollBar().maximum() == 0, timeout=3000)
    amount_right = cart.columnViewportPosition(5) + cart.columnWidth(5)
    assert amount_right <= cart.viewport().width()
    seen = []
    for name, dialog in counter_dialogs(qtbot, window):
        qtbot.waitUntil(dialog.isVisible, timeout=3000)
        smallest = dialog.minimumSizeHint()
        assert smallest.width() <= 800 and smallest.height() <= 600, (name, smallest)
        assert dialog.width() <= 800 and dialog.height() <= 600, (name, dialog.size())
        try:
            qtbot.waitUntil(lambda d=dialog: not cut_off(d), timeout=3000)
        except TimeoutError:
            assert cut_off(dialog) == [], name
        for view in dialog.findChildren(QAbstractScrollArea):
            assert view.horizontalScrollBar().maximum() == 0, (name, view.objectName())
        seen.append(name)
    assert len(seen) == 6


def test_the_numpad_types_into_the_field_with_focus(qtbot: QtBot, window: MainWindow) -> None:
    window.numpad_button.click()  # a touch screen: the numpad stays beside every screen
    assert window.numpad.isVisible()
    window.login.code.setFocus()
    qtbot.waitUntil(window.login.code.hasFocus, timeout=2000)
    for key in ("1", "0", "0", "2", "⌫", "1"):
        window.numpad.keys[key].click()
    assert window.login.code.text() == "1001" and window.login.code.hasFocus()
    window.login.pin.setFocus()
    for key in "1111":
        window.numpad.keys[key].click()
    window.numpad.keys["↵"].click()  # Enter: log in
    qtbot.waitUntil(lambda: window.current() is window.checkout, timeout=10000)
    co = window.checkout
    window.ctx.devices.simulate_scan(COAT)
    qtbot.waitUntil(lambda: co.model.rowCount() == 1, timeout=5000)
    co.qty.setFocus()
    window.numpad.keys["C"].click()
    window.numpad.keys["3"].click()
    assert co.qty.text().endswith("3")


def test_a_screen_opens_only_to_its_declared_role(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ShiftScreen, "role", "supervisor")
    login(qtbot, window)  # a cashier
    assert not window.nav_buttons["shift"].isVisible()
    window.key("F11")
    assert window.current() is window.checkout
    assert "班次" in window.statusBar().currentMessage()
    window.logout()
    login(qtbot, window, "2001", "2222")
    assert window.nav_buttons["shift"].isVisible()
    window.key("F11")
    assert window.current().name == "shift"


def test_a_touch_terminal_at_800x600_opens_with_the_numpad(
    qtbot: QtBot, terminal: Terminal, monkeypatch: pytest.MonkeyPatch
) -> None:
    """POS_TOUCH=1 on the smallest screen: the numpad shows from the start (and at the
    login, for the PIN), its keys a fingertip wide, nothing cut off."""
    monkeypatch.setenv("POS_TOUCH", "1")
    win = open_window(terminal, "zh_CN", devices=DeviceBridge())
    qtbot.addWidget(win)
    win.resize(800, 600)
    win.show()
    try:
        for state in every_screen(qtbot, win):
            assert win.numpad.isVisible(), state
            keys = win.numpad.keys.values()
            assert min(min(k.width(), k.height()) for k in keys) >= 44, state
            try:
                qtbot.waitUntil(lambda: not cut_off(win), timeout=3000)
            except TimeoutError:
                assert cut_off(win) == [], state
    finally:
        win.shutdown()
