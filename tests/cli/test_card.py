"""``pos card``: finance makes a batch and writes its delivery note, another store's
counter receives it with the note (each a new ``pos`` process), the stock is shown, a
card is issued from it; bad input refused with one line and nothing written."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
from pathlib import Path

import pytest

from tests.security.store import make_store, ok, pos, refused, sql

from .conftest import assert_refused, bad_ids, run
from .conftest import pos as pos_in

SUPERVISOR = ["--staff", "2001", "--pin", "2222"]
MANAGER = ["--staff", "3001", "--pin", "3333"]


def stocked(d: Path, *batches: tuple[str, str, str, int]) -> None:
    """Batches of (product, media, first number, count) made and received into the
    store's stock, in order (batch S001-0001, S001-0002, ...)."""
    for n, (product, media, start, count) in enumerate(batches, 1):
        ok(pos(d, "card", "batch", "--product", product, "--media", media, "--start", start,
               "--count", str(count)))
        ok(pos(d, "card", "receive", "--batch", f"S001-{n:04d}"))


def test_batch_note_receive_issue_in_new_processes(tmp_path: Path) -> None:
    for d in ("finance", "store"):
        (tmp_path / d).mkdir()
    finance = make_store(tmp_path / "finance")
    note = tmp_path / "batch.json"
    r = ok(pos(finance, *MANAGER, "--json", "card", "batch", "--product", "VIP5000", "--media",
               "nfc", "--start", "890100000001", "--count", "20", "--note", str(note)))
    made = json.loads(r.stdout)
    assert made == json.loads(note.read_text("utf-8"))
    assert (made["first"], made["last"], made["count"]) == ("8901000000019", "8901000000209", 20)
    assert stat.S_IMODE(os.stat(note).st_mode) == 0o600
    store = make_store(tmp_path / "store")
    refused(pos(store, "--staff", "1001", "--pin", "1111", "card", "receive", "--note",
                str(note)), "needs a supervisor")
    r = ok(pos(store, *SUPERVISOR, "--json", "card", "receive", "--note", str(note),
               "--last", "8901000000100"))
    assert json.loads(r.stdout)["count"] == 10
    # a card of the batch this store did not receive cannot be issued here
    refused(pos(store, "member", "enroll", "--name", "李雷", "--phone", "13912345678",
                "--card", "8901000000118"), "is not registered to store S001")
    ok(pos(store, "member", "enroll", "--name", "李雷", "--phone", "13912345678", "--card",
           "8901000000019", "--media-id", "04AABBCCDD11"))
    r = ok(pos(store, "--json", "card", "stock"))
    stock = json.loads(r.stdout)
    assert stock["products"][0] | {"name": ""} == {
        "product": "VIP5000", "name": "", "media": "nfc", "in_stock": 9, "issued": 0,
        "sold": 0, "active": 1, "blocked": 0, "expired": 0}
    assert stock["in_stock"][0]["card"] == "8901000000027"
    r = ok(pos(store, "card", "history", "--card", "8901000000019"))
    assert [ln.split()[1:4] for ln in r.stdout.splitlines()] == [
        ["-", "->", "in_stock"], ["in_stock", "->", "issued"], ["issued", "->", "active"]]
    assert sql(store, "select media, identifier from card_media where card_id = "
                      "(select id from cards where card_no = '8901000000019') order by id") == [
        ("nfc", "04AABBCCDD11"), ("virtual", "8901000000019")]
    ok(pos(store, "ledger", "verify"))


BAD = [
    (["card", "batch", "--product", "VIP5000", "--media", "ic", "--start", "12ab",
      "--count", "3"], "7-31 digits"),
    (["card", "batch", "--product", "VIP5000", "--media", "ic", "--start", "890100000001",
      "--count", "0"], "1 to 10000 cards"),
    (["card", "batch", "--product", "GOLD", "--media", "ic", "--start", "890100000001",
      "--count", "3"], "no card product 'GOLD'"),
    (["card", "receive", "--batch", "S001-0042"], "no batch S001-0042"),
    (["card", "receive", "--note", "/nonexistent/note.json"], "not readable"),
    (["card", "history", "--card", "8901000000019"], "never registered"),
    (["member", "enroll", "--name", "李雷", "--phone", "13912345678", "--card",
      "8901000000019"], "not registered to store S001"),
]


