"""Backups and restores of the terminal ledger, always through SQLite's online backup API
(never a file copy: a copy of a WAL database taken while the terminal writes can miss
committed pages or catch half-written ones).

* :func:`backup` takes a consistent copy while the terminal runs (readers never block
  writers in WAL mode; the copy is one snapshot), checks it, and writes it as one
  self-contained file (rollback journal, no ``-wal``) under a temporary name that is
  renamed into place only when complete.
* :func:`restore` is stop-the-world: the backup is copied to a scratch file, brought to
  the current schema, its ``TerminalInfo.epoch`` bumped past both the backup's and the
  live ledger's, the restore audited, and then the scratch file is copied into the live
  ledger through the backup API under an exclusive lock. The live ledger is backed up
  first (``pre-restore-...``). Sync treats the new epoch as a rewind.
* The copy itself (:func:`~pos_app.core.data_folder.online_copy`) and the backup taken
  just before a migration runs live in :mod:`pos_app.core.data_folder`.

Nothing here imports Qt, devices or network code; only :func:`restore` loads the
ledger's models.
"""

from __future__ import annotations

import json
import logging
import os
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pos_app.core.data_folder import BACKUP_DIR, DB_FILE, KEY_FILE, online_copy
from pos_app.core.data_folder import stamp as _stamp
from pos_app.core.errors import PosError

if TYPE_CHECKING:
    from pos_app.core.rights import Operator

log = logging.getLogger("pos.backup")

REQUIRED_TABLES = ("terminal_info", "journal", "entries", "accounts", "alembic_version")
REWIND_WARNING = (
    "WARNING: the ledger was rewound to {taken}. Sync will treat this as a rewind: the "
    "terminal now runs in epoch {epoch}, and sales, refunds and top-ups made on this "
    "terminal after the backup was taken are no longer in its ledger but may already be "
    "at HQ. Tell HQ before ringing up new sales."
)
_NAME_SAFE = re.compile(r"[^A-Za-z0-9_\-]")


@dataclass(frozen=True)
class LedgerFacts:
    """What a ledger file says about itself."""

    path: Path
    franchisee: str
    store: str
    terminal: str
    epoch: int
    revision: str | None
    journals: int
    last_recorded_at: str | None


@dataclass(frozen=True)
class RestoreResult:
    source: Path
    facts: LedgerFacts
    epoch: int
    safety_backup: Path | None
    warning: str


def _ro_connect(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10)


def read_facts(path: Path) -> LedgerFacts:
    """Read identity, epoch and schema revision; raise PosError if ``path`` is not a
    terminal ledger."""
    if not path.is_file():
        raise PosError("backup.no_file", path=path)
    with path.open("rb") as f:
        if f.read(16) != b"SQLite format 3\x00":
            raise PosError("backup.not_sqlite", path=path)
    conn = _ro_connect(path)
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        missing = [t for t in REQUIRED_TABLES if t not in tables]
        if missing:
            raise PosError("backup.missing_tables", path=path, tables=", ".join(missing))
        cols = {r[1] for r in conn.execute("PRAGMA table_info(terminal_info)")}
        epoch_sql = "epoch" if "epoch" in cols else "1"
        row = conn.execute(
            f"SELECT franchisee, store, terminal, {epoch_sql} FROM terminal_info WHERE id = 1"
        ).fetchone()
        if row is None:
            raise PosError("backup.not_set_up", path=path)
        rev = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        journals, last = conn.execute("SELECT count(*), max(recorded_at) FROM journal").fetchone()
    except sqlite3.DatabaseError as e:
        raise PosError("backup.unreadable", path=path, detail=e) from None
    finally:
        conn.close()
    return LedgerFacts(
        path=path,
        franchisee=row[0],
        store=row[1],
        terminal=row[2],
        epoch=int(row[3]),
        revision=rev[0] if rev else None,
        journals=int(journals),
        last_recorded_at=last,
    )


def backup_dir(data_dir: Path) -> Path:
    return data_dir / BACKUP_DIR


def backup(
    data_dir: Path,
    dest: Path | None = None,
    *,
    now: datetime | None = None,
    label: str = "",
) -> Path:
    """Back up the data folder's ledger; the default name is
    ``backups/pos-<store>-<terminal>-<UTC time>.sqlite``."""
    src = data_dir / DB_FILE
    facts = read_facts(src)
    if dest is None:
        name = "-".join(
            _NAME_SAFE.sub("_", p) for p in ("pos", label, facts.store, facts.terminal) if p
        )
        dest = backup_dir(data_dir) / f"{name}-{_stamp(now)}.sqlite"
        backup_dir(data_dir).mkdir(parents=True, exist_ok=True)
        os.chmod(backup_dir(data_dir), 0o700)
    out = online_copy(src, dest)
    log.info(
        "backup written",
        extra={
            "event": "backup",
            "file": str(out),
            "bytes": out.stat().st_size,
            "journals": facts.journals,
            "epoch": facts.epoch,
        },
    )
    return out


