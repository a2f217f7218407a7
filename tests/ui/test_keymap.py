"""One keymap (pos_app/ui/keymap.py): a key means the same on every screen, and the
window's shortcuts, the F1 help, the buttons' key marks and docs/ui.md all come from the
screens' declarations and agree."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from pos_app.ui.app import KEYMAP, SCREENS, MainWindow
from pos_app.ui.i18n_util import _
from pos_app.ui.keymap import KeymapError, build, doc_section, markdown
from pos_app.ui.screen import Screen
from tests.ui.helpers import idle, login

DOCS = Path(__file__).resolve().parents[2] / "docs" / "ui.md"
NAVIGABLE = [cls for cls in SCREENS if cls.key]


def test_docs_list_the_keymap_the_screens_declare() -> None:
    text = DOCS.read_text(encoding="utf-8")
    assert doc_section(text) == markdown(KEYMAP), "run scripts/ui-keymap"
    for cls in NAVIGABLE:
        assert f"| {cls.key} | {cls.label} |" in text


def test_a_screen_cannot_take_a_key_the_app_uses() -> None:
    class Greedy(Screen):
        name = "greedy"
        keys = (("F8", "Something else"),)

    with pytest.raises(KeymapError, match="F8"):
        build([*SCREENS, Greedy])

    class TwoKeys(Screen):
        name = "two"
        key = "F2"
        label = "Another checkout"

    with pytest.raises(KeymapError, match="F2"):
        build([*SCREENS, TwoKeys])


def test_shortcuts_are_the_keymap(qtbot: QtBot, window: MainWindow) -> None:
    keys = sorted(sc.key().toString() for sc in window.findChildren(QShortcut))
    assert keys == sorted(KEYMAP.keys())


def help_rows(window: MainWindow) -> list[tuple[str, str]]:
    window.key("F1")
    assert window.help.isVisible()
    html = window.help.panel.text()
    window.key("F1")
    assert not window.help.isVisible()
    return re.findall(r"<tr><td><b>([^<]+)</b></td><td>([^<]+)</td></tr>", html)


def test_help_buttons_and_keys_agree_on_every_screen(qtbot: QtBot, window: MainWindow) -> None:
    login(qtbot, window, "3001", "3333")  # a manager may open every screen
    everywhere = [(b.key, _(b.action)) for b in KEYMAP.everywhere]
    for cls in SCREENS:
        if cls.name == "login":
            continue
        window.show_screen(cls.name)
        idle(qtbot, window)
        assert window.current().name == cls.name
        own = [(k, _(a)) for k, a in cls.keys]
        assert help_rows(window) == everywhere + own, cls.name
        allowed = {k for k, _a in everywhere + own} | {"Enter"}
        for b in window.current().findChildren(QPushButton):
            mark = re.search(r"\[([^\]]+)\]$", b.text())
            if mark:
                assert mark.group(1) in allowed, (cls.name, b.text())


def test_the_app_keys_mean_the_same_on_every_screen(qtbot: QtBot, window: MainWindow) -> None:
    """F8 opens the member counter and F11 the shift screen wherever the cashier is
    (they used to remove a tender on Payment and preview a refund on Returns)."""
    login(qtbot, window, "3001", "3333")
    for start in [cls.name for cls in SCREENS if cls.name != "login"]:
        for cls in NAVIGABLE:
            window.show_screen(start)
            assert cls.key is not None
            window.key(cls.key)
            idle(qtbot, window)
            assert window.current().name == cls.name, (start, cls.key)
        window.show_screen(start)
        window.key("Esc")
        idle(qtbot, window)
        expected = "checkout"
        assert window.current().name == expected, start


def test_ctrl_keys_a_screen_may_take() -> None:
    class Parking(Screen):
        name = "parking"
        keys = (("Ctrl+S", "Park the car"),)  # a letter no screen of the app takes

    assert build([*SCREENS, Parking]).of("parking") is not None

    class Copying(Screen):
        name = "copying"
        keys = (("Ctrl+C", "Something"),)  # a text field's copy

    with pytest.raises(KeymapError, match="Ctrl\\+C"):
        build([*SCREENS, Copying])

    class Other(Screen):
        name = "other"
        keys = (("Ctrl+S", "Print"),)  # Ctrl+S parks the car elsewhere

    with pytest.raises(KeymapError, match="Ctrl\\+S"):
        build([*SCREENS, Parking, Other])
