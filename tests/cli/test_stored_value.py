"""``pos stored-value topup``: bad input refused whole (top-ups that work are in
test_sale.py and test_refund.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import assert_refused, bad_ids

BAD: list[tuple[list[str], str]] = [
    (["stored-value", "topup", "--card", "CARD", "--amount", "1.005"], "not a money amount"),
    (["stored-value", "topup", "--card", "CARD", "--amount", "6000"], "cap"),
    (["stored-value", "topup", "--card", "CARD", "--amount", "100", "--tender", "gold"],
     "invalid choice"),
]


@pytest.mark.parametrize("argv,message", BAD, ids=bad_ids(BAD))
def test_bad_input_exits_2_and_changes_nothing(data: Path, capsys: pytest.CaptureFixture[str],
                                               argv: list[str], message: str) -> None:
    assert_refused(capsys, data, argv, message)
