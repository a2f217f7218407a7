"""Back-office page times on PostgreSQL with a year of data for 1,000 stores (target:
the dashboard and statement pages under 1 s).

Fills a fresh database (made for the run, dropped after unless --keep) with what the
pages read, generated inside PostgreSQL in bulk (INSERT ... SELECT over
generate_series, no row-by-row traffic): 1,000 stores of 50 franchisees with two
terminals each, 1,000 members and cards per store (1 M), 12 months of per store and day
figures, 20 member purchase days per store and day (7.3 M rows), 3 cross-franchisee
settlement items per store and day with their events (1.1 M each). Then computes the
measured month's member figures for every store (the nightly job) and times, through the
real app in-process (routing, session check, queries, templates, charts), each page N
times: the dashboard for the chain, a franchisee and a store; the month's statements;
one pair's statement. Baseline in the same run: the sign-in page (a template, no data).

    .venv/bin/python bench/hq_backoffice.py [--stores 1000] [--days 365] [--runs 7]
"""

from __future__ import annotations

import argparse
import re
import secrets
import statistics
import sys
import time
from pathlib import Path

import psycopg
from fastapi.testclient import TestClient

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sync.hq.app import create_app
from sync.hq.config import HqConfig
from sync.hq.db import sessions
from sync.hq.figures import refresh
from sync.hq.office import access

ADMIN = "host=127.0.0.1 port=5432 user=postgres dbname=test"
FIRST = "2025-12-01"  # the year of data: 2025-12-01 .. 2026-11-30
MONTH = "2026-11"

FILL = [
    ("terminals", """
INSERT INTO hq_terminals (key, franchisee, store, terminal, token_hash, registered_at, epoch,
    next_seq, last_hash, flags, lease_cents, last_seen, skew_s, pending, offline_used_cents,
    version)
SELECT 'S' || lpad(s::text, 4, '0') || '/T0' || t, 'F' || lpad(((s - 1) / 20 + 1)::text, 2, '0'),
       'S' || lpad(s::text, 4, '0'), 'T0' || t, md5(s || '-' || t), '2025-11-01T00:00:00+00:00',
       1, 100000, md5('h' || s), '', 200000, '2026-11-30T12:00:00+00:00', 0, 0, 0, '0.1.0'
FROM generate_series(1, :stores) s, generate_series(1, 2) t"""),
    ("members", """
INSERT INTO hq_members (uid, franchisee, store, tier, data, enrolled_at, phone_hash)
SELECT md5(s || '-' || i)::uuid::text, 'F' || lpad(((s - 1) / 20 + 1)::text, 2, '0'),
       'S' || lpad(s::text, 4, '0'), 'regular',
       '{"name": "会员", "phone_last4": "' || lpad((i % 10000)::text, 4, '0') || '"}',
       (date '2024-12-01' + ((s * 7 + i * 13) % 730))::text || 'T10:00:00+08:00',
       md5('p' || s || '-' || i)
FROM generate_series(1, :stores) s, generate_series(1, :members) i"""),
    ("cards", """
INSERT INTO hq_cards (card_no, member_uid, main_card, franchisee, status, offline_blocked,
    reason, data)
SELECT '88' || lpad(s::text, 4, '0') || lpad(i::text, 8, '0'), md5(s || '-' || i)::uuid::text,
       NULL, 'F' || lpad(((s - 1) / 20 + 1)::text, 2, '0'), 'active', false, '', '{}'
FROM generate_series(1, :stores) s, generate_series(1, :members) i"""),
    ("member days", """
INSERT INTO hq_member_days (member, day, store, cents, orders)
SELECT md5(s || '-' || ((k * 37 + d * 7) % :members + 1))::uuid::text,
       (date :first + d)::text, 'S' || lpad(s::text, 4, '0'),
       5000 + ((s * 31 + d * 17 + k * 101) % 195000), 1
FROM generate_series(1, :stores) s, generate_series(0, :days - 1) d, generate_series(1, 20) k"""),
    ("store days", """
INSERT INTO hq_store_days (store, day, franchisee, sales, orders, vip_sales, vip_orders,
    new_vips, points_issued, points_redeemed, points_expired, sv_sold_principal,
    sv_sold_bonus, sv_spent_principal, sv_spent_bonus)
SELECT md.store, md.day, 'F' || lpad(((substr(md.store, 2)::int - 1) / 20 + 1)::text, 2, '0'),
       md.vip + 900000, md.n + 12, md.vip, md.n, 3, md.vip / 100, 2000, 500,
       300000, 15000, 200000, 8000
FROM (SELECT store, day, sum(cents) AS vip, count(*) AS n FROM hq_member_days
      GROUP BY store, day) md"""),
    ("events", """
INSERT INTO hq_events (event_id, terminal_key, franchisee, store, epoch, seq, kind,
    content_hash, hash, business_time, recorded_at, received_at, status, reason, payload)
SELECT md5('e' || s || '-' || d || '-' || k)::uuid::text, 'S' || lpad(s::text, 4, '0') || '/T01',
       'F' || lpad(((s - 1) / 20 + 1)::text, 2, '0'), 'S' || lpad(s::text, 4, '0'), 1,
       d * 3 + k, 'sale', md5('c' || s || d || k), md5('h' || s || d || k),
       (date :first + d)::text || 'T12:00:00+08:00', (date :first + d)::text || 'T12:00:00+08:00',
       (date :first + d)::text || 'T04:00:01+00:00', 'applied', NULL, '{}'
FROM generate_series(1, :stores) s, generate_series(0, :days - 1) d, generate_series(1, 3) k"""),
    ("settlement", """
INSERT INTO hq_settlement (event_id, kind, debtor, creditor, amount_cents, points,
    business_date, period)
SELECT md5('e' || s || '-' || d || '-' || k)::uuid::text,
       CASE WHEN k = 3 THEN 'points' ELSE 'stored_value' END,
       'F' || lpad((((s + k * 137) % :stores) / 20 + 1)::text, 2, '0'),
       'F' || lpad(((s - 1) / 20 + 1)::text, 2, '0'),
       1000 + (s * 13 + d * 7 + k) % 50000, CASE WHEN k = 3 THEN 200 ELSE 0 END,
       (date :first + d)::text, to_char(date :first + d, 'YYYY-MM')
FROM generate_series(1, :stores) s, generate_series(0, :days - 1) d, generate_series(1, 3) k
WHERE ((s + k * 137) % :stores) / 20 <> (s - 1) / 20"""),
]


