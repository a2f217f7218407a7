"""Keyboard wedge: the pure classifier, and the Qt filter with pytest-qt key bursts."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from devices.wedge import Scan, Typed, WedgeClassifier, classifier_from_config, looks_like_swipe


def feed(c: WedgeClassifier, text: str, gap: float, start: float = 100.0):
    out = []
    t = start
    for ch in text:
        out += c.key(ch, t)
        t += gap
    out += c.tick(t + 1.0)
    return out


def test_scanner_burst_is_a_scan():
    assert feed(WedgeClassifier(), "6901234567892\r", 0.002) == [Scan("6901234567892", 14)]


def test_person_typing_is_typed():
    out = feed(WedgeClassifier(), "1234\r", 0.120)
    assert sum(d.keys for d in out) == 5 and all(isinstance(d, Typed) for d in out)


def test_short_fast_burst_is_typed():
    assert feed(WedgeClassifier(min_length=4), "12\r", 0.001) == [Typed(3)]


def test_no_terminator_is_typed_after_the_gap():
    c = WedgeClassifier()
    assert c.key("a", 0.0) == [] and c.key("b", 0.001) == []
    assert c.deadline() == pytest.approx(0.051)
    assert c.tick(0.02) == []
    assert c.tick(0.06) == [Typed(2)]


def test_typing_then_scan_keeps_order():
    c = WedgeClassifier()
    out = c.key("x", 0.0)
    t = 0.5  # a pause, then a scan
    for ch in "ABCD1234\t":
        out += c.key(ch, t)
        t += 0.003
    assert out == [Typed(1), Scan("ABCD1234", 9)]


def test_prefix_is_removed_and_swipes_recognised():
    c = WedgeClassifier(prefix="@")
    assert feed(c, "@6901234567892\n", 0.001) == [Scan("6901234567892", 15)]
    assert looks_like_swipe("%B123^X^?;123=1?") and not looks_like_swipe("6901234567892")


def test_config_keys():
    c = classifier_from_config({"max_gap_ms": 120, "min_length": 6, "terminators": ["\r"]})
    assert (c.max_gap, c.min_length, c.terminators) == (0.12, 6, ("\r",))


@given(st.lists(st.tuples(st.text(min_size=1, max_size=1), st.floats(0, 0.3)), max_size=60))
def test_every_key_is_accounted_for_exactly_once(keys):
    c = WedgeClassifier()
    t = 0.0
    out = []
    for ch, gap in keys:
        t += gap
        out += c.key(ch, t)
    out += c.tick(t + 10)
    assert sum(d.keys for d in out) == len(keys)
    assert c.held == 0


# ------------------------------------------------------------------ Qt filter


@pytest.fixture
def wedge(qtbot):
    from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget

    from pos_app.ui.wedge_filter import WedgeFilter

    scans: list[str] = []
    swipes: list[str] = []
    w = QWidget()
    lay = QVBoxLayout(w)
    edit, other = QLineEdit(), QLineEdit()
    lay.addWidget(edit)
    lay.addWidget(other)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    edit.setFocus()
    f = WedgeFilter(lambda c: scans.append(c) or True, WedgeClassifier(max_gap=0.08),
                    on_swipe=lambda s: swipes.append(s) or True)
    app = QApplication.instance()
    app.installEventFilter(f)
    yield f, edit, other, scans, swipes
    app.removeEventFilter(f)


def test_qt_scanner_burst_goes_to_the_cart_not_the_field(qtbot, wedge):
    _f, edit, _other, scans, _ = wedge
    qtbot.keyClicks(edit, "6901234567892\r", delay=1)
    qtbot.waitUntil(lambda: scans == ["6901234567892"])
    qtbot.wait(150)
    assert edit.text() == ""


def test_qt_scan_lands_whatever_field_has_focus(qtbot, wedge):
    _f, edit, other, scans, _ = wedge
    other.setFocus()
    qtbot.keyClicks(other, "ABC-12345\r", delay=2)
    qtbot.waitUntil(lambda: scans == ["ABC-12345"])
    assert other.text() == "" and edit.text() == ""


def test_qt_person_typing_reaches_the_field(qtbot, wedge):
    _f, edit, _other, scans, _ = wedge
    qtbot.keyClicks(edit, "13800001111", delay=120)
    qtbot.waitUntil(lambda: edit.text() == "13800001111", timeout=5000)
    assert scans == []


def test_qt_fast_keys_without_terminator_are_typed(qtbot, wedge):
    _f, edit, _other, scans, _ = wedge
    qtbot.keyClicks(edit, "abc", delay=1)
    qtbot.waitUntil(lambda: edit.text() == "abc")
    assert scans == []


def test_qt_wedge_magstripe_swipe(qtbot, wedge):
    _f, edit, _other, scans, swipes = wedge
    qtbot.keyClicks(edit, ";8860001234567890=4912?\r", delay=1)
    qtbot.waitUntil(lambda: swipes == [";8860001234567890=4912?"])
    assert scans == [] and edit.text() == ""


def test_qt_screen_without_scans_gets_the_keys(qtbot):
    from PySide6.QtWidgets import QApplication, QLineEdit

    from pos_app.ui.wedge_filter import WedgeFilter

    edit = QLineEdit()
    qtbot.addWidget(edit)
    edit.show()
    qtbot.waitExposed(edit)
    edit.setFocus()
    f = WedgeFilter(lambda c: False, WedgeClassifier(max_gap=0.08))
    QApplication.instance().installEventFilter(f)
    try:
        qtbot.keyClicks(edit, "12345678\r", delay=1)
        qtbot.waitUntil(lambda: edit.text() == "12345678")
    finally:
        QApplication.instance().removeEventFilter(f)


def test_qt_swipe_never_typed_into_a_field(qtbot):
    """Without a swipe handler, track data (maybe a bank card) is dropped, not typed."""
    from PySide6.QtWidgets import QApplication, QLineEdit

    from pos_app.ui.wedge_filter import WedgeFilter

    edit = QLineEdit()
    qtbot.addWidget(edit)
    edit.show()
    qtbot.waitExposed(edit)
    edit.setFocus()
    scans: list[str] = []
    f = WedgeFilter(lambda c: scans.append(c) or False, WedgeClassifier(max_gap=0.08))
    QApplication.instance().installEventFilter(f)
    try:
        qtbot.keyClicks(edit, "%B6228480402564890018^ZHANG/SAN^2512101?\r", delay=1)
        qtbot.keyClicks(edit, "ok", delay=120)
        qtbot.waitUntil(lambda: edit.text() == "ok", timeout=5000)
        assert scans == []
    finally:
        QApplication.instance().removeEventFilter(f)


def test_qt_wedge_swipe_decoded_like_a_serial_reader(qtbot):
    """A keyboard-wedge magstripe reader: the filter hands the swipe to SwipeDecoder."""
    from PySide6.QtWidgets import QApplication, QLineEdit

    from devices.base import DeviceConfig
    from devices.events import CardPresented
    from devices.serial_magstripe import SwipeDecoder
    from pos_app.ui.wedge_filter import WedgeFilter

    decoder = SwipeDecoder(DeviceConfig("wedge swiper", "magstripe", "wedge",
                                        {"own_prefixes": ["8860"]}))
    events = []
    edit = QLineEdit()
    qtbot.addWidget(edit)
    edit.show()
    qtbot.waitExposed(edit)
    edit.setFocus()
    f = WedgeFilter(lambda c: True, WedgeClassifier(max_gap=0.08),
                    on_swipe=lambda s: bool(events.extend(decoder.events(s.encode(), "wedge"))
                                            ) or True)
    QApplication.instance().installEventFilter(f)
    try:
        qtbot.keyClicks(edit, ";8860001234567890=4912?\r", delay=1)
        qtbot.keyClicks(edit, ";6228480402564890018=2512101?\r", delay=1)
        qtbot.waitUntil(lambda: len(events) == 2)
    finally:
        QApplication.instance().removeEventFilter(f)
    own, bank = events
    assert isinstance(own, CardPresented) and own.card_number == "8860001234567890"
    assert isinstance(bank, CardPresented) and bank.bank_card and bank.card_number is None
    assert edit.text() == ""
