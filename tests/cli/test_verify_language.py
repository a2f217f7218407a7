"""What ``pos ledger verify`` and ``pos audit verify`` find, said in the clerk's language:
the ledger file edited with sqlite3 behind the terminal's back, then ``pos`` run in a new
process with ``--language zh_CN`` (or ``$POS_LANG``); under ``--json`` each problem keeps
its English text and carries its code and parameters."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from pos_app.cli.errors import EXIT_PROBLEMS
from pos_app.core.data_folder import DB_FILE

from .conftest import KETTLE, pos

ROOT = Path(__file__).resolve().parents[2]


def _pos(data: Path, *argv: str, env: dict[str, str] | None = None
         ) -> subprocess.CompletedProcess[str]:
    """``pos`` in a new process, as a clerk runs it."""
    run_env = {k: v for k, v in os.environ.items() if not k.startswith("POS_")}
    run_env.update({"PYTHONPATH": str(ROOT), **(env or {})})
    return subprocess.run([sys.executable, "-m", "pos_app.cli", "--data-dir", str(data), *argv],
                          capture_output=True, text=True, env=run_env, timeout=120)


def _edit(data: Path, *statements: str) -> None:
    """Statements run on the ledger file in a connection of its own, the append-only
    triggers of the audit log dropped first (as an insider would)."""
    con = sqlite3.connect(data / DB_FILE, isolation_level=None)
    try:
        for trig in ("audit_log_no_delete", "audit_log_no_update"):
            con.execute(f"DROP TRIGGER IF EXISTS {trig}")
        for sql in statements:
            con.execute(sql)
    finally:
        con.close()


@pytest.fixture
def sold(data: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """A kettle (¥259.00) sold for cash; its sale number."""
    return str(pos(capsys, data, "sale", "--item", KETTLE, "--tender", "cash")["sale_id"])


def test_a_lowered_sale_total_is_named_in_chinese(data: Path, sold: str) -> None:
    _edit(data, f"UPDATE sales SET total = total - 10000 WHERE sale_no = '{sold}'")
    p = _pos(data, "--language", "zh_CN", "ledger", "verify")
    assert p.returncode == EXIT_PROBLEMS, p.stderr
    assert p.stdout.startswith("账本异常：\n")
    lines = p.stdout.splitlines()[1:]
    assert f"  销售单 {sold}：总额 ¥159.00，但其记账凭证记为 ¥259.00" in lines
    assert f"  销售单 {sold}：各行合计 ¥259.00，与总额 ¥159.00 不符" in lines
    assert f"  销售单 {sold}：各笔付款合计 ¥259.00，与总额 ¥159.00 不符" in lines
    assert not [ln for ln in lines if "sale" in ln or " but " in ln], lines
    # --json: the English text as before, with each problem's code and parameters
    p = _pos(data, "--language", "zh_CN", "--json", "ledger", "verify")
    assert p.returncode == EXIT_PROBLEMS
    out = json.loads(p.stdout)
    assert f"sale {sold}: total ¥159.00 but its journal books ¥259.00" in out["problems"]
    assert {"code": "verify.sale_total",
            "params": {"what": f"sale {sold}", "total": "159.00", "booked": "259.00"}
            } in out["details"]
    assert len(out["details"]) == len(out["problems"])


def test_an_edited_balance_is_named_in_chinese_through_pos_lang(data: Path, sold: str) -> None:
    _edit(data, "UPDATE accounts SET balance = balance + 100 WHERE code = 'cash:drawer'")
    p = _pos(data, "ledger", "verify", env={"POS_LANG": "zh_CN"})
    assert p.returncode == EXIT_PROBLEMS, p.stderr
    # the 500.00 float and the 259.00 kettle are in the drawer (cents, as the books keep)
    assert p.stdout == "账本异常：\n  账户 cash:drawer：余额 76000，但分录合计为 75900\n"


def test_an_edited_audit_row_is_named_in_chinese(data: Path, sold: str) -> None:
    row = sqlite3.connect(data / DB_FILE).execute(
        "SELECT max(id) FROM audit_log").fetchone()[0]
    _edit(data, f"UPDATE audit_log SET detail = '{{}}' WHERE id = {row}")
    p = _pos(data, "--language", "zh_CN", "audit", "verify")
    assert p.returncode == EXIT_PROBLEMS, p.stderr
    assert p.stdout.splitlines()[0] == "审计日志异常："
    assert f"  审计日志第 {row} 行：内容与其哈希值不符" in p.stdout.splitlines()
    # the same edit in English, as before
    p = _pos(data, "audit", "verify")
    assert f"  audit row {row}: content does not match its hash" in p.stdout.splitlines()
    # a removed last row: the counter and the events that named it see it
    _edit(data, f"DELETE FROM audit_log WHERE id = {row}")
    p = _pos(data, "--language", "zh_CN", "audit", "verify")
    assert p.returncode == EXIT_PROBLEMS
    removed = f"  审计日志：已写入 {row} 行，但只剩 {row - 1} 行（有行被删除）"
    assert removed in p.stdout.splitlines()
