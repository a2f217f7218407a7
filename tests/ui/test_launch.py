"""``pos app`` (pos_app/ui/launch.py) at a till set up by its config file: terminal.toml's
``[counter]`` settings (the same item on its own line, the customer display, a touch
screen) reach the app as ``pos app`` reads them, ``$POS_TOUCH`` and
``$POS_CUSTOMER_DISPLAY`` over them."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from pos_app import logging_setup
from pos_app.cli.context import prepare
from pos_app.cli.parser import build_parser
from pos_app.ui.app import MainWindow
from pos_app.ui.launch import open_on
from tests.core.conftest import KETTLE, SCARF
from tests.ui.helpers import idle, login, scan, shown_lines


def _till(tmp_path: Path, demo_template: Path, counter: str) -> Path:
    data = tmp_path / "data"
    shutil.copytree(demo_template, data)
    cfg = tmp_path / "terminal.toml"
    cfg.write_text(f'''store = "S001"
terminal = "T01"
franchisee = "F-EAST"
hq_url = "https://hq.example.cn"
data_dir = "{data}"

[counter]
{counter}

[[devices]]
name = "demo scanner"
kind = "scanner"
driver = "simulated"
''')
    return cfg


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[MainWindow]]:
    for name in ("POS_TOUCH", "POS_CUSTOMER_DISPLAY", "POS_DATA_DIR"):
        monkeypatch.delenv(name, raising=False)
    wins: list[MainWindow] = []
    yield wins
    for win in wins:
        win.shutdown()
        win.ctx.terminal.close()
    logging_setup.teardown()  # the log prepare() set up


def _open(qtbot: QtBot, cfg: Path, monkeypatch: pytest.MonkeyPatch,
          wins: list[MainWindow]) -> MainWindow:
    """As ``pos app`` does: the command line reads the config file, the app opens on it."""
    monkeypatch.setenv("POS_CONFIG", str(cfg))
    args = build_parser().parse_args(["app"])
    prepare(args)
    win = open_on(Path(args.data_dir), "zh_CN", args.terminal_config)
    wins.append(win)
    qtbot.addWidget(win)
    win.resize(1024, 768)
    win.show()
    return win


def test_the_config_files_counter_settings_reach_the_app(
    qtbot: QtBot, tmp_path: Path, demo_template: Path, monkeypatch: pytest.MonkeyPatch,
    opened: list[MainWindow],
) -> None:
    cfg = _till(tmp_path, demo_template,
                'same_item = "new_line"\ncustomer_display = "window"\ntouch = true')
    win = _open(qtbot, cfg, monkeypatch, opened)
    assert win.numpad.isVisible()  # a touch screen: the numpad for the PIN at the login
    assert win.customer is not None and win.customer.isVisible()
    assert not win.customer.isFullScreen()  # a window on the cashier's own screen
    login(qtbot, win)
    scan(qtbot, win, SCARF, 1)
    scan(qtbot, win, KETTLE, 2)
    scan(qtbot, win, SCARF, 3)  # the same item again: a line of its own
    assert [q for _n, q in shown_lines(win)] == ["1", "1", "1"]
    idle(qtbot, win)


def test_the_defaults_and_the_environment_over_the_file(
    qtbot: QtBot, tmp_path: Path, demo_template: Path, monkeypatch: pytest.MonkeyPatch,
    opened: list[MainWindow],
) -> None:
    cfg = _till(tmp_path, demo_template, 'touch = true\ncustomer_display = "window"')
    monkeypatch.setenv("POS_TOUCH", "0")
    monkeypatch.setenv("POS_CUSTOMER_DISPLAY", "off")
    win = _open(qtbot, cfg, monkeypatch, opened)
    assert not win.numpad.isVisible() and win.customer is None
    login(qtbot, win)
    scan(qtbot, win, SCARF, 1)
    win.ctx.devices.simulate_scan(SCARF)  # the default: one more on its line
    qtbot.waitUntil(lambda: shown_lines(win)[0][1] == "2", timeout=5000)
    assert win.checkout.model.rowCount() == 1
