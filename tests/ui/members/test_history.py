"""The member counter's tier and history tab in Chinese: why each tier changed (enrolled,
upgraded by a sale, set by hand), kept in English in the ledger, shown in the clerk's
language."""

from __future__ import annotations

import sqlite3

from pytestqt.qtbot import QtBot

from pos_app.ui.app import MainWindow
from tests.ui.helpers import approve, attach_member, find_member, idle, login, open_shift, scan
from tests.ui.language import english_left, english_words, plain

BOOTS = "6901234560046"  # 真皮短靴, ￥799.00 at member price
PHONE = "13600136088"


def test_tier_reasons_are_shown_in_chinese(qtbot: QtBot, window: MainWindow) -> None:
    win = window
    login(qtbot, win)
    open_shift(qtbot, win)
    # enrolled at the counter (普通卡)
    win.key("F8")
    m = win.members
    m.enroll_tab.name.setText("王芳")
    m.enroll_tab.phone.setText(PHONE)
    m.enroll_tab.birthday.setText("1988-03-02")
    m.enroll_tab.privacy.setChecked(True)
    m.enroll_tab.button.click()
    idle(qtbot, win)
    assert m.member is not None, m.message.text()
    # four boots in one sale (￥3,196.00 ≥ ￥3,000.00): silver from the next sale
    win.key("F2")
    attach_member(qtbot, win, PHONE)
    scan(qtbot, win, BOOTS, 1)
    win.checkout.qty.setValue(4)
    win.key("F3")  # the line's quantity
    assert win.checkout.cart.lines[0].item.qty == 4
    win.key("F12")
    win.key("F5")
    win.key("F12")
    idle(qtbot, win)
    assert win.current() is win.checkout, win.payment.message.text()
    # gold by hand, a manager approving
    win.key("F8")
    find_member(qtbot, win, PHONE)
    m.tabs.setCurrentWidget(m.history_tab)
    tab = m.history_tab
    tab.tier_combo.setCurrentIndex(tab.tier_combo.findData("gold"))
    tab.tier_reason.setText("顾客持竞品金卡")
    tab.tier_button.click()
    approve(qtbot, win, tab, "3001", "3333")
    idle(qtbot, win)
    assert m.member["tier"] == "gold", m.message.text()

    # the ledger keeps the English reasons (the audit log and HQ read them)
    con = sqlite3.connect(win.ctx.terminal.data_dir / "pos.sqlite")
    try:
        kept = [r for (r,) in con.execute(
            "select reason from tier_changes t join members m on m.id = t.member_id"
            " where m.id = (select max(id) from members) order by t.id")]
    finally:
        con.close()
    assert kept == ["enrolled", "upgrade: single purchase ￥3,196.00 ≥ ￥3,000.00",
                    "by hand: 顾客持竞品金卡"]

    changes = [plain(x) for x in tab.history.text().split("<br>") if "→" in x]
    assert [x.split(" ", 1)[1] for x in changes] == [
        "— → 普通卡 (会员入会)",
        "普通卡 → 银卡 (升级：单笔消费 ￥3,196.00 ≥ ￥3,000.00)",
        "银卡 → 金卡 (手工调整：顾客持竞品金卡)",
    ]
    assert not english_words(plain(tab.history.text())), tab.history.text()
    assert english_left(tab) == []
