"""Contact IC card readers (and PC/SC contactless readers) through pyscard and pcscd.

``kind = "ic_card"``, ``driver = "pcsc"``. One adapter watches every matching reader at once.

Config keys:

* ``readers``: list of reader-name parts to use (e.g. ["ACS ACR38U"]); absent: every reader.
* ``card_number``: where our card number is: ``"uid"`` (GET DATA ``FF CA``, default),
  ``"memory"`` (memory cards like SLE4442 via the reader's pseudo-APDUs) or ``"file"``
  (a file on a CPU card).
* memory cards: ``memory_card_type`` (SELECT CARD TYPE byte, 6 = SLE4432/4442),
  ``memory_offset`` (byte address, 32), ``memory_length`` (bytes, 16).
* CPU cards: ``aid`` (hex, optional SELECT by AID), ``file_id`` (hex, e.g. "0015"),
  ``file_offset`` (0), ``file_length`` (16).
* ``number_format``: "ascii" (default), "bcd" or "hex".
* ``keep_raw``: keep the bytes read in the event (default false).
* ``holder_file``: hex file id of the holder's record on our CPU cards (e.g. "0016"):
  read at every insertion and given with the event (``holder``), checked on use.

Insertion gives ``CardPresented``, removal ``CardRemoved``; a card pulled out while being read
gives ``DeviceError(code="card_pulled")`` and no ``CardPresented``. When pcscd is not
running the device is offline and retried.
"""

from __future__ import annotations

import time
from typing import Any

from smartcard import scard

from devices.apdu import (
    GET_UID,
    ApduError,
    Response,
    decode_number,
    expect_ok,
    get_response,
    parse_response,
    read_binary,
    read_memory,
    select_aid,
    select_card_type,
    select_file,
    update_binary,
)
from devices.base import ConfigError, DeviceConfig, DeviceLost, DeviceUnavailable, InputAdapter
from devices.events import CardPresented, CardRemoved, DeviceError, DeviceEvent, Health, Media
from devices.holder import ChipWriteRefused, check_target

PNP = "\\\\?PnP?\\Notification"
RETRY_AFTER = 0.8  # seconds before reading again a card that vanished mid-read
HOLDER_LENGTH = 54  # bytes of the holder's record (pos_app/core/chip.py RECORD_LEN)
_SERVICE_GONE = {
    scard.SCARD_E_NO_SERVICE,
    scard.SCARD_E_SERVICE_STOPPED,
    scard.SCARD_E_INVALID_HANDLE,
}
_CARD_GONE = {
    scard.SCARD_W_REMOVED_CARD,
    scard.SCARD_E_NO_SMARTCARD,
    scard.SCARD_W_RESET_CARD,
    scard.SCARD_E_COMM_DATA_LOST,
    scard.SCARD_W_UNPOWERED_CARD,
    scard.SCARD_W_UNRESPONSIVE_CARD,
    scard.SCARD_E_READER_UNAVAILABLE,
    scard.SCARD_E_NOT_TRANSACTED,
    scard.SCARD_F_COMM_ERROR,
}
# Negative constants come back as unsigned 32-bit in some pyscard builds: normalise.
_SERVICE_GONE |= {c & 0xFFFFFFFF for c in _SERVICE_GONE}
_CARD_GONE |= {c & 0xFFFFFFFF for c in _CARD_GONE}


def _msg(hresult: int) -> str:
    try:
        return str(scard.SCardGetErrorMessage(hresult))
    except Exception:
        return f"PC/SC error 0x{hresult & 0xFFFFFFFF:08X}"


class CardPulled(Exception):
    pass


class NoCard(ApduError):
    """No card in the reader within the wait."""


