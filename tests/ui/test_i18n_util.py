"""One language at a time: the zh_CN catalogue is complete, the core's errors carry codes
and are shown in Chinese, and no English word is left on any Chinese screen."""

from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from pos_app.core.models import Item
from pos_app.ui.app import MainWindow
from pos_app.ui.i18n_util import I18N_DIR
from tests.core.conftest import COAT, SILVER_PHONE
from tests.ui.helpers import idle, login
from tests.ui.language import english_left, english_words

CORE = Path(__file__).resolve().parents[2] / "pos_app" / "core"
CODED = {"PosError", "NotFound", "NotAllowed", "PricingError", "MoneyError", "CodedError"}


def item_names(win: MainWindow) -> list[str]:
    with win.ctx.terminal.read() as s:
        return list(s.scalars(select(Item.name)))


def walk(qtbot: QtBot, win: MainWindow) -> list[str]:
    """Every screen shown in turn; the English left on each."""
    found = []
    data = item_names(win)
    for name in win.screens:
        if name == "login":
            continue
        win.show_screen(name)
        idle(qtbot, win)
        qtbot.wait(50)
        found += [f"[{name}] {x}" for x in english_left(win, data)]
    return found


def test_no_english_on_any_chinese_screen(qtbot: QtBot, window: MainWindow) -> None:
    found = [f"[login] {x}" for x in english_left(window)]
    login(qtbot, window)
    co = window.checkout
    window.ctx.devices.simulate_scan(COAT)
    qtbot.waitUntil(lambda: co.model.rowCount() == 1, timeout=5000)
    co.member_field.setText(SILVER_PHONE)
    co.member_field.returnPressed.emit()
    idle(qtbot, window)
    found += walk(qtbot, window)
    assert found == [], "\n".join(found)


def test_no_english_after_a_day_of_work(qtbot: QtBot, window: MainWindow) -> None:
    """The screens with what work puts on them: a shift with its X report, a finished
    sale (the change and the receipt), that sale on Returns, a member on the counter and
    on the balance slip, the sale in the staff report."""
    win = window
    login(qtbot, win, "3001", "3333")  # a manager: no approvals asked
    data = item_names(win)
    win.key("F11")
    idle(qtbot, win)
    win.shift.float_field.setText("500")
    win.key("F3")
    idle(qtbot, win)
    win.key("F4")
    idle(qtbot, win)
    found = [f"[shift] {x}" for x in english_left(win, data)]
    win.key("F2")
    co = win.checkout
    win.ctx.devices.simulate_scan(COAT)
    qtbot.waitUntil(lambda: co.model.rowCount() == 1, timeout=5000)
    idle(qtbot, win)
    win.key("F12")
    win.payment.amount.setText("1000")
    win.key("F5")
    found += [f"[payment] {x}" for x in english_left(win, data)]
    win.key("F12")
    qtbot.waitUntil(win.done_panel.isVisible, timeout=5000)
    found += [f"[sale done] {x}" for x in english_left(win, data)]
    sale_no = win.done_panel.summary.text().split()[1]
    win.key("F9")
    win.returns.receipt_field.setText(sale_no)
    win.returns.receipt_field.returnPressed.emit()
    qtbot.waitUntil(lambda: win.returns.sale is not None, timeout=5000)
    idle(qtbot, win)
    found += [f"[returns] {x}" for x in english_left(win, data)]
    for key, screen, field in (("F8", win.members, "find_field"),
                               ("F10", win.balance, "find_field")):
        win.key(key)
        getattr(screen, field).setText(SILVER_PHONE)
        getattr(screen, field).returnPressed.emit()
        idle(qtbot, win)
        qtbot.wait(50)
        found += [f"[{screen.name}] {x}" for x in english_left(win, data)]
    win.key("Ctrl+F11")  # the staff report with the day's sale on it
    idle(qtbot, win)
    assert win.staff_report.table.rowCount() > 1
    found += [f"[staff_report] {x}" for x in english_left(win, data)]
    assert found == [], "\n".join(found)


# ---------------------------------------------------------------- the catalogue


def messages(lang: str) -> list[tuple[str, str, str, str | None]]:
    """(context, source, translation, type) of every message in pos_<lang>.ts."""
    out = []
    for ctx in ET.parse(I18N_DIR / f"pos_{lang}.ts").getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for m in ctx.iter("message"):
            tr = m.find("translation")
            assert tr is not None
            out.append((name, m.findtext("source") or "", tr.text or "", tr.get("type")))
    return out


