"""Saved documents: every printed receipt or slip is stored as exact JSON
(:mod:`receipts.serialize`) in the core's ``receipt_records`` table, in the same
transaction as the business it records, so it can be shown and reprinted by number."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from pos_app.core.errors import NotFound, PosError
from pos_app.core.models import ReceiptRecord

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
