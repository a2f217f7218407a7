"""``pos staff add`` and ``--staff``: a cashier added, whose refund needs a supervisor;
bad input refused whole."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import KETTLE, MANAGER, MANAGER_PIN, assert_refused, bad_ids, pos, run


def test_staff_add_and_a_cashiers_rights(data: Path, capsys: pytest.CaptureFixture[str],
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    sale = pos(capsys, data, "sale", "--item", KETTLE, "--tender", "cash")
    assert sale["sale_id"] == "S001-T01-000001"
    monkeypatch.setenv("POS_NEW_STAFF_PIN", "4321")
    # once the terminal has a manager, adding staff needs one (not the console)
    assert pos(capsys, data, "--staff", MANAGER, "--pin", MANAGER_PIN, "staff", "add", "--code",
               "1002", "--name", "周", "--role", "cashier")["role"] == "cashier"
    monkeypatch.delenv("POS_NEW_STAFF_PIN")
    code, _, err = run(capsys, "--data-dir", str(data), "--staff", "1002", "--pin", "4321",
                       "refund", "--sale", "S001-T01-000001")
    assert code == 2 and "refund needs a supervisor's approval" in err


BAD: list[tuple[list[str], str]] = [
    (["--staff", MANAGER, "--pin", MANAGER_PIN, "staff", "add", "--code", "9", "--name", "x",
      "--role", "cashier", "--new-pin", "1"], "4 to 8 digits"),
    (["staff", "add", "--code", "9", "--name", "x", "--role", "manager", "--new-pin", "1234"],
     "manage staff needs a manager named with --staff"),
    (["--staff", MANAGER, "--pin", MANAGER_PIN, "staff", "add", "--code", "console", "--name",
      "x", "--role", "manager", "--new-pin", "1234"], "the command line's own name"),
]


@pytest.mark.parametrize("argv,message", BAD, ids=bad_ids(BAD))
def test_bad_input_exits_2_and_changes_nothing(data: Path, capsys: pytest.CaptureFixture[str],
                                               argv: list[str], message: str) -> None:
    assert_refused(capsys, data, argv, message)
