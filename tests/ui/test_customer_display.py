"""The customer display (pos_app/ui/customer_display.py): the lines, the total and the
change for the customer; on a second monitor by itself, full screen, when one is there."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

from pytestqt.qtbot import QtBot

from pos_app.ui import customer_display
from pos_app.ui.app import MainWindow
from tests.core.conftest import COAT, SCARF
from tests.ui.helpers import idle, login, open_shift_when_offered

ROOT = Path(__file__).resolve().parents[2]


def test_lines_total_and_change(qtbot: QtBot, window: MainWindow) -> None:
    win = window
    shown = customer_display.open_for(win, lambda: win.checkout.priced, mode="window")
    assert shown is not None
    qtbot.addWidget(shown)
    win.ctx.devices.customer_shown.connect(shown.follow)
    login(qtbot, win)
    for code in (COAT, SCARF):
        win.ctx.devices.simulate_scan(code)
    qtbot.waitUntil(lambda: win.checkout.model.rowCount() == 2, timeout=5000)
    qtbot.waitUntil(lambda: "Cashmere scarf" in shown.table.text(), timeout=5000)
    assert "Wool coat" in shown.table.text()
    priced = win.checkout.priced
    assert priced is not None
    total = f"{priced.total:,.2f}"
    assert total in shown.total.text() and "合计" in shown.total.text()
    win.key("F12")
    open_shift_when_offered(qtbot, win, win.checkout)  # the day's first sale opens the till
    idle(qtbot, win)
    pay = win.payment
    pay.amount.setText("1000")
    pay.add_tender("cash")
    pay.complete()
    idle(qtbot, win)
    change = Decimal("1000") - priced.total
    qtbot.waitUntil(lambda: f"{change:,.2f}" in shown.change.text(), timeout=5000)
    assert "找零" in shown.change.text() and "1,000.00" in shown.paid.text()
    win.ctx.devices.simulate_scan(COAT)  # the next customer: the last sale's change goes
    qtbot.waitUntil(lambda: shown.change.text() == "", timeout=5000)
    shown.close()


def test_none_on_one_monitor_unless_asked(qtbot: QtBot, window: MainWindow) -> None:
    assert window.customer is None  # the test screen is one monitor
    assert customer_display.open_for(window, lambda: None, mode="off") is None


PROBE = """
import sys
from pathlib import Path
from pos_app import demo
from pos_app.core.terminal import Terminal
from pos_app.ui.app import open_window
from pos_app.ui.device_bridge import DeviceBridge
from PySide6.QtWidgets import QApplication
data = Path(sys.argv[1])
demo.set_up(data).close()
win = open_window(Terminal.open(data), "zh_CN", devices=DeviceBridge())
win.show()
QApplication.processEvents()
c = win.customer
print(c.screen().name(), c.isFullScreen(), c.geometry().width(), c.geometry().height(),
      win.screen().name())
win.shutdown()
"""


def test_a_second_monitor_gets_the_display_full_screen(tmp_path: Path) -> None:
    screens = {
        "screens": [
            {"name": "cashier", "x": 0, "y": 0, "width": 1024, "height": 768},
            {"name": "customer", "x": 1024, "y": 0, "width": 800, "height": 600},
        ]
    }
    config = tmp_path / "screens.json"
    config.write_text(json.dumps(screens), encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}"}
    env.pop(customer_display.SETTING, None)
    r = subprocess.run(
        [sys.executable, "-c", PROBE, str(tmp_path / "data")],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )
    assert r.returncode == 0, r.stderr[-3000:]
    customer, full, width, height, cashier = r.stdout.split()
    assert (customer, full, width, height) == ("customer", "True", "800", "600")
    assert cashier != customer