@pytest.mark.parametrize("argv,message", BAD, ids=bad_ids(BAD))
def test_bad_input_is_refused(capsys: pytest.CaptureFixture[str], data: Path,
                              argv: list[str], message: str) -> None:
    assert_refused(capsys, data, argv, message)


def test_receive_twice_and_outside_the_batch(capsys: pytest.CaptureFixture[str],
                                             data: Path) -> None:
    pos_in(capsys, data, "card", "batch", "--product", "GIFT1000", "--media", "magstripe",
           "--start", "700000001", "--count", "5")
    assert pos_in(capsys, data, "card", "receive", "--batch", "S001-0001")["count"] == 5
    assert_refused(capsys, data, ["card", "receive", "--batch", "S001-0001"],
                   "5 of these cards are registered or issued already")
    code, _, err = run(capsys, "--data-dir", str(data), "card", "receive", "--batch",
                       "S001-0001", "--first", "7000000019")
    assert code == 2 and "card 7000000019 is not in batch S001-0001" in err


def test_card_sale_below_face_and_anonymous_in_new_processes(tmp_path: Path) -> None:
    d = make_store(tmp_path)
    stocked(d, ("VIP5000", "ic", "890100000001", 3), ("GIFT1000", "magstripe", "700000001", 12))
    ok(pos(d, "member", "enroll", "--name", "李雷", "--phone", "13912345678"))
    cashier = ["--staff", "1001", "--pin", "1111"]
    refused(pos(d, *cashier, "card", "sell", "--product", "VIP5000", "--holder", "13912345678",
                "--price", "4000"), "needs a supervisor")
    r = ok(pos(d, *cashier, "--approver", "2001", "--approver-pin", "2222", "--json", "card",
               "sell", "--product", "VIP5000", "--holder", "13912345678", "--price", "4000"))
    sold = json.loads(r.stdout)
    assert {k: sold[k] for k in ("cards", "face", "paid", "bonus", "commission", "seller",
                                 "approved_by")} == {
        "cards": ["8901000000019"], "face": "5000.00", "paid": "4000.00", "bonus": "1000.00",
        "commission": "800.00", "seller": "1001", "approved_by": "2001"}
    r = ok(pos(d, "--json", "member", "show", "--card", "8901000000019"))
    assert json.loads(r.stdout)["stored_value"] == {"principal": "4000.00", "bonus": "1000.00",
                                                     "total": "5000.00"}
    refused(pos(d, *cashier, "card", "sell", "--product", "GIFT1000", "--count", "10"),
            "reaches the real-name threshold ￥10,000.00")
    ok(pos(d, *cashier, "card", "sell", "--product", "GIFT1000", "--count", "10",
           "--buyer-name", "张三", "--buyer-id-number", "11010519491231002X"))
    assert sql(d, "select count(*) from cards c join members m on m.id = c.member_id "
                  "where m.anonymous and c.card_no like '7000%'") == [(10,)]
    assert sql(d, "select count(*) from card_sales where buyer_id_enc is not null") == [(1,)]
    ok(pos(d, "ledger", "verify"))
    # the record edited on its own: ledger verify finds the sale and its journal disagree
    con = sqlite3.connect(d / "pos.sqlite")
    con.execute("update card_sales set paid = 300000 where kind = 'sale' and product = "
                "'VIP5000'")
    con.commit()
    con.close()
    r = pos(d, "ledger", "verify")
    assert r.returncode == 1 and "card sale" in r.stdout + r.stderr


