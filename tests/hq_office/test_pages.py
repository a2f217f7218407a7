"""What the back office's pages do with the chain's real figures: the dashboard against
HQ's books, statements approved by both sides then locked (a late item goes to the next
month) and exported, a lost card blocked in every store, an adjustment approved by a
second person reaching the terminal, a program checked, previewed and published."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

from sqlalchemy import func, select, update

from pos_app.core.models import Hotlist
from pos_app.demo import PROGRAM
from sync.hq.db import sessions
from sync.hq.models import (
    HqAccount,
    HqCard,
    HqMaster,
    HqSale,
    HqScheduled,
    HqSettlement,
    HqStoreMonth,
)
from tests.core.conftest import SCARF
from tests.core.helpers import cash, member_state, sell, sv

from .chain import MONTH, Browser, Chain


def _kpi(html: str, label: str) -> str:
    m = re.search(rf"<span>{re.escape(label)}</span><b>([^<]+)</b>", html)
    assert m, label
    return m.group(1)


def test_dashboard_figures_are_hqs_books(chain: Chain) -> None:
    b = Browser(chain.hq.app, "boss")
    html = b.get(f"/office/dashboard?month={MONTH}").text
    with sessions(chain.hq.engine)() as s:
        sales = s.scalar(select(func.sum(HqSale.total_cents)).where(
            HqSale.business_date.like(f"{MONTH}%")))
        principal = -int(s.scalar(select(func.sum(HqAccount.balance)).where(
            HqAccount.code.like("sv:card:%:principal"))) or 0)
        overdrafts = int(s.scalar(select(func.sum(HqAccount.balance)).where(
            HqAccount.code.like("overdraft:%"))) or 0)
    assert _kpi(html, "Sales") == f"¥{Decimal(sales) / 100:,.2f}"
    assert _kpi(html, "VIP count") == "6"  # members buying per store: 2 + 1 + 2 + 1
    assert _kpi(html, "New VIPs") == "4"
    # stored value: 1,900.00 sold; outstanding (sold - spent) = what the cards hold less
    # what offline overdrafts still owe
    assert "<td>Stored value sold</td><td>1,900.00</td>" in html
    out = re.search(r"<td>Outstanding</td><td>([\d,.]+)</td>", html)
    assert out and Decimal(out.group(1).replace(",", "")) * 100 == principal - overdrafts
    # drill down: chain -> franchisee -> store, each summing to its parent
    east = b.get(f"/office/dashboard?month={MONTH}&franchisee=F-EAST").text
    assert ">S001</a>" in east and ">S002</a>" in east and ">S003<" not in east
    store = b.get(f"/office/dashboard?month={MONTH}&store=S003").text
    assert ('Chain</a> › <a href="/office/dashboard?month=2026-10&amp;franchisee=F-WEST">'
            in store)
    with sessions(chain.hq.engine)() as s:
        s3 = s.scalar(select(func.sum(HqSale.total_cents)).where(HqSale.store == "S003"))
    assert _kpi(store, "Sales") == f"¥{Decimal(s3) / 100:,.2f}"
    svg = store.split("<svg", 1)[1].split("</svg>", 1)[0]  # charts load nothing
    assert "<script" not in svg and 'href="http' not in svg and "url(http" not in svg


def test_statements_approved_locked_and_exported(chain: Chain) -> None:
    east, west = Browser(chain.hq.app, "acc-east"), Browser(chain.hq.app, "acc-west")
    boss = Browser(chain.hq.app, "boss")
    url = f"/office/statements/{MONTH}/F-EAST/F-WEST"
    page = east.get(url).text
    # stored value both ways (100.00 each: the overdrawn part is not owed), points ¥20.00
    assert re.search(r"<td>Stored value</td><td>100.00</td><td>100.00</td>", page)
    assert re.search(r"<td>Points</td><td>20.00</td><td>0.00</td>", page)
    assert page.count('<td class="id">') == 3
    r = boss.post(f"/office/statements/{MONTH}/lock")
    assert "not+approved" in r.headers["location"]
    assert east.post(f"{url}/approve").status_code == 303
    assert west.post(f"{url}/approve").status_code == 303
    assert boss.post(f"/office/statements/{MONTH}/F-EAST/F-NORTH/approve").status_code == 303
    r = boss.post(f"/office/statements/{MONTH}/lock")
    assert "ok=" in r.headers["location"], r.headers["location"]
    # a late October sale across franchisees: settled in November, October unchanged
    before = east.get(url).text.split("<h2>")[0]
    t = chain.terminals["S001"]
    sell(t, [(SCARF, 1)], [sv("30.00"), cash()], card=chain.cards["west"])
    chain.hq.sync(t)
    with sessions(chain.hq.engine)() as s:
        late = s.scalars(select(HqSettlement).order_by(HqSettlement.id.desc())).first()
        assert late is not None and late.business_date.startswith(MONTH)
        assert late.period == "2026-11"
    assert east.get(url).text.split("<h2>")[0] == before
    nov = east.get("/office/statements/2026-11/F-EAST/F-WEST").text
    assert "carried from" in nov and "30.00" in nov
    csv = east.get(url, params={"format": "csv"})
    assert csv.headers["content-type"].startswith("text/csv")
    assert "stored_value,10000" not in csv.text and "F-EAST,F-WEST,points,20.00,0.00" in csv.text
    pdf = east.get(url, params={"format": "pdf"})
    assert pdf.headers["content-type"] == "application/pdf" and pdf.content[:5] == b"%PDF-"
    pdftotext = shutil.which("pdftotext")
    assert pdftotext, "poppler-utils (scripts/setup.sh) reads the PDF back"
    text = subprocess.run([pdftotext, "-", "-"], input=pdf.content, capture_output=True,
                          check=True).stdout.decode()
    assert "结算单" not in text  # the accountant reads English here
    assert "Settlement statement 2026-10" in text and "F-EAST" in text and "20.00" in text


def test_a_lost_card_is_blocked_in_every_store(chain: Chain) -> None:
    mgr = Browser(chain.hq.app, "mgr3")
    card = chain.cards["spare"]
    with sessions(chain.hq.engine)() as s:
        c = s.get(HqCard, card)
        assert c is not None
        uid = c.member_uid
    r = mgr.post(f"/office/cards/{card}/block", {"reason": "lost on the metro",
                                                 "member": uid})
    assert "ok=" in r.headers["location"]
    far = chain.terminals["S004"]
    chain.hq.sync(far)
    with far.read() as s:
        hot = s.get(Hotlist, card)
        assert hot is not None and hot.scope == "all"
    # a store manager cannot block a card of another store's member
    east = chain.cards["east"]
    with sessions(chain.hq.engine)() as s:
        c = s.get(HqCard, east)
        assert c is not None
    r = mgr.post(f"/office/cards/{east}/block", {"reason": "x", "member": c.member_uid})
    assert r.status_code == 404


def test_an_adjustment_needs_a_second_person_and_reaches_the_terminal(chain: Chain) -> None:
    mgr, pm = Browser(chain.hq.app, "mgr3"), Browser(chain.hq.app, "pm")
    card = chain.cards["west"]
    with sessions(chain.hq.engine)() as s:
        c = s.get(HqCard, card)
        assert c is not None
        uid = c.member_uid
    t = chain.terminals["S003"]
    chain.hq.sync(t)
    before = member_state(t, card)
    r = mgr.post(f"/office/cards/{card}/adjust", {"kind": "principal", "amount": "10.50",
                                                  "reason": "till miscount refund",
                                                  "member": uid})
    assert "ok=" in r.headers["location"]
    r = mgr.post(f"/office/cards/{card}/adjust", {"kind": "principal", "amount": "1.234",
                                                  "reason": "bad amount", "member": uid})
    assert "two+decimals" in r.headers["location"]
    page = pm.get("/office/members").text
    adj = re.findall(r"/office/adjustments/([\w-]+)/approve", page)
    assert len(adj) == 1
    assert mgr.post(f"/office/adjustments/{adj[0]}/approve").status_code == 403
    assert pm.post(f"/office/adjustments/{adj[0]}/approve",
                   {"back_to": "/office/members"}).status_code == 303
    chain.hq.sync(t)
    after = member_state(t, card)
    assert after[0] == before[0] + Decimal("10.50") and after[1:] == before[1:]
    # the program manager's own request needs someone else
    pm.post(f"/office/cards/{card}/adjust", {"kind": "points", "amount": "-5",
                                             "reason": "duplicate points", "member": uid})
    mine = re.findall(r"/office/adjustments/([\w-]+)/approve",
                      Browser(chain.hq.app, "boss").get("/office/members").text)
    r = pm.post(f"/office/adjustments/{mine[0]}/approve")
    assert r.status_code == 403


def test_program_checked_previewed_published_and_scheduled(chain: Chain) -> None:
    pm = Browser(chain.hq.app, "pm")
    text = PROGRAM.read_text("utf-8")
    bad = pm.post("/office/program", {"action": "publish", "program_text":
                                      text.replace('discount = "0.95"', 'discount = 0.95')})
    assert "must be a decimal string" in bad.text
    with sessions(chain.hq.engine)() as s:
        assert s.get(HqMaster, "program") is None
    r = pm.post("/office/program", {"action": "publish", "program_text": text})
    assert "published</p>" in r.text or "published v1" in r.text
    cheaper = text.replace('discount = "0.95"', 'discount = "0.80"')
    r = pm.post("/office/program", {"action": "preview", "program_text": cheaper,
                                    "catalog_text": (PROGRAM.parent / "catalog.csv")
                                    .read_text("utf-8"), "cart": "COAT-001*2\n6901234560022",
                                    "tier": "silver"})
    rows = re.findall(r"<tr class=\"(changed)?\"><td>([\w-]+)</td>.*?<td>([\d,.]+)</td>"
                      r"<td>([\d,.]+)</td></tr>", r.text)
    assert [(sku, old, new) for _c, sku, old, new in rows] == [
        ("COAT-001", "1,328.10", "1,118.40"), ("SCARF-002", "122.55", "103.20")]
    # scheduled: waits, then the terminals' next download publishes it
    r = pm.post("/office/program", {"action": "publish", "program_text": cheaper,
                                    "start_at": "2099-01-01T08:00"})
    assert "2099-01-01 08:00" in r.text  # shown in Chinese time
    with sessions(chain.hq.engine)() as s, s.begin():
        assert s.get(HqMaster, "program").version == 1  # type: ignore[union-attr]
        s.execute(update(HqScheduled).values(start_at="2000-01-01T00:00:00+00:00"))
    t = chain.terminals["S002"]
    chain.hq.sync(t)
    assert t.program.tier("silver").discount == Decimal("0.80")


def test_fleet_registers_a_terminal_once_and_revokes_it(chain: Chain) -> None:
    boss = Browser(chain.hq.app, "boss")
    r = boss.post("/office/fleet/register", {"franchisee": "F-NORTH", "store": "S009",
                                             "terminal": "T01", "lease": "500.00"})
    assert r.status_code == 303 and "token" not in r.headers["location"]
    page = boss.get("/office/fleet").text
    token = re.search(r'<code id="token">([^<]+)</code>', page)
    assert token is not None
    assert 'id="token"' not in boss.get("/office/fleet").text  # shown once
    hs = {"X-Terminal": "S009/T01", "Authorization": f"Bearer {token.group(1)}"}
    assert chain.hq.client.post("/v1/handshake", json={}, headers=hs).status_code == 200
    row = re.search(r"<td>S003/T01</td>.*?</tr>", page, re.S)
    assert row and "0.1.0" in row.group(0)  # the version the terminal reported
    assert boss.post("/office/fleet/revoke", {"key": "S009/T01"}).status_code == 303
    assert chain.hq.client.post("/v1/handshake", json={}, headers=hs).status_code == 401
    assert 'class="revoked"' in boss.get("/office/fleet").text


def test_member_figures_go_stale_with_a_late_sale_and_are_refreshed(chain: Chain,
                                                                    tmp_path: Path) -> None:
    boss = Browser(chain.hq.app, "boss")
    assert boss.get(f"/office/dashboard?month={MONTH}").status_code == 200  # computed
    t = chain.terminals["S004"]
    sell(t, [(SCARF, 1)], [cash()], card=chain.cards["west"])
    chain.hq.sync(t)
    with sessions(chain.hq.engine)() as s:
        stale = set(s.scalars(select(HqStoreMonth.store).where(
            HqStoreMonth.month == MONTH, HqStoreMonth.stale.is_(True))))
    assert stale == {"S004", "S003"}  # the store that sold and the member's home store
    cfg = tmp_path / "hq.toml"
    cfg.write_text(f'[hq]\ndatabase = "{chain.hq.url}"\n', "utf-8")
    pos = str(Path(sys.executable).parent / "pos")
    bad = subprocess.run([pos, "hq", "refresh-figures", "--config", str(cfg), "--month",
                          "2026-13"], capture_output=True, text=True, timeout=60)
    assert bad.returncode == 2 and "YYYY-MM" in bad.stderr
    ok = subprocess.run([pos, "hq", "refresh-figures", "--config", str(cfg), "--month",
                         MONTH], capture_output=True, text=True, timeout=60)
    assert ok.returncode == 0, ok.stderr
    assert json.loads(ok.stdout)["store_months_computed"] == 2
    with sessions(chain.hq.engine)() as s:
        assert not s.scalars(select(HqStoreMonth).where(
            HqStoreMonth.month == MONTH, HqStoreMonth.stale.is_(True))).all()