class PcscCardReader(InputAdapter):
    kind = "ic_card"
    driver = "pcsc"

    def __init__(self, config: DeviceConfig) -> None:
        super().__init__(config)
        self.wanted = [str(r) for r in config.get("readers", [])]
        self.source = str(config.get("card_number", "uid"))
        if self.source not in ("uid", "memory", "file"):
            raise ConfigError(f"device {self.name!r}: card_number must be uid, memory or file")
        self.fmt = str(config.get("number_format", "ascii"))
        self.keep_raw = bool(config.get("keep_raw", False))
        self._ctx: Any = None
        self._states: dict[str, int] = {}
        self._presented: set[str] = set()
        self._handled: dict[str, int] = {}
        self._retry: dict[str, tuple[float, int]] = {}
        self._atr: dict[str, bytes] = {}
        self._pnp = True

    # ------------------------------------------------------------------ lifecycle
    def open(self) -> None:
        hresult, ctx = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
        if hresult != scard.SCARD_S_SUCCESS:
            raise DeviceUnavailable(
                f"PC/SC service (pcscd) not available: {_msg(hresult)}; start pcscd"
            )
        self._ctx = ctx
        self._states = {}
        self._presented = set()
        self._handled = {}
        self._retry = {}
        self._refresh_readers()

    def close(self) -> None:
        ctx, self._ctx = self._ctx, None
        if ctx is not None:
            try:
                scard.SCardReleaseContext(ctx)
            except Exception:
                pass

    def _check(self, hresult: int, what: str) -> None:
        if hresult == scard.SCARD_S_SUCCESS:
            return
        if (hresult & 0xFFFFFFFF) in _SERVICE_GONE or hresult in _SERVICE_GONE:
            raise DeviceLost(f"PC/SC service stopped ({what}: {_msg(hresult)})")
        raise DeviceLost(f"{what}: {_msg(hresult)}")

    def _refresh_readers(self) -> list[DeviceEvent]:
        hresult, names = scard.SCardListReaders(self._ctx, [])
        if hresult in (scard.SCARD_E_NO_READERS_AVAILABLE,) or (
            hresult & 0xFFFFFFFF
        ) == (scard.SCARD_E_NO_READERS_AVAILABLE & 0xFFFFFFFF):
            names = []
        else:
            self._check(hresult, "listing readers")
        names = [n for n in names if not self.wanted or any(w in n for w in self.wanted)]
        events: list[DeviceEvent] = []
        for gone in set(self._states) - set(names):
            del self._states[gone]
            self._handled.pop(gone, None)
            if gone in self._presented:
                self._presented.discard(gone)
                events.append(CardRemoved(self.name, media=Media.IC_CARD, reader=gone))
            events.append(DeviceError(self.name, code="reader_unplugged",
                                      message=f"card reader {gone!r} unplugged"))
        for new in names:
            self._states.setdefault(new, scard.SCARD_STATE_UNAWARE)
        return events

    def readers(self) -> list[str]:
        return sorted(self._states)

    def health(self) -> tuple[Health, str]:
        if not self._states:
            return Health.DEGRADED, "no card reader found"
        missing = [w for w in self.wanted if not any(w in n for n in self._states)]
        if missing:
            return Health.DEGRADED, f"reader(s) missing: {', '.join(missing)}"
        return Health.OK, ", ".join(sorted(self._states))

    # ------------------------------------------------------------------ writing
    holder_media = (Media.IC_CARD,)

    def write_holder(self, card_no: str, record: bytes, expected_uid: str | None,
                     wait_s: float) -> str:
        """Write ``card_no``'s holder record to the card inserted (within ``wait_s``) in
        the first configured reader: to ``holder_file`` (default 0016), after checking the
        chip is the card's (:func:`devices.holder.check_target`); its UID."""
        try:
            with ChipSession(self.wanted[0] if self.wanted else "",
                             file_id=str(self.config.get("holder_file") or HOLDER_FILE),
                             aid=self.config.get("aid"), wait_s=wait_s) as ic:
                uid = ic.uid() or ""
                try:
                    old: bytes | None = ic.read(HOLDER_LENGTH)
                except ApduError:
                    old = None  # a blank card: nothing written there yet
                check_target(card_no, expected_uid, uid, old)
                ic.write(record)
                if ic.read(len(record)) != record:
                    raise ChipWriteRefused("write_failed", "the chip kept other bytes")
                return uid
        except NoCard as e:
            raise ChipWriteRefused("no_card", str(e)) from e
        except (ApduError, DeviceUnavailable) as e:
            raise ChipWriteRefused("write_failed", str(e)) from e

    # ------------------------------------------------------------------ reading
    def read(self, timeout: float) -> list[DeviceEvent]:
        if self._ctx is None:
            raise DeviceLost("PC/SC context closed")
        states = [(r, s) for r, s in self._states.items()]
        if self._pnp:
            states.append((PNP, len(self._states) << 16))
        if self._retry:
            soonest = min(when for when, _ in self._retry.values())
            timeout = max(0.0, min(timeout, soonest - time.monotonic()))
        hresult, new = scard.SCardGetStatusChange(self._ctx, int(timeout * 1000), states)
        if hresult == scard.SCARD_E_TIMEOUT or (hresult & 0xFFFFFFFF) == (
            scard.SCARD_E_TIMEOUT & 0xFFFFFFFF
        ):
            return self._retries()
        if hresult == scard.SCARD_E_UNKNOWN_READER and self._pnp:
            self._pnp = False  # this PC/SC stack has no plug-and-play notification
            return []
        if hresult in (scard.SCARD_E_UNKNOWN_READER, scard.SCARD_E_READER_UNAVAILABLE):
            return self._refresh_readers()
        self._check(hresult, "waiting for cards")
        events: list[DeviceEvent] = []
        list_changed = False
        for reader, state, atr in new:
            if reader == PNP:
                if state & scard.SCARD_STATE_CHANGED:
                    list_changed = True
                continue
            if reader not in self._states:
                continue
            state &= ~scard.SCARD_STATE_CHANGED
            self._states[reader] = state
            self._atr[reader] = bytes(atr)
            if state & (scard.SCARD_STATE_UNKNOWN | scard.SCARD_STATE_UNAVAILABLE):
                list_changed = True
                continue
            present = bool(state & scard.SCARD_STATE_PRESENT) and not (
                state & scard.SCARD_STATE_MUTE
            )
            count = (state >> 16) & 0xFFFF  # pcscd's event counter for this reader
            if present:
                seen = self._handled.get(reader)
                # a card swapped between two polls moves the counter by 2 or more
                if seen is None or (count - seen) & 0xFFFF >= 2:
                    if reader in self._presented:
                        self._presented.discard(reader)
                        events.append(CardRemoved(self.name, media=Media.IC_CARD,
                                                  reader=reader))
                    self._handled[reader] = count  # one read per insertion, even if it fails
                    events += self._card_inserted(reader, bytes(atr))
            elif not (state & scard.SCARD_STATE_PRESENT):
                self._handled.pop(reader, None)
                if reader in self._presented:
                    self._presented.discard(reader)
                    events.append(CardRemoved(self.name, media=Media.IC_CARD, reader=reader))
        events += self._retries()
        if list_changed:
            events += self._refresh_readers()
        return events

    def _retries(self) -> list[DeviceEvent]:
        events: list[DeviceEvent] = []
        now = time.monotonic()
        for reader, (when, tries) in list(self._retry.items()):
            state = self._states.get(reader, 0)
            if not state & scard.SCARD_STATE_PRESENT:
                del self._retry[reader]
            elif now >= when:
                # pcscd still reports a card after a failed read: the card may have been
                # swapped faster than the reader polls. Read once more (at most 3 times).
                del self._retry[reader]
                events += self._card_inserted(reader, self._atr.get(reader, b""), tries + 1)
        return events

    def _card_inserted(self, reader: str, atr: bytes, tries: int = 1) -> list[DeviceEvent]:
        try:
            uid, number, raw, holder = self._read_card(reader)
        except CardPulled:
            if tries < 3:
                self._retry[reader] = (time.monotonic() + RETRY_AFTER, tries)
            if tries > 1:
                return []  # said once already
            return [DeviceError(self.name, code="card_pulled",
                                message="card removed while being read: present it again")]
        except ApduError as e:
            return [DeviceError(self.name, code="card_unreadable",
                                message=f"card could not be read: {e}")]
        self._presented.add(reader)
        return [CardPresented(self.name, media=Media.IC_CARD, card_number=number, uid=uid,
                              reader=reader, raw=raw if self.keep_raw else None,
                              detail=f"ATR {atr.hex().upper()}", holder=holder)]

    def _transmit(self, card: Any, protocol: int, apdu: bytes) -> Response:
        hresult, answer = scard.SCardTransmit(card, protocol, list(apdu))
        if hresult != scard.SCARD_S_SUCCESS:
            if (hresult & 0xFFFFFFFF) in _CARD_GONE or hresult in _CARD_GONE:
                raise CardPulled(_msg(hresult))
            self._check(hresult, "talking to the card")
        if len(answer) < 2:  # the card stopped answering mid-command: it was pulled out
            raise CardPulled("no answer from the card")
        resp = parse_response(answer)
        if resp.sw1 == 0x61:  # more data: GET RESPONSE
            return self._transmit(card, protocol, get_response(resp.sw2))
        if resp.sw1 == 0x6C:  # wrong Le: repeat with the length the card wants
            return self._transmit(card, protocol, apdu[:-1] + bytes([resp.sw2]))
        return resp

    def _read_card(
        self, reader: str
    ) -> tuple[str | None, str | None, bytes | None, bytes | None]:
        hresult, card, protocol = scard.SCardConnect(
            self._ctx, reader, scard.SCARD_SHARE_SHARED,
            scard.SCARD_PROTOCOL_T0 | scard.SCARD_PROTOCOL_T1,
        )
        if hresult != scard.SCARD_S_SUCCESS:
            if (hresult & 0xFFFFFFFF) in _CARD_GONE or hresult in _CARD_GONE:
                raise CardPulled(_msg(hresult))
            if hresult == scard.SCARD_E_SHARING_VIOLATION:
                raise ApduError("the reader is held by another program")
            self._check(hresult, f"connecting to the card in {reader}")
        try:
            uid, number, raw = self._number(card, protocol)
            return uid, number, raw, self._holder(card, protocol)
        finally:
            scard.SCardDisconnect(card, scard.SCARD_LEAVE_CARD)

    def _holder(self, card: Any, protocol: int) -> bytes | None:
        """The holder's record, where ``holder_file`` is set and the card has it."""
        fid = self.config.get("holder_file")
        if not fid:
            return None
        if not self._transmit(card, protocol, select_file(bytes.fromhex(str(fid)))).ok:
            return None
        resp = self._transmit(card, protocol, read_binary(0, HOLDER_LENGTH))
        return resp.data if resp.ok else None

    def _number(self, card: Any, protocol: int) -> tuple[str | None, str | None, bytes | None]:
        uid_resp = self._transmit(card, protocol, GET_UID)
        uid = uid_resp.data.hex().upper() if uid_resp.ok and uid_resp.data else None
        raw: bytes | None = None
        if self.source == "uid":
            if uid is None:
                raise ApduError(f"the reader gave no UID (SW {uid_resp.sw:04X})")
            return uid, uid, None
        if self.source == "memory":
            c = self.config
            expect_ok(self._transmit(card, protocol,
                                     select_card_type(int(c.get("memory_card_type", 6)))),
                      "select card type")
            raw = expect_ok(self._transmit(card, protocol, read_memory(
                int(c.get("memory_offset", 32)), int(c.get("memory_length", 16)))),
                "read memory card")
        else:
            c = self.config
            if c.get("aid"):
                expect_ok(self._transmit(card, protocol, select_aid(
                    bytes.fromhex(str(c.get("aid"))))), "select application")
            expect_ok(self._transmit(card, protocol, select_file(
                bytes.fromhex(str(c.get("file_id", "0015"))))), "select file")
            raw = expect_ok(self._transmit(card, protocol, read_binary(
                int(c.get("file_offset", 0)), int(c.get("file_length", 16)))),
                "read binary")
        return uid, decode_number(raw, self.fmt), raw


