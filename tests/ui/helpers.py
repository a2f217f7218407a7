"""Driving the app like a cashier: log in, wait for the database thread."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from pos_app.ui.app import MainWindow
from pos_app.ui.shift import OpenShiftDialog


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


def open_shift_when_offered(
    qtbot: QtBot, win: MainWindow, screen: QWidget, cash_float: str = "500",
    approver: tuple[str, str] = ("2001", "2222"),
) -> None:
    """The first sale, refund or top-up with no shift open: the app offers to open one;
    the cashier counts in the float and a supervisor approves, as at a real till."""
    qtbot.waitUntil(lambda: _offer(screen) is not None, timeout=5000)
    dlg = _offer(screen)
    assert dlg is not None
    dlg.float_field.setText(cash_float)
    dlg.open_shift()
    if dlg.approval is not None:
        approve(qtbot, win, dlg, *approver)
    idle(qtbot, win)
    assert not dlg.isVisible(), dlg.message.text()


def _offer(screen: QWidget) -> OpenShiftDialog | None:
    found = [d for d in screen.findChildren(OpenShiftDialog) if d.isVisible()]
    return found[-1] if found else None


def open_shift(qtbot: QtBot, win: MainWindow, cash_float: str = "500") -> None:
    """Open the shift on the Shift screen (F11), as the day starts: the float counted in,
    a supervisor's approval for a cashier; back to checkout (F2)."""
    win.key("F11")
    sh = win.shift
    sh.float_field.setText(cash_float)
    win.key("F3")
    if getattr(sh, "approval", None) is not None:
        approve(qtbot, win, sh, "2001", "2222")
    idle(qtbot, win)
    assert "开班" in sh.state.text() or "open" in sh.state.text(), sh.message.text()
    win.key("F2")


def scan(qtbot: QtBot, win: MainWindow, code: str, rows: int) -> None:
    """A scan by the simulated scanner; waits for the cart to show ``rows`` lines."""
    win.ctx.devices.simulate_scan(code)
    qtbot.waitUntil(lambda: win.checkout.model.rowCount() == rows, timeout=5000)
    idle(qtbot, win)


def attach_member(qtbot: QtBot, win: MainWindow, phone: str) -> None:
    co = win.checkout
    co.member_field.setText(phone)
    co.member_field.returnPressed.emit()
    idle(qtbot, win)
    assert co.cart.member is not None


def shown_lines(win: MainWindow) -> list[tuple[str, str]]:
    """(item, qty) of each line the cart shows."""
    m = win.checkout.model
    return [(m.index(r, 1).data(), m.index(r, 2).data()) for r in range(m.rowCount())]
