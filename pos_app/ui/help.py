"""The help overlay (F1): every shortcut of the app and of the screen shown, as the
keymap (:mod:`pos_app.ui.keymap`) lists them, over the window whatever its size (the two
lists side by side; the panel scrolls where the window is too low)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

WIDE = 1000  # px: below this the panel keeps a narrow margin


class HelpOverlay(QWidget):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("help_overlay")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.lay = QVBoxLayout(self)
        self.panel = QLabel()
        self.panel.setObjectName("help_text")
        self.panel.setTextFormat(Qt.TextFormat.RichText)
        self.panel.setWordWrap(True)
        self.panel.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.panel.setStyleSheet("background: white; padding: 20px; font-size: 19px;")
        self.scroller = QScrollArea()
        self.scroller.setObjectName("help_scroll")
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroller.setStyleSheet("QScrollArea { background: white; border-radius: 10px; }")
        self.scroller.setWidget(self.panel)
        self.lay.addWidget(self.scroller)
        self.hide()

    def show_for(self, html: str) -> None:
        """Show ``html`` (from :func:`pos_app.ui.keymap.help_html`) over the window."""
        self.panel.setText(html)
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.raise_()
        self.show()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        wide = event.size().width() >= WIDE
        self.lay.setContentsMargins(*((80, 40, 80, 40) if wide else (12, 12, 12, 12)))

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.fillRect(self.rect(), QColor(0, 0, 0, 140))
        p.end()
