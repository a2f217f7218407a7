"""The device table: every ``kind``/``driver`` pair a ``[[devices]]`` entry may name, the
adapter that runs it, its config keys (with their types) and the keys it needs.

The device manager (which adapter to start), the terminal config check (``pos config
check``: which keys are allowed, required, of which type) and the app's device bridge
(how the ledger names the medium a card was read from) all read this table; nothing else
lists devices. As in nfcpy's driver map, adapters are named by module path and imported
only when a configured device needs them: importing this table loads no device library.

Adding a reader: write its adapter (one module in ``devices/``, an
:class:`devices.base.InputAdapter`), then add one :class:`Driver` line to ``TABLE``.
docs/devices.md describes every key for the store technician.
"""

from __future__ import annotations

import enum
import importlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from devices.events import Media

if TYPE_CHECKING:  # for annotations only: the table itself imports no adapter
    from devices.base import Adapter, DeviceConfig


class Value(enum.Enum):
    """What a config key holds; ``pos config check`` refuses anything else."""

    TEXT = "text"
    WHOLE = "whole number"
    YES_NO = "true or false"
    LIST = "list"
    SERIAL_PORT = "serial device path"
    TCP_PORT = "TCP port number"
    ANY = "any value"  # checked by the adapter itself (e.g. USB ids: 0x0416 or "0x0416")


TEXT, WHOLE, YES_NO, LIST, ANY = Value.TEXT, Value.WHOLE, Value.YES_NO, Value.LIST, Value.ANY
SERIAL_PORT, TCP_PORT = Value.SERIAL_PORT, Value.TCP_PORT

# Keys every entry has.
COMMON: Mapping[str, Value] = {"name": TEXT, "kind": TEXT, "driver": TEXT, "enabled": YES_NO}

# Key groups shared by several drivers.
SERIAL = {"port": SERIAL_PORT, "baud": WHOLE, "bytesize": WHOLE, "parity": TEXT,
          "stopbits": WHOLE, "prefix": TEXT, "suffix": TEXT, "gap_ms": WHOLE, "aim_ids": YES_NO}
WEDGE = {"max_gap_ms": WHOLE, "min_length": WHOLE, "prefix": TEXT, "terminators": LIST}
MAGSTRIPE = {"number_track": WHOLE, "number_slice": LIST, "own_prefixes": LIST, "lrc": YES_NO}
PCSC = {"readers": LIST, "card_number": TEXT, "memory_card_type": WHOLE,
        "memory_offset": WHOLE, "memory_length": WHOLE, "aid": TEXT, "file_id": TEXT,
        "file_offset": WHOLE, "file_length": WHOLE, "number_format": TEXT, "keep_raw": YES_NO,
        "holder_file": TEXT}
NFC = {"path": TEXT, "targets": LIST, "card_number": TEXT}
PRINTER = {"encoding": TEXT, "status": YES_NO, "status_interval": WHOLE, "journal": TEXT,
           "profile": TEXT}
POLE = {"port": SERIAL_PORT, "baud": WHOLE, "encoding": TEXT, "columns": WHOLE}

ESCPOS = "devices.escpos_printer:ReceiptPrinter"


@dataclass(frozen=True)
class Driver:
    """One line of the table."""

    kind: str  # scanner, magstripe, ic_card, nfc, printer, drawer, pole_display, card_reader
    driver: str  # how it is connected: serial, wedge, pcsc, nfcpy, network, usb, file, ...
    # "module:Class" of the adapter the manager runs in its own thread; None for entries
    # the manager does not run: the app feeds them (keyboard wedges) or they are reached
    # through another device (a drawer on its printer's kick port)
    adapter: str | None
    keys: Mapping[str, Value]  # besides COMMON
    required: tuple[str, ...] = ()

    @property
    def passive(self) -> bool:
        return self.adapter is None

    def make(self, config: DeviceConfig) -> Adapter:
        """The adapter for ``config``; imports its module (and device library) now."""
        if self.adapter is None:
            raise TypeError(f"{self.kind} with driver {self.driver!r} has no adapter to run")
        module, cls = self.adapter.split(":")
        adapter: Adapter = getattr(importlib.import_module(module), cls)(config)
        return adapter


TABLE: tuple[Driver, ...] = (
    Driver("scanner", "serial", "devices.serial_scanner:SerialScanner", SERIAL, ("port",)),
    Driver("scanner", "wedge", None, WEDGE),
    Driver("magstripe", "serial", "devices.serial_magstripe:SerialMagstripeReader",
           SERIAL | MAGSTRIPE, ("port",)),
    Driver("magstripe", "wedge", None, WEDGE | MAGSTRIPE),
    Driver("ic_card", "pcsc", "devices.pcsc_reader:PcscCardReader", PCSC),
    Driver("nfc", "nfcpy", "devices.nfc_reader:NfcReader", NFC),
    Driver("printer", "network", ESCPOS,
           PRINTER | {"host": TEXT, "port": TCP_PORT, "timeout": ANY}, ("host",)),
    Driver("printer", "serial", ESCPOS,
           PRINTER | {"port": SERIAL_PORT, "baud": WHOLE, "dsrdtr": YES_NO, "timeout": ANY},
           ("port",)),
    Driver("printer", "usb", ESCPOS,
           PRINTER | {"usb_vendor": ANY, "usb_product": ANY, "in_ep": ANY, "out_ep": ANY},
           ("usb_vendor", "usb_product")),
    Driver("printer", "file", ESCPOS, PRINTER | {"path": TEXT}, ("path",)),
    Driver("drawer", "printer", None, {"printer": TEXT, "pin": WHOLE}, ("printer",)),
    Driver("pole_display", "serial", "devices.pole_display:PoleDisplay", POLE, ("port",)),
    # demo mode (docs/devices.md, "Demo mode")
    Driver("scanner", "simulated", "devices.simulated:SimulatedScanner",
           {"codes": LIST, "interval_ms": WHOLE}),
    Driver("card_reader", "simulated", "devices.simulated:SimulatedCardReader", {}),
    Driver("printer", "simulated", "devices.simulated:ScreenPrinter", {}),
    Driver("pole_display", "simulated", "devices.simulated:SimulatedPoleDisplay", {}),
    Driver("drawer", "simulated", None, {}),
)

DRIVERS: Mapping[tuple[str, str], Driver] = {(d.kind, d.driver): d for d in TABLE}


def find(kind: str, driver: str) -> Driver | None:
    return DRIVERS.get((kind, driver))


def kinds() -> list[str]:
    return sorted({d.kind for d in TABLE})


def drivers_for(kind: str) -> list[str]:
    return sorted(d.driver for d in TABLE if d.kind == kind)


# How the ledger names the medium a card was presented on (``pos_app.core.members.MEDIA``),
# for each medium a reader reports. A simulated card stands for a barcode card.
LEDGER_MEDIA: Mapping[Media, str] = {
    Media.MAGSTRIPE: "magstripe",
    Media.IC_CARD: "ic",
    Media.NFC: "nfc",
    Media.MIFARE_CLASSIC: "nfc",
    Media.SIMULATED: "barcode",
}


def ledger_media(media: Media) -> str:
    return LEDGER_MEDIA.get(media, "barcode")


def reader_media(ledger_name: str) -> Media:
    """The medium a simulated reader reports for a card the ledger names ``ledger_name``."""
    for media, name in LEDGER_MEDIA.items():
        if name == ledger_name:
            return media
    return Media.SIMULATED
