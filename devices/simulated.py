"""Simulated devices behind the same interface: demo mode and the UI's tests.

* ``SimulatedScanner`` (``kind = "scanner"``, ``driver = "simulated"``): scans come from
  ``codes`` in the config (one every ``interval_ms``, 0 = only on demand) and from
  :meth:`SimulatedScanner.scan` (a keyboard shortcut or a button in the demo UI).
* ``SimulatedCardReader`` (``kind = "card_reader"``): :meth:`tap` / :meth:`take_away`
  from demo buttons; it writes a holder's record (chip cards and tags) to the card being
  issued, or to the card :attr:`SimulatedCardReader.on_pad` names, and gives it back
  with every later tap of that chip.
* ``ScreenPrinter`` (``kind = "printer"``): renders jobs to text pages for the screen;
  ``paper_out(True)`` makes jobs wait like a real printer would.
* ``SimulatedPoleDisplay`` (``kind = "pole_display"``): keeps the two lines shown.

Every simulated device can be ``unplug()``-ed and ``plug()``-ed to show health changes.
Call these methods from any thread; the UI gets adapters by name from
``DeviceManager.adapters``.
"""

from __future__ import annotations

import hashlib
import queue
import threading
from collections.abc import Callable

from devices.barcode import BarcodeError, parse_barcode
from devices.base import DeviceConfig, DeviceLost, DeviceUnavailable, InputAdapter, OutputAdapter
from devices.events import (
    BarcodeScanned,
    CardPresented,
    CardRemoved,
    DeviceError,
    DeviceEvent,
    Health,
    JobDone,
    KickDrawer,
    Media,
    OutputJob,
    PrintJob,
    ShowItem,
    ShowLines,
    ShowTotal,
)
from devices.holder import ChipWriteRefused, check_target
from devices.pole_display import lines_for
from devices.print_journal import PrintJournal


class _Pluggable:
    name: str

    def __init__(self) -> None:
        self._plugged = threading.Event()
        self._plugged.set()

    def unplug(self) -> None:
        self._plugged.clear()

    def plug(self) -> None:
        self._plugged.set()

    def _check_open(self) -> None:
        if not self._plugged.is_set():
            raise DeviceUnavailable(f"simulated device {self.name!r} is unplugged")

    def _check_alive(self) -> None:
        if not self._plugged.is_set():
            raise DeviceLost(f"simulated device {self.name!r} was unplugged")


class SimulatedScanner(_Pluggable, InputAdapter):
    kind = "scanner"
    driver = "simulated"

    def __init__(self, config: DeviceConfig) -> None:
        InputAdapter.__init__(self, config)
        _Pluggable.__init__(self)
        self._queue: queue.Queue[str] = queue.Queue()
        self._script = [str(c) for c in config.get("codes", [])]
        self._interval = int(config.get("interval_ms", 0)) / 1000

    def scan(self, code: str) -> None:
        """A scan, as if the scanner read ``code`` (AIM prefix allowed: "]E0...")."""
        self._queue.put(code)

    def open(self) -> None:
        self._check_open()

    def close(self) -> None:
        pass

    def read(self, timeout: float) -> list[DeviceEvent]:
        self._check_alive()
        if self._script and self._interval:
            try:
                code = self._queue.get(timeout=min(timeout, self._interval))
            except queue.Empty:
                code = self._script.pop(0)
        else:
            try:
                code = self._queue.get(timeout=timeout)
            except queue.Empty:
                return []
        try:
            bc = parse_barcode(code)
        except BarcodeError as e:
            return [DeviceError(self.name, code="bad_read", message=str(e))]
        return [BarcodeScanned(self.name, code=bc.code, symbology=bc.symbology, aim_id=bc.aim_id)]


class SimulatedCardReader(_Pluggable, InputAdapter):
    kind = "card_reader"
    driver = "simulated"

    def __init__(self, config: DeviceConfig) -> None:
        InputAdapter.__init__(self, config)
        _Pluggable.__init__(self)
        self._queue: queue.Queue[DeviceEvent] = queue.Queue()
        # the chips written: UID -> holder's record, given with every tap of that UID
        self.chips: dict[str, bytes] = {}
        # the chip in the reader for a write: ISSUED (the card being issued), a UID (the
        # card the clerk put there), or None (no card: the write finds none)
        self.on_pad: str | None = self.ISSUED

    ISSUED = "issued"
    holder_media = (Media.IC_CARD, Media.NFC)

    def tap(self, card_number: str, *, uid: str | None = None,
            media: Media = Media.SIMULATED) -> None:
        holder = self.chips.get(uid.upper()) if uid else None
        self._queue.put(CardPresented(self.name, media=media, card_number=card_number, uid=uid,
                                      reader="simulated", holder=holder))

    def write_holder(self, card_no: str, record: bytes, expected_uid: str | None,
                     wait_s: float) -> str:
        """Write to the chip on the pad (:attr:`on_pad`); the card being issued has the
        UID bound to it, else one made from its number."""
        self._check_alive()
        if self.on_pad is None:
            raise ChipWriteRefused("no_card", "no card in the simulated reader")
        uid = self.on_pad.upper() if self.on_pad != self.ISSUED else (
            expected_uid or hashlib.sha256(card_no.encode()).hexdigest()[:14]).upper()
        check_target(card_no, expected_uid, uid, self.chips.get(uid))
        self.chips[uid] = bytes(record)
        return uid

    def take_away(self, media: Media = Media.SIMULATED) -> None:
        self._queue.put(CardRemoved(self.name, media=media, reader="simulated"))

    def open(self) -> None:
        self._check_open()

    def close(self) -> None:
        pass

    def read(self, timeout: float) -> list[DeviceEvent]:
        self._check_alive()
        try:
            return [self._queue.get(timeout=timeout)]
        except queue.Empty:
            return []


