"""Simulated devices (demo mode, UI tests) through the real DeviceManager."""

from __future__ import annotations

from decimal import Decimal

from devices.base import DeviceConfig
from devices.events import (
    BarcodeScanned,
    CardPresented,
    CardRemoved,
    DeviceError,
    Health,
    JobDone,
    PrintJob,
    ShowItem,
    ShowTotal,
)
from devices.manager import DeviceManager
from devices.simulated import ScreenPrinter, SimulatedCardReader, SimulatedScanner, render_text
from tests.devices.fakes import wait_for

_seen: dict[int, list] = {}


def wait_events(m, n, kind):
    """Wait for ``n`` events of ``kind``; events already drained are remembered per manager."""
    log = _seen.setdefault(id(m), [])

    def enough():
        log.extend(m.poll_events())
        return len([e for e in log if isinstance(e, kind)]) >= n

    wait_for(enough)
    got = [e for e in log if isinstance(e, kind)]
    log[:] = [e for e in log if not isinstance(e, kind)]
    return got


def test_demo_set_scans_taps_prints_and_displays():
    m = DeviceManager.simulated(poll_interval=0.05)
    m.start()
    try:
        wait_for(lambda: all(h.health is Health.OK for h in m.health().values()))
        scanner = m.adapters["demo scanner"]
        assert isinstance(scanner, SimulatedScanner)
        for code in ("]E06901234567892", "6901234567892", "ABC-1"):
            scanner.scan(code)
        scans = wait_events(m, 3, BarcodeScanned)
        assert [(s.code, s.symbology) for s in scans] == [
            ("6901234567892", "EAN-13"), ("6901234567892", "EAN-13"), ("ABC-1", None)]
        cards = m.adapters["demo card reader"]
        assert isinstance(cards, SimulatedCardReader)
        cards.tap("8860001234567890")
        cards.take_away()
        assert wait_events(m, 1, CardPresented)[0].card_number == "8860001234567890"
        wait_events(m, 1, CardRemoved)

        printer = m.adapters["demo printer"]
        assert isinstance(printer, ScreenPrinter)
        m.print(PrintJob("d-1", (("text", "会员 VIP\n合计 ￥3.50\n"), ("qr", "x"), ("cut",))))
        wait_events(m, 1, JobDone)
        assert printer.pages == [["会员 VIP", "合计 ￥3.50", "[QR x]", "-" * 32]]
        m.kick_drawer()
        wait_for(lambda: printer.drawer_kicks == 1)

        m.show(ShowItem("可口可乐", Decimal("3.50")))
        m.show(ShowTotal(Decimal("3.50"), paid=Decimal("10"), change=Decimal("6.50")))
        pole = m.adapters["demo pole display"]
        wait_for(lambda: pole.lines == ("实收 10.00", "找零 6.50"))  # type: ignore[attr-defined]
    finally:
        m.stop()


def test_simulated_unplug_and_paper_out_change_health():
    m = DeviceManager.simulated(poll_interval=0.05, backoff_initial=0.05, backoff_max=0.1)
    m.start()
    try:
        wait_for(lambda: m.health()["demo scanner"].health is Health.OK)
        scanner = m.adapters["demo scanner"]
        scanner.unplug()  # type: ignore[attr-defined]
        wait_for(lambda: m.health()["demo scanner"].health is Health.OFFLINE)
        scanner.plug()  # type: ignore[attr-defined]
        wait_for(lambda: m.health()["demo scanner"].health is Health.OK)

        printer = m.adapters["demo printer"]
        assert isinstance(printer, ScreenPrinter)
        printer.paper_out(True)
        m.print(PrintJob("d-2", (("text", "WAIT\n"),)))
        errors = wait_events(m, 2, DeviceError)  # the unplugged scanner's, then paper out
        assert [e.code for e in errors] == ["unplugged", "paper_out"]
        wait_for(lambda: m.health()["demo printer"].health is Health.DEGRADED)
        assert printer.pages == []
        printer.paper_out(False)
        wait_events(m, 1, JobDone)
        assert printer.pages == [["WAIT"]]
    finally:
        m.stop()


def test_scripted_scanner_feeds_its_list():
    cfg = DeviceConfig("s", "scanner", "simulated", {"codes": ["]E06901234567892", "X1"],
                                                      "interval_ms": 10})
    s = SimulatedScanner(cfg)
    s.open()
    got = []
    while len(got) < 2:
        got += s.read(0.5)
    assert [e.code for e in got] == ["6901234567892", "X1"]  # type: ignore[attr-defined]


def test_render_text():
    assert render_text((("text", "a\nb"), ("feed", 1), ("drawer",))) == [
        "a", "b", "", "[cash drawer opened]"]
    assert render_text((("text", "a\nb\n"), ("barcode", "690", "EAN13"))) == [
        "a", "b", "[BARCODE 690]"]


def test_simulated_drawer_on_its_own():
    cfg = [DeviceConfig("drawer", "drawer", "simulated")]
    m = DeviceManager(cfg)
    m.start()
    try:
        m.kick_drawer()
        assert m.simulated_drawer_kicks == 1
        assert m.health()["drawer"].health is Health.OK
    finally:
        m.stop()
