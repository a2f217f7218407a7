"""HQ's events, ledger entries and reported sales partitioned by month on PostgreSQL
(plain tables on SQLite): migration 0009 moves a filled HQ without losing a row or a
cent, every event is still taken once when a terminal sends it again (also once its
month is detached for archive), the books balance before and after a month leaves."""

from __future__ import annotations

import json
import secrets
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from fastapi.testclient import TestClient
from sqlalchemy import text

from pos_app.core.outbox import GENESIS
from sync.hq import partitions
from sync.hq.app import create_app
from sync.hq.apply import chain_hash, content_hash
from sync.hq.config import HqConfig
from sync.hq.db import alembic_config, make_engine, migrate, sessions
from sync.hq.models import HqTerminal
from sync.hq.service import token_hash
from sync.hq.verify import verify
from tests.sync.conftest import hq_url

MONTHS = partitions.months_from("2025-09", "2026-11")  # 15 months
TERMINALS = 3
PER_MONTH = 8  # events per terminal and month

TABLES = {  # table: (month of a row, the amount summed)
    "hq_events": ("substr(received_at, 1, 7)", "seq"),
    "hq_entries": ("(SELECT substr(ev.received_at, 1, 7) FROM hq_events ev "
                   "WHERE ev.event_id = hq_entries.event_id)", "abs(amount)"),
    "hq_sales": ("substr(business_date, 1, 7)", "total_cents"),
}


class Till:
    """A terminal's identity and event chain as HQ holds them."""

    def __init__(self, i: int) -> None:
        self.row = HqTerminal(key=f"S{i:03d}/T01", franchisee=f"F-{i % 2}", store=f"S{i:03d}",
                              terminal="T01")
        self.token = secrets.token_urlsafe(16)
        self.seq, self.prev = 0, GENESIS

    def event(self, month: str, day: int) -> dict[str, Any]:
        self.seq += 1
        cents = 1000 + self.seq * 37
        payload = json.dumps({"kind": "sale", "total": f"{Decimal(cents) / 100:.2f}",
                              "lines": [], "tenders": [],
                              "entries": [["cash:drawer", cents, "CNY"],
                                          ["sales:revenue", -cents, "CNY"]]})
        at = f"{month}-{day:02d}T10:00:00+08:00"
        ev = {"event_id": secrets.token_hex(16), "epoch": 1, "seq": self.seq, "kind": "sale",
              "business_time": at, "recorded_at": at, "payload": payload,
              "prev_hash": self.prev}
        ev["hash"] = chain_hash(self.row, ev)
        self.prev = ev["hash"]
        return ev


def fill(conn: Any, tills: list[Till]) -> dict[str, list[dict[str, Any]]]:
    """An HQ of 15 months as revision 0008 keeps it: terminals, their events (received
    in the month of their business day), entries, sales and account balances."""
    sent: dict[str, list[dict[str, Any]]] = {}
    events, entries, sales = [], [], []
    balances: dict[str, int] = {}
    for t in tills:
        sent[t.row.key] = []
        for month in MONTHS:
            for k in range(PER_MONTH):
                ev = t.event(month, 1 + k * 3)
                sent[t.row.key].append(ev)
                received = f"{month}-{1 + k * 3:02d}T02:00:{k:02d}.000000+00:00"
                events.append({**{c: ev[c] for c in ("event_id", "epoch", "seq", "kind",
                                                     "hash", "business_time", "recorded_at",
                                                     "payload")},
                               "terminal_key": t.row.key, "franchisee": t.row.franchisee,
                               "store": t.row.store, "content_hash": content_hash(t.row, ev),
                               "received_at": received, "status": "applied", "reason": None})
                body = json.loads(ev["payload"])
                for code, amount, unit in body["entries"]:
                    account = f"store:{t.row.store}:{code}"
                    entries.append({"event_id": ev["event_id"], "account": account,
                                    "amount": amount, "unit": unit})
                    balances[account] = balances.get(account, 0) + amount
                sales.append({"event_id": ev["event_id"], "franchisee": t.row.franchisee,
                              "store": t.row.store, "kind": "sale",
                              "business_date": ev["business_time"][:10], "member_uid": None,
                              "total_cents": int(Decimal(body["total"]) * 100)})
        conn.execute(text(
            "INSERT INTO hq_terminals (key, franchisee, store, terminal, token_hash, "
            "registered_at, epoch, next_seq, last_hash, flags, lease_cents) VALUES "
            "(:k, :f, :s, 'T01', :h, '2025-09-01T00:00:00+00:00', 1, :n, :last, '', 200000)"),
            {"k": t.row.key, "f": t.row.franchisee, "s": t.row.store,
             "h": token_hash(t.token), "n": t.seq + 1, "last": t.prev})
    conn.execute(text(
        "INSERT INTO hq_events (event_id, terminal_key, franchisee, store, epoch, seq, kind, "
        "content_hash, hash, business_time, recorded_at, received_at, status, reason, "
        "payload) VALUES (:event_id, :terminal_key, :franchisee, :store, :epoch, :seq, "
        ":kind, :content_hash, :hash, :business_time, :recorded_at, :received_at, :status, "
        ":reason, :payload)"), events)
    conn.execute(text("INSERT INTO hq_entries (event_id, account, amount, unit) VALUES "
                      "(:event_id, :account, :amount, :unit)"), entries)
    conn.execute(text("INSERT INTO hq_sales (event_id, franchisee, store, kind, business_date,"
                      " member_uid, total_cents) VALUES (:event_id, :franchisee, :store, "
                      ":kind, :business_date, :member_uid, :total_cents)"), sales)
    conn.execute(text("INSERT INTO hq_accounts (code, unit, balance) VALUES (:c, 'CNY', :b)"),
                 [{"c": c, "b": b} for c, b in balances.items()])
    return sent


