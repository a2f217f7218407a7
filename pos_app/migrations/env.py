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
    context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()
    if connection.in_transaction():
        connection.commit()
