"""Backdating and rewinding, as an insider at the counter would try them with the ``pos``
command (new processes), checked with sqlite3 on the ledger file: ``--at`` only as a
training sale (nothing kept as money) or a manager-approved late entry (marked and
audited); a restore only by a manager, named in the audit."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.core.conftest import COAT, KETTLE

from .store import copy_store, make_store, ok, pos, refused, sql

CASHIER = ("--staff", "1001", "--pin", "1111")
MANAGER = ("--approver", "3001", "--approver-pin", "3333")
D11 = "2026-11-09T14:00"  # the Double 11 coupons' window, long past
COUNTS = ("sales", "journal", "entries", "outbox", "coupon_uses", "receipt_records")


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_store(tmp_path_factory.mktemp("store"))


def counts(d: Path) -> dict[str, int]:
    rows = {t: sql(d, f"select count(*) from {t}")[0][0] for t in COUNTS}
    receipt_no = sql(d, "select value from counters where name = 'receipt'")
    rows["receipt_no"] = receipt_no[0][0] if receipt_no else 0
    return rows


def test_a_cashier_cannot_backdate_a_sale(template: Path, tmp_path: Path) -> None:
    d = copy_store(template, tmp_path)
    before = counts(d)
    sale = ["sale", "--at", D11, "--item", COAT, "--coupon", "D11-50-0001", "--tender", "cash"]
    refused(pos(d, *CASHIER, *sale), "late entry needs a manager's approval")
    refused(pos(d, *sale), "late entry needs a manager named with --staff")  # nor the console
    refused(pos(d, *CASHIER, "--approver", "2001", "--approver-pin", "2222", *sale),
            "may not approve late entry")
    assert counts(d) == before
    # the same coupon today is out of its window: refused for that
    refused(pos(d, *CASHIER, "sale", "--item", COAT, "--coupon", "D11-50-0001", "--tender",
                "cash"), "D11-50-0001")


def test_a_training_sale_keeps_no_money(template: Path, tmp_path: Path) -> None:
    d = copy_store(template, tmp_path)
    before = counts(d)
    r = ok(pos(d, *CASHIER, "--json", "sale", "--training", "--at", D11, "--item", COAT,
               "--coupon", "D11-50-0001", "--tender", "cash"))
    assert '"training": true' in r.stdout and '"sale_id": "TRAIN-000001"' in r.stdout
    assert "D11-50-0001" in r.stdout  # priced as on that day
    # nothing kept: no sale, journal, receipt, coupon use or event to sync
    assert counts(d) == before
    assert sql(d, "select staff, subject from audit_log where action = 'training_sale'") == [
        ("1001", "TRAIN-000001")]
    # the receipt numbers of real sales go on without a gap
    r = ok(pos(d, *CASHIER, "--json", "sale", "--item", KETTLE, "--tender", "cash"))
    assert '"sale_id": "S001-T01-000001"' in r.stdout
    r = ok(pos(d, *CASHIER, "sale", "--training", "--item", KETTLE, "--tender", "cash"))
    assert "TRAINING" in r.stdout and "TRAIN-000002" in r.stdout


def test_a_late_entry_needs_a_manager_and_is_marked(template: Path, tmp_path: Path) -> None:
    d = copy_store(template, tmp_path)
    ok(pos(d, *CASHIER, *MANAGER, "sale", "--at", D11, "--item", COAT, "--tender", "cash"))
    (no, business_time, recorded_at, late_by), = sql(
        d, "select sale_no, business_time, recorded_at, late_entry_by from sales")
    assert late_by == "3001" and business_time.startswith("2026-11-09T06:00")
    assert recorded_at > business_time
    assert sql(d, "select staff, subject, approved_by from audit_log "
                  "where action = 'late_entry'") == [("1001", f"sale {no}", "3001")]
    # a time ahead of now is no late entry
    refused(pos(d, *CASHIER, *MANAGER, "sale", "--at", "2099-01-01T10:00", "--item", COAT,
                "--tender", "cash"), "in the future")


def test_a_restore_needs_a_manager_named_in_the_audit(template: Path, tmp_path: Path) -> None:
    d = copy_store(template, tmp_path)
    r = ok(pos(d, "--json", "backup"))
    backup = r.stdout.split('"file": "')[1].split('"')[0]
    ok(pos(d, *CASHIER, "sale", "--item", KETTLE, "--tender", "cash"))
    refused(pos(d, "restore", backup, "--yes"), "restore needs a manager named with --staff")
    refused(pos(d, *CASHIER, "restore", backup, "--yes"), "restore needs a manager")
    refused(pos(d, "--staff", "2001", "--pin", "2222", "restore", backup, "--yes"),
            "restore needs a manager")
    assert sql(d, "select count(*) from sales")[0][0] == 1  # the sale is still there
    r = pos(d, "--staff", "3001", "--pin", "3333", "restore", backup, "--yes")
    assert r.returncode == 0, r.stderr
    assert sql(d, "select count(*) from sales")[0][0] == 0
    assert sql(d, "select staff from audit_log where action = 'restore'") == [("3001",)]
