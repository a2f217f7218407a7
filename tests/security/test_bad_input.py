"""Hostile and careless input gets a clean refusal, through the ``pos`` command in new
processes: program values out of bounds at init and at publish, non-ASCII digits and
huge numbers on the command line (exit 2, one line, nothing changed)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from pos_app.demo import PROGRAM
from tests.core.conftest import KETTLE

from .store import POS, copy_store, make_store, ok, pos, refused, sql

CASHIER = ("--staff", "1001", "--pin", "1111")


def bad_program(tmp: Path, old: str, new: str) -> Path:
    text = PROGRAM.read_text("utf-8")
    assert old in text
    p = tmp / "bad.toml"
    p.write_text(text.replace(old, new, 1), "utf-8")
    return p


BAD_PROGRAMS = [
    ('earn_per_yuan = "1"', 'earn_per_yuan = "1e30"', "points.earn_per_yuan: must be above 0"
                                                        " and at most 100"),
    ("expire_after_months = 24", "expire_after_months = 99999999999",
     "points.expire_after_months: must be at most 1200"),
    ('max_balance_registered = "5000.00"', 'max_balance_registered = "99999999999.00"',
     "stored_value.max_balance_registered: must be at most 10000000.00"),
    ('points_multiplier = "2.0"', 'points_multiplier = "1e9"', "points_multiplier: must be"),
]


@pytest.mark.parametrize(("old", "new", "message"), BAD_PROGRAMS)
def test_program_values_are_bounded_at_init(tmp_path: Path, old: str, new: str,
                                            message: str) -> None:
    program = bad_program(tmp_path, old, new)
    r = pos(tmp_path / "d", "init", "--store", "S001", "--terminal", "T01", "--franchisee",
            "F", "--program", str(program))
    refused(r, message)
    assert "line" in r.stderr and "bad.toml" in r.stderr
    assert not (tmp_path / "d").exists()


def test_a_topup_bonus_larger_than_the_topup_is_refused_at_init_and_publish(
        tmp_path: Path) -> None:
    text = PROGRAM.read_text("utf-8")
    program = tmp_path / "bad.toml"
    program.write_text(text + '\n[[stored_value.topup_bonus]]\nmin_topup = "100.00"\n'
                       'bonus = "500.00"\n', "utf-8")
    refused(pos(tmp_path / "d", "init", "--store", "S001", "--terminal", "T01",
                "--franchisee", "F", "--program", str(program)),
            "bonus: must not be more than min_topup (100.00), got 500.00")
    cfg = tmp_path / "hq.toml"
    cfg.write_text(f'[hq]\ndatabase = "sqlite:///{tmp_path / "hq.sqlite"}"\n', "utf-8")
    r = subprocess.run([str(POS), "hq", "publish", "--config", str(cfg), "--program",
                        str(program)], capture_output=True, text=True, timeout=120)
    refused(r, "bonus: must not be more than min_topup")
    r = subprocess.run([str(POS), "hq", "publish", "--config", str(cfg), "--program",
                        str(bad_program(tmp_path, *BAD_PROGRAMS[0][:2]))],
                       capture_output=True, text=True, timeout=120)
    refused(r, "points.earn_per_yuan: must be above 0 and at most 100")


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_store(tmp_path_factory.mktemp("store"))


def test_odd_digits_and_huge_numbers_on_the_command_line(template: Path,
                                                         tmp_path: Path) -> None:
    d = copy_store(template, tmp_path)
    ok(pos(d, *CASHIER, "sale", "--item", KETTLE, "--tender", "cash"))
    before = sql(d, "select count(*) from journal")
    for argv, message in (
        (["sale", "--item", f"{KETTLE}*²", "--tender", "cash"], "quantity must be a whole"),
        (["sale", "--item", f"{KETTLE}*٣", "--tender", "cash"], "quantity must be a whole"),
        (["sale", "--item", f"{KETTLE}*{'9' * 40}", "--tender", "cash"], "quantity"),
        (["sale", "--item", KETTLE, "--override", f"{KETTLE}={'9' * 400}", "--tender",
          "cash"], "--override"),
        (["sale", "--item", KETTLE, "--override", f"{KETTLE}=1e999", "--tender", "cash"],
         "--override"),
        (["sale", "--item", KETTLE, "--tender", "points:²"], "whole number of points"),
        (["sale", "--item", KETTLE, "--tender", f"cash:{'9' * 300}"], "--tender"),
        (["refund", "--sale", "S001-T01-000001", "--line", "¹"], "--line"),
    ):
        refused(pos(d, *CASHIER, "--approver", "2001", "--approver-pin", "2222", *argv),
                message)
    assert sql(d, "select count(*) from journal") == before


def test_control_and_direction_characters_and_odd_digits_in_the_catalog(
    template: Path, tmp_path: Path
) -> None:
    """A catalog row with a right-to-left override or a bell in a name, another script's
    digits in a SKU or price, or a price of 400 digits is refused with its code and row;
    nothing of the file is imported."""
    d = copy_store(template, tmp_path)
    before = sql(d, "select count(*) from items")
    csv = tmp_path / "bad.csv"
    csv.write_text(
        "sku,barcode,name,category,price\n"
        "OK-1,,好商品,food,12.50\n"
        "RTL-1,,\u202egnp.exe,food,1.00\n"
        "BEL-1,,铃\x07铛,food,1.00\n"
        "ZW-1,,零\u200b宽,food\u2066,1.00\n"
        "AR-\u0661\u0662,,阿拉伯数字,food,1.00\n"
        "PR-1,,价格,food,\u0661\u0662.00\n"
        f"BIG-1,,大,food,{'9' * 400}\n", "utf-8")
    r = pos(d, "catalog", "import", str(csv))
    refused(r, "6 bad row(s) of 7")
    assert "9" * 31 not in r.stderr  # a huge value is cut, not echoed whole
    line = r.stderr
    for expected in ("row 3: name holds control or direction characters",
                     "row 4: name holds control or direction characters",
                     "row 5: name holds control", "category holds control",
                     "row 6: sku 'AR-١٢' has digits of another script",
                     "row 7: price '١٢.00' is not an amount in yuan",
                     "row 8: price"):
        assert expected in line, (expected, line)
    assert "row 2" not in line
    assert sql(d, "select count(*) from items") == before
    # full-width digits typed with a Chinese input method are ASCII ones
    ok_csv = tmp_path / "ok.csv"
    ok_csv.write_text("sku,barcode,name,category,price\nFW-1,,全角,food,１２．５０\n", "utf-8")
    ok(pos(d, "catalog", "import", str(ok_csv)))
    assert sql(d, "select price from items where sku = 'FW-1'") == [(1250,)]


def test_control_characters_and_odd_digits_typed_at_the_counter(template: Path,
                                                                tmp_path: Path) -> None:
    d = copy_store(template, tmp_path)
    before = sql(d, "select count(*) from journal")
    refused(pos(d, *CASHIER, "sale", "--item", f"\u202e{KETTLE}", "--tender", "cash"),
            "control or direction characters")
    refused(pos(d, *CASHIER, "--approver", "2001", "--approver-pin", "2222", "sale",
                "--item", KETTLE, "--override", f"{KETTLE}=\u0661\u0662", "--tender", "cash"),
            "digits of another script")
    assert sql(d, "select count(*) from journal") == before
    # a barcode typed in full-width digits finds the item
    wide = "".join(chr(ord(c) + 0xFEE0) for c in KETTLE)
    ok(pos(d, *CASHIER, "sale", "--item", wide, "--tender", "cash"))
    assert sql(d, "select count(*) from sales where kind = 'sale'")[0][0] >= 1
