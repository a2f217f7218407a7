"""The figures HQ keeps per store and day as events are applied (hq_store_days,
hq_member_days), the member figures per store and month computed from them
(hq_store_months), and settlement months (which month's statement takes an item).

Per store and day (in the apply's transaction, by delta): sales net of refunds, orders,
VIP sales and orders, new VIPs, points issued/redeemed/expired, stored value sold and
spent (principal and bonus), all in cents or points. Per member, store and day: what
the member spent and how many orders.

Per store and month, as of the month's last day (``refresh``; rows are marked stale
when an event for one of the store's members or for the store itself arrives later):
members enrolled at the store, VIP count (members who bought at the store that month),
members enrolled in the quarter and those of them who bought on two or more days
(repurchase), dormant cards (no purchase in 91 days; lost after 182) and the A-D pyramid
(the store's members by the last 365 days' spend: top 5 %, next 15 %, next 30 %, rest;
members with no spend rank last)."""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from typing import Any

from sqlalchemy import Table, bindparam, or_, select, text, update
from sqlalchemy.orm import Session

from sync.hq.amounts import to_cents
from sync.hq.models import HqMember, HqMemberDay, HqMonth, HqStoreDay, HqStoreMonth

DAY_COLUMNS = ("sales", "orders", "vip_sales", "vip_orders", "new_vips", "points_issued",
               "points_redeemed", "points_expired", "sv_sold_principal", "sv_sold_bonus",
               "sv_spent_principal", "sv_spent_bonus")
MONTH_COLUMNS = ("members", "vip_count", "new_quarter", "returning_quarter", "dormant_3m",
                 "dormant_6m", "pyramid_a", "pyramid_b", "pyramid_c", "pyramid_d")


@lru_cache(maxsize=64)
def upsert_statement(dialect: str, table: Table, keys: tuple[str, ...],
                     add: tuple[str, ...]) -> Any:
    """INSERT into ``table``, or add the new values of ``add`` to the row already there
    (keyed by ``keys``); made once per table and dialect, not per batch (building the
    statement cost more CPU than sending it)."""
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as dialect_insert
    else:
        from sqlalchemy.dialects.sqlite import insert as dialect_insert  # type: ignore[assignment]
    q = dialect_insert(table)
    return q.on_conflict_do_update(index_elements=list(keys),
                                   set_={c: table.c[c] + q.excluded[c] for c in add})


def _upsert(s: Session, table: Table, rows: list[dict[str, Any]], keys: list[str],
            add: list[str]) -> None:
    """Insert rows, or add their values to the row already there (one statement)."""
    if not rows:
        return
    q = upsert_statement(s.get_bind().dialect.name, table, tuple(keys), tuple(add))
    s.connection().execute(q, rows)


class DayFigures:
    """What one batch adds to its store's days and its members' days."""

    def __init__(self, store: str, franchisee: str) -> None:
        self.store = store
        self.franchisee = franchisee
        self.days: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(DAY_COLUMNS, 0))
        self.members: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])

    def add(self, kind: str, payload: dict[str, Any], day: str) -> None:
        d = self.days[day]
        if kind in ("sale", "refund"):
            sale = kind == "sale"
            total = to_cents(payload["total"]) * (1 if sale else -1)
            d["sales"] += total
            d["orders"] += sale
            uid = payload.get("member")
            if uid:
                d["vip_sales"] += total
                d["vip_orders"] += sale
                m = self.members[(uid, day)]
                m[0] += total
                m[1] += sale
        elif kind == "member_enrolled":
            d["new_vips"] += 1
        for code, amount, _unit in payload.get("entries", []):
            code, amount = str(code), int(amount)
            if code.startswith("sv:card:"):
                part = code.rsplit(":", 1)[-1]
                if kind == "topup":
                    d[f"sv_sold_{part}"] -= amount  # a credit to the card: sold
                elif kind in ("sale", "refund"):
                    d[f"sv_spent_{part}"] += amount  # a debit: spent (a refund gives back)
            elif code == "points:issued":
                d["points_issued"] += amount
            elif code == "points:redeemed":
                d["points_redeemed"] -= amount
            elif code == "points:expired":
                d["points_expired"] -= amount

    def write(self, s: Session) -> None:
        self.add_rows(s)
        self.mark_stale(s)

    def _touched(self) -> list[str]:
        return sorted(day for day, v in self.days.items() if any(v.values()))

    def add_rows(self, s: Session) -> None:
        """The batch's figures added to its days' rows (writes only: they may go out in
        the batch's pipeline)."""
        touched = self._touched()
        days = [{"store": self.store, "day": day, "franchisee": self.franchisee,
                 **self.days[day]} for day in touched]
        _upsert(s, HqStoreDay.__table__, days, ["store", "day"],  # type: ignore[arg-type]
                list(DAY_COLUMNS))
        members = [{"member": uid, "day": day, "store": self.store, "cents": v[0],
                    "orders": v[1]} for (uid, day), v in sorted(self.members.items())]
        _upsert(s, HqMemberDay.__table__, members,  # type: ignore[arg-type]
                ["member", "day", "store"], ["cents", "orders"])

    def mark_stale(self, s: Session) -> None:
        """The member figures of the months from the batch's first day on, of its store
        and its members' home stores, to be computed again (one UPDATE, the home stores
        read inside it: a write only, it may go out in the batch's pipeline)."""
        touched = self._touched()
        if touched:
            months: Table = HqStoreMonth.__table__  # type: ignore[assignment]
            uids = sorted({uid for uid, _ in self.members})
            stores = months.c.store == self.store
            if uids:
                homes = select(HqMember.store).where(HqMember.uid.in_(uids))
                stores = or_(stores, months.c.store.in_(homes))
            s.connection().execute(update(months)
                                   .where(months.c.month >= touched[0][:7], stores)
                                   .values(stale=True))


