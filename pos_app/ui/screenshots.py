"""``scripts/screenshots``: every screen, into docs/screenshots/.

* ``<screen>-<lang>.png``: both languages at 1280×800, with the customer display;
* ``sizes/<W>x<H>/<screen>.png``: Chinese at each size the app is made for (800×600,
  1024×768, 1366×768, 1920×1080), the numpad open on the payment screen.

Runs offscreen on a fresh copy of the demo data, on a clock set to the worked example's
moment (Double 11 promotions on), and drives the screens as a cashier would.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from pos_app import demo
from pos_app.core.models import Sale
from pos_app.core.terminal import Terminal
from pos_app.ui import customer_display
from pos_app.ui.app import SIZES, MainWindow, make_app, open_window
from pos_app.ui.balance import BalanceScreen
from pos_app.ui.confirm import ReasonDialog
from pos_app.ui.device_bridge import DeviceBridge
from pos_app.ui.discount import DiscountDialog
from pos_app.ui.members import MembersScreen
from pos_app.ui.parked import RecallDialog
from pos_app.ui.price_check import PriceCheckDialog
from pos_app.ui.returns import ReturnsScreen
from pos_app.ui.shift import OpenShiftDialog, ShiftScreen

D11 = datetime(2026, 11, 9, 14, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
COAT, SCARF, LIPSTICK = "6901234560015", "6901234560022", "6901234560039"
CREAM = "6901234560077"


def _clock() -> Callable[[], datetime]:
    start = time.monotonic()
    return lambda: D11 + timedelta(seconds=time.monotonic() - start)


def settle(win: MainWindow, ms: int = 150) -> None:
    app = QApplication.instance()
    assert app is not None
    end = time.monotonic() + 10
    while time.monotonic() < end:
        app.processEvents()
        if win.ctx.runner.in_flight == 0:
            break
        time.sleep(0.005)
    stop = time.monotonic() + ms / 1000
    while time.monotonic() < stop:
        app.processEvents()
        time.sleep(0.005)


def shoot(widget: QWidget, out: Path, name: str, lang: str | None) -> Path:
    path = out / (f"{name}-{lang}.png" if lang else f"{name}.png")
    widget.grab().save(str(path))
    return path


def shoot_dialog(win: MainWindow, dialog: QDialog, out: Path, name: str,
                 lang: str | None) -> Path:
    """The window with ``dialog`` over it as the cashier sees it on a screen of the
    window's size: centred on the window, the window dimmed behind it (a dialog larger
    than the screen is cut off here as it would be there)."""
    settle(win)
    shot = win.grab()
    painter = QPainter(shot)
    painter.fillRect(shot.rect(), QColor(0, 0, 0, 70))
    x = (win.width() - dialog.width()) // 2
    y = (win.height() - dialog.height()) // 2
    painter.drawPixmap(max(0, x), max(0, y), dialog.grab())
    painter.end()
    path = out / (f"{name}-{lang}.png" if lang else f"{name}.png")
    shot.save(str(path))
    return path


def counter_dialogs(win: MainWindow, out: Path, tag: str | None) -> list[Path]:
    """The counter's dialogs over a cart of three lines: price check (a scarf looked
    up), manual discount (9折 typed), cancel the sale and the no-sale drawer (a reason
    chosen), and recall (the cart parked, then offered back; it comes back)."""
    co, shots = win.checkout, []
    co.price_check()
    check = co.checking
    assert isinstance(check, PriceCheckDialog)
    check.look_up(SCARF)
    settle(win)  # priced on the database thread
    shots.append(shoot_dialog(win, check, out, "dialog-price-check", tag))
    check.reject()
    co.table.selectRow(0)
    co.manual_discount()
    discount = co.confirming
    assert isinstance(discount, DiscountDialog)
    discount.rate_field.setText("9")
    shots.append(shoot_dialog(win, discount, out, "dialog-discount", tag))
    discount.reject()
    settle(win)
    for name, ask in (("dialog-cancel-sale", co.cancel_sale),
                      ("dialog-no-sale", co.open_drawer)):
        ask()
        reason = co.confirming
        assert isinstance(reason, ReasonDialog)
        reason.reason.setCurrentIndex(0)
        shots.append(shoot_dialog(win, reason, out, name, tag))
        reason.reject()
        settle(win)
    co.park()
    settle(win)
    co.recall()
    settle(win)
    recall = co.recalling
    assert isinstance(recall, RecallDialog)
    shots.append(shoot_dialog(win, recall, out, "dialog-recall", tag))
    recall.accept()
    settle(win)
    return shots


def gift_choice(win: MainWindow, out: Path, tag: str | None) -> Path:
    """Payment for two creams (¥500 of cosmetics reached): the customer chooses the
    满赠 gift among the two in stock; the cart is then put back and cleared."""
    co = win.checkout
    for _ in range(2):
        win.ctx.devices.simulate_scan(CREAM)
        settle(win, 60)
    settle(win)
    win.key("F12")
    settle(win)
    box = win.payment.gift_choices.get("D11-GWP")
    if box is not None:
        box.setCurrentIndex(box.findData("UMBRELLA"))
    shot = shoot(win, out, "payment-gift", tag)
    win.payment.on_done(None)
    settle(win)
    co.clear()
    settle(win)
    return shot


def card_counter(win: MainWindow, t: Terminal, tmp: Path, out: Path,
                 tag: str | None) -> list[Path]:
    """The card stock tab with its sale dialog (anonymous gift cards, ten at 9折, the
    buyer asked), and the group enrollment tab with a checked file's report."""
    demo.receive_gift_cards(t)
    m, shots = win.screen_as("members", MembersScreen), []
    m.tabs.setCurrentWidget(m.stock_tab)
    settle(win)
    shots.append(shoot(win, out, "members-stock", tag))
    m.stock_tab.sell_on_terms()
    sale = m.stock_tab.sale_dialog
    assert sale is not None
    sale.count.setValue(10)
    sale.rate.setText("9")
    sale.buyer_name.setText("李雷")
    shots.append(shoot_dialog(win, sale, out, "dialog-card-sale", tag))
    sale.reject()
    group = tmp / f"group-{tag or win.width()}.csv"
    group.write_text("姓名,手机,身份证号\n李雷,13912345601,110101199003074514\n"
                     "韩梅梅,13912345602,\n赵六,13912345601,\n孙八,13800138000,\n"
                     "钱七,12345,\n", "utf-8")
    m.tabs.setCurrentWidget(m.group_tab)
    m.group_tab.organisation.setText("市第一中学")
    m.group_tab.path.setText(str(group))
    m.group_tab.check()
    settle(win)
    # a low window scrolls the member counter: the report and the button brought up
    win.pages["members"].ensureWidgetVisible(m.message)
    settle(win)
    shots.append(shoot(win, out, "members-group", tag))
    win.pages["members"].verticalScrollBar().setValue(0)
    shots.append(chip_write(win, out, tag))
    return shots


