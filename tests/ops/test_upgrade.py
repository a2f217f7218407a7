"""Upgrades: a ledger made by the first released schema (Alembic 0001), with a member,
her card, a top-up and a sale in it, is backed up and migrated when the terminal opens
it, and then verifies, finds the member, sells and refunds."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from pos_app.core import backup
from pos_app.core.db import alembic_config, head_revision, make_engine
from pos_app.core.terminal import DB_FILE, Terminal
from tests.ops import first_schema
from tests.ops.conftest import Run


def _revision(db: Path) -> str:
    conn = sqlite3.connect(db)
    try:
        return str(conn.execute("SELECT version_num FROM alembic_version").fetchone()[0])
    finally:
        conn.close()


def _upgrade_and_use(data_dir: Path, pos: Callable[..., Run]) -> None:
    d = str(data_dir)
    db = data_dir / DB_FILE
    assert _revision(db) == "0001"

    r = pos("--data-dir", d, "--json", "ledger", "verify")
    assert r.code == 0, r.out + r.err
    assert r.json() == {
        "ok": True, "journals": 2, "entries": 8, "accounts": 7, "problems": [], "details": []
    }
    assert _revision(db) == head_revision()

    # the backup taken just before the migrations is the 0001 ledger, whole
    pre = sorted((data_dir / "backups").glob("pre-upgrade-0001-*.sqlite"))
    assert len(pre) == 1
    assert _revision(pre[0]) == "0001"
    facts = backup.read_facts(pre[0])
    assert (facts.store, facts.terminal, facts.journals) == ("S001", "T01", 2)

    # the member is found by her (encrypted) phone, with her balance and points
    m = pos("--data-dir", d, "--json", "member", "show", "--phone", first_schema.PHONE).json()
    assert m["card"] == first_schema.CARD
    assert m["stored_value"] == {"principal": "301.00", "bonus": "50.00", "total": "351.00"}
    assert m["points"] == 699

    # the day starts with a shift; a new sale paid from her card, then a refund of the
    # sale made under 0001
    r = pos("--data-dir", d, "shift", "open", "--float", "500")
    assert r.code == 0, r.err
    r = pos("--data-dir", d, "--json", "sale", "--member-card", first_schema.CARD,
            "--item", "6901234560022", "--tender", "stored_value")
    assert r.code == 0, r.err
    assert r.json()["receipt_no"] == "S001-T01-000003"
    r = pos("--data-dir", d, "--json", "refund", "--sale", "S001-T01-000002")
    assert r.code == 0, r.err
    assert r.json()["total"] == "699.00"
    r = pos("--data-dir", d, "--json", "ledger", "verify")
    assert r.code == 0 and r.json()["ok"], r.out
    m = pos("--data-dir", d, "--json", "member", "show", "--card", first_schema.CARD).json()
    assert m["points"] == 0  # the refund took back the 699 points the old sale earned

    # opening again runs no migration and takes no backup (the fast path)
    assert pos("--data-dir", d, "ledger", "verify").code == 0
    assert len(list((data_dir / "backups").glob("pre-upgrade-*"))) == 1


def test_upgrade_from_the_first_schema_built_with_alembic(
    tmp_path: Path, pos: Callable[..., Run]
) -> None:
    data = tmp_path / "data"
    first_schema.make_data_dir(data)
    _upgrade_and_use(data, pos)


def test_upgrade_from_the_kept_0001_dump(tmp_path: Path, pos: Callable[..., Run]) -> None:
    data = tmp_path / "data"
    first_schema.load_fixture(data)
    _upgrade_and_use(data, pos)


def test_the_kept_dump_is_the_first_schema(tmp_path: Path) -> None:
    """tests/ops/fixtures/ledger-0001.sql has exactly the tables Alembic's 0001 makes."""
    from alembic import command

    def schema(db: Path) -> set[tuple[str, str]]:
        conn = sqlite3.connect(db)
        try:
            return {
                (name, " ".join(sql.split()))
                for name, sql in conn.execute(
                    "SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL"
                )
            }
        finally:
            conn.close()

    fresh = tmp_path / "fresh.sqlite"
    engine = make_engine(fresh)
    command.upgrade(alembic_config(engine), "0001")
    engine.dispose()
    kept = first_schema.load_fixture(tmp_path / "kept")
    assert schema(kept) == schema(fresh)


def test_no_backup_and_no_migration_for_a_current_ledger(
    tmp_path: Path, pos: Callable[..., Run]
) -> None:
    d = tmp_path / "data"
    assert pos("--data-dir", str(d), "demo").code == 0
    assert not (d / "backups").exists()  # a new ledger is not "upgraded"
    t = Terminal.open(d)
    t.close()
    assert not (d / "backups").exists()


def test_a_failed_migration_leaves_the_backup_to_go_back_to(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    first_schema.make_data_dir(data)

    def broken(*a: object, **k: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr("alembic.command.upgrade", broken)  # what db.migrate runs
    with pytest.raises(RuntimeError):
        Terminal.open(data)
    pre = list((data / "backups").glob("pre-upgrade-0001-*.sqlite"))
    assert len(pre) == 1 and _revision(pre[0]) == "0001"


def test_member_points_accounts_follow_the_uid_both_ways(tmp_path: Path) -> None:
    """0003 names points accounts by the member's uid; its downgrade names them back."""
    from alembic import command

    db = first_schema.make_data_dir(tmp_path / "data")
    engine = make_engine(db)
    try:
        command.upgrade(alembic_config(engine), "0003")
        conn = sqlite3.connect(db)
        uid = conn.execute("SELECT uid FROM members WHERE id = 1").fetchone()[0]
        codes = {r[0] for r in conn.execute("SELECT code FROM accounts")}
        conn.close()
        assert f"points:member:{uid}" in codes and "points:member:1" not in codes
        command.downgrade(alembic_config(engine), "0002")
        conn = sqlite3.connect(db)
        codes = {r[0] for r in conn.execute("SELECT code FROM accounts")}
        conn.close()
        assert "points:member:1" in codes
    finally:
        engine.dispose()
