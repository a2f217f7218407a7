"""What devices tell the terminal, and the jobs the terminal gives to output devices.

Input adapters emit events in order; each event carries the name of the device as the
store technician configured it (``name`` in the ``[[devices]]`` table).
No Qt here: the UI polls :meth:`devices.manager.DeviceManager.poll_events` from its thread.
"""

from __future__ import annotations

import enum
import itertools
import time
from dataclasses import dataclass, field
from decimal import Decimal

_seq = itertools.count(1)


def _next_seq() -> int:
    return next(_seq)


class Health(enum.Enum):
    """What the status bar shows for a device."""

    OK = "ok"
    DEGRADED = "degraded"  # works, but with a problem (paper low, jobs waiting, bad reads)
    OFFLINE = "offline"  # not reachable: unplugged, port missing, daemon down


class Media(enum.Enum):
    """How a card was presented."""

    MAGSTRIPE = "magstripe"
    IC_CARD = "ic_card"  # contact chip card through PC/SC
    NFC = "nfc"  # contactless tag (Type 1-4, FeliCa)
    MIFARE_CLASSIC = "mifare_classic"  # contactless, UID only
    SIMULATED = "simulated"


@dataclass(frozen=True)
class DeviceEvent:
    device: str
    seq: int = field(default_factory=_next_seq, kw_only=True)
    at: float = field(default_factory=time.monotonic, kw_only=True)


@dataclass(frozen=True)
class BarcodeScanned(DeviceEvent):
    code: str
    symbology: str | None = None  # "EAN-13", "Code 128", ... where known
    aim_id: str | None = None  # the AIM symbology identifier as sent, e.g. "]E0"


@dataclass(frozen=True)
class CardPresented(DeviceEvent):
    media: Media
    card_number: str | None  # our card number where the card carries one
    uid: str | None = None  # chip/tag UID as upper-case hex
    reader: str = ""
    # Raw data only where allowed: never for bank cards (``bank_card`` True).
    raw: bytes | None = None
    bank_card: bool = False
    masked: str | None = None  # masked reference (bank cards): "622848******1234"
    detail: str = ""  # e.g. tag type "Type2Tag", "NTAG215"
    # the holder's record on a chip or tag (pos_app/core/chip.py), where it carries one
    holder: bytes | None = None

    def __repr__(self) -> str:  # keep raw bytes out of logs
        return (
            f"CardPresented(device={self.device!r}, media={self.media.value}, "
            f"card_number={'<set>' if self.card_number else None}, uid={self.uid!r}, "
            f"reader={self.reader!r}, bank_card={self.bank_card}, masked={self.masked!r}, "
            f"seq={self.seq})"
        )


@dataclass(frozen=True)
class CardRemoved(DeviceEvent):
    media: Media
    reader: str = ""


@dataclass(frozen=True)
class DeviceError(DeviceEvent):
    """A problem the cashier or technician should see; ``code`` is stable for the UI."""

    code: str  # "swipe_again", "card_pulled", "unplugged", "paper_out", "not_answering", ...
    message: str


@dataclass(frozen=True)
class HealthChanged(DeviceEvent):
    health: Health
    detail: str = ""


@dataclass(frozen=True)
class JobDone(DeviceEvent):
    job_id: str


# ---------------------------------------------------------------- output jobs


@dataclass(frozen=True)
class PrintJob:
    """A receipt or slip. ``ops`` is a list of simple operations (JSON-serialisable).

    Operations: ``["text", "line\\n"]``, ``["bold", true]``, ``["align", "center"]``,
    ``["size", 2, 2]``, ``["qr", "data"]``, ``["barcode", "6901234567892", "EAN13"]``,
    ``["feed", 3]``, ``["cut"]``, ``["drawer"]``.
    ``job_id`` is the idempotency key: the same id is printed at most once.
    """

    job_id: str
    ops: tuple[tuple[object, ...], ...]


@dataclass(frozen=True)
class KickDrawer:
    """Open the cash drawer now. A kick that cannot be done within ``KICK_VALID_FOR``
    seconds (printer offline) is dropped: a drawer must never open by itself later."""

    pin: int = 2
    at: float = field(default_factory=time.monotonic)


KICK_VALID_FOR = 5.0


@dataclass(frozen=True)
class ShowLines:
    """Two lines of up to 20 characters on the customer pole display."""

    line1: str
    line2: str = ""


@dataclass(frozen=True)
class ShowItem:
    name: str
    price: Decimal


@dataclass(frozen=True)
class ShowTotal:
    total: Decimal
    paid: Decimal | None = None
    change: Decimal | None = None


OutputJob = PrintJob | KickDrawer | ShowLines | ShowItem | ShowTotal
