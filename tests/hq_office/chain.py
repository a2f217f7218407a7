"""A small chain that really traded through HQ, for the back-office tests: three
franchisees, four stores, members enrolled in two of them, top-ups, sales paid across
franchisees with stored value and points, a card spent offline in two stores (one
overdraft), and one person for each role. The terminals' clocks are in a month that
is over, so each has one clock-skew alert too.

    F-EAST: S001/T01, S002/T01     F-WEST: S003/T01     F-NORTH: S004/T01
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from pos_app.core.terminal import Terminal
from sync.client import SyncOffline
from sync.hq.db import sessions
from sync.hq.office import access
from tests.core.conftest import COAT, SCARF, TZ, Clock
from tests.core.helpers import cash, enroll, points, sell, sv
from tests.sync.conftest import Hq

START = datetime(2026, 10, 12, 10, 0, tzinfo=TZ)  # a month that is over
MONTH = "2026-10"
PASSWORD = "correct-horse-battery"
USERS = {  # login: (role, franchisee, stores)
    "boss": ("admin", None, ""),
    "pm": ("program_manager", None, ""),
    "acc-east": ("accountant", "F-EAST", ""),
    "acc-west": ("accountant", "F-WEST", ""),
    "mgr3": ("store_manager", None, "S003"),
    "audit": ("auditor", None, ""),
}


class Down(httpx.BaseTransport):
    def handle_request(self, request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("no route to HQ")


@dataclass
class Chain:
    hq: Hq
    terminals: dict[str, Terminal]
    cards: dict[str, str]  # name -> card number
    clock: Clock
    facts: dict[str, Any] = field(default_factory=dict)

    def sync_all(self) -> None:
        for t in self.terminals.values():
            self.hq.sync(t)


def build(hq: Hq, root: Path) -> Chain:
    clock = Clock(START)
    terms = {
        "S001": hq.terminal(root, "S001", "T01", "F-EAST", 1, clock),
        "S002": hq.terminal(root, "S002", "T01", "F-EAST", 2, clock),
        "S003": hq.terminal(root, "S003", "T01", "F-WEST", 3, clock),
        "S004": hq.terminal(root, "S004", "T01", "F-NORTH", 4, clock),
    }
    ch = Chain(hq, terms, {}, clock)
    e, w, n2 = terms["S001"], terms["S003"], terms["S002"]
    ch.cards["east"] = enroll(e, phone="13800138001", name="李娜", topup="500.00",
                              id_number="110101199003074514", birthday=date(1990, 3, 7))
    ch.cards["west"] = enroll(w, phone="13900139003", name="张伟", topup="1000.00")
    ch.cards["offline"] = enroll(n2, phone="13700137002", name="王芳", topup="400.00")
    ch.cards["spare"] = enroll(w, phone="13600136005", name="赵敏")
    ch.sync_all()
    ch.sync_all()  # every terminal now knows every card
    sell(e, [(COAT, 1)], [cash()], card=ch.cards["east"])  # 699 points for the east member
    hq.sync(e)
    hq.sync(w)
    clock.advance(days=1)
    sell(e, [(SCARF, 1)], [sv("100.00"), cash()], card=ch.cards["west"])  # WEST owes EAST
    sell(w, [(SCARF, 1)], [points(200), cash()], card=ch.cards["east"])  # EAST owes WEST ¥20
    sell(terms["S004"], [(SCARF, 1)], [sv("50.00"), cash()], card=ch.cards["east"])
    ch.sync_all()
    # the same card spent offline in two stores: the later upload overdraws it
    clock.advance(days=1)
    for t in (n2, w):
        with pytest.raises(SyncOffline):
            hq.sync(t, transport=Down())
    sell(n2, [(COAT, 1)], [sv("300.00"), cash()], card=ch.cards["offline"])
    sell(w, [(COAT, 1)], [sv("300.00"), cash()], card=ch.cards["offline"])
    hq.sync(n2)
    hq.sync(w)
    ch.sync_all()
    with sessions(hq.engine)() as s, s.begin():
        for login, (role, fr, stores) in USERS.items():
            access.add_user(s, login, login, role, PASSWORD, franchisee=fr, stores=stores,
                            lang="en")
    return ch


CSRF = re.compile(r'name="csrf" value="([^"]+)"')


class Browser:
    """One person's signed-in HTTP session with the back office (its own cookies)."""

    def __init__(self, app: Any, login: str, password: str = PASSWORD) -> None:
        self.c = TestClient(app, base_url="http://hq", follow_redirects=False,
                            headers={"Accept-Language": "en"})
        page = self.c.get("/office/login")
        token = CSRF.search(page.text).group(1)  # type: ignore[union-attr]
        r = self.c.post("/office/login", data={"login": login, "password": password,
                                               "csrf": token, "next": "/office/dashboard"})
        self.signed_in = r.status_code == 303 and r.headers["location"] == "/office/dashboard"
        self.login_answer = r
        self.csrf = ""
        if self.signed_in:
            got = CSRF.search(self.c.get("/office/dashboard").text)
            self.csrf = got.group(1) if got else ""

    def get(self, url: str, **kw: Any) -> httpx.Response:
        return self.c.get(url, **kw)

    def post(self, url: str, data: dict[str, Any] | None = None) -> httpx.Response:
        return self.c.post(url, data={"csrf": self.csrf, **(data or {})})
