"""Selling stock cards on terms from the card stock tab: below face at a rate in 折 with a
supervisor's PIN (refused below the product's lowest rate, in the cashier's language),
anonymous cards in a number that reaches the real-name threshold (the buyer's name and ID
number asked), and a card given by the spending rule (a supervisor's own action)."""

from __future__ import annotations

from decimal import Decimal

from pytestqt.qtbot import QtBot
from sqlalchemy import select

from pos_app.core import card_stock, members
from pos_app.core.models import CardSale
from pos_app.core.staff import Operator
from pos_app.ui.app import MainWindow
from tests.core.conftest import SILVER_PHONE
from tests.ui.helpers import approve, find_member, idle, login, open_shift_when_offered

MANAGER = Operator("3001", "manager")


def stock(win: MainWindow, product: str, media: str, start: str, count: int) -> None:
    t = win.ctx.terminal
    with t.tx() as s:
        b = card_stock.create_batch(t, s, product, media, start, count, MANAGER)
        card_stock.receive(t, s, MANAGER, batch_no=b.batch_no)


def open_stock(qtbot: QtBot, win: MainWindow, code: str = "1001", pin: str = "1111") -> None:
    login(qtbot, win, code, pin)
    win.key("F8")
    win.members.tabs.setCurrentWidget(win.members.stock_tab)
    idle(qtbot, win)


def test_sell_below_face_with_approval_down_to_the_lowest_rate(
        qtbot: QtBot, window: MainWindow) -> None:
    win = window
    stock(win, "VIP5000", "ic", "890100000001", 2)
    open_stock(qtbot, win)
    m, tab = win.members, win.members.stock_tab
    find_member(qtbot, win, SILVER_PHONE)
    tab.cards.setCurrentRow(0)

    # 7折 is below the product's lowest (80 % of face): refused after the approval
    tab.sell_terms_button.click()
    dlg = tab.sale_dialog
    assert dlg is not None and dlg.isVisible()
    assert dlg.count.maximum() == 1  # a registered card goes to one holder
    dlg.rate.setText("7")
    assert dlg.total.text() == "应付：￥3,500.00"
    dlg.buttons.accepted.emit()
    approve(qtbot, win, tab, "2001", "2222")
    open_shift_when_offered(qtbot, win, tab)
    idle(qtbot, win)
    assert "VIP5000 最低售价为 ￥4,000.00，不能以 ￥3,500.00 出售" in m.message.text()

    # 8折 by a cashier with the supervisor's PIN: principal what was paid, bonus the rest
    tab.sell_terms_button.click()
    dlg = tab.sale_dialog
    assert dlg is not None
    dlg.rate.setText("8")
    dlg.tender.setCurrentIndex(dlg.tender.findData("bank_card"))
    dlg.buttons.accepted.emit()
    assert tab.approval is not None and tab.approval.isVisible()
    approve(qtbot, win, tab, "2001", "2222")
    assert "已售卡" in m.message.text(), m.message.text()
    t = win.ctx.terminal
    with t.read() as s:
        card = members.find_card(s, "8901000000019")
        assert members.sv_balance(s, card) == (Decimal("4000.00"), Decimal("1000.00"))
        cs = s.scalars(select(CardSale)).one()
        assert (cs.paid, cs.tender, cs.approved_by, cs.staff) == (
            Decimal("4000.00"), "bank_card", "2001", "1001")


def test_anonymous_cards_reaching_the_threshold_ask_for_the_buyer(
        qtbot: QtBot, window: MainWindow) -> None:
    win = window
    stock(win, "GIFT1000", "magstripe", "700000000001", 12)
    open_stock(qtbot, win)
    m, tab = win.members, win.members.stock_tab
    tab.cards.setCurrentRow(0)
    tab.sell_terms_button.click()
    dlg = tab.sale_dialog
    assert dlg is not None
    dlg.count.setValue(10)
    assert dlg.total.text() == "应付：￥10,000.00"
    dlg.buttons.accepted.emit()
    assert dlg.isVisible() and "姓名和身份证号" in dlg.message.text()
    dlg.buyer_name.setText("李雷")
    dlg.buyer_id.setText("110101199003074515")  # a wrong check digit: the core refuses it
    dlg.buttons.accepted.emit()
    open_shift_when_offered(qtbot, win, tab)
    idle(qtbot, win)
    assert "身份证" in m.message.text(), m.message.text()
    t = win.ctx.terminal
    with t.read() as s:
        assert s.scalars(select(CardSale)).first() is None
    tab.sell_terms_button.click()
    dlg = tab.sale_dialog
    assert dlg is not None
    dlg.count.setValue(10)
    dlg.buyer_name.setText("李雷")
    dlg.buyer_id.setText("110101199003074514")
    dlg.buttons.accepted.emit()
    idle(qtbot, win)
    assert "已售卡" in m.message.text(), m.message.text()
    with t.read() as s:
        cs = s.scalars(select(CardSale)).one()
        assert cs.paid == Decimal("10000.00") and cs.buyer_id_enc is not None
        assert b"110101199003074514" not in cs.buyer_id_enc
    assert tab.cards.count() == 2


def test_a_card_given_by_the_spending_rule_is_a_supervisor_action(
        qtbot: QtBot, window: MainWindow) -> None:
    win = window
    stock(win, "VIP5000", "ic", "890100000001", 1)
    open_stock(qtbot, win)
    m, tab = win.members, win.members.stock_tab
    find_member(qtbot, win, SILVER_PHONE)
    tab.cards.setCurrentRow(0)
    tab.grant_button.click()
    idle(qtbot, win)
    assert "主管" in m.message.text(), m.message.text()  # a cashier may not
    win.logout()
    open_stock(qtbot, win, "2001", "2222")
    find_member(qtbot, win, SILVER_PHONE)
    tab.cards.setCurrentRow(0)
    tab.grant_button.click()
    idle(qtbot, win)
    assert "须消费满 ￥100,000.00 才赠送" in m.message.text(), m.message.text()
    assert tab.cards.count() == 1
