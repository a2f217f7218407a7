"""The shift screen's operations: the shift open now, open, X report, close with the Z
report (see :mod:`pos_app.ui.operations`)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from pos_app.core import shifts
from pos_app.core.staff import Operator
from pos_app.core.terminal import Terminal
from pos_app.ui import printing

if TYPE_CHECKING:
    from receipts import ReceiptDocument


@dataclass(frozen=True)
class OpenShift:
    shift_no: int
    opened_at: str  # local time, to the minute
    opened_by: str
    cash_float: Decimal


def open_shift_now(t: Terminal) -> OpenShift | None:
    """The shift open on this terminal, if any."""
    with t.read() as s:
        sh = shifts.current(s)
        if sh is None:
            return None
        at = f"{sh.opened_at.astimezone(t.program.timezone):%Y-%m-%d %H:%M}"
        return OpenShift(sh.shift_no, at, sh.opened_by, sh.cash_float)


def open_shift(t: Terminal, who: Operator, cash_float: Decimal, approver: Operator | None) -> int:
    """Open a shift with the cash float; its number."""
    with t.tx() as s:
        return shifts.open_shift(t, s, cash_float, who, approver).shift_no


def x_report(t: Terminal, who: Operator) -> printing.Printout:
    """The X report of the open shift, to print (nothing is saved)."""
    with t.read() as s:
        doc = shift_document(t, s, shifts.x_report(s), who.code)
    return printing.render(t, doc, open_drawer=False)


def close_shift(
    t: Terminal, who: Operator, counted: Decimal, approver: Operator | None
) -> tuple[shifts.ShiftFigures, printing.Printout]:
    """Close the shift with the cash counted; its figures and the Z report, saved."""
    with t.tx() as s:
        f = shifts.close_shift(t, s, counted, who, approver)
        doc = printing.keep(t, s, shift_document(t, s, f, who.code))
    return f, printing.render(t, doc, open_drawer=False)


def shift_document(
    t: Terminal, s: Session, f: shifts.ShiftFigures, cashier: str
) -> ReceiptDocument:
    """The X or Z report as a receipts document, from the core's shift figures."""
    # receipts (PIL, qrcode) load on the database thread, not at app start
    from receipts import Kind, ReceiptDocument, ShiftReport, TenderKind, TenderTotal
    from receipts.from_core import load_store, staff_label

    z = f.status == "closed"
    store = load_store(t)
    tz = t.program.timezone
    report = ShiftReport(
        shift_no=str(f.shift_no),
        opened_at=f.opened_at.astimezone(tz),
        sales_count=f.sales_count,
        sales_amount=f.sales_total,
        refunds_count=f.refunds_count,
        refunds_amount=f.refunds_total,
        net_amount=f.net_sales,
        discount_total=f.discount_total,
        tender_totals=tuple(
            TenderTotal(TenderKind(k), f.tender_counts.get(k, 0), v) for k, v in f.tenders.items()
        ),
        opening_float=f.cash_float,
        cash_expected=f.expected_cash,
        member_sales_amount=f.member_sales_total,
        topup_count=f.topups_count,
        topup_principal=f.topups_total,
        topup_bonus=f.topup_bonus_given,
        points_earned=max(0, f.points_earned),
        points_redeemed=max(0, f.points_redeemed),
        members_enrolled=f.members_enrolled,
        card_sale_count=f.card_sales_count,
        card_sale_amount=f.card_sales_total,
        card_return_count=f.card_returns_count,
        card_return_amount=f.card_returns_total,
        card_tender_totals=tuple(
            TenderTotal(TenderKind(k), f.card_tender_counts.get(k, 0), v)
            for k, v in f.card_tenders.items()
        ),
        closed_at=f.closed_at.astimezone(tz) if z and f.closed_at else None,
        z_number=f.shift_no if z else None,
        cash_counted=f.counted_cash if z else None,
        cash_difference=f.difference if z else None,
    )
    now = t.now()
    return ReceiptDocument(
        kind=Kind.Z_REPORT if z else Kind.X_REPORT,
        store=store.info,
        receipt_no=f"SHIFT{f.shift_no:04d}-{'Z' if z else 'X'}{now:%H%M%S}",
        business_time=now,
        cashier=staff_label(s, cashier),
        language=store.language,
        shift=report,
    )