def test_card_return_in_new_processes(tmp_path: Path) -> None:
    """`pos card return`: a supervisor takes back an unused card sold below face (the
    price back, bonus and commission reversed, the card blocked); a used card, a wrong
    number, a sale past the product's days and a second return exit 2 with one line and
    nothing written."""
    d = make_store(tmp_path)
    stocked(d, ("VIP5000", "ic", "890100000001", 3))
    for argv in (["member", "enroll", "--name", "李雷", "--phone", "13912345678"],
                 ["member", "enroll", "--name", "韩梅", "--phone", "13912345679"],
                 [*SUPERVISOR, "card", "sell", "--product", "VIP5000", "--holder",
                  "13912345678", "--price", "4000", "--seller", "1001"],
                 ["card", "sell", "--product", "VIP5000", "--holder", "13912345679"],
                 ["sale", "--member-card", "8901000000027", "--item", "6901234560022", "--tender",
                  "stored_value"]):
        ok(pos(d, *argv))
    (sale_no,) = sql(d, "select sale_no from card_sales where paid = 400000")[0]
    written = "select (select count(*) from card_returns), (select count(*) from journal)"
    before = sql(d, written)
    cashier = ["--staff", "1001", "--pin", "1111"]
    refused(pos(d, *cashier, "card", "return", sale_no), "needs a supervisor")
    refused(pos(d, *SUPERVISOR, "card", "return", "8901000000027"), "has been used")
    refused(pos(d, *SUPERVISOR, "card", "return", "8901000000035"), "no card sale")
    con = sqlite3.connect(d / "pos.sqlite")  # the sale moved a year back: too late
    (at,) = con.execute("select business_time from card_sales where sale_no = ?",
                        (sale_no,)).fetchone()
    con.execute("update card_sales set business_time = ? where sale_no = ?",
                (f"{int(at[:4]) - 1}{at[4:]}", sale_no))
    con.commit()
    refused(pos(d, *SUPERVISOR, "card", "return", sale_no), "past the 7 day(s)")
    con.execute("update card_sales set business_time = ? where sale_no = ?", (at, sale_no))
    con.commit()
    con.close()
    assert sql(d, written) == before
    r = ok(pos(d, *cashier, "--approver", "2001", "--approver-pin", "2222", "--json", "card",
               "return", "8901000000019", "--reason", "不想要了"))
    back = json.loads(r.stdout)
    assert {k: back[k] for k in ("sale_no", "cards", "paid_back", "tender", "bonus",
                                 "commission", "seller", "approved_by")} == {
        "sale_no": sale_no, "cards": ["8901000000019"], "paid_back": "4000.00",
        "tender": "cash", "bonus": "1000.00", "commission": "800.00", "seller": "1001",
        "approved_by": "2001"}
    assert sql(d, "select status from cards where card_no = '8901000000019'") == [("blocked",)]
    assert sql(d, "select status from card_stock where card_no = '8901000000019'") == [
        ("blocked",)]
    assert sql(d, "select sum(amount) from staff_commissions where staff = '1001'") == [(0,)]
    assert sql(d, "select balance from accounts where code = 'sv:card:8901000000019:principal'"
               ) == [(0,)]
    refused(pos(d, *SUPERVISOR, "card", "return", sale_no), "was returned already")
    refused(pos(d, "--language", "zh_CN", *SUPERVISOR, "card", "return", sale_no), "已退卡")
    r = ok(pos(d, "staff", "report", "--json"))
    assert {x["staff"]: x["commission"] for x in json.loads(r.stdout)["staff"]}["1001"] == "0.00"
    ok(pos(d, "ledger", "verify"))