def render_text(ops: tuple[tuple[object, ...], ...]) -> list[str]:
    """A print job as the lines a receipt would show (for the on-screen printer)."""
    lines: list[str] = []
    current = ""
    for op in ops:
        name, args = str(op[0]), op[1:]
        if name == "text":
            current += str(args[0])
            *done, current = current.split("\n")
            lines += done
            continue
        if current and name in ("qr", "barcode", "feed", "cut", "drawer"):
            lines.append(current)  # the printer prints a pending partial line first
            current = ""
        if name == "qr":
            lines.append(f"[QR {args[0]}]")
        elif name == "barcode":
            lines.append(f"[BARCODE {args[0]}]")
        elif name == "feed":
            lines += [""] * (int(str(args[0])) if args else 1)
        elif name == "cut":
            lines.append("-" * 32)
        elif name == "drawer":
            lines.append("[cash drawer opened]")
    if current:
        lines.append(current)
    return lines


class ScreenPrinter(_Pluggable, OutputAdapter):
    kind = "printer"
    driver = "simulated"

    def __init__(self, config: DeviceConfig) -> None:
        OutputAdapter.__init__(self, config)
        _Pluggable.__init__(self)
        self.journal = PrintJournal(str(config.get("journal", ":memory:")))
        self.pages: list[list[str]] = []
        self.drawer_kicks = 0
        self.on_page: Callable[[list[str]], None] | None = None
        self._paper_out = False
        self._reported = False

    def paper_out(self, out: bool) -> None:
        self._paper_out = out

    def open(self) -> None:
        self._check_open()

    def close(self) -> None:
        pass

    def accepts(self, job: OutputJob) -> bool:
        return isinstance(job, PrintJob | KickDrawer)

    def store(self, job: OutputJob) -> None:
        if isinstance(job, PrintJob):
            self.journal.add(job)

    def handle(self, job: OutputJob) -> list[DeviceEvent]:
        self._check_alive()
        if isinstance(job, KickDrawer):
            self.drawer_kicks += 1
            return []
        if isinstance(job, PrintJob):
            if not self.journal.add(job) and self.journal.state(job.job_id) == "done":
                return []  # printed already (same job id): never twice
            return self.resume()
        raise TypeError(f"a printer cannot do {job!r}")

    def pending(self) -> int:
        return len(self.journal.unfinished())

    def resume(self) -> list[DeviceEvent]:
        self._check_alive()
        if self._paper_out:
            if self._reported:
                return []
            self._reported = True
            return [DeviceError(self.name, code="paper_out",
                                message="printer: paper out; jobs wait")]
        self._reported = False
        events: list[DeviceEvent] = []
        for stored in self.journal.unfinished():
            page = render_text(stored.job.ops)
            self.pages.append(page)
            self.journal.mark(stored.job.job_id, "done")
            if self.on_page is not None:
                self.on_page(page)
            events.append(JobDone(self.name, job_id=stored.job.job_id))
        return events

    def idle(self, timeout: float) -> list[DeviceEvent]:
        self._check_alive()
        return self.resume() if self.pending() else []

    def health(self) -> tuple[Health, str]:
        if self._paper_out:
            return Health.DEGRADED, f"paper out; {self.pending()} job(s) waiting"
        return Health.OK, ""


class SimulatedPoleDisplay(_Pluggable, OutputAdapter):
    kind = "pole_display"
    driver = "simulated"

    def __init__(self, config: DeviceConfig) -> None:
        OutputAdapter.__init__(self, config)
        _Pluggable.__init__(self)
        self.lines: tuple[str, str] = ("", "")
        self.chinese = bool(config.get("chinese", True))

    def open(self) -> None:
        self._check_open()

    def close(self) -> None:
        pass

    def accepts(self, job: OutputJob) -> bool:
        return isinstance(job, ShowLines | ShowItem | ShowTotal)

    def handle(self, job: OutputJob) -> list[DeviceEvent]:
        self._check_alive()
        if not isinstance(job, ShowLines | ShowItem | ShowTotal):
            raise TypeError(f"a pole display cannot do {job!r}")
        l1, l2, align = lines_for(job, self.chinese)
        self.lines = (l1[:20], l2[:20].rjust(20) if align == "right" else l2[:20])
        return []


def demo_configs() -> list[DeviceConfig]:
    """The devices of demo mode (``DeviceManager.simulated()``)."""
    return [
        DeviceConfig("demo scanner", "scanner", "simulated"),
        DeviceConfig("demo card reader", "card_reader", "simulated"),
        DeviceConfig("demo printer", "printer", "simulated"),
        DeviceConfig("demo pole display", "pole_display", "simulated"),
        DeviceConfig("demo cash drawer", "drawer", "printer", {"printer": "demo printer"}),
    ]
