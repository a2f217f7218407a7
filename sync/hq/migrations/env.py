"""Alembic environment for the HQ database (engine passed as a config attribute)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from sync.hq.models import Base

config = context.config
target_metadata = Base.metadata

engine = config.attributes.get("engine")
if engine is None:
    engine = create_engine(config.get_main_option("sqlalchemy.url") or "sqlite:///hq.sqlite")

with engine.connect() as connection:
    context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()
    if connection.in_transaction():
        connection.commit()