# --- member figures per store and month -------------------------------------------------


def month_bounds(month: str) -> tuple[date, date]:
    start = date.fromisoformat(month + "-01")
    nxt = date(start.year + start.month // 12, start.month % 12 + 1, 1)
    return start, nxt - timedelta(days=1)


def pyramid_sizes(n: int) -> tuple[int, int, int]:
    """How many of n ranked members are A, A+B and A+B+C (5 %, 20 %, 50 %, half up)."""
    return (n * 5 + 50) // 100, (n * 20 + 50) // 100, (n * 50 + 50) // 100


MEMBER_SQL = """
WITH spend AS (
    SELECT member,
           max(CASE WHEN orders > 0 THEN day END) AS last_buy,
           sum(cents) AS spend,
           count(DISTINCT CASE WHEN orders > 0 AND day >= :q_start THEN day END) AS days_q
    FROM hq_member_days
    WHERE day > :year_ago AND day <= :end AND member IN (
        SELECT uid FROM hq_members WHERE store IN :stores AND enrolled_at < :next)
    GROUP BY member
), ranked AS (
    SELECT m.store, m.enrolled_at, sp.last_buy, sp.days_q,
           row_number() OVER (PARTITION BY m.store
                              ORDER BY coalesce(sp.spend, 0) DESC, m.uid) AS rn,
           count(*) OVER (PARTITION BY m.store) AS n
    FROM hq_members m LEFT JOIN spend sp ON sp.member = m.uid
    WHERE m.store IN :stores AND m.enrolled_at < :next
)
SELECT store,
       count(*) AS members,
       sum(CASE WHEN enrolled_at >= :q_start THEN 1 ELSE 0 END) AS new_quarter,
       sum(CASE WHEN enrolled_at >= :q_start AND coalesce(days_q, 0) >= 2 THEN 1 ELSE 0 END)
           AS returning_quarter,
       sum(CASE WHEN coalesce(last_buy, '') < :d3 THEN 1 ELSE 0 END) AS dormant_3m,
       sum(CASE WHEN coalesce(last_buy, '') < :d6 THEN 1 ELSE 0 END) AS dormant_6m,
       sum(CASE WHEN rn <= (n * 5 + 50) / 100 THEN 1 ELSE 0 END) AS pyramid_a,
       sum(CASE WHEN rn > (n * 5 + 50) / 100 AND rn <= (n * 20 + 50) / 100 THEN 1 ELSE 0 END)
           AS pyramid_b,
       sum(CASE WHEN rn > (n * 20 + 50) / 100 AND rn <= (n * 50 + 50) / 100 THEN 1 ELSE 0 END)
           AS pyramid_c,
       sum(CASE WHEN rn > (n * 50 + 50) / 100 THEN 1 ELSE 0 END) AS pyramid_d
FROM ranked GROUP BY store
"""

VIP_SQL = """
SELECT store, count(DISTINCT member) FROM hq_member_days
WHERE store IN :stores AND day >= :start AND day <= :end AND orders > 0
GROUP BY store
"""


def refresh(s: Session, month: str, stores: list[str]) -> None:
    """Compute the member figures of ``stores`` as of ``month``'s last day and store
    them (replacing stale rows)."""
    if not stores:
        return
    start, end = month_bounds(month)
    q_start = date(end.year, 3 * ((end.month - 1) // 3) + 1, 1)
    params = {
        "stores": stores, "start": start.isoformat(), "end": end.isoformat(),
        "next": (end + timedelta(days=1)).isoformat(), "q_start": q_start.isoformat(),
        "year_ago": (end - timedelta(days=365)).isoformat(),
        "d3": (end - timedelta(days=91)).isoformat(),
        "d6": (end - timedelta(days=182)).isoformat(),
    }
    out: dict[str, dict[str, Any]] = {st: dict.fromkeys(MONTH_COLUMNS, 0) for st in stores}
    q = text(MEMBER_SQL).bindparams(bindparam("stores", expanding=True))
    for row in s.execute(q, params).mappings():
        out[row["store"]].update({c: int(row[c] or 0) for c in MONTH_COLUMNS
                                  if c != "vip_count"})
    q = text(VIP_SQL).bindparams(bindparam("stores", expanding=True))
    for store, n in s.execute(q, params):
        out[store]["vip_count"] = int(n)
    now = datetime.now(UTC).isoformat(timespec="seconds")
    s.execute(HqStoreMonth.__table__.delete().where(  # type: ignore[attr-defined]
        HqStoreMonth.month == month, HqStoreMonth.store.in_(stores)))
    s.connection().execute(HqStoreMonth.__table__.insert(), [  # type: ignore[attr-defined]
        {"store": st, "month": month, **v, "computed_at": now, "stale": False}
        for st, v in out.items()])


INLINE_STALE = 50  # stale stores recomputed while a page waits; more wait for the refresh


def month_rows(s: Session, month: str, stores: list[str], compute: bool = True
               ) -> tuple[dict[str, HqStoreMonth], int]:
    """The stores' member figures for ``month`` and how many of them are stale. Missing
    rows are computed now; stale ones too when there are few (one store's late event),
    else they are shown as last computed until the nightly ``pos hq refresh-figures``.
    ``compute=False`` (a read-only replica): as they are."""
    def load() -> dict[str, HqStoreMonth]:
        if not stores:
            return {}
        return {r.store: r for r in s.scalars(select(HqStoreMonth).where(
            HqStoreMonth.month == month, HqStoreMonth.store.in_(stores)))}

    rows = load()
    missing = [st for st in stores if st not in rows]
    stale = [st for st in stores if st in rows and rows[st].stale]
    todo = missing + (stale if len(stale) <= INLINE_STALE else [])
    if todo and compute:
        for i in range(0, len(todo), 500):
            refresh(s, month, todo[i:i + 500])
        s.flush()
        s.expire_all()
        rows = load()
    return rows, sum(1 for r in rows.values() if r.stale)


def refresh_stale(s: Session, months: list[str]) -> int:
    """Recompute every stale or missing store of ``months`` (the nightly job); returns
    how many store-months were computed."""
    stores = sorted(set(s.scalars(select(HqStoreDay.store).distinct())) |
                    set(s.scalars(select(HqMember.store).distinct())))
    done = 0
    for month in months:
        have = {r.store: r.stale for r in s.scalars(select(HqStoreMonth).where(
            HqStoreMonth.month == month))}
        todo = [st for st in stores if have.get(st, True)]
        for i in range(0, len(todo), 500):
            refresh(s, month, todo[i:i + 500])
        done += len(todo)
    return done


# --- settlement months ------------------------------------------------------------------


def next_month(month: str) -> str:
    y, m = int(month[:4]), int(month[5:7])
    return f"{y + m // 12:04d}-{m % 12 + 1:02d}"


def open_periods(s: Session, months: set[str]) -> dict[str, str]:
    """Each business month -> the month whose statement takes its items: the month
    itself, or the first month after it not yet locked."""
    locked = set(s.scalars(select(HqMonth.month).where(HqMonth.month >= min(months)))) \
        if months else set()
    out = {}
    for m in months:
        p = m
        while p in locked:
            p = next_month(p)
        out[m] = p
    return out
