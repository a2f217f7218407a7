"""The member counter's top-up tab: the bonus and the card's cap in the preview; a
top-up over the cap refused with the cap named, the balance unchanged."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from pos_app.ui.app import MainWindow
from tests.core.conftest import SILVER_PHONE
from tests.ui.helpers import find_member, idle, login, open_shift_when_offered


def test_topup_over_the_cap_is_previewed_and_refused(qtbot: QtBot, window: MainWindow) -> None:
    win = window
    login(qtbot, win)
    win.key("F8")
    m = win.members
    find_member(qtbot, win, SILVER_PHONE)
    m.tabs.setCurrentIndex(1)
    m.topup_tab.amount.setText("4000")  # 1120 + 4000 + 450 bonus > the 5000 cap
    preview = m.topup_tab.preview.text()
    assert "450.00" in preview and "3,430.00" in preview
    m.topup_tab.button.click()
    open_shift_when_offered(qtbot, win, m)  # the day's first top-up opens the till
    idle(qtbot, win)
    assert "5,000.00" in m.message.text() or "5000" in m.message.text()
    assert m.member["stored_value"]["total"] == "1120.00"
