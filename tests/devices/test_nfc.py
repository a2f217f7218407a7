"""NFC through nfcpy's real stack with its ``udp`` driver; the tag is a second process
(tests/devices/nfc_tag_emulator.py) emulating Type 1, 2, 3 and 4 tags and a MIFARE Classic."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from devices.base import DeviceConfig, DeviceUnavailable
from devices.events import CardPresented, CardRemoved, Health, Media
from devices.manager import DeviceManager
from devices.nfc_reader import NfcReader, is_mifare_classic
from tests.devices.fakes import wait_for

EMULATOR = Path(__file__).with_name("nfc_tag_emulator.py")


def free_udp_port() -> int:
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


class Tag:
    """A tag on the reader while the emulator process runs."""

    def __init__(self, port: int, kind: str, uid: str, text: str | None = None) -> None:
        args = [sys.executable, str(EMULATOR), "--port", str(port), "--type", kind, "--uid", uid]
        if text is not None:
            args += ["--text", text]
        self.proc = subprocess.Popen(args, stdout=subprocess.PIPE)
        assert self.proc.stdout is not None
        assert self.proc.stdout.readline().strip() == b"ready"

    def take_away(self) -> None:
        self.proc.terminate()
        self.proc.wait(10)


def reader(port: int, **opts) -> NfcReader:
    return NfcReader(DeviceConfig("nfc reader", "nfc", "nfcpy",
                                  {"path": f"udp:127.0.0.1:{port}", **opts}))


def until(r, pred, timeout=15.0):
    got = []
    end = time.monotonic() + timeout
    while not pred(got):
        assert time.monotonic() < end, f"timed out; got {got}"
        got += r.read(0.2)
    return got


@pytest.mark.parametrize(
    "kind, uid, targets, detail",
    [
        ("1", "A1B2C3D4", ["106A"], "Type1Tag"),
        ("2", "04A1B2C3D4E5F6", ["106A"], "Type2Tag"),
        ("4", "04112233445566", ["106A"], "Type4Tag"),
        ("3", "0127001122334455", ["212F"], "Type3Tag"),
    ],
)
def test_tag_uid_and_ndef_card_number(kind, uid, targets, detail):
    port = free_udp_port()
    tag = Tag(port, kind, uid, text="8860001234567890")
    r = reader(port, targets=targets)
    r.open()
    try:
        ev = until(r, lambda g: g)
        assert len(ev) == 1 and isinstance(ev[0], CardPresented)
        assert ev[0].media is Media.NFC and ev[0].uid == uid
        assert ev[0].card_number == "8860001234567890"
        assert ev[0].detail.startswith(detail)
        assert r.read(0.3) == []  # still on the reader: no second event
        tag.take_away()
        ev = until(r, lambda g: g)
        assert [type(e) for e in ev] == [CardRemoved]
    finally:
        tag.take_away()
        r.close()


def test_tag_without_ndef_gives_uid_only():
    port = free_udp_port()
    tag = Tag(port, "2", "04010203040506")
    r = reader(port, targets=["106A"])
    r.open()
    try:
        ev = until(r, lambda g: g)
        assert ev[0].uid == "04010203040506" and ev[0].card_number is None
    finally:
        tag.take_away()
        r.close()


def test_uid_as_card_number():
    port = free_udp_port()
    tag = Tag(port, "4", "04998877665544", text="ignored")
    r = reader(port, targets=["106A"], card_number="uid")
    r.open()
    try:
        ev = until(r, lambda g: g)
        assert ev[0].card_number == "04998877665544"
    finally:
        tag.take_away()
        r.close()


def test_mifare_classic_uid_only_and_removal():
    port = free_udp_port()
    tag = Tag(port, "classic", "A1B2C3D4")
    r = reader(port, targets=["106A"])
    r.open()
    try:
        ev = until(r, lambda g: g)
        assert ev[0].media is Media.MIFARE_CLASSIC and ev[0].uid == "A1B2C3D4"
        assert ev[0].card_number is None
        tag.take_away()
        ev = until(r, lambda g: g)
        assert [(type(e), e.media) for e in ev] == [(CardRemoved, Media.MIFARE_CLASSIC)]
    finally:
        tag.take_away()
        r.close()


def test_sak_classification():
    assert is_mifare_classic(b"\x08") and is_mifare_classic(b"\x18")
    assert is_mifare_classic(b"\x88") and is_mifare_classic(b"\x09")
    assert not is_mifare_classic(b"\x00") and not is_mifare_classic(b"\x20")
    assert not is_mifare_classic(b"\x28") and not is_mifare_classic(None)


def test_missing_usb_reader_says_what_to_check():
    """No USB reader in CI: nfcpy (libusb) finds none; the message names pcscd."""
    r = NfcReader(DeviceConfig("nfc reader", "nfc", "nfcpy", {"path": "usb:072f:2200"}))
    with pytest.raises(DeviceUnavailable) as e:
        r.open()
    assert "ACS ACR122U" in str(e.value) and "pcscd" in str(e.value)


def test_taps_through_the_manager_in_order():
    port = free_udp_port()
    cfg = DeviceConfig("nfc reader", "nfc", "nfcpy",
                       {"path": f"udp:127.0.0.1:{port}", "targets": ["106A"]})
    m = DeviceManager([cfg], poll_interval=0.1)
    m.start()
    try:
        wait_for(lambda: m.health()["nfc reader"].health is Health.OK)
        seen = []
        for i, uid in enumerate(["04000000000001", "04000000000002"]):
            tag = Tag(port, "2", uid, text=f"886000000000000{i}")
            seen += wait_for(lambda: [e for e in m.poll_events()
                                      if isinstance(e, CardPresented)], timeout=15)
            tag.take_away()
            seen += wait_for(lambda: [e for e in m.poll_events() if isinstance(e, CardRemoved)],
                             timeout=15)
    finally:
        m.stop()
    assert [(type(e).__name__, getattr(e, "card_number", None)) for e in seen] == [
        ("CardPresented", "8860000000000000"), ("CardRemoved", None),
        ("CardPresented", "8860000000000001"), ("CardRemoved", None)]
