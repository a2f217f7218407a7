"""Backups through SQLite's backup API while the terminal writes, and restores that
refuse the wrong file, bump the epoch, audit themselves and warn about the rewind."""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest

from pos_app.core import backup, ledger, sales, staff
from pos_app.core.errors import PosError
from pos_app.core.models import AuditEntry, TerminalInfo
from pos_app.core.staff import CONSOLE
from pos_app.core.tenders import TenderRequest
from pos_app.core.terminal import DB_FILE, Terminal
from tests.ops.conftest import Run
from tests.ops.first_schema import load_fixture


def _epoch(db: Path) -> int:
    conn = sqlite3.connect(db)
    try:
        return int(conn.execute("SELECT epoch FROM terminal_info").fetchone()[0])
    finally:
        conn.close()


def _journals(db: Path) -> int:
    conn = sqlite3.connect(db)
    try:
        return int(conn.execute("SELECT count(*) FROM journal").fetchone()[0])
    finally:
        conn.close()


def _verify_file(tmp: Path, db: Path, demo_dir: Path) -> ledger.VerifyReport:
    """Open a copy of ``db`` as a data folder (with the demo's key) and verify it."""
    folder = tmp / f"check-{db.stem}"
    folder.mkdir()
    (folder / "secrets").mkdir()
    (folder / "secrets" / "pii.key").write_bytes((demo_dir / "secrets" / "pii.key").read_bytes())
    (folder / "program.toml").write_bytes((demo_dir / "program.toml").read_bytes())
    (folder / DB_FILE).write_bytes(db.read_bytes())
    t = Terminal.open(folder)
    try:
        with t.read() as s:
            rep = ledger.verify(s)
            assert staff.verify_audit(s) == []
        return rep
    finally:
        t.close()


def test_online_backup_while_sales_are_written(tmp_path: Path, demo_dir: Path) -> None:
    t = Terminal.open(demo_dir)
    stop = threading.Event()
    made: list[str] = []
    errors: list[BaseException] = []

    def cashier() -> None:
        try:
            while not stop.is_set():
                with t.tx() as s:
                    out = sales.make_sale(
                        t,
                        s,
                        sales.SaleRequest(
                            lines=[sales.LineRequest(code="6901234560022", qty=1)],
                            tenders=[TenderRequest(kind="cash")],
                        ),
                        CONSOLE,
                    )
                made.append(out.sale.sale_no)  # committed
        except BaseException as e:  # pragma: no cover - reported below
            errors.append(e)

    th = threading.Thread(target=cashier)
    th.start()
    base = _journals(demo_dir / DB_FILE)
    copies = []
    committed_before = []
    try:
        deadline = time.monotonic() + 20
        while len(copies) < 4 and time.monotonic() < deadline:
            time.sleep(0.05)
            committed_before.append(len(made))
            copies.append(backup.backup(demo_dir))
    finally:
        stop.set()
        th.join()
        t.close()
    assert not errors
    assert len(made) > 5, "the cashier thread kept selling while the backups were taken"
    counts = []
    for c in copies:
        # one self-contained file, not a WAL database with a side file
        assert not Path(f"{c}-wal").exists()
        conn = sqlite3.connect(c)
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        conn.close()
        assert c.stat().st_mode & 0o077 == 0
        rep = _verify_file(tmp_path, c, demo_dir)
        assert rep.ok, rep.problems
        counts.append(rep.journals)
    assert counts == sorted(counts)
    # every sale committed before a backup started is in it (the WAL's pages too)
    for n, before in zip(counts, committed_before, strict=True):
        assert n >= base + before
    assert counts[-1] <= _journals(demo_dir / DB_FILE)


