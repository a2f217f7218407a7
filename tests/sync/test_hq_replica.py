"""Reports from a streaming replica: a PostgreSQL primary and a replica made from it with
``pg_basebackup -R`` (two clusters of their own, on free ports, in a temporary folder,
torn down after). HQ takes batches on the primary while its reports, settlement and
back-office statements read from the replica and say how fresh they are; with the
replica's replay paused (lagging) reports show its older figures and its lag, past
``read_max_lag_s`` they come from the primary, and with the replica stopped too; the
terminal's uploads never wait for the replica."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import psycopg
import pytest
from fastapi.testclient import TestClient

from sync.hq.app import create_app
from sync.hq.config import HqConfig
from sync.hq.db import sessions
from sync.hq.office import access
from tests.core.conftest import SOCKS
from tests.core.helpers import cash, sell
from tests.hq_office.chain import PASSWORD, Browser
from tests.sync.conftest import Hq
from tests.sync.test_server import free_port

PG_BIN = Path("/usr/lib/postgresql/15/bin")
ADMIN = {"authorization": "Bearer admin-secret"}


def as_postgres(*cmd: str) -> None:
    """PostgreSQL's tools refuse to run as root: run them as the postgres user."""
    pre = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    subprocess.run([*pre, *cmd], check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.PIPE, timeout=120)


class Cluster:
    def __init__(self, root: Path, name: str, port: int) -> None:
        self.dir, self.port = root / name, port

    def start(self) -> None:
        as_postgres(str(PG_BIN / "pg_ctl"), "-D", str(self.dir), "-w", "-l",
                    str(self.dir.parent / f"{self.dir.name}.log"), "-o",
                    f"-p {self.port} -k {self.dir.parent} -c listen_addresses=127.0.0.1 "
                    "-c fsync=off",  # a throw-away pair of clusters
                    "start")

    def stop(self) -> None:
        as_postgres(str(PG_BIN / "pg_ctl"), "-D", str(self.dir), "-m", "immediate", "-w",
                    "stop")

    def sql(self, q: str, db: str = "postgres") -> Any:
        with psycopg.connect(f"host=127.0.0.1 port={self.port} user=postgres dbname={db}",
                             autocommit=True) as c:
            cur = c.execute(q)
            return cur.fetchone() if cur.description else None

    def url(self, db: str) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{db}"


@pytest.fixture(scope="module")
def clusters() -> Iterator[tuple[Cluster, Cluster]]:
    root = Path(tempfile.mkdtemp(prefix="pos-replica-"))
    shutil.chown(root, "postgres", "postgres")
    primary = Cluster(root, "primary", free_port())
    replica = Cluster(root, "replica", free_port())
    started: list[Cluster] = []
    try:
        as_postgres(str(PG_BIN / "initdb"), "-D", str(primary.dir), "-U", "postgres",
                    "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync")
        primary.start()
        started.append(primary)
        primary.sql("CREATE DATABASE pos_hq")
        as_postgres(str(PG_BIN / "pg_basebackup"), "-h", "127.0.0.1", "-p", str(primary.port),
                    "-U", "postgres", "-D", str(replica.dir), "-R", "-X", "stream",
                    "--checkpoint=fast", "--no-sync")
        replica.start()
        started.append(replica)
        yield primary, replica
    finally:
        for c in reversed(started):
            try:
                c.stop()
            except subprocess.CalledProcessError:
                pass  # stopped by the test
        shutil.rmtree(root, ignore_errors=True)


def caught_up(primary: Cluster, replica: Cluster) -> None:
    lsn = primary.sql("SELECT pg_current_wal_lsn()")[0]
    for _ in range(200):
        if replica.sql(f"SELECT pg_last_wal_replay_lsn() >= '{lsn}'::pg_lsn")[0]:
            return
        time.sleep(0.05)
    raise AssertionError("replica did not catch up")


