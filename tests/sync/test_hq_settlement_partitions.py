"""HQ's settlement items (what one franchisee owes another for stored value and points)
partitioned by the month of their business date on PostgreSQL (a plain table on
SQLite): migration 0010 moves a filled HQ without losing an item or a cent, statements
and settlement reports read the same, new items land in their month, and a month
leaves for archive only once every statement month its items belong to is locked."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from sqlalchemy import insert, text

from sync.hq import partitions, settlement
from sync.hq.db import alembic_config, make_engine, migrate, sessions
from sync.hq.models import HqSettlement
from tests.sync.conftest import hq_url

MONTHS = partitions.months_from("2025-09", "2026-11")  # 15 months
PER_MONTH = 12
FRANCHISEES = ("F-EAST", "F-WEST", "F-NORTH")
POS = Path(sys.executable).parent / "pos"


def fill(conn: Any) -> None:
    """Items over 15 months as revision 0009 keeps them: stored value and points between
    three franchisees; every fourth item arrived after its month was locked, so its
    statement month is the next one."""
    rows = []
    for month in MONTHS:
        for k in range(PER_MONTH):
            debtor = FRANCHISEES[k % 3]
            creditor = FRANCHISEES[(k + 1) % 3]
            late = k % 4 == 3
            rows.append({"event_id": f"ev-{month}-{k:02d}",
                         "kind": "points" if k % 5 == 0 else "stored_value",
                         "debtor": debtor, "creditor": creditor,
                         "amount_cents": 1000 + 37 * k + int(month[5:]),
                         "points": 100 * k if k % 5 == 0 else 0,
                         "business_date": f"{month}-{1 + 2 * k:02d}",
                         "period": partitions.months_ahead(month, 1)[1] if late else month})
    conn.execute(text(
        "INSERT INTO hq_settlement (event_id, kind, debtor, creditor, amount_cents, points, "
        "business_date, period) VALUES (:event_id, :kind, :debtor, :creditor, "
        ":amount_cents, :points, :business_date, :period)"), rows)


def per_month(conn: Any) -> dict[str, tuple[int, int, int, int]]:
    """Per business month: items, cents, points and the sum of their ids."""
    return {m: (n, int(c), int(p), int(i)) for m, n, c, p, i in conn.execute(text(
        "SELECT substr(business_date, 1, 7), count(*), sum(amount_cents), sum(points), "
        "sum(id) FROM hq_settlement GROUP BY 1"))}


def per_statement(conn: Any) -> dict[tuple[str, str, str, str], tuple[int, int]]:
    """What the statements read: per statement month, kind and pair, cents and points."""
    return {(p, k, d, c): (int(a), int(pt)) for p, k, d, c, a, pt in conn.execute(text(
        "SELECT period, kind, debtor, creditor, sum(amount_cents), sum(points) "
        "FROM hq_settlement GROUP BY 1, 2, 3, 4"))}


def report(engine: Any) -> dict[str, Any]:
    with sessions(engine)() as s:
        return settlement.settle(s, "2025-01-01", "2026-12-31")


@pytest.mark.parametrize("kind", ["sqlite", "postgres"])
def test_settlement_items_partitioned_without_losing_one(kind: str, tmp_path: Path,
                                                         request: pytest.FixtureRequest
                                                         ) -> None:
    url = hq_url(kind, tmp_path, request)
    engine = make_engine(url)
    command.upgrade(alembic_config(engine), "0009")  # an HQ from before this partitioning
    with engine.begin() as conn:
        fill(conn)
        before, statements = per_month(conn), per_statement(conn)
    settled = report(engine)
    assert len(before) == 15 and sum(n for n, *_ in before.values()) == 15 * PER_MONTH
    assert len(settled["lines"]) == 6  # two kinds, three pairs

    migrate(engine)
    pg = kind == "postgres"
    with engine.begin() as conn:
        assert per_month(conn) == before and per_statement(conn) == statements
        if pg:
            schema = partitions.part_schema(conn)
            assert partitions.is_partitioned(conn, "hq_settlement")
            months = partitions.partitions(conn, "hq_settlement")
            assert months[0] == "2025-09" and months[-1] >= "2027-01"
            assert conn.scalar(text(
                f'SELECT count(*) FROM "{schema}".hq_settlement_202602')) == PER_MONTH
            assert conn.scalar(text(
                f'SELECT count(*) FROM "{schema}".hq_settlement_default')) == 0
            made = partitions.ensure(conn, ahead=2, today=date(2027, 3, 5))
            assert "hq_settlement_202705" in made
        else:
            assert not partitions.status(conn)["partitioned"]
    assert report(engine) == settled

    if pg:  # down to a plain table and up again: still every item
        command.downgrade(alembic_config(engine), "0009")
        with engine.begin() as conn:
            assert not partitions.is_partitioned(conn, "hq_settlement")
            assert per_month(conn) == before
        migrate(engine)
        with engine.begin() as conn:
            assert per_month(conn) == before

    # a new item, written as the apply writes them: a new id, into its month
    with engine.begin() as conn:
        top = conn.scalar(text("SELECT max(id) FROM hq_settlement"))
        conn.execute(insert(HqSettlement.__table__).inline(), [{  # type: ignore[arg-type]
            "event_id": "ev-new", "kind": "stored_value", "debtor": "F-EAST",
            "creditor": "F-WEST", "amount_cents": 500, "points": 0,
            "business_date": "2026-11-30", "period": "2026-11"}])
        new_id = conn.scalar(text("SELECT id FROM hq_settlement WHERE event_id = 'ev-new'"))
        assert new_id > top
        if pg:
            assert conn.scalar(text(f'SELECT count(*) FROM "{schema}".hq_settlement_202611 '
                                    "WHERE event_id = 'ev-new'")) == 1
    engine.dispose()


def test_a_month_with_unsettled_items_is_not_detached(tmp_path: Path,
                                                      request: pytest.FixtureRequest) -> None:
    url = hq_url("postgres", tmp_path, request)
    engine = make_engine(url)
    command.upgrade(alembic_config(engine), "0009")
    with engine.begin() as conn:
        fill(conn)
    migrate(engine)
    with engine.begin() as conn:
        schema = partitions.part_schema(conn)
        before = per_month(conn)
        # September's statements locked, October's not: September's late items belong
        # to October, so September cannot leave yet
        conn.execute(text("INSERT INTO hq_months (month, locked_by, locked_at) "
                          "VALUES ('2025-09', 'hq', '2025-10-05T00:00:00+00:00')"))
    toml = tmp_path / "hq.toml"
    toml.write_text(f'[hq]\ndatabase = "{url}"\n')
    run = subprocess.run([str(POS), "hq", "partitions", "--config", str(toml), "--detach",
                          "2025-09"], capture_output=True, text=True, timeout=120,
                         env={**os.environ, "POS_LANG": "zh_CN"})
    assert run.returncode == 2, run.stderr
    err = run.stderr.strip()
    assert len(err.splitlines()) == 1 and "2025-09" in err and "3 条结算明细" in err, err
    with engine.begin() as conn:  # nothing detached
        assert "2025-09" in partitions.partitions(conn, "hq_settlement")
        assert per_month(conn) == before

    with engine.begin() as conn:  # October locked too: September leaves for archive
        conn.execute(text("INSERT INTO hq_months (month, locked_by, locked_at) "
                          "VALUES ('2025-10', 'hq', '2025-11-05T00:00:00+00:00')"))
    run = subprocess.run([str(POS), "hq", "partitions", "--config", str(toml), "--detach",
                          "2025-09"], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert f"{schema}.hq_settlement_202509" in json.loads(run.stdout)["detached"]
    with engine.begin() as conn:
        assert "2025-09" not in per_month(conn)
        assert conn.scalar(text(
            f'SELECT count(*) FROM "{schema}".hq_settlement_202509')) == PER_MONTH
    engine.dispose()
