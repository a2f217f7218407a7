"""The member counter's enroll tab: the core's validation (age, a phone already
enrolled, masked) shown on the screen, nothing written."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from pos_app.ui.app import MainWindow
from tests.core.conftest import SILVER_PHONE
from tests.ui.helpers import idle, login


def test_enrollment_is_validated(qtbot: QtBot, window: MainWindow) -> None:
    win = window
    login(qtbot, win)
    win.key("F8")
    m = win.members
    m.enroll_tab.name.setText("未成年")
    m.enroll_tab.phone.setText("13600136000")
    m.enroll_tab.birthday.setText("2015-01-01")
    m.enroll_tab.privacy.setChecked(True)
    m.enroll_tab.button.click()
    idle(qtbot, win)
    assert "18" in m.message.text()  # members must be 18 or older
    m.enroll_tab.birthday.setText("1990-01-01")
    m.enroll_tab.phone.setText(SILVER_PHONE)  # already a member's phone
    m.enroll_tab.button.click()
    idle(qtbot, win)
    assert "138****8000" in m.message.text() and SILVER_PHONE not in m.message.text()