def report(hq: Hq, day: date) -> dict[str, Any]:
    r = hq.client.get("/v1/admin/reports/daily", params={"day": day.isoformat()},
                      headers=ADMIN)
    assert r.status_code == 200, r.text
    return r.json()  # type: ignore[no-any-return]


def sales_of(rep: dict[str, Any]) -> Decimal:
    return sum((Decimal(st["sales"]) for st in rep["stores"]), Decimal(0))


def test_reports_from_a_streaming_replica(clusters: tuple[Cluster, Cluster],
                                          tmp_path: Path) -> None:
    primary, replica = clusters
    cfg = HqConfig(database=primary.url("pos_hq"), read_database=replica.url("pos_hq"),
                   read_max_lag_s=3, lease=Decimal("2000.00"), admin_token="admin-secret")
    app = create_app(cfg)
    with TestClient(app, base_url="http://hq") as client:
        hq = Hq(cfg.database, cfg, app, client)
        a = hq.terminal(tmp_path, "S001", "T01", "F-EAST", 1)
        for _ in range(3):
            sell(a, [(SOCKS, 1)], [cash()])
        hq.sync(a)
        day = a.now().date()
        caught_up(primary, replica)

        # the replica answers, current
        rep = report(hq, day)
        assert rep["freshness"]["source"] == "replica"
        assert rep["freshness"]["lag_s"] == 0
        first = sales_of(rep)
        assert first > 0
        r = hq.client.get("/v1/admin/settlement", params={"start": day.isoformat(),
                                                          "end": day.isoformat()},
                          headers=ADMIN)
        assert r.json()["freshness"]["source"] == "replica"
        r = hq.client.get("/v1/admin/reports/daily", params={"day": day.isoformat(),
                                                             "format": "csv"}, headers=ADMIN)
        assert r.headers["x-data-freshness"].startswith("source=replica")

        # the back office's dashboard and statements read from it too, and say so
        with sessions(hq.engine)() as s, s.begin():
            access.add_user(s, "boss", "boss", "admin", PASSWORD, lang="en")
        caught_up(primary, replica)
        boss = Browser(app, "boss")
        assert boss.signed_in
        for page in (f"/office/dashboard?month={day:%Y-%m}", "/office/statements"):
            r = boss.get(page)
            assert r.status_code == 200
            assert "Figures from the reporting replica, as of" in r.text

        # the replica lags: its replay paused while the primary takes more sales
        replica.sql("SELECT pg_wal_replay_pause()")
        for _ in range(2):
            sell(a, [(SOCKS, 1)], [cash()])
        hq.sync(a)  # the upload does not wait for the replica
        rep = report(hq, day)
        assert rep["freshness"]["source"] == "replica"
        assert rep["freshness"]["lag_s"] >= 0
        assert sales_of(rep) == first  # as of before the new sales: and it says so
        time.sleep(3.5)  # past read_max_lag_s: the primary's figures, with the reason
        rep = report(hq, day)
        assert rep["freshness"]["source"] == "primary"
        assert "behind" in rep["freshness"]["note"]
        assert sales_of(rep) > first
        replica.sql("SELECT pg_wal_replay_resume()")
        caught_up(primary, replica)
        rep = report(hq, day)
        assert rep["freshness"]["source"] == "replica" and sales_of(rep) > first

        # the replica is down: reports from the primary, uploads as ever
        replica.stop()
        sell(a, [(SOCKS, 1)], [cash()])
        hq.sync(a)
        t0 = time.monotonic()
        rep = report(hq, day)
        assert time.monotonic() - t0 < 10
        assert rep["freshness"] == {**rep["freshness"], "source": "primary",
                                    "note": "replica unreachable"}
        r = boss.get(f"/office/dashboard?month={day:%Y-%m}")
        assert r.status_code == 200
        assert ("the reporting replica is not available (replica unreachable)" in r.text)
    app.state.engine.dispose()
    app.state.reads.dispose()
