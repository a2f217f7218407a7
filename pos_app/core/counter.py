"""Counter operations that move no money but must leave a trace: cancelling a whole
sale before payment (整单取消) with its reason, a supervisor's approval above
:data:`CANCEL_APPROVAL_ABOVE`; opening the cash drawer with no sale (a reason, audited).
Each is one audit row; nothing else is written."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy.orm import Session

from pos_app.core.errors import PosError
from pos_app.core.money import format_money, money
from pos_app.core.staff import Operator, audit, require
from pos_app.core.terminal import Terminal

# a cart worth more than this is cancelled only with a supervisor's approval
CANCEL_APPROVAL_ABOVE = Decimal("500.00")
MAX_REASON = 200


def cancel_action(total: Decimal) -> str:
    """The right cancelling a cart of ``total`` needs (see staff.PERMISSIONS)."""
    return "cancel_sale_large" if money(total) > CANCEL_APPROVAL_ABOVE else "cancel_sale"


def _reason(reason: str) -> str:
    text = " ".join(reason.split())
    if not text:
        raise PosError("counter.reason_needed")
    if len(text) > MAX_REASON:
        raise PosError("counter.reason_long", max=MAX_REASON)
    return text


def cancel_sale(
    t: Terminal,
    s: Session,
    lines: list[tuple[str, int]],
    total: Decimal,
    reason: str,
    who: Operator,
    approver: Operator | None = None,
    member_card: str | None = None,
) -> None:
    """Cancel the whole cart before payment: ``lines`` (code, qty) worth ``total``.
    Nothing was written for the cart, so the audit row is all that remains of it."""
    if not lines:
        raise PosError("counter.cancel_empty")
    why = _reason(reason)
    approved_by = require(who, cancel_action(total), approver)
    audit(
        s,
        t.now(),
        who,
        "cancel_sale",
        f"cart of {sum(q for _, q in lines)} items",
        {
            "total": str(money(total)),
            "reason": why,
            "lines": [[code, qty] for code, qty in lines],
            "member_card": bool(member_card),
            "approval_above": format_money(CANCEL_APPROVAL_ABOVE),
        },
        approved_by=approved_by,
    )


def open_drawer(t: Terminal, s: Session, reason: str, who: Operator) -> None:
    """Record that the drawer is opened with no sale (找零, a check of the float)."""
    why = _reason(reason)
    require(who, "no_sale", None)
    audit(s, t.now(), who, "no_sale", "cash drawer", {"reason": why})
