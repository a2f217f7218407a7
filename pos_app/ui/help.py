"""The help overlay (F1): every shortcut of the app and of the screen shown, as the
keymap (:mod:`pos_app.ui.keymap`) lists them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


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

    def show_for(self, html: str) -> None:
        """Show ``html`` (from :func:`pos_app.ui.keymap.help_html`) over the window."""
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