def figures(conn: Any) -> dict[str, dict[str, tuple[int, int]]]:
    """Per table and month: how many rows and what they add up to."""
    return {t: {m: (n, int(total)) for m, n, total in conn.execute(text(
        f"SELECT {month} AS m, count(*), sum({amount}) FROM {t} GROUP BY 1"))}
        for t, (month, amount) in TABLES.items()}


def send(client: TestClient, till: Till, events: list[dict[str, Any]]) -> list[str]:
    r = client.post("/v1/events", json={"events": events},
                    headers={"X-Terminal": till.row.key, "Authorization": f"Bearer {till.token}"})
    assert r.status_code == 200, r.text
    return [x["status"] for x in r.json()["results"]]


@pytest.mark.parametrize("kind", ["sqlite", "postgres"])
def test_ledger_tables_partitioned_without_losing_a_row(kind: str, tmp_path: Path,
                                                        request: pytest.FixtureRequest) -> None:
    url = hq_url(kind, tmp_path, request)
    engine = make_engine(url)
    command.upgrade(alembic_config(engine), "0008")  # an HQ from before this partitioning
    tills = [Till(i) for i in range(TERMINALS)]
    with engine.begin() as conn:
        sent = fill(conn, tills)
        before = figures(conn)
    assert sum(n for n, _ in before["hq_events"].values()) == TERMINALS * 15 * PER_MONTH
    assert len(before["hq_entries"]) == 15

    migrate(engine)
    pg = kind == "postgres"
    with engine.begin() as conn:
        assert figures(conn) == before  # every row, every amount, in its month
        assert conn.scalar(text("SELECT count(*) FROM hq_event_ids")) == TERMINALS * 15 * 8
        # each entry posted on the day HQ received its event
        assert conn.scalar(text(
            "SELECT count(*) FROM hq_entries e JOIN hq_events ev ON ev.event_id = e.event_id "
            "WHERE e.posted_on <> substr(ev.received_at, 1, 10)")) == 0
        if pg:
            schema = partitions.part_schema(conn)
            for t in partitions.LEDGER_TABLES:
                assert partitions.is_partitioned(conn, t)
                months = partitions.partitions(conn, t)
                assert months[0] == "2025-09" and months[-1] >= "2027-01"
                n = conn.scalar(text(f'SELECT count(*) FROM "{schema}".{t}_202602'))
                assert n == before[t]["2026-02"][0] > 0
                assert conn.scalar(text(f'SELECT count(*) FROM "{schema}".{t}_default')) == 0
        else:
            assert not partitions.status(conn)["partitioned"]
    with sessions(engine)() as s:
        assert verify(s) == []

    if pg:  # down to plain tables and up again: still every row
        command.downgrade(alembic_config(engine), "0008")
        with engine.begin() as conn:
            assert not partitions.is_partitioned(conn, "hq_events")
            assert figures(conn) == before
        migrate(engine)

    cfg = HqConfig(database=url, lease=Decimal("2000.00"), admin_token="admin-secret")
    app = create_app(cfg)
    with TestClient(app, base_url="http://hq") as client:
        # a terminal restored from a backup sends its whole history again, and a new sale
        a = tills[0]
        old = sent[a.row.key]
        fresh = a.event("2026-12", 2)
        got = send(client, a, [*old[:40], fresh])
        assert got == ["duplicate"] * 40 + ["applied"]
        assert send(client, a, [fresh]) == ["duplicate"]
        with engine.begin() as conn:
            after = figures(conn)
            assert sum(n for n, _ in after["hq_events"].values()) == TERMINALS * 120 + 1
            assert conn.scalar(text("SELECT count(*) FROM hq_event_ids")) == TERMINALS * 120 + 1
            assert conn.scalar(text(
                "SELECT count(*) FROM hq_entries WHERE event_id = :e"),
                {"e": fresh["event_id"]}) == 2
            if pg:
                month = conn.scalar(text("SELECT substr(received_at, 1, 7) FROM hq_events "
                                         "WHERE event_id = :e"), {"e": fresh["event_id"]})
                part = f'"{schema}".hq_events_{month.replace("-", "")}'
                assert conn.scalar(text(f"SELECT count(*) FROM {part} WHERE event_id = :e"),
                                   {"e": fresh["event_id"]}) == 1
        with sessions(engine)() as s:
            assert verify(s) == []

        if pg:
            # an old month leaves for archive: its tables stay aside, the books still
            # balance (carried forward per account and terminal), and its events sent
            # again are still duplicates
            with engine.begin() as conn:
                gone = partitions.detach(conn, "2025-09")
                assert gone == [f"{schema}.{t}_202509" for t in partitions.LEDGER_TABLES]
                assert "2025-09" not in figures(conn)["hq_events"]
                assert conn.scalar(text(f"SELECT count(*) FROM {gone[0]}")) == TERMINALS * 8
                carried = conn.execute(text(
                    "SELECT terminal_key, account, amount FROM hq_carried "
                    "WHERE month = '2025-09' ORDER BY 1, 2")).all()
                assert len(carried) == TERMINALS * 2
                assert sum(x[2] for x in carried) == 0
            with sessions(engine)() as s:
                assert verify(s) == []
            assert send(client, a, old[:8]) == ["duplicate"] * 8
            with engine.begin() as conn:
                assert conn.scalar(text("SELECT count(*) FROM hq_event_ids")) == \
                    TERMINALS * 120 + 1
            with pytest.raises(RuntimeError, match="detached for archive"):
                command.downgrade(alembic_config(engine), "0008")
    app.state.engine.dispose()
    engine.dispose()
