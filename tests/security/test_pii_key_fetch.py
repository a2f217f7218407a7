"""The chain's personal-data key goes only to a registered terminal whose token HQ has
not revoked, and every fetch is kept in HQ's audit log."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from sync.hq.db import sessions
from sync.hq.models import HqAudit
from sync.hq.service import revoke_terminal
from tests.sync.conftest import Hq


def test_each_key_fetch_is_logged_and_a_revoked_token_gets_nothing(
    hq: Hq, tmp_path: Path
) -> None:
    t = hq.terminal(tmp_path, "S001", "T01", "F-EAST", 1)  # registers: fetches the key
    with sessions(hq.engine)() as s:
        rows = s.scalars(select(HqAudit).where(HqAudit.action == "pii_key.fetch")).all()
        assert [(r.login, r.target) for r in rows] == [("terminal", "S001/T01")]
    with sessions(hq.engine)() as s, s.begin():
        assert revoke_terminal(s, "S001/T01")
    creds = (t.data_dir / "secrets" / "hq.json").read_text("utf-8")
    token = __import__("json").loads(creds)["token"]
    r = hq.client.post("/v1/handshake", json={"want_key": True},
                       headers={"X-Terminal": "S001/T01", "Authorization": f"Bearer {token}"})
    assert r.status_code == 401 and "pii_key" not in r.text
    with sessions(hq.engine)() as s:
        assert len(s.scalars(select(HqAudit).where(HqAudit.action == "pii_key.fetch")).all()) == 1
