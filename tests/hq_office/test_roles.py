"""Each role sees and does exactly its rows, through the back office's pages (HTTP, as a
browser sends them): which pages open, which franchisees, stores, statements, alerts,
terminals and members appear, and which actions go through or are refused (403/404)."""

from __future__ import annotations

import json
import re

import pytest
from sqlalchemy import select

from sync.hq.db import sessions
from sync.hq.models import HqAlert, HqAudit, HqCard, HqMember

from .chain import MONTH, Browser, Chain

PAGES = ("dashboard", "statements", "alerts", "fleet", "members", "program", "staff", "users",
         "audit")
OPENS = {
    "boss": set(PAGES),
    "pm": {"dashboard", "alerts", "fleet", "members", "program"},
    "acc-east": {"dashboard", "statements", "alerts", "staff"},
    "mgr3": {"dashboard", "alerts", "fleet", "members", "staff"},
    "audit": {"dashboard", "statements", "alerts", "fleet", "members", "program", "staff",
              "audit"},
}
# what the dashboard lists (franchisees at chain level, else stores)
DASHBOARD_ROWS = {
    "boss": {"F-EAST", "F-WEST", "F-NORTH"}, "pm": {"F-EAST", "F-WEST", "F-NORTH"},
    "audit": {"F-EAST", "F-WEST", "F-NORTH"}, "acc-east": {"S001", "S002"}, "mgr3": {"S003"},
}
PAIRS = {
    "boss": {("F-EAST", "F-WEST"), ("F-EAST", "F-NORTH")},
    "audit": {("F-EAST", "F-WEST"), ("F-EAST", "F-NORTH")},
    "acc-east": {("F-EAST", "F-WEST"), ("F-EAST", "F-NORTH")},
}
ALL = {"S001", "S002", "S003", "S004"}
ALERT_STORES = {"boss": ALL, "pm": ALL, "audit": ALL, "acc-east": {"S001", "S002"},
                "mgr3": {"S003"}}
TERMINALS = {"boss": {"S001/T01", "S002/T01", "S003/T01", "S004/T01"},
             "pm": {"S001/T01", "S002/T01", "S003/T01", "S004/T01"},
             "audit": {"S001/T01", "S002/T01", "S003/T01", "S004/T01"},
             "mgr3": {"S003/T01"}}
ROLES = list(OPENS)


def _table_first_cells(html: str, caption: str) -> set[str]:
    part = html.split(caption, 1)[1].split("</table>", 1)[0]
    return set(re.findall(r"<tr>\s*<td>(?:<a [^>]*>)?([^<]+)", part))


def _alert(ch: Chain, store: str) -> int:
    with sessions(ch.hq.engine)() as s:
        return int(s.scalars(select(HqAlert.id).where(HqAlert.store == store)).first() or 0)


def _member(ch: Chain, card: str) -> str:
    with sessions(ch.hq.engine)() as s:
        c = s.get(HqCard, ch.cards[card])
        assert c is not None
        return c.member_uid


