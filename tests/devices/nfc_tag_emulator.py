"""A contactless tag for nfcpy's ``udp`` driver, run as a separate process by the tests.

nfcpy's udp driver (``udp:host:port``) sends each RF frame as a UDP datagram
``b"<bitrate> <hex data>"`` (e.g. ``b"106A 26"``) and expects the tag's answer the same way.
This process answers like a tag lying on the reader:

* ``--type 1``: NFC Forum Type 1 (Topaz: RID, RALL, READ), NDEF in static memory.
* ``--type 2``: NFC Forum Type 2 (NTAG-like, 7-byte UID), NDEF in pages from 4 on.
* ``--type 4``: Type 4A (ISO-DEP: RATS/ATS, I-blocks, NDEF application and files).
* ``--type 3``: Type 3 (FeliCa, system code 12FC, NDEF service 000B).
* ``--type classic``: MIFARE Classic 1K (SAK 08): answers anticollision only.

``--text`` puts an NDEF text record on the tag. Killing the process is taking the tag away.

    python nfc_tag_emulator.py --port 54321 --type 2 --uid 04A1B2C3D4E5F6 --text 8860001234567890
"""

from __future__ import annotations

import argparse
import functools
import operator
import socket
import struct
import sys

import ndef


def ndef_message(text: str | None) -> bytes:
    if text is None:
        return b""
    return b"".join(ndef.message_encoder([ndef.TextRecord(text, "zh")]))


def bcc(b: bytes) -> int:
    return functools.reduce(operator.xor, b, 0)


class TypeA:
    def __init__(self, uid: bytes, sak: int) -> None:
        self.uid = uid
        self.sak = sak
        self.sens_res = bytes.fromhex("4400" if len(uid) == 7 else "0400")
        if len(uid) == 7:
            cl1 = b"\x88" + uid[:3]
            self.levels = [cl1 + bytes([bcc(cl1)]), uid[3:] + bytes([bcc(uid[3:])])]
        else:
            self.levels = [uid + bytes([bcc(uid)])]

    def anticollision(self, data: bytes) -> bytes | None:
        if data in (b"\x26", b"\x52"):
            return self.sens_res
        for i, sel in enumerate((0x93, 0x95, 0x97)[: len(self.levels)]):
            if data == bytes([sel, 0x20]):
                return self.levels[i]
            if data == bytes([sel, 0x70]) + self.levels[i]:
                last = i == len(self.levels) - 1
                return bytes([self.sak if last else 0x04])
        return None


class Type1:
    """Topaz (Type 1): HR0 HR1 = 11 48, 4-byte UID in RID, 120 bytes of static memory."""

    def __init__(self, uid: bytes, text: str | None) -> None:
        self.uid = uid[:4]
        msg = ndef_message(text)
        mem = bytearray(self.uid + uid[4:7].ljust(3, b"\x00") + b"\x00")  # block 0
        mem += bytes([0xE1, 0x10, 0x0E, 0x00])  # CC: NDEF v1.0, 120 bytes, read/write
        tlv = (bytes([0x03, len(msg)]) + msg + b"\xfe") if msg else b"\x03\x00\xfe"
        mem += tlv
        self.mem = bytes(mem.ljust(120, b"\x00"))

    def command(self, data: bytes) -> bytes | None:
        if data in (b"\x26", b"\x52"):
            return b"\x00\x0c"  # SENS_RES of a Type 1 Tag
        if data[:1] == b"\x78":  # RID
            return b"\x11\x48" + self.uid
        if data[:1] == b"\x00" and data[-4:] == self.uid:  # RALL
            return b"\x11\x48" + self.mem
        if data[:1] == b"\x01" and data[-4:] == self.uid:  # READ byte
            return bytes([data[1], self.mem[data[1]] if data[1] < len(self.mem) else 0])
        return None


class Type2(TypeA):
    def __init__(self, uid: bytes, text: str | None) -> None:
        super().__init__(uid, 0x00)
        msg = ndef_message(text)
        mem = bytearray(uid[:3] + bytes([bcc(b"\x88" + uid[:3])]) + uid[3:7]
                        + bytes([bcc(uid[3:7]), 0x48, 0, 0]))
        mem += bytes([0xE1, 0x10, 0x12, 0x00])  # CC: NDEF, v1.0, 144 bytes, read/write
        tlv = (bytes([0x03, len(msg)]) + msg + b"\xfe") if msg else b"\x03\x00\xfe"
        mem += tlv
        mem += bytes(16 * 4 + 160 - len(mem))
        self.mem = bytes(mem)

    def command(self, data: bytes) -> bytes | None:
        if len(data) == 6 and data[0] == 0xA2 and data[1] >= 4:  # WRITE one page
            start = data[1] * 4
            if start + 4 > len(self.mem):
                return None
            mem = bytearray(self.mem)
            mem[start : start + 4] = data[2:6]
            self.mem = bytes(mem)
            return b"\x0a"  # ACK
        if len(data) == 2 and data[0] == 0x30:  # READ 4 pages
            start = data[1] * 4
            out = (self.mem + self.mem)[start : start + 16] if start < len(self.mem) else None
            return out if out and len(out) == 16 else None
        return None  # unsupported commands: a real tag goes mute


