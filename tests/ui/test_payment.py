"""The payment screen against the ledger: what the screen lets the cashier complete, the
sale path accepts, with the same figures; a stored-value sale while HQ is out of reach is
flagged (within the offline cap) or refused (over it) on the screen."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from pos_app.core import sales
from pos_app.core.models import OfflineSpend, SyncState
from pos_app.ui.app import MainWindow
from tests.core.conftest import COAT, CREAM, KETTLE, SCARF, SILVER_PHONE, TOTE
from tests.ui.helpers import (
    attach_member,
    idle,
    login,
    open_shift,
    open_shift_when_offered,
    scan,
    shown_lines,
)

D = Decimal


def test_points_limit_follows_the_stored_value_pay_discount(
    qtbot: QtBot, window: MainWindow
) -> None:
    """Scarf 122.55 (silver) + tote 179.00 (member price) = 301.55: points may pay 150.00.
    Paid wholly from stored value the sale is 295.52, and points may pay only 140.00 of
    it; the screen must not offer a split the ledger then refuses."""
    win = window
    login(qtbot, win)
    co = win.checkout
    for code in (SCARF, TOTE):
        win.ctx.devices.simulate_scan(code)
    qtbot.waitUntil(lambda: co.model.rowCount() == 2, timeout=5000)
    co.member_field.setText(SILVER_PHONE)
    co.member_field.returnPressed.emit()
    idle(qtbot, win)
    assert co.priced is not None and co.priced.total == D("301.55")
    card_no = co.cart.member_card
    assert card_no is not None
    win.key("F12")
    open_shift_when_offered(qtbot, win, co)
    pay = win.payment
    assert win.current() is pay
    assert "295.52" in pay.sv_preview.text()
    assert pay.points.maximum() == 1500  # half of 301.55, in whole 100-point units

    pay.points.setValue(1500)
    win.key("F3")
    win.key("F4")  # stored value for the rest: the sale becomes 295.52
    pay.card_field.setText(card_no)
    pay.card_field.returnPressed.emit()
    idle(qtbot, win)
    # refused on the screen, with the ledger's own reason, not at Complete
    assert [x.kind for x in pay.tenders] == ["points"], pay.message.text()
    assert "140.00" in pay.message.text() and "295.52" in pay.message.text()
    assert not pay.complete_button.isEnabled()

    win.key("Ctrl+R")  # remove the last tender
    assert pay.points.maximum() == 1500
    pay.points.setValue(1400)
    win.key("F3")
    win.key("F4")  # the card is known now
    assert [x.kind for x in pay.tenders] == ["points", "stored_value"], pay.message.text()
    assert pay.tenders[1].amount == D("155.52")
    assert pay.sale_total() == D("295.52") and pay.complete_button.isEnabled()
    assert pay.points.maximum() == 0  # points already pay all they may
    win.key("F12")
    idle(qtbot, win)
    assert win.current() is co, pay.message.text()
    with win.ctx.terminal.read() as s:
        sale = s.scalars(select(sales.Sale).order_by(sales.Sale.id.desc())).first()
        assert sale is not None and sale.total == D("295.52") and sale.pay_discount_applied
        assert [(x.kind, x.amount, x.points) for x in sale.tenders] == [
            ("points", D("140.00"), 1400),
            ("stored_value", D("155.52"), 0),
        ]


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
    open_shift_when_offered(qtbot, win, co)  # the day's first sale opens the till
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


def test_stored_value_never_above_the_card_and_a_lost_discount_said_before_complete(
    qtbot: QtBot, window: MainWindow
) -> None:
    win = window
    login(qtbot, win)
    open_shift(qtbot, win)
    co, pay = win.checkout, win.payment
    attach_member(qtbot, win, SILVER_PHONE)
    card = co.cart.member_card
    scan(qtbot, win, COAT, 1)
    for n in ("2", "3"):  # the same coat again: one line, three coats
        win.ctx.devices.simulate_scan(COAT)
        qtbot.waitUntil(lambda n=n: shown_lines(win) == [("羊毛大衣 Wool coat", n)],
                        timeout=5000)
    win.key("F12")
    assert win.current() is pay
    pay.amount.setText("1300")
    win.key("F4")
    pay.card_field.setText(card or "")
    pay.card_field.returnPressed.emit()
    idle(qtbot, win)
    # above the 1,120.00 balance: refused on the screen, with the rule, nothing added
    assert pay.tenders == []
    assert "1,120.00" in pay.message.text() and "储值余额" in pay.message.text()
    pay.amount.clear()
    win.key("F4")  # no amount: the most the card may pay
    assert [(x.kind, x.amount) for x in pay.tenders] == [("stored_value", D("1120.00"))]
    assert not pay.lost.isVisible() or pay.lost.text() == ""
    win.key("F5")  # cash for the rest: the pay discount is lost, and said so
    assert [x.kind for x in pay.tenders] == ["stored_value", "cash"]
    assert pay.lost.text() and "现金" in pay.lost.text(), pay.lost.text()
    assert pay.complete_button.isEnabled()
    win.key("F12")
    idle(qtbot, win)
    assert win.current() is co, pay.message.text()


def test_f3_fills_the_most_points_allowed(qtbot: QtBot, window: MainWindow) -> None:
    win = window
    login(qtbot, win)
    open_shift(qtbot, win)
    co, pay = win.checkout, win.payment
    attach_member(qtbot, win, SILVER_PHONE)
    scan(qtbot, win, KETTLE, 1)  # 246.05 for silver: points may pay 120.00 (1,200 points)
    win.key("F12")
    assert pay.points.value() == 0
    win.key("F3")
    assert [(x.kind, x.points) for x in pay.tenders] == [("points", 1200)], pay.message.text()
    win.key("F5")
    win.key("F12")
    idle(qtbot, win)
    assert win.current() is co, pay.message.text()


def test_a_scan_on_the_payment_screen_reaches_the_sale_not_the_cash_field(
    qtbot: QtBot, window: MainWindow
) -> None:
    win = window
    login(qtbot, win)
    open_shift(qtbot, win)
    co, pay = win.checkout, win.payment
    scan(qtbot, win, KETTLE, 1)
    win.key("F12")
    assert win.current() is pay
    pay.amount.setFocus()
    qtbot.waitUntil(pay.amount.hasFocus, timeout=2000)
    qtbot.keyClicks(pay.amount, SCARF)  # a wedge scanner: keys 0 ms apart, then Enter
    qtbot.keyClick(pay.amount, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: co.model.rowCount() == 2, timeout=5000)
    assert pay.amount.text() == ""
    assert win.current() is co
    assert co.priced is not None and co.priced.total == D("388.00")


def two_creams_to_pay(qtbot: QtBot, win: MainWindow, first: bool = True) -> None:
    """A member's two creams (458.00 × 2 at the D11 70 % for members: 641.20, ¥500 of
    cosmetics: the 满赠 gives a gift) taken to the payment screen (the shift opened at
    the ``first`` sale)."""
    co = win.checkout
    attach_member(qtbot, win, SILVER_PHONE)
    for _ in range(2):
        win.ctx.devices.simulate_scan(CREAM)
    qtbot.waitUntil(lambda: co.priced is not None and co.priced.total == D("641.20"),
                    timeout=5000)
    win.key("F12")
    if first:
        open_shift_when_offered(qtbot, win, co)
    qtbot.waitUntil(lambda: win.current() is win.payment, timeout=5000)


def cash_for_the_rest(qtbot: QtBot, win: MainWindow) -> list[tuple[str, str, int]]:
    """Cash for the rest, the sale completed; the gifts it handed over (code, source,
    points)."""
    from pos_app.core.models import SaleGift

    win.key("F5")
    win.key("F12")
    idle(qtbot, win)
    assert win.current() is win.checkout, win.payment.message.text()
    with win.ctx.terminal.read() as s:
        sale = s.scalars(select(sales.Sale).order_by(sales.Sale.id.desc())).first()
        assert sale is not None
        given = s.scalars(select(SaleGift).where(SaleGift.sale_id == sale.id)).all()
        return [(g.gift_code, g.source, g.points) for g in given]


def test_gifts_at_the_checkout(qtbot: QtBot, window: MainWindow) -> None:
    """A 满赠 gift shown at payment and handed over with the sale; a gift bought with the
    member's points chosen on the payment screen."""
    from pos_app.core import gifts
    from pos_app.core.staff import Operator

    win = window
    t = win.ctx.terminal
    with t.tx() as s:
        gifts.receive(t, s, "UMBRELLA", 2, Operator("2001", "supervisor"))
    login(qtbot, win)
    pay = win.payment
    two_creams_to_pay(qtbot, win)
    assert "晴雨伞" in pay.gift_line.text() and "50.00" in pay.gift_line.text()
    assert pay.gift_points.isEnabled() and pay.offered.isHidden()  # a member: not asked
    pay.gift_points.setCurrentIndex(pay.gift_points.findData("UMBRELLA"))
    assert cash_for_the_rest(qtbot, win) == [
        ("UMBRELLA", "promotion", 0), ("UMBRELLA", "points", 500)]


