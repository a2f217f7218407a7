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
