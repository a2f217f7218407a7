"""The help overlay (F1): every shortcut of the app and of the screen shown."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from pos_app.ui.i18n_util import N_, _

GLOBAL_KEYS = (
    ("F1", N_("Help (this overlay)")),
    ("F2", N_("Checkout")),
    ("F8", N_("Member counter")),
    ("F9", N_("Returns")),
    ("F10", N_("Balance slip")),
    ("F11", N_("Shift")),
    ("Esc", N_("Back / close")),
    ("Ctrl+L", N_("Log out")),
)


class HelpOverlay(QWidget):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("help_overlay")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(80, 40, 80, 40)
        self.panel = QLabel()
        self.panel.setObjectName("help_text")
        self.panel.setTextFormat(Qt.TextFormat.RichText)
        self.panel.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.panel.setStyleSheet(
            "background: white; border-radius: 10px; padding: 24px; font-size: 19px;"
        )
        lay.addWidget(self.panel)
        self.hide()

    def show_for(self, screen_title: str, keys: tuple[tuple[str, str], ...]) -> None:
        def table(rows: tuple[tuple[str, str], ...]) -> str:
            return "<table cellpadding='5'>" + "".join(
                f"<tr><td><b>{k}</b></td><td>{_(d)}</td></tr>" for k, d in rows
            ) + "</table>"

        html = f"<h2>{_('Keyboard shortcuts')}</h2>"
        html += f"<h3>{_('Everywhere')}</h3>" + table(GLOBAL_KEYS)
        if keys:
            html += f"<h3>{screen_title}</h3>" + table(keys)
        html += "<p>" + _("Scanning works whatever field has focus.") + "</p>"
        self.panel.setText(html)
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.raise_()
        self.show()

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.fillRect(self.rect(), QColor(0, 0, 0, 140))
        p.end()
