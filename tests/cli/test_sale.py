"""``pos sale``: the worked example of pricing.md through the command line, and bad input
refused whole."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import (
    COAT,
    KETTLE,
    LIPSTICK,
    MANAGER,
    MANAGER_PIN,
    SCARF,
    assert_refused,
    bad_ids,
    pos,
)


def test_worked_example_through_the_cli(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    m = pos(capsys, data, "member", "enroll", "--name", "王芳", "--phone", "13800138000",
            "--birthday", "1990-05-20", "--consent")
    card = m["card"]
    assert m["phone"] == "138****8000" and m["tier"] == "regular"
    # earn points the month before, become silver by hand is not a CLI thing: buy up to it
    # at the worked example's times: late entries, a manager approving
    late = ("--approver", MANAGER, "--approver-pin", MANAGER_PIN)
    s0 = pos(capsys, data, *late, "sale", "--at", "2026-10-01T10:00", "--member-card", card,
             "--item", f"{COAT}*5", "--tender", "cash")
    assert s0["tier_upgrade"] == "silver" and s0["points_earned"] == 3495
    sale = pos(capsys, data, *late, "sale", "--at", "2026-11-09T14:00:00+08:00",
               "--member-card", card,
               "--item", COAT, "--item", f"{SCARF}*2", "--item", LIPSTICK,
               "--coupon", "D11-50-0001", "--tender", "points:200", "--tender", "cash",
               "--credited-staff", MANAGER)
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


BAD: list[tuple[list[str], str]] = [
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
]


@pytest.mark.parametrize("argv,message", BAD, ids=bad_ids(BAD))
def test_bad_input_exits_2_and_changes_nothing(data: Path, capsys: pytest.CaptureFixture[str],
                                               argv: list[str], message: str) -> None:
    assert_refused(capsys, data, argv, message)
