"""The member counter's enroll tab: the core's validation (age, a phone already
enrolled, masked) shown on the screen, nothing written."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from pos_app.ui.app import MainWindow
from tests.core.conftest import SILVER_PHONE
from tests.ui.helpers import idle, login


def test_enrollment_is_validated(qtbot: QtBot, window: MainWindow) -> None:
    win = window
    login(qtbot, win)
    win.key("F8")
    m = win.members
    m.enroll_tab.name.setText("未成年")
    m.enroll_tab.phone.setText("13600136000")
    m.enroll_tab.birthday.setText("2015-01-01")
    m.enroll_tab.privacy.setChecked(True)
    m.enroll_tab.button.click()
    idle(qtbot, win)
    assert "18" in m.message.text()  # members must be 18 or older
    m.enroll_tab.birthday.setText("1990-01-01")
    m.enroll_tab.phone.setText(SILVER_PHONE)  # already a member's phone
    m.enroll_tab.button.click()
    idle(qtbot, win)
    assert "138****8000" in m.message.text() and SILVER_PHONE not in m.message.text()


def test_an_enrollment_with_every_field_keeps_them_sealed(qtbot: QtBot,
                                                         window: MainWindow) -> None:
    """Name, birthday, email and address typed on the enroll tab reach the ledger file
    only sealed; the member is shown masked."""
    import sqlite3

    win = window
    login(qtbot, win)
    win.key("F8")
    m = win.members
    tab = m.enroll_tab
    tab.name.setText("欧阳娜娜")
    tab.phone.setText("13600136001")
    tab.birthday.setText("1991-06-15")
    tab.email.setText("ouyang.nana@example.cn")
    tab.address.setText("上海市黄浦区南京东路100号")
    tab.privacy.setChecked(True)
    tab.button.click()
    idle(qtbot, win)
    assert tab.address.text() == ""  # cleared once enrolled
    data_dir = win.ctx.terminal.data_dir
    con = sqlite3.connect(data_dir / "pos.sqlite")
    try:
        text = "\n".join(con.iterdump())
    finally:
        con.close()
    for plain in ("欧阳娜娜", "1991-06-15", "ouyang.nana", "南京东路"):
        assert plain not in text, plain
    shown = m.info.text()
    assert "欧***" in shown and "欧阳娜娜" not in shown
    assert m.member["address"] == "上海市黄浦区****"
