"""An in-process HQ (SQLite, Starlette TestClient) with one registered terminal that has
a few real events (enrollment, top-up, sale, refund), for the HQ fuzz tests."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import func, select

from pos_app.core import catalog, refunds, staff
from pos_app.core.models import OutboxEvent
from pos_app.core.terminal import Terminal
from pos_app.demo import CATALOG, PROGRAM, STAFF
from sync.client import register, wire
from sync.hq.app import create_app
from sync.hq.config import HqConfig
from sync.hq.db import sessions
from sync.hq.models import HqAccount, HqEntry, HqEvent, HqSale, HqTerminal
from sync.hq.service import register_terminal
from tests.core.helpers import CASHIER, SUPERVISOR, cash, enroll, open_till, sell, sv

ADMIN = "admin-secret"


@dataclass
class FuzzHq:
    app: Any
    client: TestClient
    terminal: Terminal
    key: str
    token: str
    events: list[dict[str, Any]]  # the terminal's events as sent on the wire

    @property
    def headers(self) -> dict[str, str]:
        return {"X-Terminal": self.key, "Authorization": f"Bearer {self.token}"}

    def books(self) -> tuple[Any, ...]:
        """What an applied event would change: accounts, entries, taken ids, sales,
        the terminal's stream position."""
        with sessions(self.app.state.engine)() as s:
            return (
                sorted(s.execute(select(HqAccount.code, HqAccount.balance)).all()),
                s.scalar(select(func.count()).select_from(HqEntry)),
                sorted(s.scalars(select(HqEvent.event_id))),
                s.scalar(select(func.count()).select_from(HqSale)),
                s.execute(select(HqTerminal.next_seq, HqTerminal.last_hash, HqTerminal.epoch)
                          .where(HqTerminal.key == self.key)).all(),
            )

    def post(self, events: list[dict[str, Any]]) -> Any:
        return self.client.post("/v1/events", json={"events": events}, headers=self.headers)


def make_hq(root: Path) -> Iterator[FuzzHq]:
    cfg = HqConfig(database=f"sqlite:///{root / 'hq.sqlite'}", lease=Decimal("2000.00"),
                   admin_token=ADMIN)
    app = create_app(cfg)
    with TestClient(app, base_url="http://hq") as client:
        t = Terminal.init(root / "term", store="S001", terminal="T01", franchisee="F-EAST",
                          program_file=PROGRAM)
        with t.tx() as s:
            catalog.import_file(s, CATALOG, t.now())
            for code, name, role, pin in STAFF:
                staff.add_staff(s, code, name, role, pin)
            open_till(t, s)  # the day starts: a shift with its float
        key, token = register_terminal(app.state.engine, "F-EAST", "S001", "T01",
                                       Decimal("2000"))
        register(t, "http://hq", token, transport=client._transport)  # type: ignore[attr-defined]
        card = enroll(t, topup="500.00")
        out = sell(t, [("6901234560015", 1)], [sv("100.00"), cash()], card=card)
        sell(t, [("6901234560022", 2)], [cash()], card=card)
        with t.tx() as s:
            refunds.refund(t, s, out.sale.sale_no, None, CASHIER, SUPERVISOR)
        with t.read() as s:
            evs = [wire(e) for e in s.scalars(select(OutboxEvent).order_by(OutboxEvent.seq))]
        try:
            yield FuzzHq(app, client, t, key, token, json.loads(json.dumps(evs)))
        finally:
            t.close()
    app.state.engine.dispose()
