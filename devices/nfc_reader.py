"""NFC/RFID readers through nfcpy: ``kind = "nfc"``, ``driver = "nfcpy"``.

Config keys:

* ``path``: nfcpy device path. Common USB readers: ``"usb:072f:2200"`` (ACS ACR122U),
  ``"usb:054c:06c3"`` (Sony RC-S380), ``"usb:04e6:5591"`` (SCM SCL3711),
  ``"tty:USB0:pn532"`` (PN532 on a USB-serial adapter), ``"usb"`` (first one found).
  ``"udp:127.0.0.1:54321"`` is nfcpy's network driver (tests, demo rigs).
* ``targets``: technologies to poll, default ``["106A", "212F", "106B"]``
  (ISO 14443-A: MIFARE, NTAG, Type 1/2/4; FeliCa: Type 3; ISO 14443-B: Type 4B).
* ``card_number``: ``"ndef_text"`` (default: the first NDEF text record is our card number,
  where present; the UID is always given) or ``"uid"`` (the UID is the card number).

MIFARE Classic: nfcpy has no Crypto-1, so only the UID is read. An ACR122U that pcscd's
CCID driver holds cannot be opened by nfcpy: the device is then offline with a message
saying so (use ``driver = "pcsc"`` for such a reader, or stop pcscd).
"""

from __future__ import annotations

import errno
import time
from typing import Any

from devices.base import ConfigError, DeviceConfig, DeviceLost, DeviceUnavailable, InputAdapter
from devices.events import CardPresented, CardRemoved, DeviceError, DeviceEvent, Media
from devices.holder import ChipWriteRefused, check_target

KNOWN_READERS = {
    "usb:072f:2200": "ACS ACR122U",
    "usb:072f:90cc": "Touchatag (ACR122U)",
    "usb:054c:06c3": "Sony RC-S380",
    "usb:054c:02e1": "Sony RC-S330/360",
    "usb:04e6:5591": "SCM SCL3711",
    "usb:04cc:0531": "Philips/NXP PN531",
    "usb:04cc:2533": "NXP PN533",
}
PRESENCE_INTERVAL = 0.1
HOLDER_TYPE = "urn:nfc:ext:store-pos:holder"  # the NDEF record carrying the holder's record


def is_mifare_classic(sel_res: bytes | bytearray | None) -> bool:
    """SAK bit 3 without ISO-DEP (bit 5): MIFARE Classic 1K/4K/Mini (0x08, 0x18, 0x09, 0x88)."""
    if not sel_res:
        return False
    sak = sel_res[0]
    return bool(sak & 0x08) and not (sak & 0x20)


def ndef_text(tag: Any) -> str | None:
    """The first NDEF text record of ``tag`` (nfcpy Tag), or None."""
    try:
        ndef = tag.ndef
        if ndef is None:
            return None
        for record in ndef.records:
            if getattr(record, "type", "") == "urn:nfc:wkt:T":
                text = str(record.text).strip()
                return text or None
    except Exception:  # nfcpy raises various errors on torn reads; no number then
        return None
    return None


def holder_record(tag: Any) -> bytes | None:
    """The holder's record of ``tag`` (its :data:`HOLDER_TYPE` NDEF record), or None."""
    try:
        for record in (tag.ndef.records if tag.ndef is not None else []):
            if getattr(record, "type", "") == HOLDER_TYPE:
                return bytes(record.data)
    except Exception:  # nfcpy raises various errors on torn reads: no record then
        return None
    return None


def write_tag(tag: Any, card_no: str, record: bytes) -> None:
    """Our NDEF message on ``tag``: the card number as a text record (what the reader
    reads) and the holder's record (:data:`HOLDER_TYPE`)."""
    import ndef

    if tag.ndef is None:
        raise DeviceUnavailable("the NFC tag carries no NDEF (not formatted)")
    if not tag.ndef.is_writeable:
        raise DeviceUnavailable("the NFC tag is read-only")
    tag.ndef.records = [ndef.TextRecord(card_no, "en"), ndef.Record(HOLDER_TYPE, "1", record)]


