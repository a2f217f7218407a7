"""HQ database: an engine for the configured URL (SQLite file by default, PostgreSQL in
production) and the schema kept by Alembic (sync/hq/migrations)."""

from __future__ import annotations

import select
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, exc, text
from sqlalchemy.orm import Session, sessionmaker

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


def _begin_immediate(conn: Any) -> None:
    conn.exec_driver_sql("BEGIN IMMEDIATE")


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, future=True)
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _begin_immediate)
        return engine
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://") :]
    # No pre-ping (a SELECT 1, one round trip, on every checkout): a pooled connection
    # the server has closed (a restart, an idle timeout, a killed backend) is found
    # at checkout without asking the server (``_closed_by_server``); one dropped
    # otherwise fails its first statement, the pool is invalidated and the request's
    # transaction retried (sync.hq.service). Connections are renewed after 30 minutes
    # so that none outlives a firewall's or balancer's idle limit unnoticed.
    engine = create_engine(url, future=True, pool_size=10, max_overflow=20,
                           pool_recycle=1800)
    event.listen(engine, "checkout", _closed_by_server)
    return engine


def _closed_by_server(dbapi_conn: Any, _record: Any, _proxy: Any) -> None:
    """A pooled PostgreSQL connection is idle: the server has nothing to say to it
    unless it is closing it (a "terminating connection" message, then end of file), so
    a socket with something to read is taken as closed and the pool opens a new
    connection (DisconnectionError). No round trip."""
    if dbapi_conn.closed or dbapi_conn.broken:
        raise exc.DisconnectionError("connection closed")
    poll = select.poll()
    poll.register(dbapi_conn.pgconn.socket, select.POLLIN)
    if poll.poll(0):
        raise exc.DisconnectionError("the server closed the connection")


def is_postgres(engine: Engine) -> bool:
    return engine.dialect.name == "postgresql"


def alembic_config(engine: Engine) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["engine"] = engine
    return cfg


# pg_advisory_lock key held while HQ's schema is brought up to date
MIGRATION_LOCK = 771002


def migrate(engine: Engine) -> None:
    """Bring HQ's schema to the newest revision. Several HQ processes starting at once
    (behind a load balancer) take turns on PostgreSQL: the first migrates, the others
    wait for it and then find nothing to do."""
    head = ScriptDirectory.from_config(alembic_config(engine)).get_current_head()
    with engine.connect() as conn:
        if MigrationContext.configure(conn).get_current_revision() == head:
            return
    if not is_postgres(engine):
        command.upgrade(alembic_config(engine), "head")
        return
    with engine.connect() as lock:
        lock.execute(text("SELECT pg_advisory_lock(:k)"), {"k": MIGRATION_LOCK})
        lock.commit()
        try:
            command.upgrade(alembic_config(engine), "head")
        finally:
            lock.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": MIGRATION_LOCK})
            lock.commit()


def sessions(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)