def chip_write(win: MainWindow, out: Path, tag: str | None) -> Path:
    """A member enrolled with a contact IC card: the dialog that writes its chip, as it
    says no card was in the reader (Write again offered); then written."""
    m = win.screen_as("members", MembersScreen)
    reader = win.ctx.devices._simulated("card_reader")
    reader.on_pad = None
    m.tabs.setCurrentWidget(m.enroll_tab)
    tab = m.enroll_tab
    tab.name.setText("周芷若")
    tab.phone.setText("13700137001")
    tab.privacy.setChecked(True)
    tab.card.present_radio.setChecked(True)
    win.ctx.devices.simulate_card("ic", None, "04AABBCCDD22")
    settle(win, 300)
    tab.finish()
    settle(win, 500)
    dialog = m.chip_dialog
    assert dialog is not None
    shot = shoot_dialog(win, dialog, out, "dialog-chip-write", tag)
    reader.on_pad = reader.ISSUED
    dialog.start()
    settle(win, 300)
    dialog.reject()
    settle(win)
    return shot


def run_language(
    lang: str, out: Path, data: Path, size: tuple[int, int] = (1280, 800), named: bool = True
) -> list[Path]:
    """Every screen in ``lang`` at ``size``; files named with the language, or not."""
    demo.set_up(data).close()
    t = Terminal.open(data, clock=_clock())
    win = open_window(t, lang, devices=DeviceBridge())
    win.resize(*size)
    win.show()
    shots = []
    tag = lang if named else None
    customer = None
    if named:  # the customer display as a window beside the cashier's
        customer = customer_display.open_for(win, lambda: win.checkout.priced, mode="window")
        assert customer is not None
        win.ctx.devices.customer_shown.connect(customer.follow)
    try:
        settle(win)
        shots.append(shoot(win, out, "login", tag))
        win.login.code.setText("1001")
        win.login.pin.setText("1111")
        win.login.submit()
        settle(win)
        dev = win.ctx.devices
        for code in (COAT, SCARF, LIPSTICK):
            dev.simulate_scan(code)
            settle(win, 60)
        co = win.checkout
        co.table.selectRow(1)
        co.qty.setValue(2)
        co.set_qty()
        co.member_field.setText("13800138000")
        co.member_field.returnPressed.emit()
        settle(win)
        co.coupon_field.setText("D11-50-0001")
        co.coupon_field.returnPressed.emit()
        settle(win)
        shots.append(shoot(win, out, "checkout", tag))
        shots += counter_dialogs(win, out, tag)
        win.key("F1")
        settle(win)
        shots.append(shoot(win, out, "help", tag))
        win.key("F1")
        win.key("F12")
        settle(win)
        offer = co.findChild(OpenShiftDialog)
        if offer is not None:  # the day's first sale: the app offers to open the shift
            offer.float_field.setText("500")
            if named:
                shots.append(shoot(offer, out, "open-shift", lang))
            shots.append(shoot_dialog(win, offer, out, "dialog-open-shift", tag))
            offer.open_shift()
            settle(win)
            if offer.approval is not None:
                offer.approval.code.setText("2001")
                offer.approval.pin.setText("2222")
                offer.approval.check()
                settle(win)
        pay = win.payment
        pay.points.setValue(200)
        pay.add_tender("points")
        pay.amount.setText("900")
        pay.add_tender("cash")
        settle(win)
        shots.append(shoot(win, out, "payment", tag))
        if not named:
            win.numpad_button.setChecked(True)
            pay.amount.setFocus()
            settle(win)
            shots.append(shoot(win, out, "payment-numpad", tag))
            win.numpad_button.setChecked(False)
        if customer is not None:
            settle(win)
            shots.append(shoot(customer, out, "customer-display-lines", tag))
        pay.credited.setText("2001")  # the assistant who served (业绩), for the staff report
        demo.receive_gifts(t)  # read by the checkout when it is shown after this sale
        pay.complete()
        settle(win)
        if customer is not None:
            shots.append(shoot(customer, out, "customer-display-change", tag))
        shots.append(gift_choice(win, out, tag))
        co.price_field.setText("600")
        dev.simulate_scan(COAT)
        settle(win)
        co.override_price()
        settle(win)
        if co.approval is not None:
            shots.append(shoot(co.approval, out, "approval", tag))
            co.approval.reject()
        co.clear()
        win.key("F8")
        m = win.screen_as("members", MembersScreen)
        m.find_field.setText("13800138000")
        m.find_member()
        settle(win)
        m.tabs.setCurrentIndex(1)
        m.topup_tab.amount.setText("1000")
        settle(win)
        shots.append(shoot(win, out, "members-topup", tag))
        m.tabs.setCurrentIndex(0)
        m.enroll_tab.name.setText("赵敏")
        m.enroll_tab.phone.setText("13700137000")
        m.enroll_tab.birthday.setText("1990-11-09")
        m.enroll_tab.privacy.setChecked(True)
        m.enroll_tab.card.present_radio.setChecked(True)
        dev.simulate_card("nfc", None, "04AABBCCDD11")
        settle(win, 400)
        shots.append(shoot(win, out, "members-enroll", tag))
        m.tabs.setCurrentIndex(3)
        settle(win)
        shots.append(shoot(win, out, "members-history", tag))
        m.tabs.setCurrentIndex(2)
        settle(win)
        shots.append(shoot(win, out, "members-cards", tag))
        shots += card_counter(win, t, data.parent, out, tag)
        win.key("F10")
        bal = win.screen_as("balance", BalanceScreen)
        bal.find_field.setText("13800138000")
        bal.find_field.returnPressed.emit()
        settle(win)
        shots.append(shoot(win, out, "balance", tag))
        win.key("F9")
        ret = win.screen_as("returns", ReturnsScreen)
        with t.read() as s:
            last = s.query(Sale).filter(Sale.kind == "sale").order_by(Sale.id.desc()).first()
            no = last.sale_no if last else ""
        ret.receipt_field.setText(no)
        ret.load(no)
        settle(win)
        box = ret.table.cellWidget(1, 0)
        if box is not None:
            box.setProperty("checked", True)
        ret.show_preview()
        settle(win)
        shots.append(shoot(win, out, "returns", tag))
        win.logout()
        win.login.code.setText("2001")
        win.login.pin.setText("2222")
        win.login.submit()
        settle(win)
        win.key("F11")
        settle(win)
        sh = win.screen_as("shift", ShiftScreen)
        sh.x_report()  # the shift opened at the first sale
        settle(win)
        shots.append(shoot(win, out, "shift", tag))
        win.key("Ctrl+F11")  # the day's figures per assistant, as the supervisor reads them
        settle(win)
        shots.append(shoot(win, out, "staff-report", tag))
    finally:
        if customer is not None:
            customer.close()
        win.shutdown()
        win.close()
        t.close()
    return shots


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0]) if args else Path(__file__).resolve().parents[2] / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    make_app()
    shots: list[Path] = []
    with tempfile.TemporaryDirectory() as tmp:
        for lang in ("zh_CN", "en"):
            shots += run_language(lang, out, Path(tmp) / lang)
        for w, h in SIZES:
            folder = out / "sizes" / f"{w}x{h}"
            folder.mkdir(parents=True, exist_ok=True)
            shots += run_language("zh_CN", folder, Path(tmp) / f"{w}x{h}", (w, h), named=False)
    for p in shots:
        print(p)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
