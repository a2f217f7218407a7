"""Signing in (argon2, lockout), sessions (CSRF, expiry, kept in the database), and the
alert queue: one alert per event in yuan, the same through the API, `pos hq alerts` and
the page; acknowledge and resolve with a note."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import select, update

from sync.hq.db import sessions
from sync.hq.models import HqAlert, HqAudit, HqUser, HqWebSession

from .chain import PASSWORD, Browser, Chain

ADMIN = {"Authorization": "Bearer admin-secret"}


def test_passwords_are_argon2_and_five_wrong_tries_lock_the_login(chain: Chain) -> None:
    with sessions(chain.hq.engine)() as s:
        u = s.get(HqUser, "audit")
        assert u is not None and u.password_hash.startswith("$argon2id$")
        assert PASSWORD not in u.password_hash
    for _ in range(4):
        b = Browser(chain.hq.app, "audit", "not-the-password")
        assert not b.signed_in and "Wrong+login" in b.login_answer.headers["location"]
    b = Browser(chain.hq.app, "audit", "not-the-password")
    assert not b.signed_in and "locked" in b.login_answer.headers["location"]
    assert not Browser(chain.hq.app, "audit").signed_in  # the right password, still locked
    with sessions(chain.hq.engine)() as s, s.begin():
        actions = s.scalars(select(HqAudit.detail).where(
            HqAudit.login == "audit", HqAudit.action.like("sign_in%"))).all()
        assert any("locked for 15 minutes" in d for d in actions)
        s.execute(update(HqUser).where(HqUser.login == "audit").values(
            locked_until=(datetime.now(UTC) - timedelta(seconds=1)).isoformat()))
    assert Browser(chain.hq.app, "audit").signed_in  # the lock has run out


def test_forms_need_the_sessions_csrf_token(chain: Chain) -> None:
    b = Browser(chain.hq.app, "boss")
    alert = _alerts(chain, "clock_skew")[0]
    r = b.c.post(f"/office/alerts/{alert}/ack", data={"csrf": "forged"})
    assert r.status_code == 403
    r = b.c.post(f"/office/alerts/{alert}/ack", data={})
    assert r.status_code == 403
    with sessions(chain.hq.engine)() as s:
        a = s.get(HqAlert, alert)
        assert a is not None and a.status == "open"
    # another person's token does not work either
    other = Browser(chain.hq.app, "pm")
    r = b.c.post(f"/office/alerts/{alert}/ack", data={"csrf": other.csrf})
    assert r.status_code == 403


def test_sessions_live_in_the_database_and_expire(chain: Chain) -> None:
    b = Browser(chain.hq.app, "pm")
    cookie = b.c.cookies.get("hq_session")
    assert cookie and b.get("/office/alerts").status_code == 200
    with sessions(chain.hq.engine)() as s:
        stored = s.scalars(select(HqWebSession.token_hash).where(
            HqWebSession.login == "pm")).all()
        assert stored and cookie not in stored  # only the token's hash is kept
    # a second HQ process (another app on the same database) knows the session
    from fastapi.testclient import TestClient

    from sync.hq.app import create_app

    other = create_app(chain.hq.cfg, run_migrations=False)
    with TestClient(other, base_url="http://hq", follow_redirects=False) as c2:
        c2.cookies.set("hq_session", cookie, path="/office")
        assert c2.get("/office/alerts").status_code == 200
    other.state.engine.dispose()
    with sessions(chain.hq.engine)() as s, s.begin():
        s.execute(update(HqWebSession).where(HqWebSession.login == "pm").values(
            expires_at=(datetime.now(UTC) - timedelta(seconds=1)).isoformat()))
    r = b.get("/office/alerts")
    assert r.status_code == 303 and r.headers["location"].startswith("/office/login")
    # signing out ends the session for good
    b = Browser(chain.hq.app, "pm")
    assert b.post("/office/logout").status_code == 303
    b.c.cookies.set("hq_session", cookie, path="/office")
    assert b.get("/office/alerts").status_code == 303


def test_first_logins_by_command_and_by_the_admin_token(chain: Chain, tmp_path: Path) -> None:
    cfg = tmp_path / "hq.toml"
    cfg.write_text(f'[hq]\ndatabase = "{chain.hq.url}"\n', "utf-8")
    pos = str(Path(sys.executable).parent / "pos")

    def add(*args: str, password: str = "long-enough-pass") -> subprocess.CompletedProcess[str]:
        return subprocess.run([pos, "hq", "user", "add", "--config", str(cfg), *args],
                              capture_output=True, text=True, timeout=60,
                              env={**os.environ, "POS_HQ_PASSWORD": password})

    bad = add("--login", "acc-x", "--role", "accountant")  # an accountant needs a franchisee
    assert bad.returncode == 2 and "franchisee" in bad.stderr
    short = add("--login", "chen", "--role", "admin", password="short")
    assert short.returncode == 2 and "10 characters" in short.stderr
    with sessions(chain.hq.engine)() as s:
        assert s.get(HqUser, "acc-x") is None and s.get(HqUser, "chen") is None
    ok = add("--login", "chen", "--name", "陈", "--role", "admin")
    assert ok.returncode == 0, ok.stderr
    assert Browser(chain.hq.app, "chen", "long-enough-pass").signed_in
    body = {"login": "liu", "role": "store_manager", "stores": "S001 S002",
            "password": "another-long-one"}
    assert chain.hq.client.post("/v1/admin/users", json=body).status_code == 401
    assert chain.hq.client.post("/v1/admin/users", json=body, headers={
        "Authorization": "Bearer wrong"}).status_code == 401
    r = chain.hq.client.post("/v1/admin/users", json=body, headers=ADMIN)
    assert r.status_code == 201 and r.json()["stores"] == ["S001", "S002"]
    liu = Browser(chain.hq.app, "liu", "another-long-one")
    assert liu.get("/office/fleet").status_code == 200
    assert liu.get("/office/users").status_code == 403


def _alerts(chain: Chain, kind: str) -> list[int]:
    with sessions(chain.hq.engine)() as s:
        return list(s.scalars(select(HqAlert.id).where(HqAlert.kind == kind)
                              .order_by(HqAlert.id)))


def test_one_overdraft_is_one_alert_in_yuan_everywhere(chain: Chain, tmp_path: Path) -> None:
    api = chain.hq.client.get("/v1/admin/alerts", headers=ADMIN).json()["alerts"]
    od = [a for a in api if a["kind"] == "offline_overdraft"]
    assert len(od) == 1
    assert od[0]["amount"] == "200.00" and od[0]["store"] == "S003"
    assert "¥200.00" in od[0]["detail"] and "cents" not in od[0]["detail"]
    cfg = tmp_path / "hq.toml"
    cfg.write_text(f'[hq]\ndatabase = "{chain.hq.url}"\n', "utf-8")
    pos = str(Path(sys.executable).parent / "pos")
    out = subprocess.run([pos, "hq", "alerts", "--config", str(cfg)], capture_output=True,
                         text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["alerts"] == api
    page = Browser(chain.hq.app, "boss").get("/office/alerts?kind=offline_overdraft").text
    assert page.count('class="card alert') == 1 and "¥200.00" in page


def test_alerts_are_acknowledged_and_resolved_with_a_note(chain: Chain) -> None:
    b = Browser(chain.hq.app, "mgr3")
    alert = _alerts(chain, "offline_overdraft")[0]
    assert b.post(f"/office/alerts/{alert}/ack").status_code == 303
    r = b.post(f"/office/alerts/{alert}/resolve", {"note": ""})
    assert "error=" in r.headers["location"]
    r = b.post(f"/office/alerts/{alert}/resolve", {"note": "card holder topped up"})
    assert "ok=" in r.headers["location"]
    got = chain.hq.client.get("/v1/admin/alerts", headers=ADMIN,
                              params={"status": "resolved"}).json()["alerts"]
    mine = next(a for a in got if a["id"] == alert)
    assert mine["acknowledged_by"] == "mgr3" and mine["resolved_by"] == "mgr3"
    assert mine["note"] == "card holder topped up"
    open_now = Browser(chain.hq.app, "boss").get("/office/alerts").text
    assert "card holder topped up" not in open_now  # the open queue no longer lists it
