"""The member counter's group enrollment tab: an organisation's file checked row by row
(names and phones masked, problems in the cashier's language), refused whole with a bad
row, enrolled with a supervisor's approval when the clerk ticks "only the good rows";
cards in sequence from the store's stock."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from pos_app.core import card_stock
from pos_app.core.models import AuditEntry, Member
from pos_app.core.staff import Operator
from pos_app.ui.app import MainWindow
from tests.core.test_group_enroll import write_csv, write_xlsx
from tests.ui.helpers import approve, idle, login

MANAGER = Operator("3001", "manager")
ROWS = [
    ["姓名", "手机", "身份证号", "性别", "生日"],
    ["李雷", "13912345601", "110101199003074514", "男", ""],
    ["韩梅梅", "139 1234 5602", "", "女", "1995-06-01"],
    ["赵六", "13912345601", "", "", ""],  # the phone of row 2
    ["孙八", "13800138000", "", "", ""],  # already a member (the demo's silver member)
]


def members_count(win: MainWindow) -> int:
    with win.ctx.terminal.read() as s:
        return s.scalar(select(func.count(Member.id))) or 0


def report(win: MainWindow) -> list[list[str]]:
    table = win.members.group_tab.report
    return [[table.item(r, c).text() for c in range(4)] for r in range(table.rowCount())]


def test_group_checked_refused_then_good_rows_enrolled(
        qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    win = window
    t = win.ctx.terminal
    with t.tx() as s:
        b = card_stock.create_batch(t, s, "VIP5000", "ic", "890100000001", 3, MANAGER)
        card_stock.receive(t, s, MANAGER, batch_no=b.batch_no)
    before = members_count(win)
    login(qtbot, win)
    win.key("F8")
    m = win.members
    tab = m.group_tab
    m.tabs.setCurrentWidget(tab)
    tab.organisation.setText("市第一中学")
    tab.path.setText(str(write_xlsx(tmp_path / "staff.xlsx", ROWS)))
    tab.check_button.click()
    idle(qtbot, win)
    rows = report(win)
    assert [r[:3] for r in rows] == [["2", "李*", "139****5601"], ["3", "韩**", "139****5602"],
                                     ["4", "赵*", "139****5601"], ["5", "孙*", "138****8000"]]
    assert rows[0][3] == rows[1][3] == "可以办理"
    assert "第 2 行" in rows[2][3] and "已" in rows[3][3]
    assert "4 行中有 2 行有问题" in m.message.text()

    # all or none: a bad row refuses the whole group (after the supervisor's approval)
    tab.product.setCurrentIndex(tab.product.findData("VIP5000"))
    m.on_key("F12")
    assert tab.approval is not None and tab.approval.isVisible()
    approve(qtbot, win, tab, "2001", "2222")
    assert members_count(win) == before
    assert "4 行中有 2 行有问题：未办理任何会员" in m.message.text(), m.message.text()

    # only the good rows: two members, cards 1 and 2 of the stock in sequence
    tab.skip_bad.setChecked(True)
    tab.enroll_button.click()
    approve(qtbot, win, tab, "2001", "2222")
    assert members_count(win) == before + 2, m.message.text()
    rows = report(win)
    assert [r[3] for r in rows[:2]] == ["卡 8901000000019", "卡 8901000000027"]
    assert "市第一中学：已办理 2 人，未办理 2 人" in m.message.text()
    with t.read() as s:
        a = s.scalars(select(AuditEntry).where(AuditEntry.action == "group_enroll")).one()
        assert a.staff == "1001" and a.approved_by == "2001"


def test_group_file_errors_in_the_cashier_language(
        qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    win = window
    login(qtbot, win)
    win.key("F8")
    m = win.members
    tab = m.group_tab
    m.tabs.setCurrentWidget(tab)
    tab.check_button.click()
    assert "请先选择" in m.message.text()
    tab.path.setText(str(write_csv(tmp_path / "staff.csv", [["姓名", "生日"], ["李雷", ""]])))
    tab.check_button.click()
    idle(qtbot, win)
    assert "staff.csv 第一行缺少 phone 列" in m.message.text()
    assert tab.report.rowCount() == 0
    (tmp_path / "staff.txt").write_text("姓名,手机\n李雷,13912345601\n", "utf-8")
    tab.path.setText(str(tmp_path / "staff.txt"))
    tab.check_button.click()
    idle(qtbot, win)
    assert "staff.txt：请提供 .csv 或 .xlsx 文件" in m.message.text()
