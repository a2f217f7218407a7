"""A virtual smart card speaking vsmartcard's vpcd socket protocol (test helper).

pcscd loads the vpcd driver (``/etc/reader.conf.d/vpcd``) which listens on 127.0.0.1:35963
(reader "Virtual PCD 00 00") and 35964 ("... 00 01"). A card connects to it: connecting is
inserting the card, closing the socket is pulling it out. Every message is a 2-byte
big-endian length and the payload; a 1-byte payload is a control command (0 power off,
1 power on, 2 reset, 4 get ATR: answer the ATR), anything else is a C-APDU to answer.

The card answers ``FF CA 00 00 00`` (GET DATA UID) like a reader would for a contactless
card, the ACS memory-card pseudo-APDUs (``FF A4`` select card type, ``FF B0`` read) and ISO
SELECT / READ BINARY, so every way of reading our card number is exercised through the real
pcscd + pyscard stack.
"""

from __future__ import annotations

import socket
import struct
import threading

ATR_T1 = bytes.fromhex("3B80800101")  # T=1 only, with TCK
OK = b"\x90\x00"


class VirtualCard:
    def __init__(
        self,
        *,
        port: int = 35963,
        uid: bytes = bytes.fromhex("04A1B2C3D4E5F6"),
        atr: bytes = ATR_T1,
        memory: bytes | None = None,
        files: dict[bytes, bytes] | None = None,
        aid: bytes | None = None,
        pull_on: bytes | None = None,
        uid_supported: bool = True,
    ) -> None:
        self.port = port
        self.uid = uid
        self.atr = atr
        self.memory = memory if memory is not None else bytes(256)
        self.files = files or {}
        self.aid = aid
        self.pull_on = pull_on  # pull the card out when an APDU starting like this comes
        self.uid_supported = uid_supported
        self.apdus: list[bytes] = []
        self._sock: socket.socket | None = None
        self._thread: threading.Thread | None = None
        self._selected: bytes | None = None
        self._card_type: int | None = None
        self.pulled = threading.Event()

    # ------------------------------------------------------------------ insert / remove
    def insert(self) -> VirtualCard:
        s = socket.create_connection(("127.0.0.1", self.port), timeout=5)
        s.settimeout(None)
        self._sock = s
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()
        return self

    def remove(self) -> None:
        s, self._sock = self._sock, None
        if s is not None:
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            s.close()
        if self._thread is not None:
            self._thread.join(5)

    def __enter__(self) -> VirtualCard:
        return self.insert()

    def __exit__(self, *exc: object) -> None:
        self.remove()

    # ------------------------------------------------------------------ protocol
    def _recv(self, n: int) -> bytes | None:
        s = self._sock
        buf = b""
        while s is not None and len(buf) < n:
            try:
                chunk = s.recv(n - len(buf))
            except OSError:
                return None
            if not chunk:
                return None
            buf += chunk
        return buf if len(buf) == n else None

    def _send(self, payload: bytes) -> None:
        if self._sock is not None:
            self._sock.sendall(struct.pack(">H", len(payload)) + payload)

    def _serve(self) -> None:
        while True:
            head = self._recv(2)
            if head is None:
                return
            (length,) = struct.unpack(">H", head)
            body = self._recv(length)
            if body is None:
                return
            if length == 1:
                if body[0] == 4:
                    self._send(self.atr)
                continue  # power on/off/reset: no answer
            self.apdus.append(body)
            if self.pull_on is not None and body.startswith(self.pull_on):
                self.pulled.set()
                s, self._sock = self._sock, None
                if s is not None:
                    s.close()
                return
            self._send(self.answer(body))

    def answer(self, apdu: bytes) -> bytes:
        cla, ins, p1, p2 = apdu[0], apdu[1], apdu[2], apdu[3]
        if cla == 0xFF and ins == 0xCA:
            return self.uid + OK if self.uid_supported else b"\x6a\x81"
        if cla == 0xFF and ins == 0xA4:
            self._card_type = apdu[5]
            return OK
        if cla == 0xFF and ins == 0xB0:
            if self._card_type is None:
                return b"\x69\x86"
            le = apdu[4] or 256
            return self.memory[p2 : p2 + le] + OK
        if cla == 0x00 and ins == 0xA4:
            data = apdu[5 : 5 + apdu[4]]
            if p1 == 0x04:
                return OK if data == self.aid else b"\x6a\x82"
            if data in self.files:
                self._selected = data
                return OK
            return b"\x6a\x82"
        if cla == 0x00 and ins == 0xD6:  # UPDATE BINARY of the selected file
            if self._selected is None:
                return b"\x69\x86"
            off = (p1 << 8) | p2
            data = apdu[5 : 5 + apdu[4]]
            old = bytearray(self.files[self._selected])
            old[off : off + len(data)] = data
            self.files[self._selected] = bytes(old)
            return OK
        if cla == 0x00 and ins == 0xB0:
            if self._selected is None:
                return b"\x69\x86"
            content = self.files[self._selected]
            off = (p1 << 8) | p2
            le = apdu[4] or 256
            return content[off : off + le] + OK
        return b"\x6d\x00"
