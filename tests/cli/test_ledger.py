"""``pos ledger verify`` and ``pos audit verify``: exit 0 when the books hold, exit 1
(EXIT_PROBLEMS) with the account named when a balance was edited behind the ledger's
back."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from pos_app.cli.errors import EXIT_PROBLEMS

from .conftest import KETTLE, pos, run


def test_verify_a_sound_ledger_and_audit_log(data: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    pos(capsys, data, "member", "enroll", "--name", "王芳", "--phone", "13800138000")
    pos(capsys, data, "sale", "--item", KETTLE, "--tender", "cash")
    assert pos(capsys, data, "ledger", "verify")["ok"] is True
    assert pos(capsys, data, "audit", "verify")["ok"] is True
    code, out, _ = run(capsys, "--data-dir", str(data), "audit", "verify")
    assert (code, out) == (0, "audit log ok\n")


def test_ledger_verify_reports_a_tampered_balance(data: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    pos(capsys, data, "sale", "--item", KETTLE, "--tender", "cash")
    con = sqlite3.connect(data / "pos.sqlite")
    con.execute("update accounts set balance = balance + 100 where code = 'cash:drawer'")
    con.commit()
    con.close()
    code, out, _ = run(capsys, "--data-dir", str(data), "ledger", "verify")
    assert code == 1 == EXIT_PROBLEMS
    # the 500.00 float and the 259.00 kettle are in the drawer
    assert "account cash:drawer: balance 76000 but entries sum to 75900" in out
