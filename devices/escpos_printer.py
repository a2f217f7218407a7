"""ESC/POS receipt printer through python-escpos: ``kind = "printer"``.

One printer class per transport, as python-escpos has them:

* ``driver = "network"``: ``host``, ``port`` (9100), ``timeout`` (3 s).
* ``driver = "serial"``: ``port`` (e.g. /dev/ttyS0), ``baud`` (9600), ``dsrdtr`` (true),
  ``timeout`` (3 s).
* ``driver = "usb"``: ``usb_vendor``/``usb_product`` (hex strings like "0x0416"),
  ``in_ep`` / ``out_ep`` (0x82 / 0x01).
* ``driver = "file"``: ``path`` (e.g. /dev/usb/lp0); such printers cannot answer status.

Common keys: ``status`` (ask DLE EOT status before and after each job; default true except
for ``file``), ``encoding`` ("gb18030"), ``journal`` (SQLite file of print jobs),
``status_interval`` (seconds between status checks while idle, 5), ``profile``
(python-escpos printer profile, optional).

Every job is stored in the journal before it is printed and marked done only after the
printer answered a status query following it; jobs wait while paper is out or the printer
is unreachable and print when it is back, in order. A job id already in the journal is
never printed again. A job cut off by a lost connection is printed again once with a
"REPRINT" header, since part of it may be missing.
"""

from __future__ import annotations

import socket
import time
from pathlib import Path
from typing import Any

import serial
from escpos import printer as escpos_printer
from escpos.constants import RT_STATUS_ONLINE, RT_STATUS_PAPER
from escpos.escpos import Escpos
from escpos.exceptions import Error as EscposError

from devices.base import ConfigError, DeviceConfig, DeviceLost, DeviceUnavailable, OutputAdapter
from devices.events import (
    DeviceError,
    DeviceEvent,
    Health,
    JobDone,
    KickDrawer,
    OutputJob,
    PrintJob,
)
from devices.print_journal import PrintJournal

RT_STATUS_OFFLINE_CAUSE = b"\x10\x04\x02"
REPRINT_HEADER = "*** 重印 REPRINT ***\n"


def default_journal(name: str) -> Path:
    import platformdirs

    safe = "".join(c if c.isalnum() else "-" for c in name)
    return Path(platformdirs.user_data_dir("store-pos")) / f"print-jobs-{safe}.sqlite"


def _int(value: Any) -> int:
    return int(value, 0) if isinstance(value, str) else int(value)


def render(ops: tuple[tuple[object, ...], ...], *, encoding: str = "gb18030",
           profile: str | None = None) -> bytes:
    """The ESC/POS bytes of a job, built with python-escpos's command set."""
    p = escpos_printer.Dummy(profile=profile)
    p._raw(b"\x1b@")  # ESC @ initialise
    if encoding.lower() in ("gb18030", "gbk", "gb2312"):
        p._raw(b"\x1c&")  # FS & Chinese character mode
    for op in ops:
        if not op:
            continue
        name, args = str(op[0]), op[1:]
        if name == "text":
            p._raw(str(args[0]).encode(encoding, errors="replace"))
        elif name == "bold":
            p.set(bold=bool(args[0]))
        elif name == "align":
            p.set(align=str(args[0]))
        elif name == "size":
            w, h = int(str(args[0])), int(str(args[1]))
            if w == 1 and h == 1:
                p.set(normal_textsize=True)
            else:
                p.set(custom_size=True, width=w, height=h)
        elif name == "qr":
            p.qr(str(args[0]), native=True, size=int(str(args[1])) if len(args) > 1 else 6)
        elif name == "barcode":
            p.barcode(str(args[0]), str(args[1]) if len(args) > 1 else "EAN13", check=True)
        elif name == "feed":
            p.ln(int(str(args[0])) if args else 1)
        elif name == "cut":
            p.cut()
        elif name == "drawer":
            p.cashdraw(int(str(args[0])) if args else 2)
        else:
            raise ValueError(f"unknown print operation {name!r}")
    return bytes(p.output)


class PrinterNotAnswering(DeviceLost):
    code = "not_answering"


