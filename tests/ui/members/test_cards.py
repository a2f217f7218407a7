"""The member counter's cards tab: a lost card blocked and replaced (the balance moves),
a supplementary card by swipe."""

from __future__ import annotations

from decimal import Decimal

from pytestqt.qtbot import QtBot

from pos_app.core import members
from pos_app.ui.app import MainWindow
from tests.core.conftest import SILVER_PHONE
from tests.ui.helpers import approve, find_member, idle, login


def test_block_replace_and_supplementary(qtbot: QtBot, window: MainWindow) -> None:
    win = window
    login(qtbot, win)
    win.key("F8")
    m = win.members
    find_member(qtbot, win, SILVER_PHONE)
    assert m.member is not None
    old_card = m.member["card"]
    assert m.member["stored_value"]["total"] == "1120.00"
    m.tabs.setCurrentIndex(2)

    # a supplementary card, bound by a magnetic-stripe swipe, with a daily limit
    m.cards_tab.card.present_radio.setChecked(True)
    win.ctx.devices.simulate_card("magstripe", "SUPP-0001")
    qtbot.waitUntil(lambda: m.cards_tab.card.card is not None, timeout=5000)
    m.cards_tab.holder.setText("王小芳")
    m.cards_tab.per_day.setText("200")
    m.cards_tab.supp_button.click()
    idle(qtbot, win)
    idle(qtbot, win)
    assert "SUPP" in m.message.text() or "****" in m.message.text(), m.message.text()
    t = win.ctx.terminal
    with t.read() as s:
        supp = members.find_card(s, "SUPP-0001", "magstripe")
        assert supp.main_card_id is not None and supp.limit_per_day == Decimal("200.00")
        assert members.sv_balance(s, supp) == (Decimal("1000.00"), Decimal("120.00"))

    # lost: block at once (a cashier may), after a confirmation; replace with a
    # supervisor's approval
    m.cards_tab.block_button.click()
    idle(qtbot, win)
    with t.read() as s:  # asked first: one click blocks nothing
        assert members.find_card(s, old_card, active_only=False).status == "active"
    ask = m.cards_tab.confirming
    assert ask.isVisible() and "****" in ask.question.text()
    ask.accept()
    idle(qtbot, win)
    with t.read() as s:
        assert members.find_card(s, old_card, active_only=False).status == "blocked"
    m.cards_tab.card.reset()
    m.cards_tab.replace_button.click()
    approve(qtbot, win, m.cards_tab, "2001", "2222")
    idle(qtbot, win)
    assert m.member["card"] != old_card
    assert m.member["stored_value"]["total"] == "1120.00"  # the balance moved
    with t.read() as s:
        new = members.find_card(s, m.member["card"])
        assert new.status == "active"
        assert members.find_card(s, old_card, active_only=False).status == "replaced"
        # the supplementary card now hangs under the new card
        assert members.find_card(s, "SUPP-0001", "magstripe").main_card_id == new.id