HOLDER_FILE = "0016"  # the file on our CPU cards that carries the holder's record


class ChipSession:
    """One connection to the card in a reader, to read and write the holder's record
    (``with ChipSession(reader_part) as chip: chip.write(data)``)."""

    def __init__(self, reader: str = "", *, file_id: str = HOLDER_FILE,
                 aid: str | None = None, wait_s: float = 3.0) -> None:
        self.wanted = reader
        self.wait_s = wait_s  # how long to wait for a card not yet in the reader
        self.file_id = bytes.fromhex(file_id)
        self.aid = bytes.fromhex(aid) if aid else None
        self._ctx: Any = None
        self._card: Any = None
        self._protocol = 0

    def __enter__(self) -> ChipSession:
        hresult, self._ctx = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
        if hresult != scard.SCARD_S_SUCCESS:
            raise DeviceUnavailable(f"PC/SC service (pcscd) not available: {_msg(hresult)}")
        # a card being inserted as the command starts: pcscd sees it within its next poll
        deadline = time.monotonic() + self.wait_s
        while not self._connect():
            if time.monotonic() >= deadline:
                self.__exit__()
                raise NoCard("no card in the reader: insert the card")
            time.sleep(0.2)
        return self

    def _connect(self) -> bool:
        hresult, names = scard.SCardListReaders(self._ctx, [])
        names = [n for n in (names or []) if self.wanted in n] if hresult == 0 else []
        for name in names:
            hresult, card, protocol = scard.SCardConnect(
                self._ctx, name, scard.SCARD_SHARE_SHARED,
                scard.SCARD_PROTOCOL_T0 | scard.SCARD_PROTOCOL_T1)
            if hresult == scard.SCARD_S_SUCCESS:
                self._card, self._protocol = card, protocol
                return True
        return False

    def __exit__(self, *exc: object) -> None:
        if self._card is not None:
            scard.SCardDisconnect(self._card, scard.SCARD_LEAVE_CARD)
            self._card = None
        if self._ctx is not None:
            scard.SCardReleaseContext(self._ctx)
            self._ctx = None

    def _send(self, apdu: bytes, what: str) -> bytes:
        hresult, answer = scard.SCardTransmit(self._card, self._protocol, list(apdu))
        if hresult != scard.SCARD_S_SUCCESS or len(answer) < 2:
            raise ApduError(f"{what}: the card did not answer ({_msg(hresult)})")
        return expect_ok(parse_response(answer), what)

    def uid(self) -> str | None:
        hresult, answer = scard.SCardTransmit(self._card, self._protocol, list(GET_UID))
        resp = parse_response(answer) if hresult == 0 and len(answer) >= 2 else None
        return resp.data.hex().upper() if resp is not None and resp.ok and resp.data else None

    def _select(self) -> None:
        if self.aid:
            self._send(select_aid(self.aid), "select application")
        self._send(select_file(self.file_id), "select the holder file")

    def write(self, data: bytes) -> None:
        self._select()
        self._send(update_binary(0, data), "write the holder file")

    def read(self, length: int) -> bytes:
        self._select()
        return self._send(read_binary(0, length), "read the holder file")
