"""APDUs for reading our card number from IC cards, and parsers for the answers.

PC/SC part 3 pseudo-APDUs (class FF) are answered by the reader itself:

* ``FF CA 00 00 00`` GET DATA: the card's UID (contactless) / serial.
* ``FF A4 00 00 01 tt`` SELECT CARD TYPE (ACS readers, memory cards: 06 = SLE4432/4442,
  05 = SLE4418/4428), then ``FF B0 00 aa ll`` READ MEMORY CARD (address, length).

CPU cards answer ISO 7816-4: ``00 A4 04 00`` SELECT by AID, ``00 A4 00 00 02 fid`` SELECT
file, ``00 B0 00 00 le`` READ BINARY.
"""

from __future__ import annotations

from dataclasses import dataclass

GET_UID = bytes.fromhex("FFCA000000")


class ApduError(ValueError):
    """A card answer that is malformed or reports an error."""


@dataclass(frozen=True)
class Response:
    data: bytes
    sw1: int
    sw2: int

    @property
    def sw(self) -> int:
        return (self.sw1 << 8) | self.sw2

    @property
    def ok(self) -> bool:
        return self.sw1 == 0x90 and self.sw2 == 0x00


def parse_response(raw: bytes | list[int]) -> Response:
    """Split an R-APDU into data and status word; raises :class:`ApduError` if too short."""
    b = bytes(raw)
    if len(b) < 2:
        raise ApduError(f"card answer too short ({len(b)} bytes)")
    return Response(b[:-2], b[-2], b[-1])


def expect_ok(resp: Response, what: str) -> bytes:
    if not resp.ok:
        raise ApduError(f"{what}: card answered SW {resp.sw:04X}")
    return resp.data


def select_card_type(card_type: int) -> bytes:
    return bytes([0xFF, 0xA4, 0x00, 0x00, 0x01, card_type & 0xFF])


def read_memory(address: int, length: int) -> bytes:
    if not (0 <= address <= 0xFF and 1 <= length <= 0xFF):
        raise ValueError("memory address must be 0-255 and length 1-255")
    return bytes([0xFF, 0xB0, 0x00, address, length])


def select_aid(aid: bytes) -> bytes:
    return bytes([0x00, 0xA4, 0x04, 0x00, len(aid)]) + aid


def select_file(fid: bytes) -> bytes:
    return bytes([0x00, 0xA4, 0x00, 0x00, len(fid)]) + fid


def read_binary(offset: int, length: int) -> bytes:
    return bytes([0x00, 0xB0, (offset >> 8) & 0x7F, offset & 0xFF, length & 0xFF])


def update_binary(offset: int, data: bytes) -> bytes:
    """UPDATE BINARY of the selected file (ISO 7816-4), at most 255 bytes."""
    if not 1 <= len(data) <= 0xFF:
        raise ValueError("update binary writes 1-255 bytes")
    return bytes([0x00, 0xD6, (offset >> 8) & 0x7F, offset & 0xFF, len(data)]) + data


def get_response(length: int) -> bytes:
    return bytes([0x00, 0xC0, 0x00, 0x00, length & 0xFF])


def decode_number(data: bytes, fmt: str = "ascii") -> str:
    """Our card number from card memory or a file.

    ``ascii``: digits/letters, padding 00/FF/space ignored. ``bcd``: packed decimal
    nibbles, F nibbles are padding. ``hex``: the bytes as upper-case hex.
    Raises :class:`ApduError` when no number is there (blank card, wrong format).
    """
    if fmt == "hex":
        text = data.hex().upper()
    elif fmt == "bcd":
        digits = []
        for b in data:
            for nib in (b >> 4, b & 0x0F):
                if nib == 0x0F:
                    continue
                if nib > 9:
                    raise ApduError("card number is not packed BCD")
                digits.append(str(nib))
        text = "".join(digits)
    elif fmt == "ascii":
        stripped = data.strip(b"\x00\xff ")
        if not all(0x30 <= c <= 0x39 or 0x41 <= c <= 0x5A or 0x61 <= c <= 0x7A for c in stripped):
            raise ApduError("card number is not ASCII digits/letters")
        text = stripped.decode("ascii")
    else:
        raise ValueError(f"unknown card number format {fmt!r} (ascii, bcd, hex)")
    if not text:
        raise ApduError("no card number on the card (blank card?)")
    return text
