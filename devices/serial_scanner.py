"""Serial barcode scanner (RS-232, USB virtual COM): ``kind = "scanner"``, ``driver = "serial"``.

Config keys are those of :class:`devices.serial_line.SerialInput` (port, baud, prefix,
suffix, gap_ms). Set the scanner to send a suffix (CR by default) and, where it can, the
AIM symbology identifier (then the symbology is known and checked).
"""

from __future__ import annotations

import re

from devices.barcode import AIM_SYMBOLOGIES, BarcodeError, parse_barcode
from devices.base import DeviceConfig
from devices.events import BarcodeScanned, DeviceError, DeviceEvent
from devices.framing import Frame
from devices.serial_line import SerialInput

_ASCII_TEXT = frozenset(range(0x20, 0x7F)) | {0x1D}
_AIM_RE = re.compile(rb"\][A-Za-z][0-9A-Za-z]")


def _aim_starts(data: bytes) -> list[int]:
    return [
        m.start() for m in _AIM_RE.finditer(data)
        if chr(data[m.start() + 1]) in AIM_SYMBOLOGIES
    ]


def _salvage(device: str, data: bytes, aim_ids: bool) -> list[DeviceEvent]:
    """A checked code at the end of a noisy frame: after an AIM identifier, or (without AIM
    identifiers) the printable-ASCII tail if it is an EAN/UPC with a valid check digit."""
    candidates = [data[i:] for i in reversed(_aim_starts(data))]
    if not aim_ids:
        cut = max((i for i, b in enumerate(data) if b not in _ASCII_TEXT), default=-1)
        candidates.append(data[cut + 1 :])
    for cand in candidates:
        if not cand:
            continue
        try:
            bc = parse_barcode(cand)
        except BarcodeError:
            continue
        if bc.aim_id is not None or bc.symbology is not None:
            return [BarcodeScanned(device, code=bc.code, symbology=bc.symbology,
                                   aim_id=bc.aim_id)]
    return []


def barcode_events(device: str, data: bytes, aim_ids: bool = False) -> list[DeviceEvent]:
    """Events for one scan frame.

    Line noise glued in front of a scan does not lose the scan when what follows is a
    checked code (AIM identifier or valid EAN/UPC check digit); anything else unreadable
    gives one ``bad_read`` error and no scan. With ``aim_ids`` (the scanner is set to send
    AIM identifiers) a frame must start with one; noise before the last one is cut off.
    """
    if aim_ids and not (data[:1] == b"]" and 0 in _aim_starts(data)):
        err = DeviceError(device, code="bad_read",
                          message="scanner data without AIM identifier (line noise?)")
        return [err, *_salvage(device, data, aim_ids)]
    try:
        bc = parse_barcode(data)
    except BarcodeError as e:
        err = DeviceError(device, code="bad_read", message=f"unreadable scanner data: {e}")
        return [err, *_salvage(device, data, aim_ids)]
    return [BarcodeScanned(device, code=bc.code, symbology=bc.symbology, aim_id=bc.aim_id)]


class SerialScanner(SerialInput):
    """Config keys: those of SerialInput, plus ``aim_ids`` (true when the scanner is set to
    send AIM symbology identifiers: frames without one are rejected as noise)."""

    kind = "scanner"
    driver = "serial"

    def __init__(self, config: DeviceConfig) -> None:
        super().__init__(config)
        self.aim_ids = bool(config.get("aim_ids", False))

    def frame_events(self, frame: Frame) -> list[DeviceEvent]:
        if not frame.complete:
            return [
                DeviceError(
                    self.name,
                    code="bad_read",
                    message="incomplete data from the scanner (no suffix): scan again",
                )
            ]
        return barcode_events(self.name, frame.data, self.aim_ids)
