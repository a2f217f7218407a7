"""Fixtures for the core: a terminal in a temporary data folder with the demo program,
the demo catalog and three staff members, on a clock the test can move; ``terminal``
has a shift open (a supervisor put a 500.00 float in the drawer), ``bare_terminal``
none."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from pos_app.core import catalog, shifts, staff
from pos_app.core.terminal import DB_FILE, Terminal
from pos_app.demo import CATALOG, PROGRAM, STAFF

TZ = ZoneInfo("Asia/Shanghai")
# The worked example's moment: the Double 11 promotions and coupons are on.
D11 = datetime(2026, 11, 9, 14, 0, tzinfo=TZ)

# Barcodes of the demo catalog
COAT, SCARF, LIPSTICK, BOOTS, TEA, KETTLE, CREAM, SOCKS, TOTE, RICE = (
    "6901234560015",
    "6901234560022",
    "6901234560039",
    "6901234560046",
    "6901234560053",
    "6901234560060",
    "6901234560077",
    "6901234560084",
    "6901234560091",
    "6901234560107",
)
# The demo's silver member 王芳: 2003 points, stored value on her card
SILVER_PHONE = "13800138000"


OPENER = staff.Operator("2001", "supervisor")


class Clock:
    """A clock the test sets and moves."""

    def __init__(self, at: datetime) -> None:
        self.at = at

    def __call__(self) -> datetime:
        return self.at

    def advance(self, **kw: float) -> None:
        self.at += timedelta(**kw)


@pytest.fixture
def clock() -> Clock:
    return Clock(D11)


@pytest.fixture
def terminal(bare_terminal: Terminal) -> Terminal:
    """A terminal whose till is open: sales, refunds and top-ups need a shift."""
    with bare_terminal.tx() as s:
        shifts.open_shift(bare_terminal, s, Decimal("500.00"), OPENER)
    return bare_terminal


@pytest.fixture
def bare_terminal(tmp_path: Path, clock: Clock) -> Iterator[Terminal]:
    t = Terminal.init(
        tmp_path / "data",
        store="S001",
        terminal="T01",
        franchisee="F-EAST",
        program_file=PROGRAM,
        clock=clock,
    )
    with t.tx() as s:
        catalog.import_file(s, CATALOG, t.now())
        for code, name, role, pin in STAFF:
            staff.add_staff(s, code, name, role, pin)
    yield t
    t.close()


def db_dump(data_dir: Path) -> str:
    """Every row of every table, for 'nothing changed' checks."""
    con = sqlite3.connect(data_dir / DB_FILE)
    try:
        return "\n".join(con.iterdump())
    finally:
        con.close()
