"""Fixtures for sync: an HQ app in-process (Starlette TestClient transport) on an
embedded SQLite database or on a fresh PostgreSQL schema, and terminals registered
with it, on clocks the tests move."""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
import psycopg
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from pos_app.core import catalog, ledger, members, staff
from pos_app.core.models import Account, Card, OutboxEvent
from pos_app.core.terminal import Terminal
from pos_app.demo import CATALOG, PROGRAM, STAFF
from sync.client import SyncClient, register
from sync.hq.app import create_app
from sync.hq.config import HqConfig
from sync.hq.db import sessions
from sync.hq.models import HqAccount, HqEvent
from sync.hq.service import register_terminal
from sync.hq.verify import verify
from tests.core.conftest import TZ, Clock
from tests.core.helpers import open_till

PG_ADMIN = "host=127.0.0.1 port=5432 user=postgres dbname=test"


@pytest.fixture(scope="session")
def pg_database() -> Iterator[str]:
    # POS_HQ_TEST_DB names the database after whoever runs the tests (several at once)
    name = f"{os.environ.get('POS_HQ_TEST_DB', 'pos_hq_test')}_{secrets.token_hex(4)}"
    with psycopg.connect(PG_ADMIN, autocommit=True) as c:
        c.execute(f"CREATE DATABASE {name}")
    yield name
    with psycopg.connect(PG_ADMIN, autocommit=True) as c:
        c.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def hq_url(kind: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    if kind == "sqlite":
        return f"sqlite:///{tmp_path / 'hq.sqlite'}"
    db = request.getfixturevalue("pg_database")
    schema = f"t_{secrets.token_hex(4)}"
    with psycopg.connect(f"host=127.0.0.1 port=5432 user=postgres dbname={db}",
                         autocommit=True) as c:
        c.execute(f"CREATE SCHEMA {schema}")
    return (f"postgresql+psycopg://postgres@127.0.0.1:5432/{db}"
            f"?options=-csearch_path%3D{schema}")


@dataclass
class Hq:
    url: str
    cfg: HqConfig
    app: Any
    client: TestClient
    clocks: dict[str, Clock] = field(default_factory=dict)

    @property
    def engine(self) -> Any:
        return self.app.state.engine

    @property
    def transport(self) -> httpx.BaseTransport:
        return self.client._transport  # type: ignore[attr-defined, no-any-return]

    def terminal(self, root: Path, store: str, term: str, franchisee: str, block: int,
                 clock: Clock | None = None) -> Terminal:
        clock = clock or Clock(datetime.now(TZ))
        t = Terminal.init(root / f"{store}-{term}", store=store, terminal=term,
                          franchisee=franchisee, program_file=PROGRAM, card_block=block,
                          clock=clock)
        with t.tx() as s:
            catalog.import_file(s, CATALOG, t.now())
            for code, name, role, pin in STAFF:
                staff.add_staff(s, code, name, role, pin)
            open_till(t, s)  # the day starts: a shift with its float
        _key, token = register_terminal(self.engine, franchisee, store, term, self.cfg.lease)
        register(t, "http://hq", token, transport=self.transport)
        return t

    def sync(self, t: Terminal, **kw: Any) -> Any:
        c = SyncClient(t, transport=kw.pop("transport", self.transport), **kw)
        try:
            return c.sync()
        finally:
            c.close()

    def hq_balance(self, code: str) -> int:
        with sessions(self.engine)() as s:
            return s.scalar(select(HqAccount.balance).where(HqAccount.code == code)) or 0

    def applied(self) -> int:
        with sessions(self.engine)() as s:
            return len(s.scalars(select(HqEvent.event_id)).all())


@pytest.fixture(params=["sqlite", "postgres"])
def hq(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Hq]:
    url = hq_url(request.param, tmp_path, request)
    cfg = HqConfig(database=url, lease=Decimal("2000.00"), admin_token="admin-secret")
    app = create_app(cfg)
    with TestClient(app, base_url="http://hq") as client:
        yield Hq(url, cfg, app, client)
    app.state.engine.dispose()


def card_balances(t: Terminal) -> dict[str, int]:
    """Every stored-value (cents) and member points account on the terminal (debit
    positive)."""
    with t.read() as s:
        return {
            a.code: a.balance
            for a in s.scalars(select(Account).where(
                Account.code.like("sv:card:%") | Account.code.like("points:member:%")))
        }


def topup(t: Terminal, card: str, amount: str) -> None:
    from pos_app.core import stored_value
    from pos_app.core.staff import CONSOLE

    with t.tx() as s:
        stored_value.topup(t, s, card, Decimal(amount), "cash", CONSOLE)


def assert_consistent(hq: Hq, *terms: Terminal, exact: bool = True) -> None:
    """After a full sync: nothing waits; HQ's books balance; every terminal's stored
    value equals HQ's; every event reached HQ exactly once."""
    for t in terms:
        hq.sync(t)  # a last round trip brings every terminal HQ's latest state
    with sessions(hq.engine)() as s:
        assert verify(s) == []
    total = 0
    for t in terms:
        with t.read() as s:
            assert s.scalars(select(OutboxEvent).where(OutboxEvent.status == "pending")).all() == []
            total += len(s.scalars(select(OutboxEvent)).all())
            rep = ledger.verify(s)
            assert rep.problems == []
        for code, bal in card_balances(t).items():
            assert bal == hq.hq_balance(code), (t.identity, code)
    if exact:
        assert hq.applied() == total


def main_card_of(t: Terminal, card_no: str) -> Card:
    with t.read() as s:
        return members.find_card(s, card_no, active_only=False)