def fill(url: str, stores: int, days: int, members: int) -> dict[str, float]:
    took = {}
    with psycopg.connect(url, autocommit=True) as c:
        for name, sql in FILL:
            t0 = time.perf_counter()
            q = (sql.replace(":stores", str(stores)).replace(":days", str(days))
                 .replace(":members", str(members)).replace(":first", f"'{FIRST}'"))
            c.execute(q)  # type: ignore[arg-type]
            took[name] = time.perf_counter() - t0
            print(f"  {name}: {took[name]:.1f} s", flush=True)
        t0 = time.perf_counter()
        c.execute("VACUUM ANALYZE")
        took["vacuum analyze"] = time.perf_counter() - t0
    return took


def timed(client: TestClient, url: str, runs: int) -> tuple[float, int]:
    r = client.get(url)
    assert r.status_code == 200, (url, r.status_code, r.text[-300:])
    out = []
    for _ in range(runs):
        t0 = time.perf_counter()
        r = client.get(url)
        out.append(time.perf_counter() - t0)
        assert r.status_code == 200
    return statistics.median(out), len(r.content)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--stores", type=int, default=1000)
    ap.add_argument("--days", type=int, default=365)
    ap.add_argument("--members", type=int, default=1000, help="members per store")
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--keep", action="store_true", help="keep the database")
    args = ap.parse_args()
    name = f"pos_hq_bench_{secrets.token_hex(4)}"
    with psycopg.connect(ADMIN, autocommit=True) as c:
        c.execute(f"CREATE DATABASE {name}")  # type: ignore[arg-type]
    url = f"postgresql://postgres@127.0.0.1:5432/{name}"
    try:
        app = create_app(HqConfig(database=url))
        print(f"filling {name}: {args.stores} stores, {args.days} days", flush=True)
        t0 = time.perf_counter()
        fill(url, args.stores, args.days, args.members)
        fill_s = time.perf_counter() - t0
        engine = app.state.engine
        with sessions(engine)() as s, s.begin():
            access.add_user(s, "bench", "bench", "admin", "bench-password-1")
            directory = access.store_directory(s)
            stores = sorted(directory)
        t0 = time.perf_counter()
        with sessions(engine)() as s, s.begin():
            for i in range(0, len(stores), 500):
                refresh(s, MONTH, stores[i:i + 500])
        nightly = time.perf_counter() - t0
        with psycopg.connect(url, autocommit=True) as c:
            sizes = {t: c.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # type: ignore
                     for t in ("hq_member_days", "hq_members", "hq_store_days",
                               "hq_settlement", "hq_events")}
        c = TestClient(app, base_url="http://hq")
        page = c.get("/office/login")
        tok = re.search(r'name="csrf" value="([^"]+)"', page.text)
        assert tok is not None
        c.post("/office/login", data={"login": "bench", "password": "bench-password-1",
                                      "csrf": tok.group(1), "next": "/office/dashboard"})
        store = stores[min(122, len(stores) - 1)]
        fr = directory[store]
        pair = ("F01", fr if fr != "F01" else "F02")
        pages = [
            ("sign-in page (baseline)", "/office/login"),
            ("dashboard, chain", f"/office/dashboard?month={MONTH}"),
            ("dashboard, franchisee", f"/office/dashboard?month={MONTH}&franchisee={fr}"),
            ("dashboard, store", f"/office/dashboard?month={MONTH}&store={store}"),
            ("statements of the month", f"/office/statements?month={MONTH}"),
            ("statement of a pair", f"/office/statements/{MONTH}/{pair[0]}/{pair[1]}"),
        ]
        results: list[tuple[str, float, int]] = []
        base = 0.0
        for label, u in pages:
            med, size = timed(c, u, args.runs)
            if not base:
                base = med
            results.append((label, med, size))
        # after a day's trading every store's member figures of the month are stale:
        # the first chain view recomputes them all
        with psycopg.connect(url, autocommit=True) as pc:
            pc.execute("UPDATE hq_store_months SET stale = true")
        t0 = time.perf_counter()
        assert c.get(f"/office/dashboard?month={MONTH}").status_code == 200
        stale_chain = time.perf_counter() - t0
        with psycopg.connect(url, autocommit=True) as pc:
            pc.execute("UPDATE hq_store_months SET stale = true WHERE store = %s", (store,))
        t0 = time.perf_counter()
        assert c.get(f"/office/dashboard?month={MONTH}&store={store}").status_code == 200
        stale_store = time.perf_counter() - t0
        engine.dispose()
        print(f"\nrows: member days {sizes.get('hq_member_days', 0):,}, members "
              f"{sizes.get('hq_members', 0):,}, store days {sizes.get('hq_store_days', 0):,}, "
              f"settlement items {sizes.get('hq_settlement', 0):,}, events "
              f"{sizes.get('hq_events', 0):,}; fill {fill_s:.0f} s; member figures of "
              f"{MONTH} for all stores (nightly) {nightly:.1f} s\n")
        print("| page | median | ÷ baseline | bytes |\n|---|---|---|---|")
        slow = False
        for label, med, size in results:
            print(f"| {label} | {med * 1000:.0f} ms | {med / base:.1f}× | {size:,} |")
            slow = slow or (med > 1.0 and label.startswith(("dashboard", "statement")))
        print(f"| dashboard, chain, all stores' member figures stale | {stale_chain * 1000:.0f} "
              f"ms (once) | | |")
        print(f"| dashboard, store, its member figures stale | {stale_store * 1000:.0f} ms "
              f"(once) | | |")
        return 1 if slow else 0
    finally:
        if not args.keep:
            with psycopg.connect(ADMIN, autocommit=True) as pc:
                pc.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")  # type: ignore[arg-type]


if __name__ == "__main__":
    sys.exit(main())
