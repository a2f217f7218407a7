"""Customer pole display, 2 lines × 20 characters, CD5220 command set over serial.

``kind = "pole_display"``, ``driver = "serial"``. Config keys: ``port``, ``baud`` (9600),
``encoding`` ("ascii"; "gb18030" for displays with a Chinese font: a Chinese character
takes two columns), ``columns`` (20).

CD5220 commands used: ``ESC @`` initialise, ``FF`` (0x0C) clear, ``ESC Q A text CR`` upper
line, ``ESC Q B text CR`` lower line.
"""

from __future__ import annotations

from decimal import Decimal

import serial

from devices.base import DeviceConfig, DeviceLost, DeviceUnavailable, OutputAdapter
from devices.events import DeviceEvent, OutputJob, ShowItem, ShowLines, ShowTotal
from pos_app.core.money import format_money

INIT = b"\x1b@"
CLEAR = b"\x0c"
UPPER = b"\x1bQA"
LOWER = b"\x1bQB"
CR = b"\r"


def fit(text: str, columns: int, encoding: str, align: str = "left") -> bytes:
    """``text`` encoded, cut and padded to exactly ``columns`` display columns (bytes)."""
    out = bytearray()
    for ch in text.replace("\r", " ").replace("\n", " "):
        b = ch.encode(encoding, errors="replace")
        if any(x < 0x20 for x in b):
            b = b"?"
        if len(out) + len(b) > columns:
            break
        out += b
    pad = b" " * (columns - len(out))
    return bytes(pad + out) if align == "right" else bytes(out + pad)


def amount(value: Decimal) -> str:
    return format_money(value, sign=False)


def lines_for(job: ShowLines | ShowItem | ShowTotal, chinese: bool) -> tuple[str, str, str]:
    """(line1, line2, alignment of line2)."""
    if isinstance(job, ShowLines):
        return job.line1, job.line2, "left"
    if isinstance(job, ShowItem):
        return job.name, amount(job.price), "right"
    if job.change is not None:
        paid = amount(job.paid) if job.paid is not None else ""
        l1 = f"{'实收' if chinese else 'PAID'} {paid}"
        return l1, f"{'找零' if chinese else 'CHANGE'} {amount(job.change)}", "left"
    return ("合计" if chinese else "TOTAL"), amount(job.total), "right"


def encode_lines(job: ShowLines | ShowItem | ShowTotal, *, columns: int = 20,
                 encoding: str = "ascii") -> bytes:
    chinese = encoding.lower() in ("gb18030", "gbk", "gb2312", "big5")
    l1, l2, align2 = lines_for(job, chinese)
    return (
        CLEAR
        + UPPER + fit(l1, columns, encoding) + CR
        + LOWER + fit(l2, columns, encoding, align2) + CR
    )


class PoleDisplay(OutputAdapter):
    kind = "pole_display"
    driver = "serial"

    def __init__(self, config: DeviceConfig) -> None:
        super().__init__(config)
        self.port = str(config.require("port"))
        self.baud = int(config.get("baud", 9600))
        self.encoding = str(config.get("encoding", "ascii"))
        self.columns = int(config.get("columns", 20))
        self._ser: serial.Serial | None = None

    def open(self) -> None:
        try:
            self._ser = serial.Serial(self.port, self.baud, timeout=1, write_timeout=2)
        except (serial.SerialException, OSError, ValueError) as e:
            raise DeviceUnavailable(f"cannot open pole display port {self.port}: {e}") from None
        self._write(INIT)

    def close(self) -> None:
        ser, self._ser = self._ser, None
        if ser is not None:
            try:
                ser.close()
            except Exception:
                pass

    def _write(self, data: bytes) -> None:
        if self._ser is None:
            raise DeviceLost("pole display not open")
        try:
            self._ser.write(data)
            self._ser.flush()
        except (serial.SerialException, OSError) as e:
            raise DeviceLost(f"pole display on {self.port} went away: {e}") from None

    def accepts(self, job: OutputJob) -> bool:
        return isinstance(job, ShowLines | ShowItem | ShowTotal)

    def handle(self, job: OutputJob) -> list[DeviceEvent]:
        if not isinstance(job, ShowLines | ShowItem | ShowTotal):
            raise TypeError(f"a pole display cannot do {job!r}")
        self._write(encode_lines(job, columns=self.columns, encoding=self.encoding))
        return []