def test_backup_command_prunes_and_runs_when_due(demo_dir: Path, pos: Callable[..., Run]) -> None:
    d = str(demo_dir)
    for _ in range(4):
        r = pos("--data-dir", d, "--json", "backup", "--keep", "3")
        assert r.code == 0, r.err
        time.sleep(0.01)
    files = backup.list_backups(demo_dir)
    assert len(files) == 3
    assert r.json()["file"] == str(files[-1])
    r = pos("--data-dir", d, "--json", "backup", "--if-due", "--interval-minutes", "60")
    assert r.code == 0 and r.json()["file"] is None  # the last one is a moment old
    assert len(backup.list_backups(demo_dir)) == 3
    assert backup.due(demo_dir, timedelta(0))
    r = pos("--data-dir", d, "--json", "backup", "--if-due", "--interval-minutes", "5",
            "--keep", "3")
    assert r.json()["file"] is None
    r = pos("--data-dir", d, "--json", "backup", "--list")
    assert [x["kind"] for x in r.json()] == ["regular"] * 3


def test_backup_of_a_folder_without_ledger_is_refused(
    tmp_path: Path, pos: Callable[..., Run]
) -> None:
    r = pos("--data-dir", str(tmp_path / "empty"), "backup")
    assert r.code == 2
    assert "no terminal ledger" in r.err
    assert not (tmp_path / "empty").exists()


MANAGER = ("--staff", "3001", "--pin", "3333")  # the demo's manager: a restore needs one


def test_restore_bumps_epoch_audits_and_warns(demo_dir: Path, pos: Callable[..., Run]) -> None:
    d = str(demo_dir)
    db = demo_dir / DB_FILE
    first = pos("--data-dir", d, "--json", "backup").json()["file"]
    before = _journals(db)
    r = pos("--data-dir", d, "sale", "--item", "6901234560015", "--tender", "cash")
    assert r.code == 0, r.err
    assert _journals(db) == before + 1

    r = pos("--data-dir", d, "--json", "restore", first)  # not by the console
    assert r.code == 2 and "restore needs a manager named with --staff" in r.err
    assert _journals(db) == before + 1
    r = pos("--data-dir", d, *MANAGER, "--json", "restore", first)
    assert r.code == 0, r.err
    assert "rewind" in r.err and "epoch 2" in r.err  # the warning, on stderr
    data = r.json()
    assert data["epoch"] == 2
    assert _journals(db) == before  # the sale after the backup is gone
    assert _epoch(db) == 2
    safety = Path(data["safety_backup"])
    assert safety.name.startswith("pre-restore-")
    assert _journals(safety) == before + 1  # the ledger as it was is kept
    assert pos("--data-dir", d, "ledger", "verify").code == 0

    t = Terminal.open(demo_dir)
    try:
        with t.read() as s:
            info = s.get(TerminalInfo, 1)
            assert info is not None and info.epoch == 2
            last = s.query(AuditEntry).order_by(AuditEntry.id.desc()).first()
            assert last is not None and last.action == "restore" and last.staff == "3001"
            assert '"epoch": 2' in last.detail and '"backup_epoch": 1' in last.detail
    finally:
        t.close()
    # a new sale carries the new epoch in its outbox event
    r = pos("--data-dir", d, "--json", "sale", "--item", "6901234560015", "--tender", "cash")
    assert r.code == 0
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT epoch FROM outbox ORDER BY seq DESC LIMIT 1").fetchone()[0] == 2
    conn.close()

    # restoring the first backup again: the epoch still goes up (past the live one)
    r = pos("--data-dir", d, *MANAGER, "--json", "restore", first)
    assert r.code == 0 and r.json()["epoch"] == 3


def test_restore_refuses_what_is_not_this_terminals_ledger(
    tmp_path: Path, demo_dir: Path, pos: Callable[..., Run]
) -> None:
    d = str(demo_dir)
    db = demo_dir / DB_FILE
    journals = _journals(db)
    text = tmp_path / "notes.sqlite"
    text.write_text("not a database")
    other_db = tmp_path / "other.sqlite"
    conn = sqlite3.connect(other_db)
    conn.execute("CREATE TABLE t (x)")
    conn.close()
    for bad, why in ((text, "not an SQLite database"), (other_db, "not a terminal ledger"),
                     (tmp_path / "missing.sqlite", "no such file")):
        r = pos("--data-dir", d, "restore", str(bad))
        assert r.code == 2 and why in r.err, r.err

    # a backup (same store and terminal) whose personal data this folder's key cannot open
    fixture_dir = tmp_path / "fx"
    fixture_db = load_fixture(fixture_dir)
    with pytest.raises(PosError, match="key"):
        backup.restore(demo_dir, fixture_db)
    assert _epoch(db) == 1

    # a backup of another terminal (same key, another identity)
    other = tmp_path / "other-terminal.sqlite"
    backup.online_copy(db, other)
    conn = sqlite3.connect(other)
    with conn:
        conn.execute("UPDATE terminal_info SET terminal = 'T09'")
    conn.close()
    r = pos("--data-dir", d, *MANAGER, "restore", str(other))
    assert r.code == 2 and "S001/T09" in r.err and "--force" in r.err
    assert _journals(db) == journals and _epoch(db) == 1
    assert not any(p.name.startswith("pre-restore") for p in (demo_dir / "backups").glob("*"))
    r = pos("--data-dir", d, *MANAGER, "--json", "restore", "--force", str(other))
    assert r.code == 0 and r.json()["terminal"] == "T09"



