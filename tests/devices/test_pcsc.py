"""IC cards through the real PC/SC stack: pyscard → libpcsclite → pcscd → vpcd driver →
a virtual card (tests/devices/vcard.py) on the vpcd socket. Nothing in pyscard is mocked."""

from __future__ import annotations

import time

from devices.base import DeviceConfig
from devices.events import CardPresented, CardRemoved, DeviceError, Health, Media
from devices.manager import DeviceManager
from devices.pcsc_reader import PcscCardReader
from tests.devices.fakes import wait_for
from tests.devices.vcard import VirtualCard

READER0, READER1 = "Virtual PCD 00 00", "Virtual PCD 00 01"


def reader(**opts):
    return PcscCardReader(DeviceConfig("ic reader", "ic_card", "pcsc",
                                       {"readers": ["Virtual PCD"], **opts}))


def events_until(r, pred, timeout=15.0):
    got = []
    end = time.monotonic() + timeout
    while not pred(got):
        assert time.monotonic() < end, f"timed out; got {got}"
        got += r.read(0.2)
    return got


def memory_with(number: bytes, offset: int = 32) -> bytes:
    mem = bytearray(b"\xff" * 256)
    mem[offset : offset + len(number)] = number
    return bytes(mem)


def test_uid_insert_and_remove(pcscd):
    r = reader()
    r.open()
    try:
        assert {READER0, READER1} <= set(r.readers())
        assert r.health()[0] is Health.OK
        r.read(0.1)
        card = VirtualCard(uid=bytes.fromhex("04A1B2C3D4E5F6")).insert()
        ev = events_until(r, lambda g: g)
        assert len(ev) == 1 and isinstance(ev[0], CardPresented)
        assert ev[0].media is Media.IC_CARD and ev[0].reader == READER0
        assert ev[0].uid == ev[0].card_number == "04A1B2C3D4E5F6"
        assert card.apdus[0] == bytes.fromhex("FFCA000000")
        card.remove()
        ev = events_until(r, lambda g: g)
        assert [type(e) for e in ev] == [CardRemoved] and ev[0].reader == READER0
    finally:
        r.close()


def test_memory_card_sle4442_number(pcscd):
    r = reader(card_number="memory", memory_card_type=6, memory_offset=32, memory_length=16)
    r.open()
    try:
        r.read(0.1)
        with VirtualCard(memory=memory_with(b"8860001234567890")) as card:
            ev = events_until(r, lambda g: g)
            assert ev[0].card_number == "8860001234567890"
            assert ev[0].raw is None  # keep_raw is off
            assert bytes.fromhex("FFA4000001 06".replace(" ", "")) in card.apdus
            assert bytes.fromhex("FFB0002010") in card.apdus
        events_until(r, lambda g: any(isinstance(e, CardRemoved) for e in g))
    finally:
        r.close()


def test_cpu_card_file_number_bcd(pcscd):
    aid = bytes.fromhex("A0000003330101")
    r = reader(card_number="file", aid=aid.hex(), file_id="0015", file_length=8,
               number_format="bcd")
    r.open()
    try:
        r.read(0.1)
        with VirtualCard(aid=aid, files={bytes.fromhex("0015"): bytes.fromhex("8860001234567890")}):
            ev = events_until(r, lambda g: g)
            assert isinstance(ev[0], CardPresented) and ev[0].card_number == "8860001234567890"
        events_until(r, lambda g: any(isinstance(e, CardRemoved) for e in g))
    finally:
        r.close()


def test_two_readers_at_once(pcscd):
    r = reader()
    r.open()
    try:
        r.read(0.1)
        a = VirtualCard(port=35963, uid=bytes.fromhex("11111111")).insert()
        b = VirtualCard(port=35964, uid=bytes.fromhex("22222222")).insert()
        ev = events_until(r, lambda g: len(g) >= 2)
        got = {(e.reader, e.uid) for e in ev if isinstance(e, CardPresented)}
        assert got == {(READER0, "11111111"), (READER1, "22222222")}
        b.remove()
        ev = events_until(r, lambda g: g)
        assert [(type(e), e.reader) for e in ev] == [(CardRemoved, READER1)]
        a.remove()
        ev = events_until(r, lambda g: g)
        assert [(type(e), e.reader) for e in ev] == [(CardRemoved, READER0)]
    finally:
        r.close()


