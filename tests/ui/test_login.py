"""The login screen: a wrong PIN is refused with the reason, nobody logged in."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from pos_app.ui.app import MainWindow
from tests.ui.helpers import idle


def test_wrong_pin_is_refused(qtbot: QtBot, window: MainWindow) -> None:
    window.login.code.setText("1001")
    window.login.pin.setText("9999")
    window.login.login_button.click()
    idle(qtbot, window)
    assert window.current() is window.login
    assert "1001" in window.login.message.text()
    assert window.ctx.operator is None
