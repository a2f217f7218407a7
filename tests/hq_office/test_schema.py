"""HQ's migrations build exactly what the models describe (SQLite and PostgreSQL), and
the back office's migration goes down and up again."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from sync.hq.db import alembic_config, make_engine, migrate
from sync.hq.models import Base
from tests.sync.conftest import hq_url, pg_database  # noqa: F401


@pytest.mark.parametrize("kind", ["sqlite", "postgres"])
def test_hq_migrations_match_the_models(kind: str, tmp_path: Path,
                                        request: pytest.FixtureRequest) -> None:
    engine = make_engine(hq_url(kind, tmp_path, request))
    migrate(engine)
    with engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
    command.downgrade(alembic_config(engine), "0002")
    command.upgrade(alembic_config(engine), "head")
    with engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
    engine.dispose()
