"""Sales at another business time than now: a training sale, or a manager-approved late
entry. Nothing else may choose a sale's business time (the rights table,
:mod:`pos_app.core.rights`: ``training_sale``, ``late_entry``).

* A **training sale** is rung up, priced and paid exactly as a real one, inside a
  savepoint that is then rolled back: no journal, no receipt number, no coupon spent, no
  card limit or balance touched, nothing in the outbox (so never synced as money) and
  nothing in the X or Z report. What stays is a ``training_sale`` row in the audit log
  under its own number (``TRAIN-000001``), with the business time, total and items.
* A **late entry** is a real sale written now at an earlier business time (a sale rung
  up on paper while the terminal was down). It needs a manager (alone or approving), is
  marked on the sale (``late_entry_by``) and audited with who approved it; a time in
  the future is refused.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TypeVar

from sqlalchemy.orm import Session

from pos_app.core import rights
from pos_app.core.errors import PosError
from pos_app.core.ledger import next_counter
from pos_app.core.models import Sale
from pos_app.core.sales import SaleOutcome, SaleRequest, make_sale
from pos_app.core.staff import Operator, audit
from pos_app.core.terminal import Terminal

T = TypeVar("T")
CLOCK_SLACK = timedelta(minutes=5)  # a late entry's time may be this far ahead of now


def training_sale(
    t: Terminal,
    s: Session,
    req: SaleRequest,
    who: Operator,
    approver: Operator | None,
    show: Callable[[Session, SaleOutcome], T],
) -> tuple[str, T]:
    """Ring up ``req`` as training: ``show(s, outcome)`` runs while the sale exists (to
    build what the screen or command prints); then everything it wrote is rolled back
    and only the audit row stays. Returns the training number and what ``show`` gave."""
    rights.require(who, "training_sale", None)
    savepoint = s.begin_nested()
    try:
        out = make_sale(t, s, req, who, approver)
        shown = show(s, out)
        total, at = out.sale.total, out.sale.business_time
        items = [f"{ln.sku}*{ln.qty}" for ln in out.sale.lines]
    finally:
        savepoint.rollback()
    no = f"TRAIN-{next_counter(s, 'training'):06d}"
    audit(s, t.now(), who, "training_sale", no,
          {"business_time": at.isoformat(), "total": str(total), "items": items})
    return no, shown


def check_late_entry(t: Terminal, at: datetime, who: Operator,
                     approver: Operator | None) -> str:
    """A real sale at business time ``at``: the manager who allows it (``who`` or the
    approver). PosError for a time ahead of now."""
    if at > t.now() + CLOCK_SLACK:
        raise PosError("staff.late_entry_future", at=at.isoformat())
    approved = rights.require(who, "late_entry", approver)
    return approved or who.code


def mark_late_entry(t: Terminal, s: Session, sale: Sale, who: Operator, allowed_by: str) -> None:
    """Mark the sale (or refund) as a late entry and audit it with who allowed it."""
    sale.late_entry_by = allowed_by
    audit_late_entry(t, s, who, allowed_by, f"{sale.kind} {sale.sale_no}", sale.business_time)
    s.flush()


def audit_late_entry(t: Terminal, s: Session, who: Operator, allowed_by: str, subject: str,
                     business_time: datetime) -> None:
    """The audit row of a late entry (a sale, refund or top-up) naming who allowed it."""
    audit(s, t.now(), who, "late_entry", subject,
          {"business_time": business_time.isoformat(), "recorded_at": t.now().isoformat()},
          approved_by=allowed_by if allowed_by != who.code else None)
