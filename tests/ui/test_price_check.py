"""Price check (查价) adds nothing; with it the other small counter operations: the
quantity key (3*CODE), the no-sale drawer with a reason, reprinting the last receipt."""

from __future__ import annotations

from pytestqt.qtbot import QtBot
from sqlalchemy import select

from pos_app.core.models import AuditEntry
from pos_app.core.terminal import Terminal
from pos_app.ui.app import MainWindow
from tests.core.conftest import KETTLE, SCARF
from tests.ui.helpers import approve, idle, login


def test_price_check_quantity_key_reprint_and_no_sale_drawer(
    qtbot: QtBot, window: MainWindow, terminal: Terminal
) -> None:
    win = window
    dev = win.ctx.devices
    login(qtbot, win)
    co = win.checkout
    # 查价: a scan while the price check is open is priced, not rung up
    win.key("Ctrl+J")
    chk = co.checking
    assert chk is not None
    dev.simulate_scan(KETTLE)
    qtbot.waitUntil(lambda: "259.00" in chk.shown.text(), timeout=5000)
    assert "电热水壶" in chk.shown.text() and co.model.rowCount() == 0
    chk.code.setText("NO-SUCH-ITEM")
    chk.code.returnPressed.emit()
    qtbot.waitUntil(lambda: "NO-SUCH-ITEM" in chk.shown.text(), timeout=5000)
    chk.reject()
    assert co.checking is None
    # 数量: 3*CODE rings up three
    co.code_field.setText(f"3*{SCARF}")
    co.code_field.returnPressed.emit()
    qtbot.waitUntil(lambda: co.model.rowCount() == 1, timeout=5000)
    assert co.model.index(0, 2).data() == "3"
    # no sale: the drawer opens after a reason, audited
    kicks = dev.drawer_kicks
    win.key("Ctrl+O")
    dlg = co.confirming
    assert dlg is not None
    assert (dlg.yes.text(), dlg.no.text()) == ("开钱箱", "取消")  # not "Keep": nothing to keep
    dlg.reason.setCurrentIndex(0)
    dlg.accept()
    idle(qtbot, win)
    assert dev.drawer_kicks == kicks + 1
    # reprint the last receipt saved here (the demo's last top-up), marked 重印
    printed = len(dev.printed)
    win.key("Ctrl+P")
    approve(qtbot, win, co, "2001", "2222")
    qtbot.waitUntil(lambda: len(dev.printed) == printed + 1, timeout=5000)
    assert "重印".encode("gb18030") in dev.printed[-1] or b"REPRINT" in dev.printed[-1]
    with terminal.read() as s:
        acts = [(a.action, a.approved_by) for a in s.scalars(select(AuditEntry))]
    assert ("no_sale", None) in acts and ("reprint", "2001") in acts