class NfcReader(InputAdapter):
    kind = "nfc"
    driver = "nfcpy"

    def __init__(self, config: DeviceConfig) -> None:
        super().__init__(config)
        self.path = str(config.get("path", "usb"))
        self.target_names = [str(t) for t in config.get("targets", ["106A", "212F", "106B"])]
        self.number_from = str(config.get("card_number", "ndef_text"))
        if self.number_from not in ("ndef_text", "uid"):
            raise ConfigError(f"device {self.name!r}: card_number must be ndef_text or uid")
        self._clf: Any = None
        self._tag: Any = None
        self._target: Any = None
        self._uid: str | None = None

    def open(self) -> None:
        import nfc

        clf = nfc.ContactlessFrontend()
        try:
            ok = clf.open(self.path)
        except OSError as e:
            if e.errno == errno.EBUSY:
                raise DeviceUnavailable(
                    f"NFC reader {self.path} is held by another program, usually pcscd "
                    f"(its CCID driver claims ACR122U readers): stop pcscd or configure this "
                    f"reader with driver = \"pcsc\""
                ) from None
            if e.errno == errno.EACCES:
                raise DeviceUnavailable(
                    f"no permission to open NFC reader {self.path} (udev rule / plugdev group)"
                ) from None
            raise DeviceUnavailable(f"NFC reader {self.path}: {e}") from None
        if not ok:
            known = KNOWN_READERS.get(self.path.lower(), "")
            raise DeviceUnavailable(
                f"NFC reader {known or self.path} not found (plugged in? if pcscd is running "
                f"it may hold the reader)"
            )
        self._clf = clf
        self._tag = self._target = self._uid = None

    def close(self) -> None:
        clf, self._clf = self._clf, None
        if clf is not None:
            try:
                clf.close()
            except Exception:
                pass

    def _targets(self) -> list[Any]:
        from nfc.clf import RemoteTarget

        return [RemoteTarget(t) for t in self.target_names]

    def read(self, timeout: float) -> list[DeviceEvent]:
        if self._clf is None:
            raise DeviceLost("NFC reader not open")
        try:
            if self._uid is None:
                return self._poll()
            return self._check_removed(timeout)
        except OSError as e:  # USB unplugged: nfcpy raises IOError (ENODEV/EIO)
            raise DeviceLost(f"NFC reader {self.path} went away: {e}") from None

    def _poll(self) -> list[DeviceEvent]:
        import nfc.clf
        import nfc.tag

        target = self._clf.sense(*self._targets(), iterations=1, interval=0.1)
        if target is None:
            return []
        uid_bytes = target.sdd_res or (target.sensf_res[1:9] if target.sensf_res else None) or (
            target.sensb_res[1:5] if target.sensb_res else None)
        uid = bytes(uid_bytes).hex().upper() if uid_bytes else None
        if target.brty.endswith("A") and is_mifare_classic(target.sel_res):
            self._target, self._uid = target, uid or "?"
            return [CardPresented(self.name, media=Media.MIFARE_CLASSIC,
                                  card_number=uid if self.number_from == "uid" else None,
                                  uid=uid, reader=self.path, detail="MIFARE Classic (UID only)")]
        try:
            tag = nfc.tag.activate(self._clf, target)
        except nfc.clf.CommunicationError:
            tag = None
        if tag is None:
            return [DeviceError(self.name, code="card_unreadable",
                                message="card moved away while being read: tap again")]
        uid = bytes(tag.identifier).hex().upper()
        number = uid if self.number_from == "uid" else ndef_text(tag)
        self._tag, self._uid = tag, uid
        return [CardPresented(self.name, media=Media.NFC, card_number=number, uid=uid,
                              reader=self.path, detail=f"{tag.type} {tag.product}".strip(),
                              holder=holder_record(tag))]

    # ------------------------------------------------------------------ writing
    holder_media = (Media.NFC,)

    def write_holder(self, card_no: str, record: bytes, expected_uid: str | None,
                     wait_s: float) -> str:
        """Write ``card_no``'s number and holder record to the tag on the pad (or tapped
        within ``wait_s``), after checking it is the card's
        (:func:`devices.holder.check_target`); its UID. The tag stays the one on the pad:
        no new presentation is reported for it."""
        import nfc.clf
        import nfc.tag

        if self._clf is None:
            raise ChipWriteRefused("write_failed", "NFC reader not open")
        tag = self._tag if self._tag is not None and self._tag.is_present else None
        end = time.monotonic() + wait_s
        while tag is None and time.monotonic() < end:
            target = self._clf.sense(*self._targets(), iterations=1, interval=0.1)
            if target is None:
                continue
            try:
                tag = nfc.tag.activate(self._clf, target)
            except nfc.clf.CommunicationError:
                tag = None
            if tag is None:
                raise ChipWriteRefused("write_failed", "the card cannot carry the record "
                                       "(MIFARE Classic or moved away): tap again")
        if tag is None:
            raise ChipWriteRefused("no_card", "no card on the reader: tap the card")
        uid = bytes(tag.identifier).hex().upper()
        self._tag, self._uid = tag, uid
        check_target(card_no, expected_uid, uid, holder_record(tag))
        try:
            write_tag(tag, card_no, record)
        except (DeviceUnavailable, nfc.tag.TagCommandError, nfc.clf.CommunicationError,
                OSError) as e:
            raise ChipWriteRefused("write_failed", str(e) or e.__class__.__name__) from e
        return uid

    def _check_removed(self, timeout: float) -> list[DeviceEvent]:
        from nfc.clf import RemoteTarget

        end = time.monotonic() + timeout
        while True:
            if self._tag is not None:
                present = bool(self._tag.is_present)
            else:  # MIFARE Classic: look for the same UID again
                present = self._clf.sense(
                    RemoteTarget("106A", sel_req=self._target.sdd_res), iterations=1
                ) is not None
            if not present:
                media = Media.NFC if self._tag is not None else Media.MIFARE_CLASSIC
                self._tag = self._target = self._uid = None
                return [CardRemoved(self.name, media=media, reader=self.path)]
            if time.monotonic() >= end:
                return []
            time.sleep(PRESENCE_INTERVAL)


