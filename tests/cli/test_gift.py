"""``pos gift`` and the gifts of ``pos sale``: stock received and counted by a
supervisor, a gift for points at the counter and at the checkout, a gift with a
purchase chosen by the customer (the program's 满赠 made current for the test), and
bad input refused whole."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pos_app.demo import CATALOG, PROGRAM

from .conftest import KETTLE, MANAGER, MANAGER_PIN, assert_refused, bad_ids, pos, run

CREAM = "6901234560077"
SUP = ("--staff", "2001", "--pin", "2222")


@pytest.fixture
def gift_data(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """The demo program with its gift-with-purchase promotion running all year."""
    prog = tmp_path / "program.toml"
    prog.write_text(PROGRAM.read_text("utf-8").replace(
        'kind = "gift_with_purchase"', 'kind = "gift_with_purchase"\nstart = 2020-01-01\n'
        'end = 2099-12-31').replace("start = 2026-11-07\nend = 2026-11-11\n\n[[services]]",
                                    "\n[[services]]"), "utf-8")
    d = tmp_path / "data"
    run(capsys, "--data-dir", str(d), "init", "--store", "S001", "--terminal", "T01",
        "--franchisee", "F-EAST", "--program", str(prog))
    run(capsys, "--data-dir", str(d), "catalog", "import", str(CATALOG))
    assert run(capsys, "--data-dir", str(d), "staff", "add", "--code", MANAGER, "--name",
               "陈静", "--role", "manager", "--new-pin", MANAGER_PIN)[0] == 0
    for code, name, role, pin in (("2001", "刘洋", "supervisor", "2222"),
                                  ("1001", "张敏", "cashier", "1111")):
        assert run(capsys, "--data-dir", str(d), "--staff", MANAGER, "--pin", MANAGER_PIN,
                   "staff", "add", "--code", code, "--name", name, "--role", role,
                   "--new-pin", pin)[0] == 0
    assert run(capsys, "--data-dir", str(d), "shift", "open", "--float", "500")[0] == 0
    return d


def test_stock_redeem_and_gift_with_purchase(gift_data: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    d = gift_data
    stock = pos(capsys, d, "gift", "stock")
    assert [(g["gift"], g["on_hand"]) for g in stock["gifts"]] == [("BEAUTY-SET", 0),
                                                                   ("UMBRELLA", 0)]
    got = pos(capsys, d, *SUP, "gift", "receive", "--gift", "UMBRELLA", "--qty", "5",
              "--reason", "DN-1202")
    assert (got["qty"], got["on_hand"]) == (5, 5)
    pos(capsys, d, *SUP, "gift", "receive", "--gift", "BEAUTY-SET", "--qty", "1")
    counted = pos(capsys, d, *SUP, "gift", "count", "--gift", "UMBRELLA", "--counted", "4",
                  "--reason", "one damaged")
    assert (counted["difference"], counted["on_hand"]) == (-1, 4)

    card = pos(capsys, d, "member", "enroll", "--name", "王芳", "--phone", "13800138000")["card"]
    pos(capsys, d, "sale", "--member-card", card, "--item", f"{KETTLE}*4", "--tender", "cash")
    sale = pos(capsys, d, "sale", "--item", f"{CREAM}*2", "--tender", "cash",
               "--gift", "D11-GWP=BEAUTY-SET", "--assistant", "1001")
    assert sale["gifts"] == [{"gift": "BEAUTY-SET", "name": "美妆礼盒", "value": "120.00",
                              "source": "promotion", "promotion": "D11-GWP", "points": 0,
                              "settled_as": None}]
    assert sale["total"] == "916.00" and sale["credited_staff"] == "1001"
    shown = pos(capsys, d, "receipt", "show", "--no", sale["sale_id"])
    assert "美妆礼盒" in json.dumps(shown, ensure_ascii=False)

    red = pos(capsys, d, "gift", "redeem", "--card", card, "--gift", "UMBRELLA")
    assert (red["points"], red["on_hand"]) == (500, 3)
    sale = pos(capsys, d, "sale", "--member-card", card, "--item", KETTLE, "--tender", "cash",
               "--gift-for-points", "UMBRELLA")
    assert [(g["gift"], g["source"], g["points"]) for g in sale["gifts"]] == [
        ("UMBRELLA", "points", 500)]
    stock = pos(capsys, d, "gift", "stock")
    assert [(g["gift"], g["on_hand"]) for g in stock["gifts"]] == [("BEAUTY-SET", 0),
                                                                   ("UMBRELLA", 2)]
    assert pos(capsys, d, "ledger", "verify")["ok"] is True


def test_in_a_new_process(gift_data: Path) -> None:
    """The ``pos`` command itself, run as a store's scripts run it."""
    env = {**os.environ, "POS_DATA_DIR": str(gift_data), "POS_STAFF_PIN": "2222"}

    def pos_cmd(*argv: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "pos_app.cli", "--json", *argv],
                              capture_output=True, text=True, env=env, timeout=120)

    got = pos_cmd("--staff", "2001", "gift", "receive", "--gift", "UMBRELLA", "--qty", "2")
    assert got.returncode == 0, got.stderr
    assert json.loads(got.stdout)["on_hand"] == 2
    bad = pos_cmd("--staff", "1001", "--pin", "1111", "gift", "receive", "--gift",
                  "UMBRELLA", "--qty", "2")
    assert bad.returncode == 2 and "needs a supervisor" in bad.stderr


BAD = [
    (["--staff", "2001", "--pin", "2222", "gift", "receive", "--gift", "KITE", "--qty", "1"],
     "no gift 'KITE' in the program"),
    (["--staff", "2001", "--pin", "2222", "gift", "receive", "--gift", "UMBRELLA",
      "--qty", "0"], "gift quantity must be 1 to 100000, got 0"),
    (["--staff", "2001", "--pin", "2222", "gift", "count", "--gift", "UMBRELLA",
      "--counted", "-1", "--reason", "x"], "a counted stock must be 0 to"),
    (["--staff", "1001", "--pin", "1111", "gift", "receive", "--gift", "UMBRELLA",
      "--qty", "1"], "needs a supervisor"),
    (["gift", "redeem", "--card", "CARD", "--gift", "UMBRELLA"], "is out of stock"),
    (["sale", "--item", KETTLE, "--tender", "cash", "--gift-for-points", "UMBRELLA"],
     "a gift for points needs a member card"),
    (["sale", "--item", KETTLE, "--tender", "cash", "--gift", "D11-GWP"],
     "--gift 'D11-GWP': give PROMOTION=GIFT"),
    (["sale", "--item", KETTLE, "--tender", "cash", "--assistant", "9999"],
     "no active staff member 9999"),
]


@pytest.mark.parametrize(("argv", "message"), BAD, ids=bad_ids(BAD))
def test_bad_input_refused_whole(gift_data: Path, capsys: pytest.CaptureFixture[str],
                                 argv: list[str], message: str) -> None:
    assert_refused(capsys, gift_data, argv, message)
