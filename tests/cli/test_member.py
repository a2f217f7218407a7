"""``pos member``: enroll with a chip, bind, supplementary, block and replace, the tier
history; and bad input refused whole."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import assert_refused, bad_ids, pos


def test_cards_commands(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
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


BAD: list[tuple[list[str], str]] = [
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
]


@pytest.mark.parametrize("argv,message", BAD, ids=bad_ids(BAD))
def test_bad_input_exits_2_and_changes_nothing(data: Path, capsys: pytest.CaptureFixture[str],
                                               argv: list[str], message: str) -> None:
    assert_refused(capsys, data, argv, message)
