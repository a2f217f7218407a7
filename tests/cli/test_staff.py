"""``pos staff add`` and ``--staff``: a cashier added, whose refund needs a supervisor;
bad input refused whole."""

from __future__ import annotations

from decimal import Decimal
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


def test_staff_report_for_a_day_and_a_month(data: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    """Sales credited to the assistant; a non-member sale above the program's ¥100 where
    membership was not offered is not credited; the day's and the month's figures."""
    card = pos(capsys, data, "member", "enroll", "--name", "王芳", "--phone", "13800138000")["card"]
    pos(capsys, data, "sale", "--item", KETTLE, "--tender", "cash", "--member-card", card,
        "--assistant", MANAGER)
    pos(capsys, data, "sale", "--item", KETTLE, "--tender", "cash", "--assistant", MANAGER,
        "--membership-offered", "yes")
    offered = pos(capsys, data, "sale", "--item", KETTLE, "--tender", "cash", "--assistant",
                  MANAGER, "--membership-offered", "no")
    assert offered["membership_offered"] is False
    day = pos(capsys, data, "staff", "report")
    (row,) = [r for r in day["staff"] if r["staff"] == MANAGER]
    kettle = offered["total"]
    two = str(Decimal(kettle) * 2)  # two credited kettles
    assert (row["sales"], row["orders"], row["vip_share"], row["not_credited"]) == (
        two, 2, "0.5000", 1)
    assert day["period"]["kind"] == "day"
    month = pos(capsys, data, "staff", "report", "--month", day["period"]["start"][:7])
    assert month["period"]["kind"] == "month"
    assert [r["sales"] for r in month["staff"] if r["staff"] == MANAGER] == [two]
    code, out, _ = run(capsys, "--data-dir", str(data), "staff", "report")
    assert code == 0 and "50.0%" in out


BAD_REPORT = [
    (["staff", "report", "--month", "2026-13"], "month must be YYYY-MM, got '2026-13'"),
    (["staff", "report", "--day", "2026-02-30"], "day must be YYYY-MM-DD, got '2026-02-30'"),
    (["--staff", "1001", "--pin", "1111", "staff", "report"], "needs a supervisor"),
]


@pytest.mark.parametrize(("argv", "message"), BAD_REPORT, ids=bad_ids(BAD_REPORT))
def test_staff_report_refused(data: Path, capsys: pytest.CaptureFixture[str],
                              argv: list[str], message: str,
                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POS_NEW_STAFF_PIN", "1111")
    pos(capsys, data, "--staff", MANAGER, "--pin", MANAGER_PIN, "staff", "add", "--code",
        "1001", "--name", "张敏", "--role", "cashier")
    monkeypatch.delenv("POS_NEW_STAFF_PIN")
    assert_refused(capsys, data, argv, message)
