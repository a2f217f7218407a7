"""Alembic environment: the engine comes from pos_app.core.db (config attribute)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from pos_app.core.models import Base

config = context.config
target_metadata = Base.metadata

engine = config.attributes.get("engine")
if engine is None:
    url = config.get_main_option("sqlalchemy.url") or "sqlite:///pos.sqlite"
    engine = create_engine(url)

with engine.connect() as connection:
    # Batch migrations copy, drop and rename tables: with foreign keys on, dropping a table
    # that other rows point to (members <- cards) fails on any ledger with data. Keys are
    # switched off (outside a transaction, on the driver connection) and checked after.
    dbapi = connection.connection.driver_connection
    if dbapi is not None and connection.dialect.name == "sqlite":
        dbapi.execute("PRAGMA foreign_keys=OFF")
    context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()
        if connection.dialect.name == "sqlite":
            broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise RuntimeError(f"the migration broke foreign keys: {broken[:5]}")
    if connection.in_transaction():
        connection.commit()
    if dbapi is not None and connection.dialect.name == "sqlite":
        dbapi.execute("PRAGMA foreign_keys=ON")
