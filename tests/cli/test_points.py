"""``pos points``: expiry with nothing due, and a transfer the program does not allow."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import assert_refused, bad_ids, pos


def test_points_expire_with_nothing_due(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pos(capsys, data, "member", "enroll", "--name", "王芳", "--phone", "13800138000")
    assert pos(capsys, data, "points", "expire") == {"expired": 0}


BAD: list[tuple[list[str], str]] = [
    (["points", "transfer", "--from-card", "CARD", "--to-card", "CARD", "--points", "1"],
     "does not allow points transfers"),
]


@pytest.mark.parametrize("argv,message", BAD, ids=bad_ids(BAD))
def test_bad_input_exits_2_and_changes_nothing(data: Path, capsys: pytest.CaptureFixture[str],
                                               argv: list[str], message: str) -> None:
    assert_refused(capsys, data, argv, message)
