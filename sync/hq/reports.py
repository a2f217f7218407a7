"""HQ reports from what HQ has applied: daily sales and VIP figures per store (JSON, CSV).

Per store and day: sales (net of refunds), orders, average ticket (客单价 = sales /
orders), VIP count (members who bought that day), VIP sales share, purchase frequency
(VIP orders / VIP count). As of the day, for members enrolled at the store: dormant
cards (no purchase in 3 months, lost after 6), repurchase rate (members enrolled in the
quarter with purchases on two or more days / members enrolled in the quarter) and the
A-D customer pyramid by the last 12 months' spend (A: top 5%, B: next 15%, C: next 30%,
D: the rest, members with no spend counted in D)."""

from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from sync.hq import days
from sync.hq.amounts import to_cents
from sync.hq.figures import pyramid_sizes
from sync.hq.models import HqEvent, HqGiftStock, HqMember, HqSale


def _yuan(c: int | Decimal) -> str:
    return f"{(Decimal(c) / 100).quantize(Decimal('0.01'))}"


def _ratio(a: int, b: int) -> str:
    return f"{(Decimal(a) / Decimal(b)).quantize(Decimal('0.0001'))}" if b else "0.0000"


def daily(s: Session, day: date) -> dict[str, Any]:
    d = day.isoformat()
    year_ago = (day - timedelta(days=365)).isoformat()
    q_start = date(day.year, 3 * ((day.month - 1) // 3) + 1, 1).isoformat()
    rows = s.execute(
        select(HqSale.store, HqSale.kind, HqSale.business_date, HqSale.member_uid,
               HqSale.total_cents).where(HqSale.business_date > year_ago,
                                         HqSale.business_date <= d)
    ).all()
    members = s.execute(select(HqMember.uid, HqMember.store, HqMember.enrolled_at)).all()
    last_buy: dict[str, str] = {}
    spend12: dict[str, int] = defaultdict(int)
    days_q: dict[str, set[str]] = defaultdict(set)
    per_store: dict[str, dict[str, Any]] = defaultdict(
        lambda: {"sales": 0, "orders": 0, "vip_sales": 0, "vip_orders": 0, "vips": set()}
    )
    for store, kind, bdate, uid, cents in rows:
        if uid:
            spend12[uid] += cents
            if kind == "sale":
                last_buy[uid] = max(last_buy.get(uid, ""), bdate)
                if bdate >= q_start:
                    days_q[uid].add(bdate)
        if bdate != d:
            continue
        st = per_store[store]
        st["sales"] += cents
        if kind == "sale":
            st["orders"] += 1
        if uid:
            st["vip_sales"] += cents
            if kind == "sale":
                st["vip_orders"] += 1
                st["vips"].add(uid)
    home: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for uid, store, enrolled in members:
        home[store].append((uid, days.business_date(enrolled)))
    d3 = (day - timedelta(days=91)).isoformat()
    d6 = (day - timedelta(days=182)).isoformat()
    out = []
    for store in sorted(set(per_store) | set(home)):
        st = per_store[store]
        mem = home.get(store, [])
        dormant3 = sum(1 for uid, _ in mem if last_buy.get(uid, "") < d3)
        dormant6 = sum(1 for uid, _ in mem if last_buy.get(uid, "") < d6)
        new_q = [uid for uid, enrolled in mem if q_start <= enrolled <= d]
        returning = sum(1 for uid in new_q if len(days_q.get(uid, ())) >= 2)
        ranked = sorted((spend12.get(uid, 0) for uid, _ in mem), reverse=True)
        n = len(ranked)
        a, b, c = pyramid_sizes(n)
        pyramid = {"A": a, "B": b - a, "C": c - b, "D": n - c}
        out.append(
            {
                "store": store,
                "date": d,
                "sales": _yuan(st["sales"]),
                "orders": st["orders"],
                "average_ticket": _yuan(Decimal(st["sales"]) / st["orders"])
                if st["orders"]
                else "0.00",
                "vip_count": len(st["vips"]),
                "vip_sales": _yuan(st["vip_sales"]),
                "vip_sales_share": _ratio(st["vip_sales"], st["sales"]),
                "purchase_frequency": _ratio(st["vip_orders"], len(st["vips"])),
                "members": n,
                "new_members_quarter": len(new_q),
                "repurchase_rate": _ratio(returning, len(new_q)),
                "dormant_3m": dormant3,
                "dormant_6m": dormant6,
                "pyramid": pyramid,
            }
        )
    return {"date": d, "stores": out}


COLUMNS = ["store", "date", "sales", "orders", "average_ticket", "vip_count", "vip_sales",
           "vip_sales_share", "purchase_frequency", "members", "new_members_quarter",
           "repurchase_rate", "dormant_3m", "dormant_6m"]


def to_csv(report: dict[str, Any]) -> str:
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow([*COLUMNS, "pyramid_A", "pyramid_B", "pyramid_C", "pyramid_D"])
    for r in report["stores"]:
        w.writerow([r[c] for c in COLUMNS] + [r["pyramid"][k] for k in "ABCD"])
    return out.getvalue()


def gift_stock(s: Session, store: str | None = None) -> list[dict[str, Any]]:
    """Each store's stock of each gift: on hand and given out (for points or with a
    purchase), by store then gift."""
    q = select(HqGiftStock).order_by(HqGiftStock.store, HqGiftStock.gift)
    if store:
        q = q.where(HqGiftStock.store == store)
    return [{"store": r.store, "franchisee": r.franchisee, "gift": r.gift,
             "on_hand": r.on_hand, "given": r.given, "updated_at": r.updated_at}
            for r in s.scalars(q)]


def _events(s: Session, kind: str, start: date, end: date,
            store: str | None) -> list[tuple[str, dict[str, Any]]]:
    """(store, payload) of each applied event of ``kind`` in business days ``start`` to
    ``end`` (its business day as HQ dates sales: the event's local date)."""
    lo, hi = (start - timedelta(days=1)).isoformat(), (end + timedelta(days=2)).isoformat()
    q = select(HqEvent.store, HqEvent.business_time, HqEvent.payload).where(
        HqEvent.kind == kind, HqEvent.status == "applied",
        HqEvent.business_time >= lo, HqEvent.business_time < hi)
    if store:
        q = q.where(HqEvent.store == store)
    return [(st, json.loads(payload)) for st, at, payload in s.execute(q)
            if start.isoformat() <= days.business_date(at) <= end.isoformat()]


def _staff_row(rows: dict[tuple[str, str], dict[str, Any]], store: str,
               who: str) -> dict[str, Any]:
    return rows.setdefault((store, who), {"store": store, "staff": who, "sales": 0,
                                          "orders": 0, "vip_sales": 0, "enrollments": 0,
                                          "commission": 0, "not_credited": 0})


def staff(s: Session, start: date, end: date, store: str | None = None) -> dict[str, Any]:
    """Per store and staff member, business days ``start`` to ``end``: net sales, orders,
    VIP sales and share, credited to the assistant (else the cashier); a qualifying
    non-member sale where membership was not offered is not credited (counted apart);
    members enrolled; commission on cards sold (event ``card_sale``, to its seller), less
    that of cards returned (``card_refund``, on the day of the return)."""
    q = select(HqSale).where(HqSale.business_date >= start.isoformat(),
                             HqSale.business_date <= end.isoformat())
    if store:
        q = q.where(HqSale.store == store)
    rows: dict[tuple[str, str], dict[str, Any]] = {}
    for r in s.scalars(q):
        who = r.credited_staff or r.cashier or ""
        f = _staff_row(rows, r.store, who)
        if r.membership_offered is False:
            f["not_credited"] += 1
            continue
        f["sales"] += r.total_cents
        f["orders"] += 1 if r.kind == "sale" else 0
        if r.member_uid:
            f["vip_sales"] += r.total_cents
    for store_of, p in _events(s, "member_enrolled", start, end, store):
        if p.get("enrolled_by"):
            _staff_row(rows, store_of, p["enrolled_by"])["enrollments"] += 1
    for kind, sign in (("card_sale", 1), ("card_refund", -1)):
        for store_of, p in _events(s, kind, start, end, store):
            if to_cents(p.get("commission") or 0):
                f = _staff_row(rows, store_of, p["seller"])
                f["commission"] += sign * to_cents(p["commission"])
    out = []
    for f in sorted(rows.values(), key=lambda x: (x["store"], -x["sales"], x["staff"])):
        share = (Decimal(f["vip_sales"]) / f["sales"]).quantize(Decimal("0.0001")) if (
            f["sales"] > 0) else Decimal("0.0000")
        out.append({**f, "sales": _yuan(f["sales"]), "vip_sales": _yuan(f["vip_sales"]),
                    "vip_share": str(share), "commission": _yuan(f["commission"])})
    return {"period": {"start": start.isoformat(), "end": end.isoformat()}, "staff": out}
