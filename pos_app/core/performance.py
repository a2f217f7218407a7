"""Staff performance (业绩): each sale credited to the shop assistant who served (else the
cashier who rang it up), and the per-staff figures stores compare assistants by: sales,
orders, VIP share, enrollments and card-sale commission, for a day or a month.

A non-member sale at or above ``[performance] offer_membership_above`` asks whether
membership was offered (``Sale.membership_offered``); where it was not, the sale is not
credited to anyone (counted apart as ``not_credited``), as the program's rules say.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from pos_app.core.errors import PosError
from pos_app.core.models import AuditEntry, Sale, Staff, StaffCommission
from pos_app.core.money import ZERO
from pos_app.core.program import Program
from pos_app.core.staff import Operator, require
from pos_app.core.terminal import Terminal

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MONTH = re.compile(r"^\d{4}-\d{2}$")


@dataclass
class StaffFigures:
    staff: str
    name: str
    sales: Decimal = ZERO  # net of refunds
    orders: int = 0  # sales less whole refunds are not netted: orders are sales rung up
    vip_sales: Decimal = ZERO
    enrollments: int = 0
    commission: Decimal = ZERO
    not_credited: int = 0  # qualifying non-member sales where membership was not offered
    not_credited_amount: Decimal = ZERO

    @property
    def vip_share(self) -> Decimal:
        """VIP sales / sales (0 with no sales), to 0.0001."""
        if self.sales <= 0:
            return Decimal("0.0000")
        return (self.vip_sales / self.sales).quantize(Decimal("0.0001"))

    def as_dict(self) -> dict[str, object]:
        return {"staff": self.staff, "name": self.name, "sales": str(self.sales),
                "orders": self.orders, "vip_sales": str(self.vip_sales),
                "vip_share": str(self.vip_share), "enrollments": self.enrollments,
                "commission": str(self.commission), "not_credited": self.not_credited,
                "not_credited_amount": str(self.not_credited_amount)}


def period(text: str) -> tuple[date, date, str]:
    """``YYYY-MM-DD`` (a day) or ``YYYY-MM`` (a month): first and last business day."""
    text = text.strip()
    try:
        if _DAY.match(text):
            d = date.fromisoformat(text)
            return d, d, "day"
        if _MONTH.match(text):
            y, m = int(text[:4]), int(text[5:])
            return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1]), "month"
    except ValueError:
        pass
    code = "performance.bad_month" if len(text) <= 7 else "performance.bad_day"
    raise PosError(code, month=text, day=text)


def offer_of(program: Program, sale: Sale) -> dict[str, bool]:
    """What the sale's event says of the offer: for a qualifying sale, whether
    membership was offered (HQ credits by it); nothing for any other sale."""
    if not qualifies(program, sale):
        return {}
    return {"membership_offered": sale.membership_offered is True}


def qualifies(program: Program, sale: Sale) -> bool:
    """A non-member sale at or above the program's threshold: membership should have
    been offered."""
    above = program.performance.offer_membership_above
    return sale.kind == "sale" and sale.member_id is None and above is not None and (
        sale.total >= above)


def credited(program: Program, sale: Sale) -> bool:
    return not (qualifies(program, sale) and sale.membership_offered is not True)


def report(t: Terminal, s: Session, start: date, end: date, who: Operator
           ) -> list[StaffFigures]:
    """Every staff member's figures for business days ``start`` to ``end``, by
    sales, highest first."""
    require(who, "staff_report", None)
    prog = t.program
    lo, hi = prog.day_start(start), prog.day_start(end + timedelta(days=1))
    names = {code: name for code, name in s.execute(select(Staff.code, Staff.name))}
    out: dict[str, StaffFigures] = {}

    def row(code: str) -> StaffFigures:
        if code not in out:
            out[code] = StaffFigures(code, names.get(code, ""))
        return out[code]

    for sale in s.scalars(select(Sale).where(Sale.business_time >= lo,
                                             Sale.business_time < hi)):
        f = row(sale.credited_staff or sale.cashier)
        # a refund follows its sale: not credited where the sale was not
        judged = s.get(Sale, sale.original_id) if sale.original_id else sale
        if not credited(prog, judged or sale):
            if sale.kind == "sale":
                f.not_credited += 1
                f.not_credited_amount += sale.total
            continue
        sign = 1 if sale.kind == "sale" else -1
        f.sales += sign * sale.total
        f.orders += 1 if sale.kind == "sale" else 0
        if sale.member_id is not None:
            f.vip_sales += sign * sale.total
    for a in s.scalars(select(AuditEntry).where(AuditEntry.action == "enroll",
                                                AuditEntry.at >= lo, AuditEntry.at < hi)):
        row(a.staff).enrollments += 1
    for c in s.scalars(select(StaffCommission).where(StaffCommission.at >= lo,
                                                     StaffCommission.at < hi)):
        row(c.staff).commission += c.amount
    return sorted(out.values(), key=lambda f: (-f.sales, f.staff))


def record_commission(s: Session, staff: str, amount: Decimal, kind: str, ref: str,
                      at: datetime) -> StaffCommission:
    """Commission credited to ``staff`` (a card sold at a discount: ``kind`` card_sale,
    ``ref`` the card or receipt number); the per-staff report sums it."""
    c = StaffCommission(staff=staff, amount=amount, kind=kind, ref=ref[:40], at=at)
    s.add(c)
    s.flush()
    return c


def assistants(s: Session) -> dict[str, str]:
    """The active staff a sale may be credited to, by code: the list the payment screen
    offers (a badge scan types the code)."""
    return {code: name for code, name in s.execute(
        select(Staff.code, Staff.name).where(Staff.active).order_by(Staff.code))}