def test_the_customer_chooses_the_gift_with_purchase(qtbot: QtBot, window: MainWindow) -> None:
    """A 满赠 offering two gifts in stock: the payment screen lists both (the first in
    stock chosen), the cashier picks the other, and the sale hands over that one and
    takes it from the store's stock; with one gift left in stock there is nothing to
    choose and the line names it."""
    from pos_app.core import gifts
    from pos_app.core.staff import Operator

    win = window
    t = win.ctx.terminal
    with t.tx() as s:
        for code in ("BEAUTY-SET", "UMBRELLA"):
            gifts.receive(t, s, code, 1, Operator("2001", "supervisor"))
    login(qtbot, win)
    pay = win.payment
    two_creams_to_pay(qtbot, win)
    box = pay.gift_choices["D11-GWP"]
    assert not pay.gift_choice_box.isHidden() and pay.gift_line.isHidden()
    assert [box.itemData(i) for i in range(box.count())] == ["BEAUTY-SET", "UMBRELLA"]
    assert box.currentData() == "BEAUTY-SET" and "美妆礼盒" in box.currentText()
    box.setCurrentIndex(box.findData("UMBRELLA"))
    assert "晴雨伞" in box.currentText() and "50.00" in box.currentText()
    assert cash_for_the_rest(qtbot, win) == [("UMBRELLA", "promotion", 0)]
    with t.read() as s:
        assert gifts.stock(s, t.program) == {"BEAUTY-SET": 1, "UMBRELLA": 0}
    # the umbrella is gone: the beauty set is the only gift, named, nothing to choose
    two_creams_to_pay(qtbot, win, first=False)
    assert pay.gift_choice_box.isHidden() and pay.gift_choices == {}
    assert "美妆礼盒" in pay.gift_line.text()


