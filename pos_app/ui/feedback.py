"""Feedback a busy cashier cannot miss.

* :class:`Banner`: a large message next to the cart. A problem (unknown barcode, refused
  coupon, card problem, sale not paid) shows white on red and sounds; the screen clears it
  at the next action, so an old message never stays.
* :func:`sound`: the problem sound (the system bell, ``QApplication.beep``); it counts
  what it was asked for, so tests and the bench can see that it sounded.
* :class:`SaleDonePanel`: after a sale, the change due (找零) in large figures and the
  receipt as printed, over the cart until the next key, scan or click.
* :class:`BusyIndicator`: the status bar's "working" bar while the database thread has
  work that takes longer than a moment (a first sale, printing).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, SignalInstance
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from pos_app.ui.i18n_util import _, error_text
from pos_app.ui.worker import Runner

BANNER_STYLE = {
    "problem": "background:#c62828; color:white; font-size:28px; font-weight:bold;"
               " padding:10px 14px; border-radius:6px;",
    "ok": "background:#e6f4ea; color:#1b5e20; font-size:24px; font-weight:bold;"
          " padding:8px 14px; border-radius:6px;",
}


class Sound(QObject):
    """The sound of a problem. ``requested`` fires and ``count`` grows each time."""

    requested = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def problem(self) -> None:
        self.count += 1
        QApplication.beep()
        self.requested.emit("problem")


_sound: Sound | None = None


def sound() -> Sound:
    global _sound
    if _sound is None:
        _sound = Sound()
    return _sound


class Banner(QLabel):
    """A message the cashier sees from a step back: hidden when there is none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setMinimumHeight(56)
        self.kind = ""
        self.hide()

    def say(self, text: str | BaseException, ok: bool = False) -> None:
        """Show ``text`` (an error in the language shown); a problem also sounds."""
        if isinstance(text, BaseException):
            text = error_text(text)
        self.kind = "ok" if ok else "problem"
        self.setStyleSheet(BANNER_STYLE[self.kind])
        super().setText(text)
        self.setVisible(bool(text))
        if text and not ok:
            sound().problem()

    def setText(self, text: str) -> None:
        self.say(text)

    def clear(self) -> None:
        super().clear()
        self.kind = ""
        self.hide()


class SaleDonePanel(QFrame):
    """The change due and the receipt of the sale just made, over the cart; gone at the
    next key, scan or click."""

    def __init__(self, parent: QWidget, scanned: SignalInstance | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sale_done")
        self.setStyleSheet("#sale_done { background:#fbfcfd; border:2px solid #1b7f3b;"
                           " border-radius:8px; }")
        lay = QHBoxLayout(self)
        left = QVBoxLayout()
        self.change_caption = QLabel(_("Change due"))
        self.change_caption.setStyleSheet("font-size:30px; font-weight:bold; color:#1b5e20;")
        self.change = QLabel()
        self.change.setObjectName("change_due")
        self.change.setStyleSheet("font-size:72px; font-weight:bold; color:#1b5e20;")
        self.summary = QLabel()
        self.summary.setObjectName("sale_summary")
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("font-size:22px;")
        self.hint = QLabel(_("Next customer: scan the first item"))
        self.hint.setStyleSheet("font-size:18px; color:#555;")
        left.addWidget(self.change_caption)
        left.addWidget(self.change)
        left.addWidget(self.summary)
        left.addStretch(1)
        left.addWidget(self.hint)
        lay.addLayout(left, 1)
        self.receipt = QPlainTextEdit()
        self.receipt.setObjectName("receipt_view")
        self.receipt.setReadOnly(True)
        self.receipt.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.receipt.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        # a Chinese character as wide as two Latin ones, so the columns line up as printed
        cjk_mono = [f for f in QFontDatabase.families() if f.endswith("Micro Hei Mono")]
        mono.setFamilies([*cjk_mono, mono.family(), QApplication.font().family()])
        mono.setPointSize(11)
        self.receipt.setFont(mono)
        # as wide as the printer's paper (48 columns at 80 mm)
        self.receipt.setMinimumWidth(self.receipt.fontMetrics().horizontalAdvance("0" * 50) + 30)
        lay.addWidget(self.receipt, 0)
        if scanned is not None:
            scanned.connect(lambda _code: self.dismiss())
        self.hide()

    def show_sale(self, change_text: str, summary: str, receipt_text: str) -> None:
        self.change.setText(change_text)
        self.summary.setText(summary)
        self.receipt.setPlainText(receipt_text)
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect().adjusted(8, 8, -8, -8))
        self.show()
        self.raise_()
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def dismiss(self) -> None:
        if self.isVisible():
            self.hide()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress):
            self.dismiss()  # the key or click goes on to do what it does
        return False


class BusyIndicator(QWidget):
    """'Working…' with a moving bar while the database thread is busy for more than
    ``delay_ms`` (quick work does not flicker)."""

    def __init__(self, runner: Runner, delay_ms: int = 150) -> None:
        super().__init__()
        self.setObjectName("busy")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel(_("Working…"))
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)  # busy, no known end
        self.bar.setTextVisible(False)
        self.bar.setFixedWidth(140)
        self.bar.setMaximumHeight(16)
        lay.addWidget(self.label)
        lay.addWidget(self.bar)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.show)
        self.shown = 0  # how many times it came up (tests, bench)
        runner.busy_changed.connect(self._busy)
        self.hide()

    def _busy(self, busy: bool) -> None:
        if busy:
            self._timer.start()
        else:
            self._timer.stop()
            self.hide()

    def showEvent(self, event: object) -> None:
        self.shown += 1
        super().showEvent(event)  # type: ignore[arg-type]
