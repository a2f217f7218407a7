"""What to print for a job: reprints and the bytes of a job.

The durable spool (save before printing, resume after paper-out or a lost printer)
belongs to the devices layer's printer adapter; this module only says *what* to
print. A job is rendered from a document, and a supervisor's reprint is the same
document marked 重印 / REPRINT (never kicking the cash drawer), re-rendered from the
stored document (see :mod:`receipts.serialize`) rather than from stored bytes, so it
carries the reprint mark, time and supervisor.
"""

from __future__ import annotations

import dataclasses
from datetime import datetime

from .document import ReceiptDocument
from .escpos_render import render_escpos


def reprint(doc: ReceiptDocument, *, at: datetime | None = None, by: str = "") -> ReceiptDocument:
    """``doc`` marked as a reprint (重印 / REPRINT) at ``at`` by supervisor ``by``."""
    return dataclasses.replace(doc, reprint=True, reprinted_at=at, reprinted_by=by)


def print_job_bytes(doc: ReceiptDocument, width: int, *, qr_native: bool = True) -> bytes:
    """The ESC/POS bytes the spool should store and send for ``doc``."""
    return render_escpos(doc, width, qr_native=qr_native)
