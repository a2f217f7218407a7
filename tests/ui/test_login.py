"""The login screen: a wrong PIN is refused with the reason, nobody logged in; five
lock the staff code, and the lock is on the ledger file (read with sqlite3)."""

from __future__ import annotations

import sqlite3

from pytestqt.qtbot import QtBot

from pos_app.ui.app import MainWindow
from tests.ui.helpers import idle, login


def test_wrong_pin_is_refused(qtbot: QtBot, window: MainWindow) -> None:
    window.login.code.setText("1001")
    window.login.pin.setText("9999")
    window.login.login_button.click()
    idle(qtbot, window)
    assert window.current() is window.login
    assert "1001" in window.login.message.text()
    assert window.ctx.operator is None


def locked_until(win: MainWindow, code: str) -> str | None:
    con = sqlite3.connect(win.ctx.terminal.data_dir / "pos.sqlite")
    try:
        (until,) = con.execute("select locked_until from staff where code = ?",
                               (code,)).fetchone()
    finally:
        con.close()
    return str(until) if until is not None else None


def try_login(qtbot: QtBot, win: MainWindow, code: str, pin: str) -> None:
    win.login.code.setText(code)
    win.login.pin.setText(pin)
    win.login.login_button.click()
    idle(qtbot, win)


def test_login_locks_after_five_wrong_pins(qtbot: QtBot, window: MainWindow) -> None:
    for _ in range(5):
        try_login(qtbot, window, "1001", "9999")
        assert window.current() is window.login
    assert locked_until(window, "1001") is not None
    try_login(qtbot, window, "1001", "1111")  # the right PIN, too late
    assert window.current() is window.login and window.ctx.operator is None
    assert "1001" in window.login.message.text()
    assert "锁定" in window.login.message.text() or "locked" in window.login.message.text()
    login(qtbot, window, "2001", "2222")  # others still log in