@pytest.mark.parametrize("login", ROLES)
def test_each_role_sees_and_does_exactly_its_rows(chain: Chain, login: str) -> None:
    b = Browser(chain.hq.app, login)
    assert b.signed_in
    for page in PAGES:
        got = b.get(f"/office/{page}").status_code
        assert got == (200 if page in OPENS[login] else 403), (login, page, got)

    # dashboard: its franchisees or stores, and no drilling into another's
    html = b.get(f"/office/dashboard?month={MONTH}").text
    caption = "Per franchisee" if login in ("boss", "pm", "audit") else "Per store"
    assert _table_first_cells(html, caption) == DASHBOARD_ROWS[login]
    outside = {"acc-east": "franchisee=F-WEST", "mgr3": "store=S001"}.get(login)
    if outside:
        assert b.get(f"/office/dashboard?month={MONTH}&{outside}").status_code == 403
    else:
        assert b.get(f"/office/dashboard?month={MONTH}&store=S003").status_code == 200

    # statements: the pairs it is part of
    if "statements" in OPENS[login]:
        html = b.get(f"/office/statements?month={MONTH}").text
        pairs = set(re.findall(rf"/office/statements/{MONTH}/([\w-]+)/([\w-]+)\"", html))
        assert {tuple(sorted(p)) for p in pairs} == {tuple(sorted(p)) for p in PAIRS[login]}
    approve = b.post(f"/office/statements/{MONTH}/F-EAST/F-NORTH/approve")
    assert approve.status_code == (303 if login in ("boss", "acc-east") else 403)

    # alerts: its stores' only, and working them as the role allows
    html = b.get("/office/alerts?status=all").text
    assert set(re.findall(r"· ([A-Z]\d{3})/T01", html)) == ALERT_STORES[login]
    ack = b.post(f"/office/alerts/{_alert(chain, 'S003')}/ack")
    assert ack.status_code == {"audit": 403, "acc-east": 404}.get(login, 303)

    # staff performance: its stores' staff only
    if "staff" in OPENS[login]:
        html = b.get(f"/office/staff?month={MONTH}").text
        stores = set(re.findall(r"<tr><td>(S\d{3})</td>", html))
        assert stores and stores <= ALERT_STORES[login], (login, stores)

    # fleet
    if "fleet" in OPENS[login]:
        html = b.get("/office/fleet").text
        assert set(re.findall(r"<td>(S\d{3}/T\d\d)</td>", html)) == TERMINALS[login]
    if login != "boss":  # (the admin registers one in test_fleet)
        reg = b.post("/office/fleet/register", {"franchisee": "F-EAST", "store": "S009",
                                                "terminal": "T01", "lease": "100.00"})
        assert reg.status_code == 403

    # members: found only in scope; revealing needs the right and a reason
    east_uid, west_uid = _member(chain, "east"), _member(chain, "west")
    for card, uid in ((chain.cards["east"], east_uid), (chain.cards["west"], west_uid)):
        r = b.get(f"/office/members?q={card}")
        if "members" not in OPENS[login]:
            assert r.status_code == 403
            continue
        sees = login != "mgr3" or uid == west_uid
        assert (f"/office/members/{uid}" in r.text) == sees, (login, card)
        assert b.get(f"/office/members/{uid}").status_code == (200 if sees else 404)
    r = b.post(f"/office/members/{west_uid}/reveal", {"field": "phone",
                                                      "reason": "customer called about card"})
    if login in ("boss", "pm", "mgr3"):
        assert r.status_code == 200 and "13900139003" in r.text
    else:
        assert r.status_code == 403 and "13900139003" not in r.text

    # program: view for some, publish for fewer
    r = b.post("/office/program", {"action": "publish", "program_text": "x = 1"})
    assert r.status_code == (200 if login in ("boss", "pm") else 403)

    # users
    r = b.post("/office/users", {"login": f"new-{login}", "role": "auditor",
                                 "password": "long-enough-password"})
    assert r.status_code == (303 if login == "boss" else 403)


def test_every_action_is_audited(chain: Chain) -> None:
    pm = Browser(chain.hq.app, "pm")
    uid = _member(chain, "west")
    pm.post(f"/office/members/{uid}/reveal", {"field": "phone", "reason": "lost card call"})
    pm.post(f"/office/alerts/{_alert(chain, 'S001')}/resolve", {"note": "clock fixed"})
    with sessions(chain.hq.engine)() as s:
        rows = s.execute(select(HqAudit.action, HqAudit.target, HqAudit.detail)
                         .where(HqAudit.login == "pm")).all()
    actions = [r[0] for r in rows]
    assert {"sign_in", "member_revealed", "alert_resolved"} <= set(actions)
    revealed = [r for r in rows if r[0] == "member_revealed"]
    assert revealed[-1][1] == f"member {uid} phone" and revealed[-1][2] == "lost card call"
    # the audit log never holds the personal data itself
    assert "13900139003" not in json.dumps([list(r) for r in rows], ensure_ascii=False)


def test_revealing_needs_a_reason_and_a_member_in_scope(chain: Chain) -> None:
    mgr = Browser(chain.hq.app, "mgr3")
    uid = _member(chain, "west")
    r = mgr.post(f"/office/members/{uid}/reveal", {"field": "phone", "reason": ""})
    assert r.status_code == 200 and "13900139003" not in r.text and "say why" in r.text
    with sessions(chain.hq.engine)() as s:
        m = s.get(HqMember, _member(chain, "east"))
        assert m is not None and m.store == "S001"
    r = mgr.post(f"/office/members/{_member(chain, 'east')}/reveal",
                 {"field": "phone", "reason": "curious about it"})
    assert r.status_code == 404 and "13800138001" not in r.text
