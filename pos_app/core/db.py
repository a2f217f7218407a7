"""The terminal's SQLite ledger file: WAL, synchronous=FULL, foreign keys on, every
write transaction taken with BEGIN IMMEDIATE, and the schema kept by Alembic.

Opening a ledger already at the newest revision loads no Alembic: the ledger's revision is
read from its ``alembic_version`` table and compared with the newest of the revision files
(read as text); Alembic is imported only when a migration runs."""

from __future__ import annotations

import ast
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from pos_app.core.data_folder import pre_upgrade_backup

if TYPE_CHECKING:
    from alembic.config import Config

BUSY_TIMEOUT_MS = 30_000  # a writer waits this long for the ledger's write lock


def busy_timeout_ms() -> int:
    """How long a writer waits for the ledger's write lock: 30 s, or
    ``$POS_BUSY_TIMEOUT_MS`` (a slow disk shared by many processes may need more)."""
    env = os.environ.get("POS_BUSY_TIMEOUT_MS", "")
    return int(env) if env.isascii() and env.isdigit() and 0 < int(env) <= 600_000 \
        else BUSY_TIMEOUT_MS
MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"
_REVISION_LINE = re.compile(r"^(revision|down_revision)\s*(?::[^=]*)?=\s*(.+?)\s*$", re.M)


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    # Let SQLAlchemy's "begin" event issue BEGIN IMMEDIATE itself (pysqlite recipe).
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    # first: the journal-mode switch below waits for a busy ledger too (many processes)
    cur.execute(f"PRAGMA busy_timeout={busy_timeout_ms()}")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA foreign_keys=ON")
    # what is deleted or rewritten (a plain value sealed, a dropped column) is zeroed in
    # the file, not left in its free pages
    cur.execute("PRAGMA secure_delete=ON")
    cur.close()


def _begin_immediate(conn: Any) -> None:
    conn.exec_driver_sql("BEGIN IMMEDIATE")


def make_engine(path: Path, *, writer: bool = True) -> Engine:
    """An engine on the ledger file. A writer's transactions take the write lock at once
    (BEGIN IMMEDIATE), so two writers never deadlock upgrading a read lock; a reader's
    (writer=False) begin deferred and, in WAL mode, never wait for a writer."""
    engine = create_engine(f"sqlite:///{path}", future=True,
                           connect_args={"timeout": busy_timeout_ms() / 1000})
    event.listen(engine, "connect", _sqlite_pragmas)
    event.listen(engine, "begin", _begin_immediate if writer else _begin_deferred)
    return engine


def _begin_deferred(conn: Any) -> None:
    conn.exec_driver_sql("BEGIN")


def alembic_config(engine: Engine) -> Config:
    from alembic.config import Config  # only to run migrations (start-up cost)

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["engine"] = engine
    return cfg


def _revision_graph() -> dict[str, tuple[str, ...]]:
    """Each revision file's revision and the revisions it follows, read as text."""
    graph: dict[str, tuple[str, ...]] = {}
    for f in sorted((MIGRATIONS / "versions").glob("*.py")):
        found = {k: ast.literal_eval(v) for k, v in _REVISION_LINE.findall(f.read_text("utf-8"))}
        if not isinstance(found.get("revision"), str):
            raise RuntimeError(f"{f}: no revision = '...' line")
        down = found.get("down_revision")
        graph[found["revision"]] = (
            () if down is None else (down,) if isinstance(down, str) else tuple(down)
        )
    return graph


def known_revisions() -> set[str]:
    """Every schema revision this version of the terminal knows."""
    return set(_revision_graph())


def head_revision() -> str | None:
    """The newest revision (None when there are no migrations)."""
    graph = _revision_graph()
    heads = set(graph) - {r for downs in graph.values() for r in downs}
    if len(heads) > 1:
        raise RuntimeError(f"the migrations have {len(heads)} heads: {sorted(heads)}")
    return next(iter(heads), None)


def current_revision(engine: Engine) -> str | None:
    """The ledger's schema revision (None for an empty file), read without a transaction:
    the driver connection runs in autocommit, so no write lock is taken."""
    conn = engine.raw_connection()
    try:
        cur = conn.cursor()
        try:
            cur.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
            )
            if cur.fetchone() is None:
                return None
            cur.execute("SELECT version_num FROM alembic_version")
            rows = cur.fetchall()
        finally:
            cur.close()
    finally:
        conn.close()
    if len(rows) > 1:
        raise RuntimeError(f"the ledger is at {len(rows)} revisions at once: {rows}")
    return rows[0][0] if rows else None


def migrate(engine: Engine, backup: bool = True) -> bool:
    """Bring the schema to the newest revision. Returns True if anything ran. An existing
    ledger is backed up first (backups/pre-upgrade-<rev>-<time>.sqlite, SQLite backup
    API); when no migration is due nothing more than the revision check happens."""
    current = current_revision(engine)
    if current == head_revision():
        return False
    if backup and current is not None and engine.url.database:
        pre_upgrade_backup(Path(engine.url.database), current)
    from alembic import command  # only when a migration runs (start-up cost)

    command.upgrade(alembic_config(engine), "head")
    raw = engine.raw_connection()  # nothing of the old rows left in the WAL either
    try:
        raw.driver_connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # type: ignore[union-attr]
    finally:
        raw.close()
    return True


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)
