"""``pos refund``: a stored-value sale refunded whole, and bad input refused whole."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import KETTLE, assert_refused, bad_ids, pos


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


BAD: list[tuple[list[str], str]] = [
    (["refund", "--sale", "S001-T01-999999"], "no sale"),
    (["refund", "--sale", "S001-T01-000002", "--line", "x"], "--line 'x'"),
]


@pytest.mark.parametrize("argv,message", BAD, ids=bad_ids(BAD))
def test_bad_input_exits_2_and_changes_nothing(data: Path, capsys: pytest.CaptureFixture[str],
                                               argv: list[str], message: str) -> None:
    assert_refused(capsys, data, argv, message)
