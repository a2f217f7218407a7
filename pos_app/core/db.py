"""The terminal's SQLite ledger file: WAL, synchronous=FULL, foreign keys on, every
write transaction taken with BEGIN IMMEDIATE, and the schema kept by Alembic."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    # Let SQLAlchemy's "begin" event issue BEGIN IMMEDIATE itself (pysqlite recipe).
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.close()


def _begin_immediate(conn: Any) -> None:
    conn.exec_driver_sql("BEGIN IMMEDIATE")


def make_engine(path: Path, *, writer: bool = True) -> Engine:
    """An engine on the ledger file. A writer's transactions take the write lock at once
    (BEGIN IMMEDIATE), so two writers never deadlock upgrading a read lock; a reader's
    (writer=False) begin deferred and, in WAL mode, never wait for a writer."""
    engine = create_engine(f"sqlite:///{path}", future=True)
    event.listen(engine, "connect", _sqlite_pragmas)
    event.listen(engine, "begin", _begin_immediate if writer else _begin_deferred)
    return engine


def _begin_deferred(conn: Any) -> None:
    conn.exec_driver_sql("BEGIN")


def alembic_config(engine: Engine) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["engine"] = engine
    return cfg


def head_revision() -> str | None:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return ScriptDirectory.from_config(cfg).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def migrate(engine: Engine, backup: bool = True) -> bool:
    """Bring the schema to the newest revision. Returns True if anything ran. An existing
    ledger is backed up first (backups/pre-upgrade-<rev>-<time>.sqlite, SQLite backup
    API); when no migration is due nothing more than the revision check happens."""
    current = current_revision(engine)
    if current == head_revision():
        return False
    if backup and current is not None and engine.url.database:
        from pos_app.core.backup import pre_upgrade_backup

        pre_upgrade_backup(Path(engine.url.database), current)
    command.upgrade(alembic_config(engine), "head")
    return True


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)
