"""The screens' side of the devices: a thin bridge to :class:`devices.manager.DeviceManager`.

The manager runs every configured device in its own thread and queues its events; the
bridge polls that queue from a QTimer on the UI thread and turns the events into Qt
signals, and hands print jobs, drawer kicks and pole-display lines to the manager. Without
a manager of its own it starts the demo set of :mod:`devices.simulated` (scanner, card
reader, on-screen printer, pole display, drawer).

A holder's record is written to a chip card or NFC tag by :meth:`DeviceBridge.write_holder`:
the reader does it in its own thread, and the bridge hands the result back on the UI
thread (a :class:`DeviceOp`, named like the database operations).

Keyboard-wedge scanners are read by :class:`pos_app.ui.wedge_filter.WedgeFilter`,
installed on the application by :mod:`pos_app.ui.app`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from devices import registry
from devices.events import (
    BarcodeScanned,
    CardPresented,
    DeviceError,
    DeviceEvent,
    HealthChanged,
    PrintJob,
    ShowItem,
    ShowLines,
    ShowTotal,
)
from devices.manager import DeviceManager
from devices.pole_display import lines_for

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class DeviceState:
    name: str
    kind: str
    health: str  # ok | degraded | offline
    detail: str = ""


@dataclass(frozen=True)
class PresentedCard:
    media: str  # core media: barcode | magstripe | ic | nfc | virtual
    card_no: str | None
    uid: str | None
    holder: bytes | None = None  # the holder's record read from the chip, checked on use

    @property
    def identifier(self) -> str:
        """What finds the card: the UID for chips and tags, else the card number."""
        return (self.uid if self.media in ("ic", "nfc") and self.uid else self.card_no) or ""


class DeviceOp:
    """One piece of device work run in the device's thread: ``success(result)`` or
    ``failure(error)`` is called on the UI thread when it is done (from the bridge's
    poll), like :class:`pos_app.ui.operations.Op` for the database."""

    def __init__(self, name: str, future: Future[Any]) -> None:
        self.name = name
        self.future = future
        self._success: Callable[[Any], None] | None = None
        self._failure: Callable[[Exception], None] | None = None

    def success(self, fn: Callable[[Any], None]) -> DeviceOp:
        self._success = fn
        return self

    def failure(self, fn: Callable[[Exception], None]) -> DeviceOp:
        self._failure = fn
        return self

    def cancel(self) -> None:
        """Given up: nothing is called back (a write already begun still ends)."""
        self._success = self._failure = None
        self.future.cancel()

    def finish(self) -> None:
        try:
            result = self.future.result(timeout=0)
        except Exception as e:  # the device's refusal, for the screen to show
            if self._failure is not None:
                self._failure(e)
            else:
                log.error("device operation %s failed: %r", self.name, e)
            return
        if self._success is not None:
            self._success(result)


class DeviceBridge(QObject):
    scanned = Signal(str)
    card_presented = Signal(object)  # PresentedCard
    device_problem = Signal(str, str)  # device name, message
    health_changed = Signal()
    customer_shown = Signal(object)  # each pole display job, for the customer display

    POLL_MS = 10

    def __init__(self, manager: DeviceManager | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.manager = manager if manager is not None else DeviceManager.simulated()
        self.printed: list[bytes] = []  # every receipt as ESC/POS bytes, as handed over
        self.printed_text: list[str] = []
        self.drawer_kicks = 0
        self.pole: tuple[str, str] = ("", "")
        self.device_ops: list[DeviceOp] = []  # device work in flight
        self._timer = QTimer(self)
        self._timer.setInterval(self.POLL_MS)
        self._timer.timeout.connect(self.poll)

    # ------------------------------------------------------------- lifecycle
    def start(self) -> None:
        self.manager.start()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        self.manager.stop(timeout=1.0)

    # ------------------------------------------------------------- input
    def poll(self) -> None:
        for ev in self.manager.poll_events(limit=200):
            self.dispatch(ev)
        done = [op for op in self.device_ops if op.future.done()]
        for op in done:
            self.device_ops.remove(op)
            if not op.future.cancelled():
                op.finish()

    def dispatch(self, ev: DeviceEvent) -> None:
        if isinstance(ev, BarcodeScanned):
            self.scanned.emit(ev.code)
        elif isinstance(ev, CardPresented):
            if ev.bank_card:
                return  # bank cards are the payment terminal's business, never ours
            media = registry.ledger_media(ev.media)
            self.card_presented.emit(PresentedCard(media, ev.card_number, ev.uid, ev.holder))
        elif isinstance(ev, DeviceError):
            self.device_problem.emit(ev.device, ev.message)
        elif isinstance(ev, HealthChanged):
            self.health_changed.emit()

    def _simulated(self, kind: str) -> Any:
        for a in self.manager.adapters.values():
            if a.kind == kind and a.driver == "simulated":
                return a
        raise LookupError(f"no simulated {kind.replace('_', ' ')} is configured "
                          "(devices.simulated, docs/devices.md \"Demo mode\")")

    def simulate_scan(self, code: str) -> None:
        """A scan on the simulated scanner (tests, screenshots, the demo)."""
        self._simulated("scanner").scan(code)

    def simulate_card(self, media: str, card_no: str | None, uid: str | None = None) -> None:
        """The simulated card reader: swipe (magstripe), insert (ic), tap (nfc), or a
        barcode card (``media`` as the ledger names it)."""
        self._simulated("card_reader").tap(card_no, uid=uid,
                                           media=registry.reader_media(media))

    # ------------------------------------------------------------- chips
    def writes_holder(self, media: str) -> bool:
        """A reader that writes the holder's record to ``media`` ("ic" or "nfc") cards is
        configured (the simulated reader writes both)."""
        return self.manager.holder_writer(registry.reader_media(media)) is not None

    def write_holder(self, media: str, card_no: str, record: bytes,
                     expected_uid: str | None, wait_s: float = 20.0) -> DeviceOp:
        """Write ``card_no``'s holder record to the ``media`` card the clerk inserts or
        taps within ``wait_s``; the op gives the chip's UID, or fails with
        :class:`devices.holder.ChipWriteRefused` (``no_card``, ``wrong_card``,
        ``write_failed``) or :class:`devices.base.DeviceUnavailable`."""
        op = DeviceOp("chip.write_holder", self.manager.write_holder(
            registry.reader_media(media), card_no, record, expected_uid, wait_s))
        self.device_ops.append(op)
        return op

    # ------------------------------------------------------------- output
    def print_receipt(self, job_id: str, escpos: bytes, text: str) -> None:
        self.printed.append(escpos)
        self.printed_text.append(text)
        try:
            self.manager.print(PrintJob(job_id, (("text", text), ("feed", 3), ("cut",))))
        except KeyError:
            log.warning("no printer configured; receipt %s kept on screen only", job_id)

    def kick_drawer(self) -> None:
        self.drawer_kicks += 1
        try:
            self.manager.kick_drawer()
        except KeyError:
            log.info("no cash drawer configured")

    def show(self, job: ShowLines | ShowItem | ShowTotal) -> None:
        """The customer pole display: the last item, the total, the change."""
        l1, l2, _align = lines_for(job, True)
        self.pole = (l1[:20], l2[:20])
        self.manager.show(job)
        self.customer_shown.emit(job)

    def show_item(self, name: str, price: Decimal) -> None:
        self.show(ShowItem(name, price))

    def show_total(
        self, total: Decimal, paid: Decimal | None = None, change: Decimal | None = None
    ) -> None:
        self.show(ShowTotal(total, paid, change))

    def show_text(self, line1: str, line2: str = "") -> None:
        self.show(ShowLines(line1, line2))

    # ------------------------------------------------------------- health
    def health(self) -> list[DeviceState]:
        return [
            DeviceState(h.name, h.kind, h.health.value, h.detail)
            for h in self.manager.health().values()
        ]
