"""The schema is kept by Alembic from the first table: the migrations build exactly what
the models describe, the file is in WAL with synchronous=FULL, and downgrades work."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from pos_app.core.db import alembic_config, current_revision, head_revision, make_engine, migrate
from pos_app.core.models import Base


def test_migrations_match_the_models(tmp_path: Path) -> None:
    engine = make_engine(tmp_path / "pos.sqlite")
    assert migrate(engine) is True
    assert migrate(engine) is False  # already at head: nothing runs
    assert current_revision(engine) == head_revision()
    with engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
    command.downgrade(alembic_config(engine), "base")
    assert current_revision(engine) is None
    migrate(engine)
    assert current_revision(engine) == head_revision()
    engine.dispose()


def test_a_read_does_not_wait_for_a_writer(tmp_path: Path) -> None:
    """While a sale's transaction holds the write lock, a read still answers at once."""
    from pos_app.core import catalog
    from pos_app.core.terminal import Terminal
    from pos_app.demo import CATALOG, PROGRAM

    t = Terminal.init(tmp_path / "d", store="S", terminal="T", franchisee="F", program_file=PROGRAM)
    with t.tx() as s:
        catalog.import_file(s, CATALOG, t.now())
    with t.tx() as w:
        w.execute(text("UPDATE items SET price = price + 1"))  # holds the write lock
        with t.read() as r:
            assert catalog.lookup(r, "6901234560060") is not None
    t.close()


def test_revisions_read_from_the_files_are_alembics(tmp_path: Path) -> None:
    """The revision check that keeps Alembic out of every command agrees with Alembic, and
    reading a ledger's revision takes no write lock."""
    from alembic.script import ScriptDirectory

    from pos_app.core.db import known_revisions

    scripts = ScriptDirectory.from_config(alembic_config(make_engine(tmp_path / "x.sqlite")))
    assert head_revision() == scripts.get_current_head() is not None
    assert known_revisions() == {s.revision for s in scripts.walk_revisions()}
    engine = make_engine(tmp_path / "pos.sqlite")
    assert current_revision(engine) is None
    migrate(engine)
    with engine.connect() as writer:
        writer.execute(text("UPDATE alembic_version SET version_num = version_num"))
        # the writer holds BEGIN IMMEDIATE; the revision is still read at once
        assert current_revision(engine) == head_revision()
    engine.dispose()


def test_revision_files_are_numbered_in_chain_order(tmp_path: Path) -> None:
    """One chain, one head, and the files sort as the chain runs, so the next migration's
    place is plain from a directory listing (revision ids themselves never change)."""
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(alembic_config(make_engine(tmp_path / "x.sqlite")))
    assert len(scripts.get_heads()) == 1
    chain = list(reversed(list(scripts.walk_revisions())))  # base first
    names = [Path(s.path).name for s in chain]
    assert names == sorted(names)
    assert all(name[:4].isdigit() for name in names)
