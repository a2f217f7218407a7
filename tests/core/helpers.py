"""Small builders shared by the core tests."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy.orm import Session

from pos_app.core import members, sales, shifts, stored_value, tiers
from pos_app.core.staff import CONSOLE, Operator
from pos_app.core.tenders import TenderRequest
from pos_app.core.terminal import Terminal

CASHIER = Operator("1001", "cashier")
SUPERVISOR = Operator("2001", "supervisor")


def enroll(
    t: Terminal,
    phone: str = "13800138000",
    tier: str | None = None,
    topup: str | None = None,
    **kw: object,
) -> str:
    """Enroll a member (optionally in a tier, with stored value); return the card number."""
    with t.tx() as s:
        m = members.enroll(
            t,
            s,
            members.Enrollment(
                name=str(kw.pop("name", "王芳")),
                phone=phone,
                birthday=kw.pop("birthday", date(1990, 1, 1)),
                **kw,
            ),
            CONSOLE,
        )  # type: ignore[arg-type]
        if tier:
            tiers.set_tier(t, s, m, tier, CONSOLE, "test")
        card = members.main_card(s, m).card_no
        if topup:
            stored_value.topup(t, s, card, Decimal(topup), "cash", CONSOLE)
    return card


def sell(
    t: Terminal,
    items: list[tuple[str, int]],
    tenders: list[TenderRequest],
    card: str | None = None,
    coupon: str | None = None,
    who: Operator = CASHIER,
) -> sales.SaleOutcome:
    with t.tx() as s:
        return sales.make_sale(
            t,
            s,
            sales.SaleRequest(
                lines=[sales.LineRequest(c, q) for c, q in items],
                tenders=tenders,
                member_card=card,
                coupon=coupon,
            ),
            who,
        )


def member_state(t: Terminal, card: str) -> tuple[Decimal, Decimal, int]:
    """(principal, bonus, points) of the member holding ``card``."""
    with t.tx() as s:
        c = members.find_card(s, card, active_only=False)
        p, b = members.sv_balance(s, c)
        return p, b, members.points_balance(s, c.member)


def cash(amount: str | None = None) -> TenderRequest:
    return TenderRequest("cash", Decimal(amount) if amount else None)


def points(n: int) -> TenderRequest:
    return TenderRequest("points", points=n)


def sv(amount: str | None = None) -> TenderRequest:
    return TenderRequest("stored_value", Decimal(amount) if amount else None)


def open_till(t: Terminal, s: Session, cash_float: str = "500.00") -> None:
    """The day starts: a supervisor opens the shift with the float in the drawer (sales,
    refunds and top-ups need an open shift)."""
    shifts.open_shift(t, s, Decimal(cash_float), SUPERVISOR)