def list_backups(data_dir: Path) -> list[Path]:
    """The data folder's regular backups, oldest first (pre-upgrade and pre-restore
    backups are kept apart and never pruned)."""
    d = backup_dir(data_dir)
    if not d.is_dir():
        return []
    files = [p for p in d.glob("pos-*.sqlite") if p.is_file()]
    return sorted(files, key=lambda p: (p.stat().st_mtime, p.name))


def prune(data_dir: Path, keep: int) -> list[Path]:
    """Delete the oldest regular backups beyond the newest ``keep``; returns the deleted."""
    if keep < 1:
        raise PosError("backup.keep_one")
    files = list_backups(data_dir)
    gone = files[:-keep] if len(files) > keep else []
    for p in gone:
        p.unlink(missing_ok=True)
        log.info("old backup deleted", extra={"event": "backup_pruned", "file": str(p)})
    return gone


def due(data_dir: Path, interval: timedelta, now: datetime | None = None) -> bool:
    """True when the newest regular backup is older than ``interval`` (or there is none)."""
    files = list_backups(data_dir)
    if not files:
        return True
    newest = datetime.fromtimestamp(files[-1].stat().st_mtime, UTC)
    return (now or datetime.now(UTC)) - newest >= interval


def _check_chain_key(path: Path, data_dir: Path) -> str | None:
    """None if the data folder's chain key sealed the backup's audit rows (or none is
    sealed), else the reason: without it every row would fail ``pos ledger verify``."""
    from pos_app.core import sealing  # restore only

    conn = _ro_connect(path)
    try:
        row = conn.execute(
            "SELECT hash, mac FROM audit_log WHERE mac != '' ORDER BY id LIMIT 1"
        ).fetchone()
    except sqlite3.OperationalError:  # a backup older than the seals
        row = None
    finally:
        conn.close()
    if row is None:
        return None
    key_file = data_dir / sealing.CHAIN_KEY_FILE
    if not key_file.exists():
        return f"the data folder has no chain key ({key_file}); copy the saved secrets/ first"
    key, _made = sealing.load_key(data_dir)
    if sealing.seal(key, "audit", row[0]) != row[1]:
        return f"the chain key {key_file} did not seal this backup (a backup of another terminal)"
    return None


def _check_pii_key(path: Path, key_file: Path) -> str | None:
    """None if the data folder's key opens the personal data in ``path`` (or there is
    none to open), else the reason."""
    from pos_app.core.pii import PiiVault  # restore only: cryptography for the key check

    conn = _ro_connect(path)
    try:
        row = conn.execute(
            "SELECT phone_enc FROM members WHERE phone_enc IS NOT NULL LIMIT 1"
        ).fetchone()
    finally:
        conn.close()
    if row is None:
        return None
    if not key_file.exists():
        return f"the data folder has no personal-data key ({key_file})"
    try:
        PiiVault.from_key_file(key_file).decrypt("phone", bytes(row[0]))
    except Exception:
        return (
            f"the personal-data key {key_file} does not open this backup's member data "
            "(a backup of another terminal, or the key was replaced)"
        )
    return None


def restore(
    data_dir: Path,
    source: Path,
    *,
    force: bool = False,
    now: Callable[[], datetime] | None = None,
    who: Operator | None = None,
) -> RestoreResult:
    """Put ``source`` back as the data folder's ledger (stop the terminal app first).
    ``who``: the manager doing it (their PIN checked on the live ledger), named in the
    audit row; the console only while the live ledger has no manager or there is none."""
    clock = now or (lambda: datetime.now(UTC))
    source = source.resolve()
    live = data_dir / DB_FILE
    facts = read_facts(source)
    if source == live.resolve():
        raise PosError("backup.live_ledger")
    _check_restorable(source, facts)
    live_facts = read_facts(live) if live.exists() else None
    _check_same_terminal(data_dir, source, facts, live_facts, force)

    data_dir.mkdir(parents=True, exist_ok=True)
    safety = None
    if live_facts is not None:
        safety = backup_dir(data_dir) / f"pre-restore-{_stamp()}.sqlite"
        online_copy(live, safety)

    new_epoch = max(facts.epoch, live_facts.epoch if live_facts else 0) + 1
    audit_detail = {
        "backup_epoch": facts.epoch,
        "live_epoch": live_facts.epoch if live_facts else None,
        "epoch": new_epoch,
        "backup_last_recorded_at": facts.last_recorded_at,
        "backup_revision": facts.revision,
        "forced": force,
        "safety_backup": safety.name if safety else None,
    }
    scratch = data_dir / f".restore-{_stamp()}.sqlite"
    try:
        online_copy(source, scratch)
        _prepare_scratch(scratch, data_dir, source.name, new_epoch, audit_detail, clock(), who)
        _copy_into_live(scratch, live)
    finally:
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{scratch}{suffix}").unlink(missing_ok=True)
    warning = REWIND_WARNING.format(taken=facts.last_recorded_at or "its start", epoch=new_epoch)
    log.warning(
        "ledger restored from a backup",
        extra={
            "event": "restore",
            "file": str(source),
            "epoch": new_epoch,
            "safety_backup": str(safety) if safety else None,
            "forced": force,
            "detail": json.dumps({"store": facts.store, "terminal": facts.terminal}),
        },
    )
    return RestoreResult(source, facts, new_epoch, safety, warning)


