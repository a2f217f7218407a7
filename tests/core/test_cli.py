"""The `pos` command line: every command's happy path with the JSON it promises, and for
every command bad input that exits 2 with a one-line reason and changes nothing."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from pos_app import cli
from pos_app.demo import CATALOG, PROGRAM

from .conftest import COAT, KETTLE, LIPSTICK, SCARF, db_dump

ROOT = Path(__file__).resolve().parents[2]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, Any, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    data = None
    if code == 0 and "--json" in argv:
        data = json.loads(out)
    return code, data if data is not None else out, err


@pytest.fixture
def data(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    d = tmp_path / "data"
    assert run(capsys, "--data-dir", str(d), "init", "--store", "S001", "--terminal", "T01",
               "--franchisee", "F-EAST", "--program", str(PROGRAM))[0] == 0
    assert run(capsys, "--data-dir", str(d), "catalog", "import", str(CATALOG))[0] == 0
    return d


def pos(capsys: pytest.CaptureFixture[str], d: Path, *argv: str) -> Any:
    code, out, err = run(capsys, "--data-dir", str(d), "--json", *argv)
    assert code == 0, err
    return out


def snapshot(d: Path) -> tuple[str, list[str]]:
    return db_dump(d), sorted(str(p.relative_to(d)) for p in d.rglob("*")
                              if not p.name.endswith(("-wal", "-shm")))


def test_worked_example_through_the_cli(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    m = pos(capsys, data, "member", "enroll", "--name", "王芳", "--phone", "13800138000",
            "--birthday", "1990-05-20", "--consent")
    card = m["card"]
    assert m["phone"] == "138****8000" and m["tier"] == "regular"
    # earn points the month before, become silver by hand is not a CLI thing: buy up to it
    s0 = pos(capsys, data, "sale", "--at", "2026-10-01T10:00", "--member-card", card,
             "--item", f"{COAT}*5", "--tender", "cash")
    assert s0["tier_upgrade"] == "silver" and s0["points_earned"] == 3495
    sale = pos(capsys, data, "sale", "--at", "2026-11-09T14:00:00+08:00", "--member-card", card,
               "--item", COAT, "--item", f"{SCARF}*2", "--item", LIPSTICK,
               "--coupon", "D11-50-0001", "--tender", "points:200", "--tender", "cash",
               "--credited-staff", "1001")
    assert sale["total"] == "883.15"
    assert [ln["amount"] for ln in sale["lines"]] == ["490.21", "180.94", "212.00"]
    assert sale["lines"][0]["discounts"] == [
        {"source": "tier", "code": "silver", "name": "银卡", "amount": "34.95"},
        {"source": "spend_get_off", "code": "D11-APPAREL", "name": "秋冬百货满500减200",
         "amount": "146.08"},
        {"source": "coupon", "code": "D11-50-0001", "name": "双11满300立减50", "amount": "27.76"},
    ]
    assert sale["tenders"] == [{"kind": "points", "amount": "20.00", "points": 200},
                               {"kind": "cash", "amount": "863.15", "tendered": "863.15"}]
    assert sale["points_earned"] == 1035
    assert sale["member"]["tier"] == "silver"
    assert sale["member"]["points"] == 3495 - 200 + 1035
    assert sale["member"]["stored_value"] == {"principal": "0.00", "bonus": "0.00",
                                              "total": "0.00"}
    shown = pos(capsys, data, "member", "show", "--card", card)
    assert shown == sale["member"]
    top = pos(capsys, data, "stored-value", "topup", "--card", card, "--amount", "1000.00",
              "--tender", "cash")
    assert top["member"]["stored_value"] == {"principal": "1000.00", "bonus": "120.00",
                                             "total": "1120.00"}
    assert set(top["member"]) == set(shown)
    ref = pos(capsys, data, "refund", "--sale", sale["sale_id"], "--line", "2*1")
    assert ref["total"] == "90.47"
    assert pos(capsys, data, "ledger", "verify")["ok"] is True


def test_stored_value_sale_and_full_refund(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    card = pos(capsys, data, "member", "enroll", "--name", "李伟", "--phone", "13900139000")["card"]
    pos(capsys, data, "stored-value", "topup", "--card", card, "--amount", "500")
    sale = pos(capsys, data, "sale", "--member-card", card, "--item", KETTLE,
               "--tender", "stored_value")
    assert sale["pay_discount_applied"] is True
    assert sale["total"] == "253.82"
    assert sale["tenders"] == [{"kind": "stored_value", "amount": "253.82",
                                "principal": "253.82", "bonus": "0.00"}]
    ref = pos(capsys, data, "refund", "--sale", sale["sale_id"])
    assert ref["tenders"][0]["kind"] == "stored_value"
    assert ref["member"]["stored_value"]["total"] == "550.00"


def test_cards_and_staff_commands(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    card = pos(capsys, data, "member", "enroll", "--name", "王芳", "--phone", "13800138000",
               "--media", "nfc", "--media-id", "04A1B2C3D4E5F6")["card"]
    assert pos(capsys, data, "member", "show", "--card", "04A1B2C3D4E5F6")["card"] == card
    pos(capsys, data, "member", "bind", "--card", card, "--media", "magstripe")
    sub = pos(capsys, data, "member", "supplementary", "--card", card, "--holder", "王小芳",
              "--limit-per-sale", "200")
    assert sub["supplementary"] is True and sub["limit_per_sale"] == "200.00"
    pos(capsys, data, "stored-value", "topup", "--card", card, "--amount", "300")
    assert pos(capsys, data, "member", "block", "--card", card)["status"] == "blocked"
    new = pos(capsys, data, "member", "replace", "--card", card)
    assert new["card"] != card and new["stored_value"]["total"] == "300.00"
    hist = pos(capsys, data, "member", "show", "--phone", "13800138000", "--history")
    assert hist["tier_history"][0]["reason"] == "enrolled"
    env = {"POS_NEW_STAFF_PIN": "4321"}
    os.environ.update(env)
    try:
        assert pos(capsys, data, "staff", "add", "--code", "1002", "--name", "周", "--role",
                   "cashier")["role"] == "cashier"
    finally:
        os.environ.pop("POS_NEW_STAFF_PIN")
    code, _, err = run(capsys, "--data-dir", str(data), "--staff", "1002", "--pin", "4321",
                       "refund", "--sale", "S001-T01-000001")
    assert code == 2 and "refund needs a supervisor's approval" in err
    assert pos(capsys, data, "points", "expire") == {"expired": 0}
    assert pos(capsys, data, "tiers", "review") == []
    assert pos(capsys, data, "audit", "verify")["ok"] is True


BAD: list[tuple[list[str], str]] = [
    (["catalog", "import", "missing.csv"], "catalog file not found"),
    (["member", "enroll", "--name", "张三", "--phone", "12345"], "not a valid mainland China"),
    (["member", "enroll", "--name", "张三", "--phone", "13800138000", "--birthday", "1990-13-01"],
     "--birthday '1990-13-01' is not a date"),
    (["member", "enroll", "--name", "张三", "--phone", "13700137000"], "already belongs"),
    (["member", "show"], "give exactly one of --card or --phone"),
    (["member", "show", "--card", "88000199999999"], "no card"),
    (["member", "block", "--card", "nope"], "no card"),
    (["member", "replace", "--card", "CARD"], "is not blocked"),
    (["member", "bind", "--card", "CARD", "--media", "nfc", "--media-id", "zz"], "hex"),
    (["member", "supplementary", "--card", "CARD", "--limit-per-sale", "abc"],
     "--limit-per-sale: not a money amount"),
    (["stored-value", "topup", "--card", "CARD", "--amount", "1.005"], "not a money amount"),
    (["stored-value", "topup", "--card", "CARD", "--amount", "6000"], "cap"),
    (["stored-value", "topup", "--card", "CARD", "--amount", "100", "--tender", "gold"],
     "invalid choice"),
    (["sale", "--item", KETTLE, "--tender", "cash:10"], "tenders cover ￥10.00 of ￥259.00"),
    (["sale", "--item", "123", "--tender", "cash"], "'123' (line 1) is not in the catalog"),
    (["sale", "--item", f"{KETTLE}*x", "--tender", "cash"], "quantity must be a whole number"),
    (["sale", "--item", KETTLE, "--tender", "cheque"], "kind must be one of"),
    (["sale", "--item", KETTLE, "--tender", "points:abc"], "points:N"),
    (["sale", "--item", KETTLE, "--tender", "cash", "--at", "yesterday"], "not an ISO-8601"),
    (["sale", "--item", KETTLE, "--tender", "cash", "--coupon", "FAKE"], "not a code"),
    (["--staff", "1001", "--pin", "1111", "sale", "--item", KETTLE, "--override", f"{KETTLE}=1",
      "--tender", "cash"], "no active staff"),
    (["sale", "--item", KETTLE, "--override", f"{KETTLE}", "--tender", "cash"],
     "write CODE=PRICE"),
    (["refund", "--sale", "S001-T01-999999"], "no sale"),
    (["refund", "--sale", "S001-T01-000002", "--line", "x"], "--line 'x'"),
    (["points", "transfer", "--from-card", "CARD", "--to-card", "CARD", "--points", "1"],
     "does not allow points transfers"),
    (["staff", "add", "--code", "9", "--name", "x", "--role", "cashier", "--new-pin", "1"],
     "4 to 8 digits"),
    (["tiers", "review", "--at", "soon"], "not an ISO-8601"),
    (["init", "--store", "S1", "--terminal", "T1", "--franchisee", "F", "--program",
      str(PROGRAM)], "already holds a terminal ledger"),
    (["frobnicate"], "invalid choice"),
]


@pytest.mark.parametrize("argv,message", BAD, ids=[" ".join(a[:2]) + f"-{i}"
                                                    for i, (a, _) in enumerate(BAD)])
def test_bad_input_exits_2_and_changes_nothing(data: Path, capsys: pytest.CaptureFixture[str],
                                               argv: list[str], message: str) -> None:
    card = pos(capsys, data, "member", "enroll", "--name", "赵", "--phone", "13700137000")["card"]
    pos(capsys, data, "sale", "--item", KETTLE, "--tender", "cash")
    argv = [card if a == "CARD" else a for a in argv]
    before = snapshot(data)
    code, out, err = run(capsys, "--data-dir", str(data), *argv)
    assert code == 2
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("pos")
    assert message in lines[0]
    assert snapshot(data) == before


def test_init_refuses_bad_program_and_leaves_nothing(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "program.toml"
    bad.write_text(PROGRAM.read_text(encoding="utf-8").replace('discount = "0.95"',
                                                                "discount = 0.95"))
    d = tmp_path / "new"
    code, _, err = run(capsys, "--data-dir", str(d), "init", "--store", "S1", "--terminal", "T1",
                       "--franchisee", "F", "--program", str(bad))
    assert code == 2
    assert "line 31: tiers[1].discount" in err
    assert not d.exists()
    code, _, err = run(capsys, "--data-dir", str(d), "init", "--store", "S 1", "--terminal",
                       "T1", "--franchisee", "F", "--program", str(PROGRAM))
    assert code == 2 and "store must be 1-40 letters" in err and not d.exists()


def test_commands_need_an_initialised_folder(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--data-dir", str(tmp_path / "none"), "ledger", "verify")
    assert code == 2 and "run 'pos init' first" in err
    assert not (tmp_path / "none").exists()


def test_ledger_verify_reports_a_tampered_balance(data: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    import sqlite3

    pos(capsys, data, "sale", "--item", KETTLE, "--tender", "cash")
    con = sqlite3.connect(data / "pos.sqlite")
    con.execute("update accounts set balance = balance + 100 where code = 'cash:drawer'")
    con.commit()
    con.close()
    code, out, _ = run(capsys, "--data-dir", str(data), "ledger", "verify")
    assert code == 1
    assert "account cash:drawer: balance 26000 but entries sum to 25900" in out


def test_installed_command_and_demo(tmp_path: Path) -> None:
    """The console script as a user runs it: --version, then the demo twice (set up once)."""
    exe = Path(sys.executable).parent / "pos"
    assert subprocess.run([exe, "--version"], capture_output=True, text=True,
                          check=True).stdout.startswith("pos ")
    d = tmp_path / "demo"
    for _ in range(2):
        r = subprocess.run([exe, "--data-dir", str(d), "--json", "demo"], capture_output=True,
                           text=True, timeout=60)
        assert r.returncode == 0, r.stderr
        sale = json.loads(r.stdout)
        assert sale["total"] == "883.15" and sale["points_earned"] == 1035
    r = subprocess.run([exe, "--data-dir", str(d), "ledger", "verify"], capture_output=True,
                       text=True, timeout=60)
    assert r.returncode == 0 and r.stdout.startswith("ledger ok")


def test_json_after_the_command(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--data-dir", str(data), "ledger", "verify", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["ok"] is True
