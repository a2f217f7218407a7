"""The staff report screen's operations: the per-staff figures for a day or a month
(see :mod:`pos_app.ui.operations`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from pos_app.core import performance
from pos_app.core.money import ZERO
from pos_app.core.staff import Operator
from pos_app.core.terminal import Terminal


@dataclass(frozen=True)
class StaffReport:
    start: date
    end: date
    kind: str  # "day" or "month"
    rows: tuple[performance.StaffFigures, ...]  # by sales, highest first
    total: performance.StaffFigures  # the sums of the rows (staff and name empty)


def today(t: Terminal) -> date:
    """The business day now, the report's first choice."""
    return t.program.business_day(t.now())


def staff_report(t: Terminal, who: Operator, day: date, month: bool) -> StaffReport:
    """Each staff member's figures for ``day``, or for its month when ``month``
    (the core checks ``who`` may read them)."""
    start, end, kind = performance.period(f"{day:%Y-%m}" if month else day.isoformat())
    with t.read() as s:
        rows = tuple(performance.report(t, s, start, end, who))
    return StaffReport(start, end, kind, rows, totals(rows))


def totals(rows: tuple[performance.StaffFigures, ...]) -> performance.StaffFigures:
    """The store's line: every figure summed (the VIP share of the summed sales)."""
    def add(field: str) -> Decimal:
        return sum((getattr(r, field) for r in rows), ZERO)

    return performance.StaffFigures(
        "", "", sales=add("sales"), orders=sum(r.orders for r in rows),
        vip_sales=add("vip_sales"), enrollments=sum(r.enrollments for r in rows),
        commission=add("commission"), not_credited=sum(r.not_credited for r in rows),
        not_credited_amount=add("not_credited_amount"))
