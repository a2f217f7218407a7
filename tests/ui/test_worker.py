"""The Qt binding keeps Python's reference counts: PySide6 6.12.0 under Python 3.11 took a
reference from None on every void call and aborted the app after a few thousand
(pyproject.toml excludes that release). This fails on a binding with that fault."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel


class _Sender(QObject):
    changed = Signal(int)


def test_void_calls_and_emits_keep_reference_counts(qtbot) -> None:  # type: ignore[no-untyped-def]
    label = QLabel()
    qtbot.addWidget(label)
    sender = _Sender()
    got: list[int] = []
    sender.changed.connect(got.append)
    none_before = sys.getrefcount(None)
    bools_before = sys.getrefcount(True) + sys.getrefcount(False)
    for i in range(2000):
        label.setText("x")
        sender.changed.emit(i)
    assert len(got) == 2000
    assert sys.getrefcount(None) >= none_before - 50
    assert sys.getrefcount(True) + sys.getrefcount(False) >= bools_before - 50
