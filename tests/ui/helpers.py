"""Driving the app like a cashier: log in, wait for the database thread."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from pos_app.ui.app import MainWindow


def idle(qtbot: QtBot, win: MainWindow, timeout: int = 10000) -> None:
    """Wait until the database thread has finished and its results reached the screen."""
    qtbot.waitUntil(lambda: win.ctx.runner.in_flight == 0, timeout=timeout)


def login(qtbot: QtBot, win: MainWindow, code: str = "1001", pin: str = "1111") -> None:
    win.login.code.setText(code)
    win.login.pin.setText(pin)
    win.login.login_button.click()
    qtbot.waitUntil(lambda: win.current() is win.checkout, timeout=10000)


def approve(qtbot: QtBot, win: MainWindow, screen: object, code: str, pin: str) -> None:
    dlg = getattr(screen, "approval", None)
    assert dlg is not None, "an approval dialog was expected"
    dlg.code.setText(code)
    dlg.pin.setText(pin)
    dlg.check()
    idle(qtbot, win)


def find_member(qtbot: QtBot, win: MainWindow, text: str) -> None:
    """Find a member on the member counter by card number or phone."""
    win.members.find_field.setText(text)
    win.members.find_member()
    idle(qtbot, win)