def test_restore_of_a_first_schema_backup_migrates_it(
    tmp_path: Path, pos: Callable[..., Run]
) -> None:
    live = tmp_path / "live"
    load_fixture(live)
    assert pos("--data-dir", str(live), "ledger", "verify").code == 0  # upgrades live
    old = tmp_path / "old"
    old_db = load_fixture(old)
    r = pos("--data-dir", str(live), "--json", "restore", str(old_db))
    assert r.code == 0, r.err
    assert r.json()["epoch"] == 2
    r = pos("--data-dir", str(live), "--json", "ledger", "verify")
    assert r.code == 0 and r.json()["journals"] == 2
    # the restore left no scratch files behind
    assert not list(live.glob(".restore-*"))


def test_restore_onto_a_new_box(tmp_path: Path, demo_dir: Path, pos: Callable[..., Run]) -> None:
    """A dead till's backup onto a new data folder that has only the saved secrets."""
    saved = pos("--data-dir", str(demo_dir), "--json", "backup").json()["file"]
    new = tmp_path / "new"
    (new / "secrets").mkdir(parents=True)
    (new / "secrets" / "pii.key").write_bytes((demo_dir / "secrets" / "pii.key").read_bytes())
    (new / "program.toml").write_bytes((demo_dir / "program.toml").read_bytes())
    # without the chain key that sealed the ledger's rows: refused, nothing written
    r = pos("--data-dir", str(new), "restore", saved)
    assert r.code == 2 and "chain key" in r.err, r.err
    assert not (new / "pos.sqlite").exists()
    (new / "secrets" / "chain.key").write_bytes(
        (demo_dir / "secrets" / "chain.key").read_bytes())
    r = pos("--data-dir", str(new), "--json", "restore", saved)
    assert r.code == 0, r.err
    assert r.json()["epoch"] == 2 and r.json()["safety_backup"] is None
    r = pos("--data-dir", str(new), "--json", "ledger", "verify")
    assert r.code == 0 and r.json()["journals"] == _journals(Path(saved))
    # without the key the members' data could not be read: refused
    other = tmp_path / "nokey"
    other.mkdir()
    r = pos("--data-dir", str(other), "restore", saved)
    assert r.code == 2 and "no personal-data key" in r.err
    assert not (other / DB_FILE).exists()


def test_the_timers_backup_follows_the_config(
    tmp_path: Path, demo_dir: Path, pos: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    cfg = tmp_path / "terminal.toml"
    cfg.write_text(
        f'store = "S001"\nterminal = "T01"\nfranchisee = "F-EAST"\n'
        f'hq_url = "https://hq.example.cn"\ndata_dir = "{demo_dir}"\n'
        "[backups]\ninterval_minutes = 5\nkeep = 2\n"
    )
    monkeypatch.setenv("POS_CONFIG", str(cfg))
    r = pos("--json", "backup", "--if-due")  # none yet: due
    assert r.code == 0 and r.json()["file"]
    r = pos("--json", "backup", "--if-due")  # a moment ago: not due
    assert r.code == 0 and r.json()["file"] is None
    for _ in range(3):
        assert pos("backup").code == 0
    assert len(backup.list_backups(demo_dir)) == 2  # keep = 2