def _check_restorable(source: Path, facts: LedgerFacts) -> None:
    """Refuse a backup of a schema this version does not know, or one that is damaged."""
    # restore only: the ledger's migrations (pos backup from the timer needs none)
    from pos_app.core.db import known_revisions

    if facts.revision not in known_revisions():
        raise PosError("backup.unknown_revision", path=source, revision=facts.revision)
    conn = _ro_connect(source)
    try:
        ok = conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()
    if ok != "ok":
        raise PosError("backup.damaged", path=source, detail=ok)


def _check_same_terminal(
    data_dir: Path,
    source: Path,
    facts: LedgerFacts,
    live_facts: LedgerFacts | None,
    force: bool,
) -> None:
    """Refuse (unless forced) a backup of another terminal, or one whose personal data
    this data folder's key cannot read."""
    if live_facts is not None and not force:
        mine = (live_facts.franchisee, live_facts.store, live_facts.terminal)
        theirs = (facts.franchisee, facts.store, facts.terminal)
        if mine != theirs:
            raise PosError("backup.other_terminal", path=source, theirs="/".join(theirs),
                           mine="/".join(mine))
    key_problem = _check_pii_key(source, data_dir / KEY_FILE) or _check_chain_key(
        source, data_dir
    )
    if key_problem and not force:
        raise PosError("backup.key_problem", detail=key_problem)


def _prepare_scratch(
    scratch: Path,
    data_dir: Path,
    source_name: str,
    new_epoch: int,
    audit_detail: dict[str, Any],
    at: datetime,
    who: Operator | None = None,
) -> None:
    """Bring the scratch copy to the current schema, set its new epoch and audit the
    restore in it, before it is copied over the live ledger."""
    # restore only: the ledger's models and migrations (pos backup from the timer needs none)
    from sqlalchemy import select

    from pos_app.core import sealing, staff
    from pos_app.core.db import head_revision, make_engine, migrate, session_factory
    from pos_app.core.models import TerminalInfo

    engine = make_engine(scratch)
    try:
        migrate(engine, backup=False)
        assert head_revision() is not None
        chain_key, _made = sealing.load_key(data_dir)
        with session_factory(engine)() as s, s.begin():
            s.info["chain_key"] = chain_key  # the restore's audit row is sealed
            sealing.seal_unsealed(s, chain_key)  # a backup older than the seals
            info = s.scalars(select(TerminalInfo)).one()
            info.epoch = new_epoch
            staff.audit(s, at, who or staff.CONSOLE, "restore", source_name, audit_detail)
    finally:
        engine.dispose()


def _copy_into_live(scratch: Path, live: Path) -> None:
    """The stop-the-world step: copy ``scratch`` over the live ledger through the backup
    API while holding the live file's write lock (other writers wait or fail busy)."""
    src = sqlite3.connect(scratch)
    dst = sqlite3.connect(live, timeout=10, isolation_level=None)
    try:
        dst.execute("PRAGMA busy_timeout=10000")
        dst.execute("PRAGMA journal_mode=WAL")
        src.backup(dst)
        dst.execute("PRAGMA journal_mode=WAL")
        dst.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        ok = dst.execute("PRAGMA integrity_check").fetchone()[0]
        if ok != "ok":
            raise PosError("backup.restored_damaged", detail=ok)
    except sqlite3.OperationalError as e:
        raise PosError("backup.restore_failed", path=live, detail=e) from None
    finally:
        dst.close()
        src.close()
    os.chmod(live, 0o600)
