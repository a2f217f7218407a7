"""Downloads: master data, member changes, the hotlist, and an HQ database that went
back (HQ restored from a backup)."""

from __future__ import annotations

import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from pos_app.core import members, tiers
from pos_app.core.errors import PosError
from pos_app.core.models import Item, Member, OutboxEvent
from pos_app.core.staff import CONSOLE
from pos_app.demo import CATALOG, PROGRAM
from sync.client import SyncError
from sync.hq.service import publish_master
from tests.core.conftest import COAT, SOCKS
from tests.core.helpers import cash, enroll, member_state, open_till, sell, sv
from tests.sync.conftest import Hq, assert_consistent


def test_master_data_reaches_terminals(hq: Hq, tmp_path: Path) -> None:
    a = hq.terminal(tmp_path, "S001", "T01", "F-EAST", 1)
    program = PROGRAM.read_text("utf-8").replace(
        'offline_spend_cap_per_card = "300.00"', 'offline_spend_cap_per_card = "120.00"'
    ).replace('name = "Demo Department Store VIP"', 'name = "HQ program v2"')
    catalog_text = CATALOG.read_text("utf-8") + "NEW-011,6901234560114,新品 New item,food,9.90,,\n"
    assert publish_master(hq.engine, "program", program) == 1
    assert publish_master(hq.engine, "catalog", catalog_text) == 1
    r = hq.sync(a)
    assert r.downloaded_changes == 2
    assert a.program.name == "HQ program v2"
    assert a.program.stored_value.offline_spend_cap_per_card == Decimal("120.00")
    assert (a.data_dir / "program.toml").read_text("utf-8") == program
    with a.read() as s:
        assert s.get(Item, "NEW-011") is not None
    # a program that does not load is refused before anything is applied
    assert hq.sync(a).downloaded_changes == 0
    publish_master(hq.engine, "program", "[program]\nname = 'broken'\n")
    with pytest.raises(SyncError, match="program was not applied"):
        hq.sync(a)
    assert a.program.name == "HQ program v2"
    assert_consistent_ignoring_master(hq, a)


def assert_consistent_ignoring_master(hq: Hq, a: object) -> None:
    publish_master(hq.engine, "program", PROGRAM.read_text("utf-8"))  # a good one again
    assert_consistent(hq, a)  # type: ignore[arg-type]


def test_member_changes_and_hotlist_reach_other_stores(hq: Hq, tmp_path: Path) -> None:
    a = hq.terminal(tmp_path, "S001", "T01", "F-EAST", 1)
    b = hq.terminal(tmp_path, "S002", "T01", "F-WEST", 2)
    card = enroll(a, topup="300.00")
    with a.tx() as s:
        m = s.scalars(select(Member)).one()
        tiers.set_tier(a, s, m, "gold", CONSOLE, "VIP event")
    hq.sync(a)
    hq.sync(b)
    with b.read() as s:
        mb = s.scalars(select(Member)).one()
        assert mb.tier_code == "gold"
        # the chain's PII key: B finds A's member by phone
        assert mb.phone_hash == b.vault.lookup_hash("phone", "13800138000")
    sell(b, [(SOCKS, 1)], [sv("10.00"), cash()], card=card)
    with b.tx() as s:
        members.block_card(b, s, card, CONSOLE, "lost")
    hq.sync(b)
    hq.sync(a)
    with pytest.raises(PosError, match="blocked"):
        sell(a, [(COAT, 1)], [sv("10.00"), cash()], card=card)
    # replaced at B: A learns the new card, with the value moved onto it
    with b.tx() as s:
        new_no = members.replace_card(b, s, card, CONSOLE, approved_by="2001").card_no
    hq.sync(b)
    hq.sync(a)
    p, bonus, _ = member_state(a, new_no)
    assert p + bonus == Decimal("290.00")
    sell(a, [(COAT, 1)], [sv("20.00"), cash()], card=new_no)
    with a.read() as s:
        old = members.find_card(s, card, active_only=False)
        assert old.status == "replaced" and old.replaced_by_id is not None
    assert_consistent(hq, a, b)


