"""Named operations (pos_app/ui/operations): run on the database thread in the order
given, the result or the error handed back on the UI thread, an unheard failure logged
with the operation's name."""

from __future__ import annotations

import logging
import threading

import pytest
from pytestqt.qtbot import QtBot

from pos_app.core.errors import PosError
from pos_app.ui.app import MainWindow
from pos_app.ui.operations import Op
from tests.ui.helpers import idle


def record(log: list[tuple[str, int]], n: int) -> int:
    log.append((threading.current_thread().name, n))
    return n * 10


def refuse(reason: str) -> None:
    raise PosError(reason)


def test_operations_run_in_order_off_the_ui_thread(qtbot: QtBot, window: MainWindow) -> None:
    ran: list[tuple[str, int]] = []
    got: list[int] = []
    for n in range(5):
        Op(window.ctx, record, ran, n).success(got.append).run()
    idle(qtbot, window)
    assert [n for _t, n in ran] == [0, 1, 2, 3, 4]
    assert all(name != threading.main_thread().name for name, _n in ran)
    assert got == [0, 10, 20, 30, 40]


def test_a_failure_reaches_its_handler_or_the_log(
    qtbot: QtBot, window: MainWindow, caplog: pytest.LogCaptureFixture
) -> None:
    errors: list[Exception] = []
    Op(window.ctx, refuse, "no such card").failure(errors.append).run()
    idle(qtbot, window)
    assert [str(e) for e in errors] == ["no such card"]
    with caplog.at_level(logging.ERROR, logger="pos_app.ui.operations.op"):
        Op(window.ctx, refuse, "unheard").run()
        idle(qtbot, window)
    assert "test_op.refuse" in caplog.text and "unheard" in caplog.text