def test_card_swapped_between_polls_is_a_new_card(pcscd):
    r = reader()
    r.open()
    try:
        r.read(0.1)
        a = VirtualCard(uid=bytes.fromhex("AAAA0001")).insert()
        ev = events_until(r, lambda g: g)
        assert [e.uid for e in ev] == ["AAAA0001"]
        a.remove()
        time.sleep(1.0)  # the terminal is busy: removal and the next card come in one poll
        b = VirtualCard(uid=bytes.fromhex("BBBB0002")).insert()
        time.sleep(1.0)
        ev = events_until(r, lambda g: any(isinstance(e, CardPresented) for e in g))
        assert [(type(e).__name__, getattr(e, "uid", None)) for e in ev] == [
            ("CardRemoved", None), ("CardPresented", "BBBB0002")]
        b.remove()
        events_until(r, lambda g: g)
    finally:
        r.close()


def test_card_pulled_mid_read_then_presented_again(pcscd):
    r = reader(card_number="memory")
    r.open()
    try:
        r.read(0.1)
        card = VirtualCard(memory=memory_with(b"8860001234567890"), pull_on=b"\xff\xb0").insert()
        ev = events_until(r, lambda g: g)
        assert [(type(e), getattr(e, "code", None)) for e in ev] == [(DeviceError, "card_pulled")]
        card.remove()
        time.sleep(1.0)
        ev = r.read(0.2)
        assert not any(isinstance(e, CardPresented | CardRemoved) for e in ev)
        with VirtualCard(memory=memory_with(b"8860001234567890")):
            ev = events_until(r, lambda g: any(isinstance(e, CardPresented) for e in g))
            assert [e.card_number for e in ev if isinstance(e, CardPresented)] == [
                "8860001234567890"]
    finally:
        r.close()


def test_blank_card_is_unreadable_not_a_crash(pcscd):
    r = reader(card_number="memory")
    r.open()
    try:
        r.read(0.1)
        with VirtualCard(memory=b"\xff" * 256):
            ev = events_until(r, lambda g: g)
            assert isinstance(ev[0], DeviceError) and ev[0].code == "card_unreadable"
        time.sleep(0.5)
        assert not any(isinstance(e, CardRemoved) for e in r.read(0.5))  # never presented
    finally:
        r.close()


def test_pcscd_stopped_and_started_again(pcscd):
    """The reader service dies (like unplugging every reader): offline, then back to ok."""
    assert pcscd.owned, (
        "this test restarts pcscd: stop the system pcscd (systemctl stop pcscd.socket "
        "pcscd.service) so that the test fixture runs its own"
    )
    cfg = DeviceConfig("ic reader", "ic_card", "pcsc", {"readers": ["Virtual PCD"]})
    m = DeviceManager([cfg], backoff_initial=0.1, backoff_max=0.5, poll_interval=0.2)
    m.start()
    try:
        wait_for(lambda: m.health()["ic reader"].health is Health.OK, timeout=20)
        pcscd.stop()
        wait_for(lambda: m.health()["ic reader"].health is Health.OFFLINE, timeout=20)
        pcscd.start()
        wait_for(lambda: m.health()["ic reader"].health is Health.OK, timeout=30)
        with VirtualCard(uid=bytes.fromhex("0A0B0C0D")):
            ev = wait_for(lambda: [e for e in m.poll_events() if isinstance(e, CardPresented)],
                          timeout=20)
            assert ev[0].uid == "0A0B0C0D"
    finally:
        m.stop()
