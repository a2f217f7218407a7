"""The core's terminal fixtures, for the security tests."""

from tests.core.conftest import clock, terminal  # noqa: F401
