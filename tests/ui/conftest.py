"""The cashier app driven offscreen: a copy of the demo data folder on a clock that
starts at the worked example's moment (Double 11 promotions and coupons on) and runs."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shutil
import time
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from pytestqt.qtbot import QtBot

from pos_app.core.terminal import Terminal
from pos_app.ui.app import MainWindow, open_window
from pos_app.ui.device_bridge import DeviceBridge

TZ = ZoneInfo("Asia/Shanghai")
D11 = datetime(2026, 11, 9, 14, 0, tzinfo=TZ)


class RunningClock:
    """Starts at ``at`` and runs with real time (so shifts see an order of events)."""

    def __init__(self, at: datetime) -> None:
        self.at = at
        self.started = time.monotonic()

    def __call__(self) -> datetime:
        return self.at + timedelta(seconds=time.monotonic() - self.started)


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from pos_app import demo

    path = tmp_path_factory.mktemp("demo") / "data"
    demo.set_up(path).close()
    return path


@pytest.fixture
def terminal(demo_template: Path, tmp_path: Path) -> Iterator[Terminal]:
    data = tmp_path / "data"
    shutil.copytree(demo_template, data)
    t = Terminal.open(data, clock=RunningClock(D11))
    yield t
    t.close()


def make_window(qtbot: QtBot, terminal: Terminal, language: str) -> MainWindow:
    win = open_window(terminal, language, devices=DeviceBridge())
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    return win


@pytest.fixture
def window(qtbot: QtBot, terminal: Terminal) -> Iterator[MainWindow]:
    win = make_window(qtbot, terminal, "zh_CN")
    yield win
    win.shutdown()


@pytest.fixture
def window_en(qtbot: QtBot, terminal: Terminal) -> Iterator[MainWindow]:
    win = make_window(qtbot, terminal, "en")
    yield win
    win.shutdown()
