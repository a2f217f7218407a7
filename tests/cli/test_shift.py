"""``pos shift``: a sale, refund or top-up needs an open shift; each lands in its X and Z."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.conftest import KETTLE, MANAGER, MANAGER_PIN, pos, run, snapshot


def test_sale_refund_and_top_up_need_an_open_shift(
    capsys: pytest.CaptureFixture[str], bare_data: Path
) -> None:
    d = bare_data
    card = pos(capsys, d, "member", "enroll", "--name", "赵", "--phone", "13700137000")["card"]
    before = snapshot(d)
    for argv in (
        ["sale", "--item", KETTLE, "--tender", "cash"],
        ["stored-value", "topup", "--card", card, "--amount", "100"],
    ):
        code, out, err = run(capsys, "--data-dir", str(d), *argv)
        assert code == 2 and out == ""
        assert err.startswith("pos: no shift is open") and "pos shift open" in err, err
    assert snapshot(d) == before
    code, _, err = run(capsys, "--data-dir", str(d), "shift", "x")
    assert code == 2 and "no shift is open" in err

    opened = pos(capsys, d, "shift", "open", "--float", "500")
    assert (opened["shift_no"], opened["status"], opened["cash_float"]) == (1, "open", "500.00")
    sale = pos(capsys, d, "sale", "--item", KETTLE, "--tender", "cash:300")
    pos(capsys, d, "stored-value", "topup", "--card", card, "--amount", "100")
    x = pos(capsys, d, "shift", "x")
    assert (x["sales_count"], x["topups_count"], x["expected_cash"]) == (1, 1, "859.00")
    z = pos(capsys, d, "shift", "close", "--counted", "850")
    assert (z["status"], z["expected_cash"], z["difference"]) == ("closed", "859.00", "-9.00")
    code, _, err = run(capsys, "--data-dir", str(d), "refund", "--sale", sale["sale_id"])
    assert code == 2 and "no shift is open" in err and "refund" in err


def test_a_cashier_opens_a_shift_with_a_supervisor(
    capsys: pytest.CaptureFixture[str], bare_data: Path
) -> None:
    d = bare_data
    mgr = ["--staff", MANAGER, "--pin", MANAGER_PIN]
    pos(capsys, d, *mgr, "staff", "add", "--code", "1001", "--name", "张敏", "--role",
        "cashier", "--new-pin", "1111")
    pos(capsys, d, *mgr, "staff", "add", "--code", "2001", "--name", "刘洋", "--role",
        "supervisor", "--new-pin", "2222")
    code, _, err = run(capsys, "--data-dir", str(d), "--staff", "1001", "--pin", "1111",
                       "shift", "open", "--float", "300")
    assert code == 2 and "supervisor" in err
    out = pos(capsys, d, "--staff", "1001", "--pin", "1111", "--approver", "2001",
              "--approver-pin", "2222", "shift", "open", "--float", "300")
    assert out["opened_by"] == "1001"
    code, _, err = run(capsys, "--data-dir", str(d), "shift", "open", "--float", "x")
    assert code == 2 and "--float" in err
