"""Receipts for the screens: documents from :mod:`receipts.from_core`, saved in the
business transaction (:func:`receipts.records.save_receipt`), rendered on the database
thread to ESC/POS bytes and text; the UI thread only hands them to the printer."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from pos_app.core.terminal import Terminal

if TYPE_CHECKING:
    from receipts import ReceiptDocument

# The receipts package (python-escpos, Pillow, qrcode) takes a third of a second to
# import: it is imported on the database thread, never on the way to the first screen.


@dataclass(frozen=True)
class Printout:
    receipt_no: str
    escpos: bytes
    text: str


def keep(t: Terminal, s: Session, doc: ReceiptDocument) -> ReceiptDocument:
    """Save ``doc`` in the caller's transaction (a sale's receipt is never missing)."""
    # receipts (PIL, qrcode) load on the database thread, not at app start
    from receipts.records import save_receipt

    save_receipt(s, doc, t.now())
    return doc


def render(t: Terminal, doc: ReceiptDocument, *, open_drawer: bool | None = None) -> Printout:
    # receipts (PIL, qrcode) load on the database thread, not at app start
    from receipts import render_escpos, render_text
    from receipts.from_core import load_store

    width = load_store(t).width
    return Printout(
        doc.receipt_no,
        render_escpos(doc, width, open_drawer=open_drawer),
        render_text(doc, width),
    )


def warm_up() -> None:
    """Import the receipts package and its ESC/POS renderer ahead of the first receipt
    (on the database thread)."""
    # on the database thread, so the app's start never waits for PIL and qrcode
    import receipts.escpos_render
    import receipts.from_core
    import receipts.records  # noqa: F401
