"""Chip cards carry their holder, on the real stacks: ``pos card write-chip`` (a new
process) writes the card number and the holder's check to a contact IC card through
pcscd and the vpcd virtual card, and to an NFC tag through nfcpy's udp driver;
``pos card check-chip`` reads it back and accepts it, and refuses a chip whose record
names another card or whose check fails."""

from __future__ import annotations

import json
from pathlib import Path

from pos_app.core import chip
from tests.devices.test_nfc import Tag, free_udp_port
from tests.devices.vcard import VirtualCard
from tests.security.store import make_store, ok, pos, refused

FILE = bytes.fromhex("0016")


def enrolled(d: Path, phone: str, uid: str) -> str:
    r = ok(pos(d, "--json", "member", "enroll", "--name", "李雷", "--phone", phone,
               "--media", "ic", "--media-id", uid))
    return str(json.loads(r.stdout)["card"])


def test_ic_card_written_then_checked_and_a_copy_refused(pcscd, tmp_path: Path) -> None:
    d = make_store(tmp_path)
    a = enrolled(d, "13912345601", "04A1B2C3D4E501")
    enrolled(d, "13912345602", "04A1B2C3D4E502")
    with VirtualCard(uid=bytes.fromhex("04A1B2C3D4E501"),
                     files={FILE: bytes(chip.RECORD_LEN)}) as card:
        r = ok(pos(d, "--json", "card", "write-chip", "--card", a, "--pcsc", "Virtual PCD 00 00"))
        assert json.loads(r.stdout)["uid"] == "04A1B2C3D4E501"
        written = card.files[FILE]
        assert written[:3] == b"PH1" and a.encode() in written
        r = ok(pos(d, "--json", "card", "check-chip", "--pcsc", "Virtual PCD 00 00"))
        assert json.loads(r.stdout)["card"] == a
    # the record copied onto the chip of the other member's card: refused
    with VirtualCard(uid=bytes.fromhex("04A1B2C3D4E502"), files={FILE: written}):
        refused(pos(d, "card", "check-chip", "--pcsc", "Virtual PCD 00 00"), "carries card")
    # one byte of the check changed: refused
    with VirtualCard(uid=bytes.fromhex("04A1B2C3D4E501"),
                     files={FILE: written[:-1] + bytes([written[-1] ^ 0x40])}):
        refused(pos(d, "card", "check-chip", "--pcsc", "Virtual PCD 00 00"),
                "does not match its holder")
    # a blank chip: no record
    with VirtualCard(uid=bytes.fromhex("04A1B2C3D4E501"), files={FILE: bytes(54)}):
        refused(pos(d, "card", "check-chip", "--pcsc", "Virtual PCD 00 00"), "no holder record")
    refused(pos(d, "card", "check-chip", "--pcsc", "Virtual PCD 00 00"), "insert the card")


def test_nfc_tag_written_then_checked_and_a_forged_tag_refused(tmp_path: Path) -> None:
    d = make_store(tmp_path)
    a = enrolled(d, "13912345601", "04A1B2C3D4E5F6")
    port = free_udp_port()
    tag = Tag(port, "2", "04A1B2C3D4E5F6")
    try:
        ok(pos(d, "card", "write-chip", "--card", a, "--nfc", f"udp:127.0.0.1:{port}"))
        r = ok(pos(d, "--json", "card", "check-chip", "--nfc", f"udp:127.0.0.1:{port}"))
        assert json.loads(r.stdout)["card"] == a
        rec = json.loads(ok(pos(d, "--json", "card", "chip-record", "--card", a)).stdout)[
            "record"]
    finally:
        tag.take_away()
    # a tag of another UID (not this card's) carrying this card's record: refused
    other = enrolled(d, "13912345602", "04A1B2C3D4E5F7")
    tag = Tag(port, "2", "04A1B2C3D4E5F7")
    try:
        ok(pos(d, "card", "write-chip", "--card", other, "--nfc", f"udp:127.0.0.1:{port}"))
        forged = bytes.fromhex(rec)
        r = pos(d, "card", "check-chip", "--record", forged[:-2].hex() + "0000")
        refused(r, "does not match its holder")
    finally:
        tag.take_away()


def test_the_reader_gives_the_holder_record_with_the_card(pcscd) -> None:
    """A reader configured with ``holder_file`` reads the record at every insertion (the
    app checks it when the card is used); a card without the file gives none."""
    from devices.base import DeviceConfig
    from devices.events import CardPresented
    from devices.pcsc_reader import PcscCardReader
    from tests.devices.test_pcsc import events_until

    r = PcscCardReader(DeviceConfig("ic reader", "ic_card", "pcsc",
                                    {"readers": ["Virtual PCD 00 00"], "holder_file": "0016"}))
    r.open()
    try:
        r.read(0.1)
        record = b"PH1" + bytes(range(51))
        with VirtualCard(uid=bytes.fromhex("04A1B2C3D4E501"), files={FILE: record}):
            ev = events_until(r, lambda g: any(isinstance(e, CardPresented) for e in g))
            got = next(e for e in ev if isinstance(e, CardPresented))
            assert got.uid == "04A1B2C3D4E501" and got.holder == record
        events_until(r, lambda g: g)
        with VirtualCard(uid=bytes.fromhex("04A1B2C3D4E502")):
            ev = events_until(r, lambda g: any(isinstance(e, CardPresented) for e in g))
            assert next(e for e in ev if isinstance(e, CardPresented)).holder is None
    finally:
        r.close()
