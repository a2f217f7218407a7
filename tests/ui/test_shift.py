"""The shift screen: open with a float, X report, close with the count and Z report; a
cashier is asked for a supervisor's approval."""

from __future__ import annotations

from decimal import Decimal

from pytestqt.qtbot import QtBot
from sqlalchemy import select

from pos_app.core import shifts
from pos_app.core.models import AuditEntry
from pos_app.ui.app import MainWindow
from tests.ui.helpers import approve, idle, login


def test_shift_open_x_close_z(qtbot: QtBot, window: MainWindow) -> None:
    login(qtbot, window, "2001", "2222")  # a supervisor: no approval needed
    window.key("F11")
    sh = window.shift
    assert window.current() is sh
    idle(qtbot, window)
    sh.float_field.setText("500")
    window.key("F3")
    idle(qtbot, window)
    assert "500.00" in sh.state.text()
    window.key("F4")
    idle(qtbot, window)
    assert "500.00" in sh.report.toPlainText()
    sh.count_field.setText("480")
    window.key("F5")
    idle(qtbot, window)
    t = window.ctx.terminal
    with t.read() as s:
        last = shifts.last_closed(s)
        assert last is not None
        assert (last.expected_cash, last.counted_cash) == (Decimal("500.00"), Decimal("480.00"))
        assert {a.action for a in s.scalars(select(AuditEntry))} >= {"open_shift", "close_shift"}
    assert "20.00" in sh.message.text()
    z = window.ctx.devices.printed[-1]
    assert z.startswith(b"\x1b@") and b"480.00" in z


def test_a_cashier_opening_a_shift_is_asked_for_approval(qtbot: QtBot, window: MainWindow) -> None:
    login(qtbot, window)
    window.key("F11")
    sh = window.shift
    sh.float_field.setText("300")
    window.key("F3")
    approve(qtbot, window, sh, "2001", "2222")
    idle(qtbot, window)
    with window.ctx.terminal.read() as s:
        cur = shifts.current(s)
        assert cur is not None and cur.opened_by == "1001"
        audit = s.scalars(select(AuditEntry).where(AuditEntry.action == "open_shift")).one()
        assert audit.approved_by == "2001"