def test_membership_offered_asked_of_a_non_member_sale(qtbot: QtBot,
                                                       window: MainWindow) -> None:
    win = window
    login(qtbot, win)
    co, pay = win.checkout, win.payment
    win.ctx.devices.simulate_scan(COAT)  # 699.00, no member: above the ¥100 of the program
    qtbot.waitUntil(lambda: co.model.rowCount() == 1, timeout=5000)
    idle(qtbot, win)
    win.key("F12")
    open_shift_when_offered(qtbot, win, co)
    assert not pay.offered.isHidden() and not pay.gift_points.isEnabled()
    pay.offered.setChecked(True)
    idle(qtbot, win)  # the staff list read for the assistant's field
    completer = pay.credited.completer()
    assert completer is not None and completer.model().rowCount() == 3  # the demo's staff
    pay.credited.setText("2001")  # typed, chosen from the list, or a badge scanned
    assert pay.credited_name.text() == "刘洋"
    win.key("F5")
    win.key("F12")
    idle(qtbot, win)
    assert win.current() is co, pay.message.text()
    with win.ctx.terminal.read() as s:
        sale = s.scalars(select(sales.Sale).order_by(sales.Sale.id.desc())).first()
        assert sale is not None
        assert (sale.membership_offered, sale.credited_staff) == (True, "2001")
