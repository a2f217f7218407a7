"""The member counter's card stock tab: the store's stock per product and status, a card
chosen from it put on the enroll form and issued (its moves kept); a card of another
store's stock refused on screen."""

from __future__ import annotations

from decimal import Decimal

from pytestqt.qtbot import QtBot

from pos_app.core import card_stock, chip, members
from pos_app.core.staff import Operator
from pos_app.ui.app import MainWindow
from pos_app.ui.device_bridge import PresentedCard
from tests.core.conftest import SILVER_PHONE
from tests.ui.helpers import find_member, idle, login, open_shift_when_offered

MANAGER = Operator("3001", "manager")


def test_see_the_stock_and_issue_from_it(qtbot: QtBot, window: MainWindow) -> None:
    win = window
    t = win.ctx.terminal
    with t.tx() as s:
        b = card_stock.create_batch(t, s, "VIP5000", "nfc", "890100000001", 5, MANAGER)
        card_stock.receive(t, s, MANAGER, batch_no=b.batch_no, last="8901000000035")
    login(qtbot, win)
    win.key("F8")
    m = win.members
    m.tabs.setCurrentWidget(m.stock_tab)
    idle(qtbot, win)
    tab = m.stock_tab
    assert "VIP储值卡 ¥5,000 · 感应卡（非接触）: 在库 3" in tab.summary.text()
    assert [tab.cards.item(i).text().split()[0] for i in range(tab.cards.count())] == [
        "8901000000019", "8901000000027", "8901000000035"]
    tab.cards.setCurrentRow(1)
    tab.issue_button.click()
    assert m.tabs.currentWidget() is m.enroll_tab
    e = m.enroll_tab
    assert e.card.value() == ("8901000000027", "nfc", None)
    e.name.setText("李雷")
    e.phone.setText("13912345678")
    e.privacy.setChecked(True)
    e.button.click()
    idle(qtbot, win)
    assert m.member is not None and m.member["card"] == "8901000000027", m.message.text()
    with t.read() as s:
        assert [x.to_status for x in card_stock.history(s, "8901000000027")] == [
            "in_stock", "issued", "active"]
        assert [x.staff for x in card_stock.history(s, "8901000000027")][1:] == ["1001", "1001"]
    m.tabs.setCurrentWidget(m.stock_tab)
    idle(qtbot, win)
    assert "在库 2" in tab.summary.text() and "已发放" not in tab.summary.text()
    assert tab.cards.count() == 2

    # a card of the batch this store did not receive: refused on screen, nothing issued
    m.issue_from_stock(PresentedCard("nfc", "8901000000043", None))
    e.name.setText("韩梅梅")
    e.phone.setText("13912345679")
    e.privacy.setChecked(True)
    e.button.click()
    idle(qtbot, win)
    assert "未登记到门店 S001" in m.message.text()


def test_sell_a_stock_card_to_the_member_shown(qtbot: QtBot, window: MainWindow) -> None:
    """The chosen card sold at face, in cash, to the member shown: its stored value is
    the face value, the stock shows it sold and active, the drawer opens; its chip is
    written."""
    win = window
    t = win.ctx.terminal
    with t.tx() as s:
        b = card_stock.create_batch(t, s, "VIP5000", "ic", "890100000001", 2, MANAGER)
        card_stock.receive(t, s, MANAGER, batch_no=b.batch_no)
    login(qtbot, win)
    win.key("F8")
    m = win.members
    find_member(qtbot, win, SILVER_PHONE)
    m.tabs.setCurrentWidget(m.stock_tab)
    idle(qtbot, win)
    m.stock_tab.cards.setCurrentRow(1)
    m.stock_tab.sell_button.click()
    open_shift_when_offered(qtbot, win, m.stock_tab)  # a card sale takes money
    idle(qtbot, win)
    assert m.member is not None and m.member["card"] == "8901000000027", m.message.text()
    assert "已售卡" in m.message.text()
    with t.read() as s:
        card = members.find_card(s, "8901000000027")
        assert members.sv_balance(s, card) == (Decimal("5000.00"), Decimal("0.00"))
        assert [x.to_status for x in card_stock.history(s, card.card_no)] == [
            "in_stock", "sold", "active"]
    assert m.stock_tab.cards.count() == 1
    # an IC card: the simulated reader writes its holder's record as the card is sold
    qtbot.waitUntil(lambda: m.chip_dialog is not None and m.chip_dialog.written, timeout=5000)
    reader = win.ctx.devices._simulated("card_reader")
    with t.read() as s:
        card = members.find_card(s, "8901000000027")
        uid = chip.chip_uid(card, "ic")
        assert uid is not None and card.chip_written_at is not None
        assert chip.check_record(t, s, reader.chips[uid]).card_no == card.card_no
