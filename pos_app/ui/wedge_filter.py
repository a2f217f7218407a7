"""The Qt side of the keyboard wedge: an application-wide key filter.

Install it on the QApplication (``app.installEventFilter(f)``). Every printable key is held
back and given to :class:`devices.wedge.WedgeClassifier` with its arrival time:

* a fast burst ending in CR/LF/Tab is a scan (or a swipe from a wedge magstripe reader):
  it goes to ``on_scan(code)`` / ``on_swipe(data)`` whatever field has focus, and never
  reaches that field;
* anything slower is a person typing: the held keys are delivered, unchanged and in order,
  to the focused widget (at most ``max_gap`` late).

``on_scan`` returns False when the screen takes no scans; the keys are then typed into the
focused field. Swipe data (``%...?;...?``) goes to ``on_swipe`` only, never into a field
and never to a log: it may be a bank card (decode it with
:class:`devices.serial_magstripe.SwipeDecoder`, which keeps only a masked reference).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from devices.wedge import Decision, Scan, Typed, WedgeClassifier, looks_like_swipe


class WedgeFilter(QObject):
    def __init__(
        self,
        on_scan: Callable[[str], bool],
        classifier: WedgeClassifier | None = None,
        parent: QObject | None = None,
        *,
        on_swipe: Callable[[str], bool] | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self.on_scan = on_scan
        self.on_swipe = on_swipe
        self.classifier = classifier or WedgeClassifier()
        self.enabled = True
        self._clock = clock
        self._held: list[tuple[QObject, QKeyEvent]] = []
        self._replaying = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._tick)

    # ------------------------------------------------------------------ Qt hook
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if self._replaying or not self.enabled or event.type() != QEvent.Type.KeyPress:
            return False
        if not obj.isWidgetType():
            return False  # the QWindow sees the key first; act once, at the widget
        assert isinstance(event, QKeyEvent)
        text = event.text()
        mods = event.modifiers() & ~(
            Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier
        )
        if not text or mods != Qt.KeyboardModifier.NoModifier:
            self._apply(self.classifier.flush())  # held keys first, then this one
            return False
        is_term = text in self.classifier.terminators
        if not self._held and (is_term or not text.isprintable()):
            return False  # a lone Enter/Tab/control key: nothing held, let it through
        copy = QKeyEvent(
            QEvent.Type.KeyPress, event.key(), event.modifiers(), text,
            event.isAutoRepeat(), event.count(),
        )
        self._held.append((obj, copy))
        self._apply(self.classifier.key(text, self._clock()))
        self._arm()
        return True

    # ------------------------------------------------------------------ internals
    def _arm(self) -> None:
        d = self.classifier.deadline()
        if d is None:
            self._timer.stop()
        else:
            self._timer.start(max(1, int((d - self._clock()) * 1000) + 2))

    def _tick(self) -> None:
        self._apply(self.classifier.tick(self._clock()))
        self._arm()

    def _apply(self, decisions: list[Decision]) -> None:
        for d in decisions:
            batch, self._held = self._held[: d.keys], self._held[d.keys :]
            if isinstance(d, Scan):
                if looks_like_swipe(d.code):
                    # Track data (maybe a bank card's) never goes into a text field.
                    if self.on_swipe is not None:
                        self.on_swipe(d.code)
                    continue
                if self.on_scan(d.code):
                    continue
            elif not isinstance(d, Typed):  # pragma: no cover - exhaustive
                raise TypeError(d)
            self._replay(batch)

    def _replay(self, batch: list[tuple[QObject, QKeyEvent]]) -> None:
        self._replaying = True
        try:
            for obj, ev in batch:
                target = QApplication.focusWidget() or obj
                QApplication.sendEvent(target, ev)
                release = QKeyEvent(QEvent.Type.KeyRelease, ev.key(), ev.modifiers(), ev.text())
                QApplication.sendEvent(target, release)
        finally:
            self._replaying = False
