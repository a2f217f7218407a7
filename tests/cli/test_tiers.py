"""``pos tiers review``: nobody to downgrade, and a bad --at refused whole."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import assert_refused, bad_ids, pos


def test_tiers_review_with_nobody_to_move(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pos(capsys, data, "member", "enroll", "--name", "王芳", "--phone", "13800138000")
    assert pos(capsys, data, "tiers", "review") == []


BAD: list[tuple[list[str], str]] = [
    (["tiers", "review", "--at", "soon"], "not an ISO-8601"),
]


@pytest.mark.parametrize("argv,message", BAD, ids=bad_ids(BAD))
def test_bad_input_exits_2_and_changes_nothing(data: Path, capsys: pytest.CaptureFixture[str],
                                               argv: list[str], message: str) -> None:
    assert_refused(capsys, data, argv, message)
