"""Work off the UI thread: one database thread, so actions run in the order given.

``Runner.run(fn, on_done, on_error)`` calls ``fn()`` on the database thread and then
``on_done(result)`` or ``on_error(exc)`` on the UI thread. ``fn`` opens its own
``terminal.tx()`` / ``terminal.read()`` and returns plain values (never ORM rows).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], signals: _Signals) -> None:
        super().__init__()
        self.fn = fn
        self.signals = signals
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.fn()
        except Exception as e:  # reported to the screen, which shows it
            self.signals.failed.emit(e)
            return
        self.signals.done.emit(result)


class Runner(QObject):
    """Runs database work on one background thread; counts what is in flight."""

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.in_flight = 0
        self._keep: set[_Signals] = set()

    def run(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
    ) -> None:
        sig = _Signals()
        self._keep.add(sig)

        def done(result: Any) -> None:
            self._finish(sig)
            if on_done is not None:
                on_done(result)

        def failed(exc: Any) -> None:
            self._finish(sig)
            if on_error is not None:
                on_error(exc)
            else:
                log.error("background work failed: %r", exc)

        sig.done.connect(done)
        sig.failed.connect(failed)
        self.in_flight += 1
        if self.in_flight == 1:
            self.busy_changed.emit(True)
        self.pool.start(_Job(fn, sig))

    def _finish(self, sig: _Signals) -> None:
        self._keep.discard(sig)
        self.in_flight -= 1
        if self.in_flight == 0:
            self.busy_changed.emit(False)

    def wait(self, msecs: int = 10000) -> bool:
        return self.pool.waitForDone(msecs)
