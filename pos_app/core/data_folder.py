"""A terminal's data folder: the names of its files (the ledger, the program, the
personal-data key, the backups) and consistent copies of its ledger, always through
SQLite's online backup API (never a file copy: a copy of a WAL database taken while the
terminal writes can miss committed pages or catch half-written ones).

Only the standard library: the command line's light commands (``pos backup``,
``pos config check``) read these names without loading the ledger's models.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from pos_app.core.errors import PosError

log = logging.getLogger("pos.backup")

DB_FILE = "pos.sqlite"
PROGRAM_FILE = "program.toml"
KEY_FILE = Path("secrets") / "pii.key"
BACKUP_DIR = "backups"


def _chmod(path: Path, mode: int) -> None:
    try:
        if path.stat().st_mode & 0o777 != mode:
            os.chmod(path, mode)
    except (FileNotFoundError, PermissionError):
        pass  # gone meanwhile, or another user's file: `pos config check` names it


def close_to_others(data_dir: Path) -> None:
    """Close the data folder to other users: it and every folder in it 0700, every file
    0600 (the ledger and its WAL, the program, the keys, backups and logs). Run whenever
    the terminal opens its folder, so a folder made by an older version is closed too."""
    for here, dirs, files in os.walk(data_dir):
        for d in dirs:
            _chmod(Path(here) / d, 0o700)
        for f in files:
            _chmod(Path(here) / f, 0o600)
    _chmod(data_dir, 0o700)


def stamp(now: datetime | None = None) -> str:
    """A UTC time for file names: 20261109T060000123456Z."""
    return (now or datetime.now(UTC)).astimezone(UTC).strftime("%Y%m%dT%H%M%S%fZ")


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def online_copy(src: Path, dest: Path) -> Path:
    """Copy the ledger ``src`` into the new file ``dest`` with the backup API, in one
    step (one consistent snapshot), while other connections keep reading and writing.
    The copy is checked (``PRAGMA integrity_check``), switched to a rollback journal so it
    is one self-contained file, fsynced and renamed into place."""
    if dest.exists():
        raise PosError("folder.exists", path=dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(f".{dest.name}.partial")
    tmp.unlink(missing_ok=True)
    source = sqlite3.connect(src, timeout=30)
    try:
        source.execute("PRAGMA busy_timeout=30000")
        target = sqlite3.connect(tmp)
        try:
            source.backup(target)  # pages=-1: the whole database from one read snapshot
            target.execute("PRAGMA journal_mode=DELETE")
            ok = target.execute("PRAGMA integrity_check").fetchone()[0]
            if ok != "ok":
                raise PosError("folder.copy_damaged", path=src, detail=ok)
            target.commit()
        finally:
            target.close()
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    finally:
        source.close()
    os.chmod(tmp, 0o600)  # the backup holds the same data as the ledger
    with tmp.open("rb") as f:
        os.fsync(f.fileno())
    os.replace(tmp, dest)
    _fsync_dir(dest.parent)
    return dest


def pre_upgrade_backup(db_path: Path, revision: str | None) -> Path:
    """Taken by ``db.migrate`` just before migrations run on an existing ledger:
    ``backups/pre-upgrade-<revision>-<time>.sqlite``, never pruned."""
    dest = db_path.parent / BACKUP_DIR / f"pre-upgrade-{revision or 'base'}-{stamp()}.sqlite"
    (db_path.parent / BACKUP_DIR).mkdir(parents=True, exist_ok=True)
    out = online_copy(db_path, dest)
    log.info(
        "backup before upgrade",
        extra={"event": "pre_upgrade_backup", "file": str(out), "from_revision": revision},
    )
    return out
