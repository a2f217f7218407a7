"""The back office over a chain that traded through HQ (``chain.build``), on SQLite and
on PostgreSQL, built once per module."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import pytest
from fastapi.testclient import TestClient

from sync.hq.app import create_app
from sync.hq.config import HqConfig
from tests.sync.conftest import Hq, hq_url, pg_database  # noqa: F401

from .chain import Chain, build


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def chain(request: pytest.FixtureRequest,
          tmp_path_factory: pytest.TempPathFactory) -> Iterator[Chain]:
    root = tmp_path_factory.mktemp("chain")
    url = hq_url(request.param, root, request)
    cfg = HqConfig(database=url, lease=Decimal("2000.00"), admin_token="admin-secret")
    app = create_app(cfg)
    with TestClient(app, base_url="http://hq") as client:
        ch = build(Hq(url, cfg, app, client), root)
        yield ch
        for t in ch.terminals.values():
            t.close()
    app.state.engine.dispose()