class Type4(TypeA):
    AID = bytes.fromhex("D2760000850101")

    def __init__(self, uid: bytes, text: str | None) -> None:
        super().__init__(uid, 0x20)
        msg = ndef_message(text)
        self.files = {
            # CC file: CCLEN 15, version 2.0, MLe/MLc 255, NDEF file E104, 2048 bytes, r/o
            b"\xe1\x03": bytes.fromhex("000f2000ff00ff0406e1040800" + "00ff"),
            b"\xe1\x04": struct.pack(">H", len(msg)) + msg + bytes(64),
        }
        self.selected: bytes | None = None

    def apdu(self, a: bytes) -> bytes:
        ins, p1, p2 = a[1], a[2], a[3]
        if ins == 0xA4:
            lc = a[4]
            data = a[5 : 5 + lc]
            if p1 == 0x04:
                return b"\x90\x00" if data == self.AID else b"\x6a\x82"
            if data in self.files:
                self.selected = data
                return b"\x90\x00"
            return b"\x6a\x82"
        if ins == 0xB0 and self.selected is not None:
            off = (p1 << 8) | p2
            le = a[4] if len(a) > 4 else 0
            return self.files[self.selected][off : off + (le or 256)] + b"\x90\x00"
        return b"\x6d\x00"

    def command(self, data: bytes) -> bytes | None:
        if data[:1] == b"\xe0":  # RATS: FSCI 8 (256), FWI 10
            return bytes.fromhex("057880a002")
        pcb = data[0]
        if pcb & 0xE2 == 0x02:  # I-block
            return bytes([pcb & 0x03]) + self.apdu(data[1:])
        if pcb & 0xF6 == 0xB2:  # R(NAK): presence check → R(ACK)
            return bytes([0xA2 | (pcb & 1)])
        if pcb & 0xF7 == 0xC2:  # S(DESELECT)
            return data[:1]
        return None


class Type3:
    def __init__(self, idm: bytes, text: str | None) -> None:
        self.idm = idm
        self.pmm = bytes.fromhex("0120220427674EFF")
        msg = ndef_message(text)
        nblocks = (len(msg) + 15) // 16
        attr = bytearray(16)
        attr[0], attr[1], attr[2] = 0x10, 4, 4
        attr[3:5] = struct.pack(">H", 13)
        attr[9], attr[10] = 0x00, 0x01
        attr[11:14] = struct.pack(">I", len(msg))[1:]
        attr[14:16] = struct.pack(">H", sum(attr[0:14]))
        self.blocks = [bytes(attr)] + [
            msg[i * 16 : (i + 1) * 16].ljust(16, b"\x00") for i in range(max(nblocks, 1))
        ]
        self.blocks += [bytes(16)] * (14 - len(self.blocks))

    def command(self, data: bytes) -> bytes | None:
        if len(data) < 2 or data[0] != len(data):
            return None
        code = data[1]
        if code == 0x00:  # polling: system code data[2:4], request code data[4]
            if data[2:4] not in (b"\xff\xff", b"\x12\xfc"):
                return None
            rsp = b"\x01" + self.idm + self.pmm + (b"\x12\xfc" if data[4] == 1 else b"")
            return bytes([len(rsp) + 1]) + rsp
        if data[2:10] != self.idm:
            return None
        if code == 0x06:  # read without encryption
            n_sv = data[10]
            p = 11 + 2 * n_sv
            n_bl = data[p]
            p += 1
            out = b""
            for _ in range(n_bl):
                if data[p] & 0x80:
                    num = data[p + 1]
                    p += 2
                else:
                    num = data[p + 1] | (data[p + 2] << 8)
                    p += 3
                if num >= len(self.blocks):
                    rsp = b"\x07" + self.idm + b"\x01\xa8"
                    return bytes([len(rsp) + 1]) + rsp
                out += self.blocks[num]
            rsp = b"\x07" + self.idm + b"\x00\x00" + bytes([n_bl]) + out
            return bytes([len(rsp) + 1]) + rsp
        return None


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--type", required=True, choices=["1", "2", "3", "4", "classic"])
    ap.add_argument("--uid", default="04A1B2C3D4E5F6")
    ap.add_argument("--text")
    args = ap.parse_args()
    uid = bytes.fromhex(args.uid)
    tag: object
    if args.type == "1":
        tag, brty = Type1(uid, args.text), "106A"
    elif args.type == "2":
        tag, brty = Type2(uid, args.text), "106A"
    elif args.type == "4":
        tag, brty = Type4(uid, args.text), "106A"
    elif args.type == "classic":
        tag, brty = TypeA(uid, 0x08), "106A"
    else:
        tag, brty = Type3(uid, args.text), "212F"
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind(("127.0.0.1", args.port))
    print("ready", flush=True)
    while True:
        raw, addr = sock.recvfrom(2048)
        if raw.startswith(b"RFOFF"):
            continue
        try:
            rate, hexdata = raw.split()
            data = bytes.fromhex(hexdata.decode())
        except ValueError:
            continue
        if rate.decode() != brty:
            continue  # another technology: this tag does not answer
        answer: bytes | None = None
        if isinstance(tag, TypeA):
            answer = tag.anticollision(data)
            if answer is None and hasattr(tag, "command"):
                answer = tag.command(data)
        elif isinstance(tag, Type3 | Type1):
            answer = tag.command(data)
        if answer is not None:
            sock.sendto(rate + b" " + answer.hex().encode(), addr)


if __name__ == "__main__":
    sys.exit(main())