def test_cards_sold_and_returned_for_cash_in_the_shift_report(tmp_path: Path) -> None:
    """A card sold for cash puts its price in the drawer and a card returned takes it out:
    the X and Z reports list them apart from the merchandise sales (售卡 / 退卡, by
    tender), the expected cash counts them, and the right count closes with no
    difference."""
    d = make_store(tmp_path)
    cashier = ["--staff", "1001", "--pin", "1111"]
    stocked(d, ("VIP5000", "ic", "890100000001", 3))
    for argv in (["member", "enroll", "--name", "李雷", "--phone", "13912345678"],
                 ["member", "enroll", "--name", "韩梅", "--phone", "13912345679"],
                 [*cashier, "card", "sell", "--product", "VIP5000", "--holder", "13912345678"],
                 [*cashier, "card", "sell", "--product", "VIP5000", "--holder", "13912345679",
                  "--tender", "bank_card"],
                 [*SUPERVISOR, "card", "sell", "--product", "VIP5000", "--holder",
                  "13912345679", "--price", "4500"],
                 [*SUPERVISOR, "card", "return", "8901000000035"]):
        ok(pos(d, *argv))
    x = json.loads(ok(pos(d, "--json", "shift", "x")).stdout)
    assert {k: x[k] for k in ("sales_count", "sales_total", "card_sales_count",
                              "card_sales_total", "card_returns_count", "card_returns_total",
                              "card_tenders", "expected_cash")} == {
        "sales_count": 0, "sales_total": "0.00", "card_sales_count": 3,
        "card_sales_total": "14500.00", "card_returns_count": 1,
        "card_returns_total": "4500.00",
        "card_tenders": {"bank_card": "5000.00", "cash": "5000.00"},
        "expected_cash": "5500.00"}  # the float 500 + 9,500 sold for cash - 4,500 paid back
    text = ok(pos(d, "--language", "zh_CN", "shift", "x")).stdout
    assert "售卡 3 张：￥14,500.00；退卡 1 张：￥4,500.00" in text, text
    assert "售卡/退卡净额 现金：￥5,000.00" in text, text
    z = json.loads(ok(pos(d, *SUPERVISOR, "--json", "shift", "close", "--counted", "5500")).stdout)
    assert (z["expected_cash"], z["difference"], z["card_sales_count"]) == (
        "5500.00", "0.00", 3)
    assert sql(d, "select coalesce(sum(balance), 0) from accounts "
                  "where code = 'cash:over_short'") == [(0,)]
    ok(pos(d, "ledger", "verify"))


YEARLY_NOT_RENEWED = """
[[card_products]]
code = "YEAR500"
name = "年卡 ¥500"
face_value = "500.00"
media = ["magstripe"]
number_prefix = "6600"
validity_months = 12
"""


def test_a_yearly_card_past_its_date_is_refused_at_use_in_new_processes(
        tmp_path: Path) -> None:
    """Two yearly cards whose valid-until is set in the past with sqlite3 (``card expire``
    not run): a sale with either exits 2 with one line naming the date and writes
    nothing; a top-up of the product renewed by top-up is taken and renews it, one of a
    product that is not is refused."""
    d = make_store(tmp_path, YEARLY_NOT_RENEWED)
    stocked(d, ("VIP5000", "ic", "890100000001", 1), ("YEAR500", "magstripe", "660000001", 1))
    for argv in (["member", "enroll", "--name", "李雷", "--phone", "13912345678"],
                 ["member", "enroll", "--name", "韩梅", "--phone", "13912345679"],
                 ["card", "sell", "--product", "VIP5000", "--holder", "13912345678"],
                 ["card", "sell", "--product", "YEAR500", "--holder", "13912345679"]):
        ok(pos(d, *argv))
    vip, year = "8901000000019", sql(d, "select card_no from card_stock where product = "
                                        "'YEAR500'")[0][0]
    ok(pos(d, "sale", "--member-card", vip, "--item", "6901234560022", "--tender",
           "stored_value"))
    con = sqlite3.connect(d / "pos.sqlite")
    con.execute("update card_stock set valid_until = '2026-03-01T04:00:00.000000+00:00'")
    con.commit()
    con.close()
    written = "select (select count(*) from journal), (select count(*) from sales)"
    before = sql(d, written)
    for card in (vip, year):
        refused(pos(d, "sale", "--member-card", card, "--item", "6901234560022", "--tender",
                    "stored_value"), "was valid until 2026-03-01: it cannot be used")
    refused(pos(d, "--language", "zh_CN", "sale", "--member-card", vip, "--item",
                "6901234560022", "--tender", "cash"), "有效期至 2026-03-01，已过期，不能使用")
    refused(pos(d, "stored-value", "topup", "--card", year, "--amount", "100"),
            "was valid until 2026-03-01")
    assert sql(d, written) == before
    assert sql(d, "select status from cards where card_no in (?, ?)", vip, year) == [
        ("active",), ("active",)]
    ok(pos(d, "stored-value", "topup", "--card", vip, "--amount", "100"))  # renews it
    (until,) = sql(d, "select valid_until from card_stock where card_no = ?", vip)[0]
    assert until > "2027"
    ok(pos(d, "sale", "--member-card", vip, "--item", "6901234560022", "--tender",
           "stored_value"))
    ok(pos(d, "ledger", "verify"))