class ReceiptPrinter(OutputAdapter):
    kind = "printer"

    def __init__(self, config: DeviceConfig) -> None:
        super().__init__(config)
        self.driver = config.driver
        self.encoding = str(config.get("encoding", "gb18030"))
        self.profile = config.get("profile")
        self.timeout = float(config.get("timeout", 3))
        self.use_status = bool(config.get("status", config.driver != "file"))
        self.status_interval = float(config.get("status_interval", 5))
        self.journal = PrintJournal(config.get("journal") or default_journal(config.name))
        self._p: Escpos | None = None
        self._paper = "ok"  # ok | low | out
        self._offline_cause = ""
        self._last_status = 0.0
        self._reported: set[str] = set()

    # ------------------------------------------------------------------ transport
    def _make(self) -> Escpos:
        c = self.config
        if self.driver == "network":
            return escpos_printer.Network(
                host=str(c.require("host")), port=int(c.get("port", 9100)),
                timeout=self.timeout, profile=self.profile,
            )
        if self.driver == "serial":
            return escpos_printer.Serial(
                devfile=str(c.require("port")), baudrate=int(c.get("baud", 9600)),
                timeout=self.timeout, dsrdtr=bool(c.get("dsrdtr", True)), profile=self.profile,
            )
        if self.driver == "usb":
            return escpos_printer.Usb(
                idVendor=_int(c.require("usb_vendor")), idProduct=_int(c.require("usb_product")),
                in_ep=_int(c.get("in_ep", 0x82)), out_ep=_int(c.get("out_ep", 0x01)),
                timeout=int(self.timeout * 1000), profile=self.profile,
            )
        if self.driver == "file":
            return escpos_printer.File(devfile=str(c.require("path")), profile=self.profile)
        raise ConfigError(f"device {self.name!r}: unknown printer driver {self.driver!r}")

    def open(self) -> None:
        p = self._make()
        try:
            p.open()  # raise_not_found=True by default
        except (EscposError, OSError) as e:
            raise DeviceUnavailable(f"printer {self.name!r} not reachable: {e}") from None
        self._p = p
        self._last_status = 0.0
        if self.use_status:
            self._check_status()

    def close(self) -> None:
        p, self._p = self._p, None
        if p is not None:
            try:
                p.close()
            except Exception:  # closing a dead connection may fail
                pass

    def _send(self, data: bytes) -> None:
        p = self._p
        if p is None:
            raise DeviceLost("printer not open")
        try:
            p._raw(data)
        except (OSError, EscposError, Exception) as e:
            raise DeviceLost(f"printer {self.name!r} connection lost: {e}") from None

    def _drain(self) -> None:
        dev: Any = getattr(self._p, "device", None)
        if isinstance(dev, socket.socket):
            dev.settimeout(0)
            try:
                while dev.recv(64):
                    pass
            except OSError:
                pass
            finally:
                dev.settimeout(self.timeout)
        elif hasattr(dev, "reset_input_buffer"):
            dev.reset_input_buffer()

    @staticmethod
    def is_status_byte(b: int) -> bool:
        """DLE EOT answers have bits 1 and 4 set, bits 0 and 7 clear (0xx1xx10)."""
        return b & 0x93 == 0x12

    def _query(self, cmd: bytes) -> int:
        """Send DLE EOT n and return the status byte; bytes that cannot be a status answer
        (automatic status back, line noise) are skipped."""
        p = self._p
        if p is None:
            raise DeviceLost("printer not open")
        deadline = time.monotonic() + self.timeout
        try:
            self._drain()
            dev: Any = getattr(p, "device", None)
            p._raw(cmd)
            while time.monotonic() < deadline:
                if isinstance(dev, socket.socket):
                    dev.settimeout(max(0.01, deadline - time.monotonic()))
                    try:
                        chunk = dev.recv(64)
                    finally:
                        dev.settimeout(self.timeout)
                    if not chunk:
                        raise DeviceLost(f"printer {self.name!r} closed the connection")
                elif isinstance(dev, serial.Serial):
                    chunk = dev.read(1)  # python-escpos reads 16: always the full timeout
                else:
                    chunk = bytes(p._read())
                for b in reversed(chunk):
                    if self.is_status_byte(b):
                        return b
        except TimeoutError:
            pass
        except (OSError, EscposError, serial.SerialException) as e:
            raise DeviceLost(f"printer {self.name!r} connection lost: {e}") from None
        raise PrinterNotAnswering(
            f"printer {self.name!r} does not answer status queries (switched off, "
            f"cable, or busy)"
        )

    def _check_status(self) -> None:
        """DLE EOT 1 / 4 / 2: online, paper sensor, offline cause."""
        self._last_status = time.monotonic()
        online = self._query(RT_STATUS_ONLINE)
        paper = self._query(RT_STATUS_PAPER)
        if paper & 0x60:
            self._paper = "out"
        elif paper & 0x0C:
            self._paper = "low"
        else:
            self._paper = "ok"
        self._offline_cause = ""
        if online & 0x08:
            cause = self._query(RT_STATUS_OFFLINE_CAUSE)
            if cause & 0x04:
                self._offline_cause = "cover open"
            elif cause & 0x20 or self._paper == "out":
                self._offline_cause = "paper out"
            elif cause & 0x40:
                self._offline_cause = "printer error"
            else:
                self._offline_cause = "offline"

    def _problem(self) -> str:
        if self._paper == "out":
            return "paper out"
        return self._offline_cause

    # ------------------------------------------------------------------ jobs
    def handle(self, job: OutputJob) -> list[DeviceEvent]:
        if isinstance(job, KickDrawer):
            self._send(render((("drawer", job.pin),), encoding=self.encoding))
            return []
        if isinstance(job, PrintJob):
            render(job.ops, encoding=self.encoding)  # refuse a malformed job before storing
            if not self.journal.add(job) and self.journal.state(job.job_id) == "done":
                return []  # printed already (same job id): never twice
            return self.resume()
        raise TypeError(f"a printer cannot do {job!r}")

    def accepts(self, job: OutputJob) -> bool:
        return isinstance(job, PrintJob | KickDrawer)

    def store(self, job: OutputJob) -> None:
        if isinstance(job, PrintJob):
            render(job.ops, encoding=self.encoding)  # refuse a malformed job at once
            self.journal.add(job)

    def pending(self) -> int:
        return len(self.journal.unfinished())

    def resume(self) -> list[DeviceEvent]:
        events: list[DeviceEvent] = []
        for stored in self.journal.unfinished():
            if self.use_status:
                self._check_status()
                problem = self._problem()
                if problem:
                    if problem not in self._reported:
                        self._reported.add(problem)
                        code = problem.replace(" ", "_")
                        events.append(DeviceError(
                            self.name, code=code,
                            message=f"printer: {problem}; {self.pending()} job(s) wait and "
                            f"will print when it is fixed"))
                    return events
                self._reported.clear()
            ops = stored.job.ops
            if stored.state == "sending":
                ops = (("text", REPRINT_HEADER), *ops)
            data = render(ops, encoding=self.encoding)
            self.journal.mark(stored.job.job_id, "sending")
            self._send(data)
            if self.use_status:
                self._query(RT_STATUS_ONLINE)  # the answer proves the job reached the printer
            self.journal.mark(stored.job.job_id, "done")
            events.append(JobDone(self.name, job_id=stored.job.job_id))
        return events

    def idle(self, timeout: float) -> list[DeviceEvent]:
        if not self.use_status:
            return self.resume() if self.pending() else []
        if time.monotonic() - self._last_status < self.status_interval and not (
            self.pending() and time.monotonic() - self._last_status >= 1.0
        ):
            return []
        if self.pending():
            return self.resume()
        self._check_status()
        return []

    def health(self) -> tuple[Health, str]:
        waiting = self.pending()
        problem = self._problem()
        if problem:
            return Health.DEGRADED, f"{problem}; {waiting} job(s) waiting"
        if self._paper == "low":
            return Health.DEGRADED, "paper low"
        if waiting:
            return Health.DEGRADED, f"{waiting} job(s) waiting"
        return Health.OK, ""
