"""The core's terminal fixtures and the HQ fixture (SQLite and PostgreSQL), for the
security tests."""

from tests.core.conftest import bare_terminal, clock, terminal  # noqa: F401
from tests.sync.conftest import hq, pg_database  # noqa: F401
