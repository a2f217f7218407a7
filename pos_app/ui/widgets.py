"""Small shared widgets and the style: touch targets of at least 44 px (buttons 52),
readable type."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from pos_app.core.money import format_money
from pos_app.ui.feedback import Banner
from pos_app.ui.i18n_util import error_text

STYLE = """
QWidget { font-size: 17px; }
QPushButton { min-height: 52px; min-width: 96px; padding: 4px 14px; border-radius: 6px;
              background: #e8edf3; border: 1px solid #9aa7b5; }
QPushButton:pressed { background: #c7d3e0; }
QPushButton:disabled { color: #9a9a9a; background: #f1f1f1; border-color: #d0d0d0; }
QPushButton[accent="true"] { background: #1f6feb; color: white; border-color: #1a5fc9;
                             font-weight: bold; }
QPushButton[danger="true"] { background: #d9534f; color: white; border-color: #b52b27; }
QLineEdit, QSpinBox, QDoubleSpinBox, QComboBox, QDateEdit {
    min-height: 44px; padding: 2px 8px; font-size: 19px; }
QCheckBox, QRadioButton { min-height: 44px; }
QCheckBox::indicator, QRadioButton::indicator { width: 26px; height: 26px; }
QSpinBox::up-button, QSpinBox::down-button { width: 44px; }
QScrollBar:vertical { width: 24px; }
QScrollBar:horizontal { height: 24px; }
QTabBar::tab { min-height: 44px; min-width: 110px; padding: 4px 16px; font-size: 18px; }
QListWidget { font-size: 19px; }
QTableView, QTableWidget { font-size: 17px; }
QHeaderView::section { padding: 6px; font-weight: bold; }
QLabel[role="title"] { font-size: 26px; font-weight: bold; padding: 4px 0; }
QLabel[role="total"] { font-size: 34px; font-weight: bold; color: #0b3d91; }
QLabel[role="error"] { color: #b00020; font-weight: bold; }
QLabel[role="ok"] { color: #1b7f3b; font-weight: bold; }
QLabel[role="card"] { background: #f6f8fa; border: 1px solid #d0d7de; border-radius: 6px;
                      padding: 8px; }
QLabel[role="greeting"] { color: #a3006b; font-weight: bold; font-size: 20px; }
QStatusBar QLabel { font-size: 15px; padding: 0 8px; }
"""


def money_text(amount: Decimal | str) -> str:
    return format_money(Decimal(amount))


def title(text: str) -> QLabel:
    lbl = QLabel(text)
    lbl.setProperty("role", "title")
    return lbl


def role_label(role: str, text: str = "") -> QLabel:
    lbl = QLabel(text)
    lbl.setProperty("role", role)
    lbl.setWordWrap(True)
    lbl.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return lbl


def button(text: str, key: str = "", *, accent: bool = False, danger: bool = False,
           parent: QWidget | None = None) -> QPushButton:
    b = QPushButton(f"{text}  [{key}]" if key else text, parent)
    if accent:
        b.setProperty("accent", True)
    if danger:
        b.setProperty("danger", True)
    b.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    return b


def set_message(label: QLabel, text: str | BaseException, ok: bool = False) -> None:
    """Show ``text`` (or an error, in the language shown) as a message."""
    if isinstance(label, Banner):
        label.say(text, ok)
        return
    if isinstance(text, BaseException):
        text = error_text(text)
    role = "ok" if ok else "error"
    label.setText(text)
    if label.property("role") != role:  # re-styled only when its colour changes
        label.setProperty("role", role)
        label.style().unpolish(label)
        label.style().polish(label)
