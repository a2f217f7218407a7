"""Barcode data as scanners send it: AIM symbology identifiers and EAN/UPC check digits.

A scanner configured to "transmit AIM ID" puts ``]Cm`` before the data: ``]`` then the
symbology character then a modifier digit, e.g. ``]E0`` (EAN-13/UPC-A), ``]C1`` (GS1-128),
``]Q1`` (QR). Without the prefix the symbology is guessed only for EAN/UPC (by length and
check digit, with python-stdnum).
"""

from __future__ import annotations

from dataclasses import dataclass

from stdnum import ean

# Symbology character → name; a few modifiers refine the name (see _MODIFIED).
AIM_SYMBOLOGIES: dict[str, str] = {
    "A": "Code 39",
    "C": "Code 128",
    "E": "EAN/UPC",
    "F": "Codabar",
    "G": "Code 93",
    "I": "ITF",
    "L": "PDF417",
    "Q": "QR Code",
    "d": "Data Matrix",
    "e": "GS1 DataBar",
    "z": "Aztec",
    "X": "Other",
}
_MODIFIED: dict[str, str] = {
    "]C1": "GS1-128",
    "]E0": "EAN-13",
    "]E1": "EAN-13+2",
    "]E2": "EAN-13+5",
    "]E3": "EAN-13+addon",
    "]E4": "EAN-8",
    "]d2": "GS1 DataMatrix",
    "]Q3": "GS1 QR Code",
}

GS = "\x1d"  # GS1 field separator, allowed inside the data
MAX_LENGTH = 4096


class BarcodeError(ValueError):
    """Data that is not a barcode (noise, a torn read); the message is for the technician."""


@dataclass(frozen=True)
class Barcode:
    code: str
    symbology: str | None
    aim_id: str | None


def _decode(raw: bytes) -> str:
    for enc in ("utf-8", "gb18030"):
        try:
            return raw.decode(enc)
        except UnicodeDecodeError:
            continue
    raise BarcodeError("barcode data is neither UTF-8 nor GB18030 text")


def _guess(code: str) -> str | None:
    if code.isascii() and code.isdigit() and ean.is_valid(code):
        return {8: "EAN-8", 12: "UPC-A", 13: "EAN-13", 14: "GTIN-14"}.get(len(code))
    return None


def parse_barcode(raw: bytes | str) -> Barcode:
    """Parse one scan (without prefix/suffix/terminator) into code and symbology.

    Raises :class:`BarcodeError` for empty data, control characters (line noise) and EAN/UPC
    data whose check digit is wrong.
    """
    text = _decode(raw) if isinstance(raw, bytes | bytearray) else raw
    if len(text) > MAX_LENGTH:
        raise BarcodeError(f"barcode longer than {MAX_LENGTH} characters")
    aim: str | None = None
    symbology: str | None = None
    if text.startswith("]") and len(text) >= 3 and text[1] in AIM_SYMBOLOGIES:
        if not text[2].isascii() or not text[2].isalnum():
            raise BarcodeError(f"bad AIM identifier modifier {text[:3]!r}")
        aim, text = text[:3], text[3:]
        symbology = _MODIFIED.get(aim, AIM_SYMBOLOGIES[aim[1]])
    if not text:
        raise BarcodeError("empty barcode")
    bad = [c for c in text if (ord(c) < 0x20 and c != GS) or ord(c) == 0x7F]
    if bad:
        raise BarcodeError(f"control character {bad[0]!r} in barcode data (line noise?)")
    if aim is not None and aim[1] == "E":
        main = text[:8] if aim == "]E4" else text[:13]
        if not (text.isascii() and text.isdigit() and ean.is_valid(main)):
            raise BarcodeError("EAN/UPC check digit is wrong: scan again")
        if aim == "]E0" and len(text) == 13 and text.startswith("0"):
            symbology = "UPC-A"  # UPC-A travels as EAN-13 with a leading 0; code kept as sent
    elif aim is None:
        symbology = _guess(text)
    return Barcode(code=text, symbology=symbology, aim_id=aim)
