"""A store's data folder made and used the way staff meet it: the installed ``pos``
command, each call in a new process, and ``sqlite3`` on the ledger file."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

from pos_app.demo import CATALOG, PROGRAM, STAFF

POS = Path(sys.executable).parent / "pos"


def pos(d: Path, *argv: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``pos --data-dir d ARGV`` in a new process."""
    return subprocess.run([str(POS), "--data-dir", str(d), *argv], capture_output=True,
                          text=True, env={**os.environ, **(env or {})}, timeout=120)


def popen(d: Path, *argv: str) -> subprocess.Popen[str]:
    return subprocess.Popen([str(POS), "--data-dir", str(d), *argv], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def make_store(tmp: Path, program_extra: str = "", catalog: bool = True) -> Path:
    """A new data folder: the demo program (plus ``program_extra``), the demo catalog and
    the demo staff (cashier 1001/1111, supervisor 2001/2222, manager 3001/3333), and a
    shift open."""
    program = tmp / "program.toml"
    program.write_text(PROGRAM.read_text("utf-8") + program_extra, "utf-8")
    d = tmp / "data"
    ok(pos(d, "init", "--store", "S001", "--terminal", "T01", "--franchisee", "F-EAST",
           "--program", str(program)))
    if catalog:
        ok(pos(d, "catalog", "import", str(CATALOG)))
    for code, name, role, pin in STAFF:
        ok(pos(d, "staff", "add", "--code", code, "--name", name, "--role", role,
               env={"POS_NEW_STAFF_PIN": pin}))
    # the day's shift, as the cashier opens it before the first sale
    ok(pos(d, "--staff", "1001", "--pin", "1111", "--approver", "2001", "--approver-pin",
           "2222", "shift", "open", "--float", "500.00"))
    return d


def copy_store(template: Path, tmp: Path) -> Path:
    """A copy of a data folder made by :func:`make_store` (one set-up per test module)."""
    d = tmp / "data"
    shutil.copytree(template, d)
    return d


def ok(r: subprocess.CompletedProcess[str]) -> subprocess.CompletedProcess[str]:
    assert r.returncode == 0, r.stderr
    return r


def refused(r: subprocess.CompletedProcess[str], message: str) -> None:
    """Exit 2 with one line naming what is wrong."""
    assert r.returncode == 2, (r.returncode, r.stdout, r.stderr)
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1, r.stderr
    assert message in lines[0], lines[0]


def sql(d: Path, query: str, *params: Any) -> list[tuple[Any, ...]]:
    """Rows read with sqlite3 from the ledger file, outside the terminal's code."""
    con = sqlite3.connect(d / "pos.sqlite")
    try:
        return con.execute(query, params).fetchall()
    finally:
        con.close()
