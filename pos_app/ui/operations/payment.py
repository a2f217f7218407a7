"""The payment screen's operations: the sale completed, its receipt saved and rendered
(see :mod:`pos_app.ui.operations`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from pos_app.core import offline, performance, sales
from pos_app.core.members import find_card
from pos_app.core.staff import Operator
from pos_app.core.tenders import Room, stored_value_room
from pos_app.core.terminal import Terminal
from pos_app.ui import printing
from pos_app.ui.operations import members as members_ops


@dataclass
class SaleDone:
    sale_no: str
    total: Decimal
    change: Decimal
    points_earned: int
    tier_upgrade: str | None
    cash: bool
    printout: printing.Printout
    offline_credit: Decimal | None = None  # stored value spent while HQ was unreachable


def complete_sale(
    t: Terminal, who: Operator, req: sales.SaleRequest, approver: Operator | None
) -> SaleDone:
    """Ring up the sale and save its receipt in the same transaction; what the screens
    show after it and the receipt to print."""
    # receipts (PIL, qrcode) load on the database thread, not at app start
    from receipts.from_core import sale_document

    with t.tx() as s:
        out = sales.make_sale(t, s, req, who, approver)
        doc = printing.keep(t, s, sale_document(t, s, out.sale.sale_no))
        cash = any(x.kind == "cash" for x in out.sale.tenders)
        res = SaleDone(
            out.sale.sale_no,
            out.sale.total,
            out.change,
            out.points_earned,
            out.tier_upgrade,
            cash,
            printing.Printout("", b"", ""),
            offline.credit_of(s, out.sale.sale_no),
        )
    res.printout = printing.render(t, doc)
    return res


def stored_value_card(
    t: Terminal, identifier: str, at: datetime
) -> tuple[dict[str, Any], Room]:
    """The member card presented to pay by stored value, and the most it may pay of this
    sale (:func:`pos_app.core.tenders.stored_value_room`)."""
    m = members_ops.look_up(t, identifier, True)
    with t.read() as s:
        room = stored_value_room(t, s, find_card(s, m["card"]), at)
    return m, room


def assistants(t: Terminal) -> dict[str, str]:
    """The active staff a sale may be credited to (业绩归属): code -> name (masked)."""
    with t.read() as s:
        return performance.assistants(s)