@pytest.mark.parametrize("hq", ["sqlite"], indirect=True)
def test_hq_database_restored_from_backup(hq: Hq, tmp_path: Path) -> None:
    a = hq.terminal(tmp_path, "S001", "T01", "F-EAST", 1)
    card = enroll(a, topup="500.00")
    hq.sync(a)
    path = hq.url.removeprefix("sqlite:///")
    backup = sqlite3.connect(tmp_path / "hq-backup.sqlite")
    with sqlite3.connect(path) as live:
        live.backup(backup)
    for _ in range(3):
        sell(a, [(SOCKS, 1)], [sv("5.00"), cash()], card=card)
    hq.sync(a)
    hq.engine.dispose()
    with sqlite3.connect(path) as live:
        backup.backup(live)  # HQ goes back: the last three sales are gone there
    backup.close()
    sell(a, [(SOCKS, 1)], [sv("5.00"), cash()], card=card)
    r = hq.sync(a)
    assert r.uploaded == 4
    with a.read() as s:
        assert not s.scalars(select(OutboxEvent).where(OutboxEvent.status == "pending")).all()
    assert_consistent(hq, a)


def test_single_use_coupon_works_once_in_the_brand(hq: Hq, tmp_path: Path) -> None:
    from pos_app.core import refunds
    from tests.core.conftest import D11, Clock
    from tests.core.helpers import SUPERVISOR

    a = hq.terminal(tmp_path, "S001", "T01", "F-EAST", 1, clock=Clock(D11))
    b = hq.terminal(tmp_path, "S002", "T01", "F-WEST", 2, clock=Clock(D11))
    out = sell(a, [(COAT, 1)], [cash()], coupon="D11-50-0001")
    hq.sync(a)
    hq.sync(b)
    with pytest.raises(PosError, match="(?i)coupon"):
        sell(b, [(COAT, 1)], [cash()], coupon="D11-50-0001")
    with a.tx() as s:  # the whole sale comes back: the coupon is unspent again
        refunds.refund(a, s, out.sale.sale_no, None, SUPERVISOR)
    hq.sync(a)
    hq.sync(b)
    sell(b, [(COAT, 1)], [cash()], coupon="D11-50-0001")
    hq.sync(b)
    hq.sync(a)
    with pytest.raises(PosError, match="(?i)coupon"):
        sell(a, [(COAT, 1)], [cash()], coupon="D11-50-0001")
    assert_consistent(hq, a, b)


def test_members_enrolled_before_registration_are_found_chain_wide(hq: Hq,
                                                                   tmp_path: Path) -> None:
    from pos_app.core import catalog, outbox, staff
    from pos_app.core.terminal import Terminal
    from pos_app.demo import STAFF
    from sync.client import register
    from sync.hq.service import register_terminal

    a = Terminal.init(tmp_path / "early", store="S009", terminal="T01", franchisee="F-EAST",
                      program_file=PROGRAM, card_block=9)
    with a.tx() as s:
        catalog.import_file(s, CATALOG, a.now())
        for code, name, role, pin in STAFF:
            staff.add_staff(s, code, name, role, pin)
        open_till(a, s)  # the day starts: a shift with its float
    from datetime import date

    card = enroll(a, phone="13700137000", topup="100.00", id_number="110101199003074514",
                  birthday=date(1990, 3, 7))
    sell(a, [(SOCKS, 1)], [cash()], card=card)
    _k, token = register_terminal(hq.engine, "F-EAST", "S009", "T01", Decimal("500"))
    register(a, "http://hq", token, transport=hq.transport)  # the chain's key replaces ours
    with a.read() as s:
        assert outbox.verify_chain(a, s) == []
        m = s.scalars(select(Member)).one()
        assert m.phone_hash == a.vault.lookup_hash("phone", "13700137000")
    b = hq.terminal(tmp_path, "S002", "T01", "F-WEST", 2)
    hq.sync(a)
    hq.sync(b)
    with b.read() as s:
        mb = s.scalars(select(Member)).one()
        assert mb.phone_hash == b.vault.lookup_hash("phone", "13700137000")
        assert mb.phone_enc is not None
        assert b.vault.decrypt("phone", mb.phone_enc) == "13700137000"
    assert_consistent(hq, a, b)
