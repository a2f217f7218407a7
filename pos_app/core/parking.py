"""Parked carts (挂单 / 取单): a cart put aside while the customer fetches something, and
recalled later, at this terminal. Several may wait at once; each is kept in the ledger
file (so a restart or a log-out loses none) with when it was parked, by whom, the
member's card, the coupon and its lines, until it is recalled. Parking moves no money:
a parked cart is not a sale, and recalling it prices it afresh."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pos_app.core.errors import NotFound, PosError
from pos_app.core.models import ParkedCart, Staff
from pos_app.core.money import money
from pos_app.core.pii import mask_card
from pos_app.core.staff import Operator, audit
from pos_app.core.terminal import Terminal

MAX_PARKED = 20  # carts waiting at one terminal


@dataclass(frozen=True)
class ParkedLine:
    code: str
    qty: int
    override_price: Decimal | None = None
    manual_rate: Decimal | None = None


@dataclass(frozen=True)
class Parked:
    """A parked cart as the recall list shows it and the checkout rebuilds it."""

    id: int
    parked_at: datetime
    cashier: str
    member_card: str | None
    coupon: str | None
    lines: tuple[ParkedLine, ...]
    total: Decimal
    price_approver: str | None = None

    @property
    def items(self) -> int:
        return sum(ln.qty for ln in self.lines)

    @property
    def member_masked(self) -> str:
        return mask_card(self.member_card) if self.member_card else ""


def park(
    t: Terminal,
    s: Session,
    lines: list[ParkedLine],
    total: Decimal,
    who: Operator,
    *,
    member_card: str | None = None,
    coupon: str | None = None,
    price_approver: str | None = None,
) -> Parked:
    """Put a cart aside; PosError for an empty cart or when too many already wait."""
    if not lines:
        raise PosError("park.empty")
    waiting = s.scalar(select(func.count(ParkedCart.id))) or 0
    if waiting >= MAX_PARKED:
        raise PosError("park.too_many", waiting=waiting, max=MAX_PARKED)
    now = t.now()
    row = ParkedCart(
        parked_at=now,
        cashier=who.code,
        member_card=member_card,
        coupon=coupon,
        lines=json.dumps([[ln.code, ln.qty, _text(ln.override_price), _text(ln.manual_rate)]
                          for ln in lines]),
        total=money(total),
        price_approver=price_approver,
    )
    s.add(row)
    s.flush()
    audit(s, now, who, "park_cart", f"parked {row.id}",
          {"lines": len(lines), "total": str(row.total)})
    return _parked(row)


def waiting(s: Session) -> list[Parked]:
    """The parked carts, oldest first."""
    return [_parked(r) for r in s.scalars(select(ParkedCart).order_by(ParkedCart.id))]


def recall(t: Terminal, s: Session, parked_id: int, who: Operator) -> Parked:
    """Take a parked cart back (it is no longer parked)."""
    row = s.get(ParkedCart, parked_id)
    if row is None:
        raise NotFound("park.not_found", id=parked_id)
    out = _parked(row)
    s.delete(row)
    s.flush()
    audit(s, t.now(), who, "recall_cart", f"parked {parked_id}",
          {"parked_by": out.cashier, "total": str(out.total)})
    return out


def approver_of(s: Session, p: Parked) -> Operator | None:
    """The supervisor who approved the parked cart's price overrides, as they are now
    (None: none, or no longer active; the overrides then need approval again)."""
    if not p.price_approver:
        return None
    st = s.scalars(
        select(Staff).where(Staff.code == p.price_approver, Staff.active)
    ).first()
    return Operator(st.code, st.role) if st is not None else None


def _text(amount: Decimal | None) -> str | None:
    return str(amount) if amount is not None else None


def _number(text: str | None) -> Decimal | None:
    return Decimal(text) if text is not None else None


def _parked(row: ParkedCart) -> Parked:
    return Parked(
        id=row.id,
        parked_at=row.parked_at,
        cashier=row.cashier,
        member_card=row.member_card,
        coupon=row.coupon,
        lines=tuple(
            ParkedLine(code, int(qty), _number(price), _number(rate))
            for code, qty, price, rate in json.loads(row.lines)
        ),
        total=row.total,
        price_approver=row.price_approver,
    )
