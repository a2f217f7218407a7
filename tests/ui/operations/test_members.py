"""The member counter's operations (pos_app/ui/operations/members.py), run as a screen
runs them."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from pos_app.ui.app import MainWindow
from pos_app.ui.operations import Op
from pos_app.ui.operations import members as member_ops
from tests.core.conftest import SILVER_PHONE
from tests.ui.helpers import idle


def test_the_member_look_up_operation(qtbot: QtBot, window: MainWindow) -> None:
    found: list[dict[str, object]] = []
    Op(window.ctx, member_ops.find, window.ctx.terminal, SILVER_PHONE).success(found.append).run()
    idle(qtbot, window)
    assert found[0]["phone"] == "138****8000"  # masked on screen
    history = found[0]["history"]
    assert isinstance(history, member_ops.MemberHistory) and history.sales
