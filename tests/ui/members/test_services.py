"""The member counter's services and gifts tab: the member's services as the slip says
them, a use recorded with who served (and refused once used up, the reason on screen),
a gift given for points."""

from __future__ import annotations

from pytestqt.qtbot import QtBot
from sqlalchemy import select

from pos_app.core import gifts
from pos_app.core.models import EntitlementUse
from pos_app.core.staff import Operator
from pos_app.ui.app import MainWindow
from tests.core.conftest import SILVER_PHONE
from tests.ui.helpers import find_member, idle, login


def items(w: object) -> list[str]:
    return [w.item(i).text() for i in range(w.count())]  # type: ignore[attr-defined]


def test_services_shown_used_and_refused(qtbot: QtBot, window: MainWindow) -> None:
    win = window
    login(qtbot, win)
    win.key("F8")
    m = win.members
    find_member(qtbot, win, SILVER_PHONE)  # 王芳, silver: dry-cleaning twice a year
    tab = m.services_tab
    m.tabs.setCurrentWidget(tab)
    assert items(tab.services) == ["干洗: 剩 2 次"]
    tab.service.setCurrentIndex(tab.service.findData("dry_cleaning"))
    tab.served_by.setText("2001")
    win.key("F12")
    idle(qtbot, win)
    assert items(tab.services) == ["干洗: 剩 1 次"], m.message.text()
    assert "剩 1 次" in m.message.text()
    win.key("F12")
    idle(qtbot, win)
    win.key("F12")  # a third time this year: refused, the reason on screen
    idle(qtbot, win)
    assert "used up" in m.message.text() or "已用完" in m.message.text()
    assert items(tab.services) == ["干洗: 剩 0 次"]
    with win.ctx.terminal.read() as s:
        used = s.scalars(select(EntitlementUse)).all()
    assert [(u.served_by, u.recorded_by) for u in used] == [("2001", "1001"),
                                                            ("1001", "1001")]


def test_gift_for_points_at_the_counter(qtbot: QtBot, window: MainWindow) -> None:
    win = window
    t = win.ctx.terminal
    with t.tx() as s:
        gifts.receive(t, s, "UMBRELLA", 1, Operator("2001", "supervisor"))
    login(qtbot, win)
    win.key("F8")
    m = win.members
    find_member(qtbot, win, SILVER_PHONE)
    before = m.member["points"]
    tab = m.services_tab
    m.tabs.setCurrentWidget(tab)
    tab.gift.setCurrentIndex(tab.gift.findData("UMBRELLA"))
    tab.redeem_button.click()
    idle(qtbot, win)
    assert m.member["points"] == before - 500, m.message.text()
    assert "晴雨伞" in m.message.text()
    tab.redeem_button.click()  # none left
    idle(qtbot, win)
    assert "out of stock" in m.message.text() or "无库存" in m.message.text()
    assert m.member["points"] == before - 500
