"""The returns screen's operations: the sale found by its receipt number, the refund
previewed (the core's refund, rolled back) and done (see :mod:`pos_app.ui.operations`)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from pos_app.core import refunds, sales
from pos_app.core.errors import PosError
from pos_app.core.staff import Operator
from pos_app.core.terminal import Terminal
from pos_app.ui import printing
from pos_app.ui.i18n_util import _


@dataclass
class RefundView:
    refund_no: str
    total: Decimal
    tenders: list[tuple[str, Decimal, int]]  # kind, amount, points given back
    points_taken_back: int
    coupon_returned: bool


def _view(out: refunds.RefundOutcome) -> RefundView:
    return RefundView(
        out.refund.sale_no,
        out.refund.total,
        [(x.kind, x.amount, x.points) for x in out.tenders],
        out.points_taken_back,
        out.coupon_returned,
    )


def find_sale(t: Terminal, sale_no: str) -> dict[str, Any]:
    """The sale to return from: its time, total, tenders and lines (with what is already
    refunded); a refund's number is refused."""
    with t.read() as s:
        sale = sales.find_sale(s, sale_no)
        if sale.kind != "sale":
            raise PosError(_("%1 is a refund; give the original sale").replace("%1", sale_no))
        tz = t.program.timezone
        return {
            "sale_no": sale.sale_no,
            "time": f"{sale.business_time.astimezone(tz):%Y-%m-%d %H:%M}",
            "total": sale.total,
            "member": sale.member_id is not None,
            "tenders": [(x.kind, x.amount, x.points) for x in sale.tenders],
            "lines": [(ln.no, ln.name, ln.qty, ln.refunded_qty, ln.amount) for ln in sale.lines],
        }


def preview_refund(
    t: Terminal, who: Operator, sale_no: str, lines: list[tuple[int, int | None]]
) -> RefundView:
    """What the refund would give back, by the core's refund rolled back: the same figures,
    unwritten."""
    preview_op = Operator(who.code, "manager")
    with t.read() as s:
        try:
            return _view(refunds.refund(t, s, sale_no, lines, preview_op))
        finally:
            s.rollback()


def refund(
    t: Terminal,
    who: Operator,
    sale_no: str,
    lines: list[tuple[int, int | None]],
    approver: Operator | None,
) -> tuple[RefundView, printing.Printout, bool]:
    """Refund the lines, save the refund slip; what went back, the slip, and whether cash
    went back (the drawer opens)."""
    # receipts (PIL, qrcode) load on the database thread, not at app start
    from receipts.from_core import refund_document

    with t.tx() as s:
        out = refunds.refund(t, s, sale_no, lines, who, approver)
        view = _view(out)
        doc = printing.keep(t, s, refund_document(t, s, view.refund_no))
    cash = any(k == "cash" for k, _a, _p in view.tenders)
    return view, printing.render(t, doc), cash
