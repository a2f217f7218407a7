"""Serial scanners and magstripe readers on real pseudo-terminals (pyserial, no mocks)."""

from __future__ import annotations

import random
import time

import pytest

from devices.base import DeviceConfig, DeviceLost, DeviceUnavailable
from devices.events import BarcodeScanned, CardPresented, DeviceError, Health, Media
from devices.manager import DeviceManager
from devices.serial_magstripe import SerialMagstripeReader
from devices.serial_scanner import SerialScanner
from tests.devices.fakes import wait_for


def collect(adapter, until, timeout=10.0):
    events = []
    end = time.monotonic() + timeout
    while not until(events):
        assert time.monotonic() < end, f"timed out; got {events}"
        events += adapter.read(0.1)
    return events


def scanner(port, **opts):
    return SerialScanner(DeviceConfig("front scanner", "scanner", "serial", {"port": port, **opts}))


def test_scans_with_aim_ids_in_order(pty_line):
    s = scanner(pty_line.port, gap_ms=200)
    s.open()
    try:
        codes = ["]E06901234567892", "]C1ABC123", "]Q1会员码:8860001234567890", "6901234567892"]
        pty_line.write(b"".join(c.encode() + b"\r" for c in codes))
        ev = collect(s, lambda e: len(e) >= 4)
        assert [(e.code, e.symbology) for e in ev] == [
            ("6901234567892", "EAN-13"),
            ("ABC123", "GS1-128"),
            ("会员码:8860001234567890", "QR Code"),
            ("6901234567892", "EAN-13"),
        ]
        assert all(isinstance(e, BarcodeScanned) for e in ev)
    finally:
        s.close()


def test_prefix_suffix_and_split_writes(pty_line):
    s = scanner(pty_line.port, prefix="\x02", suffix="\x03", gap_ms=500)
    s.open()
    try:
        for chunk in (b"\x02690123", b"4567892\x03\x0296385", b"074\x03"):
            pty_line.write(chunk)
            time.sleep(0.01)
        ev = collect(s, lambda e: len(e) >= 2)
        assert [e.code for e in ev] == ["6901234567892", "96385074"]
    finally:
        s.close()


def test_no_suffix_frames_by_idle_gap(pty_line):
    s = scanner(pty_line.port, suffix="", gap_ms=50)
    s.open()
    try:
        pty_line.write(b"6901234567892")
        ev = collect(s, lambda e: len(e) >= 1)
        assert [e.code for e in ev] == ["6901234567892"]
    finally:
        s.close()


def _drain_scans(manager, n, timeout=20.0):
    events = []
    end = time.monotonic() + timeout
    while sum(isinstance(e, BarcodeScanned) for e in events) < n:
        assert time.monotonic() < end, f"timed out; got {events}"
        e = manager.wait_event(0.1)
        if e is not None:
            events.append(e)
    time.sleep(0.3)
    return events + manager.poll_events()


@pytest.mark.parametrize("aim_ids", [False, True])
def test_random_bytes_give_errors_and_no_scan_lost_or_doubled(pty_line, aim_ids):
    """Noise between scans (the line idle in between, as on a real faulty cable)."""
    rnd = random.Random(1234 + aim_ids)
    cfg = DeviceConfig("front scanner", "scanner", "serial",
                       {"port": pty_line.port, "gap_ms": 40, "aim_ids": aim_ids})
    m = DeviceManager([cfg], poll_interval=0.05)
    m.start()
    try:
        wait_for(lambda: m.health()["front scanner"].health is Health.OK)
        expected = []
        for i in range(25):
            noise = bytes(rnd.randrange(256) for _ in range(rnd.randrange(1, 40)))
            pty_line.write(noise)
            time.sleep(0.15)  # idle longer than gap_ms: the noise is a frame of its own
            expected.append(f"ITEM{i:04d}")
            pty_line.write(f"]C0ITEM{i:04d}\r".encode())
            time.sleep(0.01)
        ev = _drain_scans(m, 25)
        scans = [e.code for e in ev if isinstance(e, BarcodeScanned)]
        assert scans == expected
        assert any(isinstance(e, DeviceError) and e.code == "bad_read" for e in ev)
    finally:
        m.stop()


def test_noise_without_gap_before_aim_scans_loses_no_scan(pty_line):
    """With AIM identifiers on, even noise glued to a scan (no idle gap) is cut off."""
    rnd = random.Random(99)
    s = scanner(pty_line.port, aim_ids=True)
    s.open()
    try:
        blob = b""
        for i in range(50):
            noise = bytes(rnd.randrange(256) for _ in range(rnd.randrange(0, 30)))
            blob += noise.replace(b"\r", b"") + f"]C0ITEM{i:04d}\r".encode()
        pty_line.write(blob)
        ev = collect(s, lambda e: sum(isinstance(x, BarcodeScanned) for x in e) >= 50)
        ev += s.read(0.2)
        assert [e.code for e in ev if isinstance(e, BarcodeScanned)] == [
            f"ITEM{i:04d}" for i in range(50)
        ]
    finally:
        s.close()