class TagSession:
    """The tag on an NFC reader, to read and write our NDEF message: a text record with
    the card number (what :class:`NfcReader` reads) and the holder's record
    (:data:`HOLDER_TYPE`). ``with TagSession("udp:127.0.0.1:54321") as tag: ...``"""

    def __init__(self, path: str, targets: tuple[str, ...] = ("106A", "212F", "106B")) -> None:
        self.path = path
        self.target_names = targets
        self._clf: Any = None
        self.tag: Any = None

    def __enter__(self) -> TagSession:
        import nfc
        import nfc.clf
        import nfc.tag
        from nfc.clf import RemoteTarget

        clf = nfc.ContactlessFrontend()
        if not clf.open(self.path):
            raise DeviceUnavailable(f"NFC reader {self.path} not found")
        self._clf = clf
        target = None
        for _ in range(10):
            target = clf.sense(*[RemoteTarget(t) for t in self.target_names], iterations=1,
                               interval=0.1)
            if target is not None:
                break
        tag = nfc.tag.activate(clf, target) if target is not None else None
        if tag is None or tag.ndef is None:
            self.__exit__()
            raise DeviceUnavailable("no NFC tag with NDEF on the reader: tap the card")
        self.tag = tag
        return self

    def __exit__(self, *exc: object) -> None:
        clf, self._clf = self._clf, None
        if clf is not None:
            clf.close()

    @property
    def uid(self) -> str:
        return bytes(self.tag.identifier).hex().upper()

    def write(self, card_no: str, record: bytes) -> None:
        write_tag(self.tag, card_no, record)

    def read(self) -> bytes | None:
        return holder_record(self.tag)
