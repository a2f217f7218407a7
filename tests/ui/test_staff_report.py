"""The staff performance screen (员工业绩): a supervisor reads each assistant's figures
for a day and for the month, the same as the core's report; a cashier is refused, in
Chinese."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from pos_app.core import members, performance, sales, shifts
from pos_app.core.terminal import Terminal
from pos_app.ui.app import MainWindow
from tests.core.conftest import COAT, KETTLE, SILVER_PHONE
from tests.core.helpers import CASHIER, SUPERVISOR, cash, enroll, open_till
from tests.ui.conftest import D11, TZ
from tests.ui.helpers import idle, login
from tests.ui.language import english_words


def sell(t: Terminal, code: str, assistant: str, card: str | None = None,
         at: datetime | None = None, offered: bool = True) -> None:
    req = sales.SaleRequest(lines=[sales.LineRequest(code, 1)], tenders=[cash()],
                            member_card=card, credited_staff=assistant,
                            membership_offered=None if card else offered, at=at)
    with t.tx() as s:
        sales.make_sale(t, s, req, CASHIER)


def credit_two_assistants(t: Terminal) -> None:
    """Sales credited to the cashier 1001 (one to a member) and the manager 3001 on the
    day, one of 3001's not credited (membership not offered), a card-sale commission to
    3001, one sale to 3001 earlier in the month, and a member enrolled at the command
    line (the console, no staff member) on the day."""
    with t.tx() as s:
        if shifts.current(s) is None:
            open_till(t, s)
        card = members.main_card(s, members.find_by_phone(t, s, SILVER_PHONE)).card_no
    sell(t, COAT, "1001", card)
    sell(t, KETTLE, "1001")
    sell(t, COAT, "3001")
    sell(t, KETTLE, "3001", offered=False)  # ¥199 > the program's ¥100: not credited
    with t.tx() as s:
        performance.record_commission(s, "3001", Decimal("200.00"), "card_sale", "C-1",
                                      t.now())
    sell(t, KETTLE, "3001", at=datetime(2026, 11, 3, 11, 0, tzinfo=TZ))
    enroll(t, "13712345678")  # at the command line, by no staff member


def expected(t: Terminal, start: date, end: date) -> list[performance.StaffFigures]:
    with t.read() as s:
        return performance.report(t, s, start, end, SUPERVISOR)


def money(text: str) -> Decimal:
    return Decimal(text.replace(",", ""))


def shown(win: MainWindow) -> list[list[str]]:
    table = win.staff_report.table
    return [[table.item(r, c).text() for c in range(table.columnCount())]
            for r in range(table.rowCount())]


def assert_table_is(win: MainWindow, figures: list[performance.StaffFigures]) -> None:
    rows = shown(win)
    assert len(rows) == len(figures) + 1, rows  # the staff, then the totals
    for row, f in zip(rows, figures, strict=False):
        staff, name, sales_, orders, share, enrolled, commission, not_credited = row
        if f.staff == "console":
            assert (staff, name) == ("", "后台（命令行，无工号）")
        else:
            assert (staff, name) == (f.staff, f.name)
        assert (money(sales_), int(orders), int(enrolled), money(commission)) == (
            f.sales, f.orders, f.enrollments, f.commission)
        assert Decimal(share.rstrip("%")) == (f.vip_share * 100).quantize(Decimal("0.1"))
        assert int(not_credited.split()[0]) == f.not_credited
        if f.not_credited:
            assert money(not_credited.split()[1].strip("()")) == f.not_credited_amount
    total = rows[-1]
    assert total[0] == "合计"
    assert money(total[2]) == sum((f.sales for f in figures), Decimal(0))
    assert int(total[3]) == sum(f.orders for f in figures)
    assert int(total[5]) == sum(f.enrollments for f in figures)
    assert money(total[6]) == sum((f.commission for f in figures), Decimal(0))
    assert int(total[7].split()[0]) == sum(f.not_credited for f in figures)


def test_a_supervisor_sees_each_assistants_figures_for_the_day_and_the_month(
    qtbot: QtBot, window: MainWindow
) -> None:
    win = window
    t = win.ctx.terminal
    credit_two_assistants(t)
    login(qtbot, win, "2001", "2222")
    assert win.nav_buttons["staff_report"].isVisible()
    # Ctrl+F11 pressed in the checkout's code field, as the supervisor would
    win.activateWindow()
    qtbot.keyClick(win.checkout.code_field, Qt.Key.Key_F11, Qt.KeyboardModifier.ControlModifier)
    idle(qtbot, win)
    rep = win.staff_report
    assert win.current() is rep
    day = D11.date()
    assert rep.date_field.date().toPython() == day  # today's business day first
    figures = expected(t, day, day)
    by_staff = {f.staff: f for f in figures}
    assert by_staff["1001"].sales > 0 and by_staff["3001"].sales > 0
    assert 0 < by_staff["1001"].vip_share < 1  # the member's coat of two sales
    assert by_staff["3001"].not_credited == 1 and by_staff["3001"].commission > 0
    assert by_staff["console"].enrollments == 1
    assert_table_is(win, figures)
    assert "2026-11-09" in rep.period.text()
    win.key("F4")  # the month
    idle(qtbot, win)
    month = expected(t, date(2026, 11, 1), date(2026, 11, 30))
    assert {f.staff: f for f in month}["3001"].orders == by_staff["3001"].orders + 1
    assert_table_is(win, month)
    assert "2026-11-01" in rep.period.text() and "2026-11-30" in rep.period.text()
    win.key("F3")  # back to the day
    idle(qtbot, win)
    assert_table_is(win, figures)
    rep.date_field.setDate(rep.date_field.date().addDays(1))  # a day with nothing yet
    idle(qtbot, win)
    assert shown(win) == [["合计", "", "0.00", "0", "0.0%", "0", "0.00", "0"]]
    assert "没有" in rep.message.text()


def test_a_cashier_is_refused_in_chinese(qtbot: QtBot, window: MainWindow) -> None:
    win = window
    login(qtbot, win)  # 1001, a cashier
    assert not win.nav_buttons["staff_report"].isVisible()
    win.activateWindow()
    qtbot.keyClick(win.checkout.code_field, Qt.Key.Key_F11, Qt.KeyboardModifier.ControlModifier)
    idle(qtbot, win)
    assert win.current() is win.checkout
    said = win.statusBar().currentMessage()
    assert "员工业绩" in said and not english_words(said), said
    # the core refuses the figures too, whatever opens the screen
    win.show_screen("checkout")
    rep = win.staff_report
    rep.load()
    idle(qtbot, win)
    assert rep.table.rowCount() == 0
    text = rep.message.text()
    assert text and not english_words(text), text
    assert "主管" in text, text