def test_noise_glued_to_a_checked_scan_keeps_the_scan(pty_line):
    s = scanner(pty_line.port)
    s.open()
    try:
        pty_line.write(b"\x00\x17\xfe]E06901234567892\r")
        ev = collect(s, lambda e: any(isinstance(x, BarcodeScanned) for x in e))
        assert [e.code for e in ev if isinstance(e, BarcodeScanned)] == ["6901234567892"]
    finally:
        s.close()


def test_missing_port_is_unavailable(tmp_path):
    s = scanner(str(tmp_path / "ttyUSB9"))
    with pytest.raises(DeviceUnavailable):
        s.open()


def test_unplug_mid_scan_is_device_lost(socat_line):
    s = scanner(socat_line.port)
    s.open()
    try:
        socat_line.write(b"6901234567892\r")
        ev = collect(s, lambda e: len(e) >= 1)
        assert ev[0].code == "6901234567892"
        socat_line.write(b"69012")  # torn: the cable is pulled mid-scan
        time.sleep(0.05)
        socat_line.unplug()
        with pytest.raises(DeviceLost):
            for _ in range(100):
                s.read(0.1)
    finally:
        s.close()


# ---------------------------------------------------------------- magstripe


def msr(port, **opts):
    return SerialMagstripeReader(
        DeviceConfig("msr", "magstripe", "serial", {"port": port, "gap_ms": 80, **opts})
    )


def test_magstripe_own_card_bank_card_and_bad_swipe(pty_line):
    r = msr(pty_line.port, own_prefixes=["8860"])
    r.open()
    try:
        pty_line.write(b"%A8860001234567890^VIP^?;8860001234567890=4912?\r")
        pty_line.write(b"%B6228480402564890018^ZHANG/SAN^2512101?;6228480402564890018=2512101?\r")
        pty_line.write(b"%E?;E?\r")
        ev = collect(r, lambda e: len(e) >= 3)
        own, bank, bad = ev
        assert isinstance(own, CardPresented) and own.card_number == "8860001234567890"
        assert own.media is Media.MAGSTRIPE and own.raw is None
        assert isinstance(bank, CardPresented) and bank.bank_card and bank.card_number is None
        assert bank.raw is None and "6228480402564890018" not in repr(bank)
        assert bank.masked == "622848*********0018"
        assert isinstance(bad, DeviceError) and bad.code == "swipe_again"
    finally:
        r.close()


def test_torn_swipe_then_good_swipe(pty_line):
    r = msr(pty_line.port)
    r.open()
    try:
        pty_line.write(b";88600012")  # torn: reader sent half a track and no CR
        ev = collect(r, lambda e: len(e) >= 1)  # the line stays idle: the reader cuts it
        pty_line.write(b";8860001234567890=4912?\r")
        ev += collect(r, lambda e: len(e) >= 1)
        assert isinstance(ev[0], DeviceError) and ev[0].code == "swipe_again"
        assert isinstance(ev[1], CardPresented) and ev[1].card_number == "8860001234567890"
    finally:
        r.close()


def test_magstripe_noise_between_swipes_through_the_manager(pty_line):
    rnd = random.Random(7)
    cfg = DeviceConfig("msr", "magstripe", "serial",
                       {"port": pty_line.port, "gap_ms": 40, "own_prefixes": ["8860"]})
    m = DeviceManager([cfg], poll_interval=0.05)
    m.start()
    try:
        wait_for(lambda: m.health()["msr"].health is Health.OK)
        for i in range(10):
            pty_line.write(bytes(rnd.randrange(256) for _ in range(rnd.randrange(1, 30))))
            time.sleep(0.15)
            pty_line.write(f";88600000000000{i:02d}=4912?\r".encode())
            time.sleep(0.01)
        events = []
        end = time.monotonic() + 20
        while sum(isinstance(e, CardPresented) for e in events) < 10:
            assert time.monotonic() < end, events
            e = m.wait_event(0.1)
            if e is not None:
                events.append(e)
        time.sleep(0.3)
        events += m.poll_events()
    finally:
        m.stop()
    cards = [e.card_number for e in events if isinstance(e, CardPresented)]
    assert cards == [f"88600000000000{i:02d}" for i in range(10)]
    assert all(not e.bank_card for e in events if isinstance(e, CardPresented))
    assert any(isinstance(e, DeviceError) and e.code == "swipe_again" for e in events)
