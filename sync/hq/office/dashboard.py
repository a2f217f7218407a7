"""The dashboard's figures for a month and a scope (the chain, one franchisee or one
store), from the per store and day figures and the member figures per store and month
(``sync.hq.figures``): totals, one row per day, and one row per franchisee (chain) or
per store (franchisee) to drill down into."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sync.hq.figures import DAY_COLUMNS, MONTH_COLUMNS, month_bounds, month_rows
from sync.hq.models import HqStoreDay

CENT = Decimal("0.01")


def yuan(cents: int | Decimal) -> Decimal:
    return (Decimal(cents) / 100).quantize(CENT)


def ratio(a: int, b: int) -> Decimal | None:
    return (Decimal(a) / Decimal(b)).quantize(Decimal("0.0001")) if b else None


@dataclass
class Figures:
    """Cents and counts as added up; the derived figures as properties."""

    key: str = ""
    day: dict[str, int] = field(default_factory=lambda: dict.fromkeys(DAY_COLUMNS, 0))
    month: dict[str, int] = field(default_factory=lambda: dict.fromkeys(MONTH_COLUMNS, 0))
    outstanding_principal: int = 0
    outstanding_bonus: int = 0

    def add_day(self, row: Any) -> None:
        for c in DAY_COLUMNS:
            self.day[c] += int(getattr(row, c) or 0)

    def add_month(self, row: Any) -> None:
        for c in MONTH_COLUMNS:
            self.month[c] += int(getattr(row, c) or 0)

    def as_dict(self) -> dict[str, Any]:
        d, m = self.day, self.month
        return {
            "key": self.key,
            "sales": yuan(d["sales"]), "orders": d["orders"],
            "average_ticket": yuan(Decimal(d["sales"]) / d["orders"]) if d["orders"] else None,
            "vip_sales": yuan(d["vip_sales"]), "vip_orders": d["vip_orders"],
            "vip_share": ratio(d["vip_sales"], d["sales"]),
            "new_vips": d["new_vips"],
            "vip_count": m["vip_count"],
            "frequency": ratio(d["vip_orders"], m["vip_count"]),
            "members": m["members"],
            "repurchase": ratio(m["returning_quarter"], m["new_quarter"]),
            "new_quarter": m["new_quarter"], "returning_quarter": m["returning_quarter"],
            "dormant_3m": m["dormant_3m"], "dormant_6m": m["dormant_6m"],
            "pyramid": {"A": m["pyramid_a"], "B": m["pyramid_b"], "C": m["pyramid_c"],
                        "D": m["pyramid_d"]},
            "points_issued": d["points_issued"], "points_redeemed": d["points_redeemed"],
            "points_expired": d["points_expired"],
            "sv_sold_principal": yuan(d["sv_sold_principal"]),
            "sv_sold_bonus": yuan(d["sv_sold_bonus"]),
            "sv_spent_principal": yuan(d["sv_spent_principal"]),
            "sv_spent_bonus": yuan(d["sv_spent_bonus"]),
            "sv_outstanding_principal": yuan(self.outstanding_principal),
            "sv_outstanding_bonus": yuan(self.outstanding_bonus),
        }


def dashboard(s: Session, month: str, stores: list[str], directory: dict[str, str],
              *, all_stores: bool, group: str, compute: bool = True) -> dict[str, Any]:
    """Figures of ``stores`` (``all_stores``: the whole chain, no store filter) for
    ``month``; ``group`` is "franchisee" or "store" (the drill-down rows).
    ``compute=False``: member figures as they are (read from a replica)."""
    start, end = month_bounds(month)
    cols = [func.sum(getattr(HqStoreDay, c)).label(c) for c in DAY_COLUMNS]

    def scoped(q: Any) -> Any:
        return q if all_stores else q.where(HqStoreDay.store.in_(stores))

    in_month = (HqStoreDay.day >= start.isoformat(), HqStoreDay.day <= end.isoformat())
    total = Figures("total")
    days: dict[str, Figures] = {}
    for row in s.execute(scoped(select(HqStoreDay.day, *cols).where(*in_month)
                                .group_by(HqStoreDay.day))):
        days.setdefault(row.day, Figures(row.day)).add_day(row)
        total.add_day(row)
    gcol = HqStoreDay.franchisee if group == "franchisee" else HqStoreDay.store
    groups: dict[str, Figures] = {}
    for row in s.execute(scoped(select(gcol.label("g"), *cols).where(*in_month)
                                .group_by(gcol))):
        groups.setdefault(row.g, Figures(row.g)).add_day(row)
    # stored value outstanding at the month's end: sold minus spent, all days so far
    out = scoped(select(gcol.label("g"),
                        func.sum(HqStoreDay.sv_sold_principal - HqStoreDay.sv_spent_principal),
                        func.sum(HqStoreDay.sv_sold_bonus - HqStoreDay.sv_spent_bonus))
                 .where(HqStoreDay.day <= end.isoformat()).group_by(gcol))
    for g, p, b in s.execute(out):
        f = groups.setdefault(g, Figures(g))
        f.outstanding_principal, f.outstanding_bonus = int(p or 0), int(b or 0)
        total.outstanding_principal += int(p or 0)
        total.outstanding_bonus += int(b or 0)
    mrows, stale = month_rows(s, month, stores, compute)
    oldest = min((r.computed_at for r in mrows.values() if r.stale), default=None)
    for st, mrow in mrows.items():
        total.add_month(mrow)
        g = directory.get(st, "") if group == "franchisee" else st
        groups.setdefault(g, Figures(g)).add_month(mrow)
    return {
        "month": month,
        "total": total.as_dict(),
        "days": [days[d].as_dict() if d in days else Figures(d).as_dict()
                 for d in _days(start, end)],
        "groups": [groups[g].as_dict() for g in sorted(groups)],
        "group": group,
        "stale": stale, "stale_since": oldest,
    }


def _days(start: Any, end: Any) -> list[str]:
    from datetime import timedelta

    out, d = [], start
    while d <= end:
        out.append(d.isoformat())
        d += timedelta(days=1)
    return out
