"""Saved documents: every printed receipt or slip is stored as exact JSON
(:mod:`receipts.serialize`) in the core's ``receipt_records`` table, in the same
transaction as the business it records, so it can be shown and reprinted by number."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from pos_app.core.errors import NotFound, PosError
from pos_app.core.models import ReceiptRecord
from pos_app.core.staff import Operator, audit

from .document import ReceiptDocument
from .serialize import from_json, to_json


def save_receipt(session: Session, doc: ReceiptDocument, at: datetime | None = None
                 ) -> ReceiptRecord:
    """Store ``doc`` in the caller's transaction. A receipt number is saved once."""
    taken = session.scalars(
        select(ReceiptRecord.id).where(ReceiptRecord.receipt_no == doc.receipt_no)
    ).first()
    if taken is not None:
        raise PosError("receipt.already_saved", receipt=doc.receipt_no)
    row = ReceiptRecord(
        receipt_no=doc.receipt_no,
        kind=doc.kind.value,
        created_at=at or datetime.now(UTC),
        document=to_json(doc),
    )
    session.add(row)
    session.flush()
    return row


def load_receipt(session: Session, receipt_no: str) -> ReceiptDocument:
    """The saved document of ``receipt_no`` (NotFound naming the number)."""
    row = session.scalars(
        select(ReceiptRecord).where(ReceiptRecord.receipt_no == receipt_no.strip())
        .order_by(ReceiptRecord.id.desc())
    ).first()
    if row is None:
        raise NotFound("receipt.not_saved", receipt=receipt_no.strip())
    return from_json(row.document)


def last_receipt_no(session: Session, kinds: tuple[str, ...] = ("sale", "refund", "topup")
                    ) -> str:
    """The number of the last receipt of ``kinds`` saved on this terminal (the one a
    cashier means by 'reprint the last receipt'); NotFound when there is none yet."""
    no = session.scalars(
        select(ReceiptRecord.receipt_no).where(ReceiptRecord.kind.in_(kinds))
        .order_by(ReceiptRecord.id.desc())
    ).first()
    if no is None:
        raise NotFound("no receipt has been printed on this terminal yet")
    return no


def reprint_saved(session: Session, receipt_no: str, at: datetime, who: Operator,
                  approved_by: str | None, detail: dict[str, object] | None = None
                  ) -> ReceiptDocument:
    """A saved receipt marked 重印 / REPRINT at ``at`` by the approving supervisor (or
    ``who`` where their role suffices), with an audit row naming both."""
    # the renderers behind from_core and jobs (PIL, qrcode) load only when a reprint is
    # asked, on the database thread; records itself is imported by every sale
    from .from_core import staff_label
    from .jobs import reprint

    doc = load_receipt(session, receipt_no)
    copy = reprint(doc, at=at, by=staff_label(session, approved_by or who.code))
    audit(session, at, who, "reprint", f"receipt {copy.receipt_no}",
          {"kind": copy.kind.value, **(detail or {})}, approved_by=approved_by)
    return copy
