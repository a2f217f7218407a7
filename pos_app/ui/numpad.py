"""The on-screen numpad for touch screens: amounts, quantity and PIN without a keyboard.

Its keys never take the focus: a digit goes into the field that has it (a line edit or
a spin box), ⌫ takes back the last character, C clears the field and ↵ is Enter (the
field's own action: log in, add the tender, set the quantity). Digits are put in the
field directly, not as key presses, so the keyboard-wedge filter never mistakes quick
taps for a scan."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QGridLayout,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from pos_app.ui.i18n_util import N_, _

ENTER, BACK, CLEAR = "↵", "⌫", "C"
LAYOUT = (
    ("7", "8", "9", BACK),
    ("4", "5", "6", CLEAR),
    ("1", "2", "3", "."),
    ("0", "00", ENTER),
)
KEY_NAMES = {ENTER: N_("Enter"), BACK: N_("Delete the last digit"), CLEAR: N_("Clear")}
KEY_SIZE = 52  # px: a fingertip, above the 44 px least touch target
NARROW_KEY_SIZE = 44  # px: on a narrow screen, the least touch target, so the screen fits


def _line_edit(w: QWidget | None) -> QLineEdit | None:
    """The text field behind the focused widget, if it takes typing."""
    if isinstance(w, QLineEdit):
        return w if not w.isReadOnly() else None
    if isinstance(w, QAbstractSpinBox):
        return w.findChild(QLineEdit)
    return None


class Numpad(QWidget):
    """Digits, 00, the decimal point, ⌫, C and ↵, for the field that has the focus."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("numpad")
        self.grid = grid = QGridLayout(self)
        grid.setContentsMargins(4, 4, 4, 4)
        self.keys: dict[str, QPushButton] = {}
        for r, row in enumerate(LAYOUT):
            for c, text in enumerate(row):
                b = QPushButton(text)
                b.setObjectName(f"numpad_{text}")
                b.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the field keeps the focus
                b.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
                if text in KEY_NAMES:
                    b.setToolTip(_(KEY_NAMES[text]))
                if text == ENTER:
                    b.setProperty("accent", True)
                b.clicked.connect(lambda _c=False, t=text: self.press(t))
                grid.addWidget(b, r, c, 1, 2 if text == ENTER else 1)
                self.keys[text] = b
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Maximum)
        self.fit_width(False)

    def fit_width(self, narrow: bool) -> None:
        """Keys of a fingertip, or of the least touch target on a narrow screen."""
        size = NARROW_KEY_SIZE if narrow else KEY_SIZE
        self.grid.setSpacing(4 if narrow else 6)
        for text, b in self.keys.items():
            # in the style sheet, not setMinimumSize (the style would undo that when it
            # polishes the key on first show); the sizes are the content's, inside a 1 px border
            wide = (size * 2 + self.grid.spacing() if text == ENTER else size) - 2
            b.setStyleSheet(
                f"min-width: {wide}px; max-width: {wide}px; min-height: {size - 2}px;"
                " padding: 0px; font-size: 24px; font-weight: bold;"
            )

    def press(self, key: str) -> None:
        """One key, for the field that has the focus (nothing when none takes typing)."""
        focus = QApplication.focusWidget()
        field = _line_edit(focus)
        if field is None or focus is None:
            return
        if key == ENTER:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(
                    focus, QKeyEvent(kind, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, "\r")
                )
        elif key == BACK:
            field.backspace()
        elif key == CLEAR:
            field.clear()
        else:
            field.insert(key)
