"""Roles, PINs with lockout, approvals, and the append-only hash-chained audit log."""

from __future__ import annotations

import sqlite3

import pytest

from pos_app.core import staff
from pos_app.core.errors import NotAllowed, NotFound, PosError
from pos_app.core.terminal import DB_FILE, Terminal

from .conftest import Clock


def test_pin_login_and_lockout(terminal: Terminal, clock: Clock) -> None:
    assert staff.check_pin(terminal, "1001", "1111") == staff.Operator("1001", "cashier")
    for _ in range(terminal.program.staff.pin_attempts):
        with pytest.raises(NotAllowed, match="wrong PIN"):
            staff.check_pin(terminal, "1001", "0000")
    with pytest.raises(NotAllowed, match="locked after 5 wrong PINs"):
        staff.check_pin(terminal, "1001", "1111")  # even the right PIN
    clock.advance(minutes=16)
    assert staff.check_pin(terminal, "1001", "1111").role == "cashier"
    with pytest.raises(NotFound):
        staff.check_pin(terminal, "9999", "1111")


def test_pins_are_hashed(terminal: Terminal) -> None:
    con = sqlite3.connect(terminal.data_dir / DB_FILE)
    hashes = [h for (h,) in con.execute("select pin_hash from staff")]
    con.close()
    assert all(h.startswith("$argon2id$") for h in hashes)
    with terminal.tx() as s, pytest.raises(PosError, match="4 to 8 digits"):
        staff.add_staff(s, "1002", "x", "cashier", "12a4")


def test_roles() -> None:
    cashier, sup, mgr = (
        staff.Operator("1", "cashier"),
        staff.Operator("2", "supervisor"),
        staff.Operator("3", "manager"),
    )
    assert staff.require(cashier, "sale", None) is None
    for action in ("refund", "price_override", "void_after_payment", "manual_discount"):
        with pytest.raises(NotAllowed, match="needs a supervisor's approval"):
            staff.require(cashier, action, None)
        with pytest.raises(NotAllowed, match="may not approve"):
            staff.require(cashier, action, staff.Operator("4", "cashier"))
        assert staff.require(cashier, action, sup) == "2"
        assert staff.require(sup, action, None) is None
    with pytest.raises(NotAllowed):
        staff.require(sup, "manage_staff", None)
    assert staff.require(mgr, "manage_staff", None) is None


def test_audit_chain_detects_an_edited_row(terminal: Terminal) -> None:
    with terminal.tx() as s:
        for i in range(3):
            staff.audit(s, terminal.now(), staff.CONSOLE, "test", f"row {i}", {"i": i})
    with terminal.read() as s:
        assert staff.verify_audit(s) == []
    con = sqlite3.connect(terminal.data_dir / DB_FILE)
    # the database refuses edits and deletions ...
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        con.execute("update audit_log set detail='{}' where id=2")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        con.execute("delete from audit_log where id=2")
    # ... and someone who drops the trigger to edit a row is caught by the chain
    con.execute("drop trigger audit_log_no_update")
    con.execute("""update audit_log set detail='{"i": 9}' where id=2""")
    con.commit()
    con.close()
    with terminal.read() as s:
        assert staff.verify_audit(s) == ["audit row 2: content does not match its hash"]


def test_ledger_entries_are_append_only(terminal: Terminal) -> None:
    from .helpers import cash, sell

    sell(terminal, [("6901234560060", 1)], [cash()])
    con = sqlite3.connect(terminal.data_dir / DB_FILE)
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        con.execute("update entries set amount = amount + 1")
    con.close()