def test_the_chinese_catalogue_is_complete_and_current() -> None:
    from pos_app.ui import i18n_tool

    # strings gone from the code stay in the file marked obsolete (Linguist's way)
    msgs = [m for m in messages("zh_CN") if m[3] != "obsolete"]
    unfinished = [f"{c}: {s!r} ({t or 'empty'})" for c, s, tr, t in msgs if t or not tr]
    assert unfinished == [], "untranslated or unfinished:\n" + "\n".join(unfinished)
    have = {(c, s) for c, s, _tr, _t in msgs}
    wanted = {("pos", s) for s in i18n_tool.collect()}
    wanted |= {("errors", s) for s in i18n_tool.collect_errors()}
    assert wanted == have, "run scripts/ui-translations"
    # a translation keeps every parameter of its source, and is Chinese
    for c, src, tr, _t in msgs:
        assert set(re.findall(r"\{\w+\}|%\d", src)) == set(re.findall(r"\{\w+\}|%\d", tr)), src
        if re.search(r"[A-Za-z]{3,}", re.sub(r"\{\w+\}", "", src)):
            assert re.search(r"[\u4e00-\u9fff]", tr), f"{c}: {src!r} -> {tr!r}"


def test_every_error_the_core_raises_has_a_code() -> None:
    """A raise of the core's errors names a code of the catalogue (or passes a coded
    message on), never free English text."""
    from pos_app.core.messages import MESSAGES

    bad = []
    for path in sorted(CORE.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call)):
                continue
            f = node.exc.func
            name = f.id if isinstance(f, ast.Name) else getattr(f, "attr", "")
            if name not in CODED:
                continue
            first = node.exc.args[0] if node.exc.args else None
            coded = (
                isinstance(first, ast.Constant) and first.value in MESSAGES
            ) or isinstance(first, ast.Name | ast.Attribute)  # a Msg made above, e.msg
            if not coded:
                bad.append(f"{path.name}:{node.lineno}")
    assert bad == [], "raise with a code from pos_app/core/messages.py: " + ", ".join(bad)


# ---------------------------------------------------------------- errors on screen


def chinese(text: str) -> bool:
    return bool(re.search(r"[\u4e00-\u9fff]", text)) and not english_words(text)


def test_wrong_pin_is_said_in_chinese(qtbot: QtBot, window: MainWindow) -> None:
    window.login.code.setText("1001")
    window.login.pin.setText("9999")
    window.login.login_button.click()
    qtbot.waitUntil(lambda: window.login.message.text() != "", timeout=5000)
    text = window.login.message.text()
    assert chinese(text) and "1001" in text, text


@pytest.mark.parametrize(("phone", "shown"), [
    (SILVER_PHONE, "138****8000 已是会员"),  # a duplicate member
    ("12345", "手机号 '12345' 不是有效的中国大陆号码"),  # a bad phone
])
def test_an_enrollment_is_refused_in_chinese(
    qtbot: QtBot, window: MainWindow, phone: str, shown: str
) -> None:
    login(qtbot, window)
    window.key("F8")
    m = window.members
    m.enroll_tab.name.setText("李雷")
    m.enroll_tab.phone.setText(phone)
    m.enroll_tab.privacy.setChecked(True)
    m.enroll_tab.button.click()
    idle(qtbot, window)
    text = m.message.text()
    assert chinese(text) and shown in text, text


def test_an_unknown_coupon_is_refused_in_chinese(qtbot: QtBot, window: MainWindow) -> None:
    login(qtbot, window)
    co = window.checkout
    window.ctx.devices.simulate_scan(COAT)
    qtbot.waitUntil(lambda: co.model.rowCount() == 1, timeout=5000)
    co.set_coupon("D11-50-0001X")
    idle(qtbot, window)
    text = co.message.text()
    assert chinese(text) and "D11-50-0001X" in text, text


def test_english_mode_shows_english_discounts(qtbot: QtBot, window_en: MainWindow) -> None:
    login(qtbot, window_en)
    co = window_en.checkout
    window_en.ctx.devices.simulate_scan(COAT)
    qtbot.waitUntil(lambda: co.model.rowCount() == 1, timeout=5000)
    idle(qtbot, window_en)
    discounts = co.model.index(0, 4).data()
    assert discounts and not re.search(r"[\u4e00-\u9fff]", discounts), discounts
    assert window_en.windowTitle() == "Store POS"
