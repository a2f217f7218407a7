"""The back office end to end in headless Chromium (Debian's, driven by Playwright), on a
real `pos hq serve` over PostgreSQL with a chain that traded through it: an HQ admin
walks every page in Chinese (sign in, drill down chain -> franchisee -> store, approve a
statement, work an alert, register and revoke a terminal, find a member by phone and
reveal it for a reason, block a card, preview a program), then in English and on a
tablet; a store manager sees only its store. Screenshots of every page go to
$POS_SCREENSHOTS_DIR (scripts/backoffice-screenshots writes them to docs/backoffice/)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from playwright.sync_api import Page, expect, sync_playwright

from pos_app.core import card_sales, card_stock
from pos_app.core.staff import Operator
from pos_app.demo import PROGRAM
from sync.hq.app import create_app
from sync.hq.config import HqConfig
from tests.sync.conftest import Hq, hq_url, pg_database  # noqa: F401

from .chain import MONTH, PASSWORD, Chain, build

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
LAPTOP = {"width": 1366, "height": 900}
TABLET = {"width": 820, "height": 1180}


def _sell_card_below_face(ch: Chain) -> None:
    """S001 sells the east member a ¥5,000 card for ¥4,000 (seller 2001: ¥800
    commission), for the staff page's commission column."""
    t, boss = ch.terminals["S001"], Operator("3001", "manager")
    with t.tx() as s:
        b = card_stock.create_batch(t, s, "VIP5000", "ic", "890100000001", 2, boss)
        card_stock.receive(t, s, boss, batch_no=b.batch_no)
        card_sales.sell(t, s, card_sales.CardSaleRequest(
            "VIP5000", holder=ch.cards["east"], price=Decimal("4000"), seller="2001"), boss)
    ch.hq.sync(t)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def served(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
           ) -> Iterator[str]:
    """The chain built on PostgreSQL, then served by a real `pos hq serve` process."""
    root = tmp_path_factory.mktemp("served")
    url = hq_url("postgres", root, request)
    cfg = HqConfig(database=url, lease=Decimal("2000.00"), admin_token="admin-secret")
    app = create_app(cfg)
    with TestClient(app, base_url="http://hq") as client:
        ch = build(Hq(url, cfg, app, client), root)
        _sell_card_below_face(ch)
        for t in ch.terminals.values():
            t.close()
    app.state.engine.dispose()
    (root / "hq.toml").write_text(f'[hq]\ndatabase = "{url}"\nadmin_token = "admin-secret"\n',
                                  "utf-8")
    port = _free_port()
    pos = str(Path(sys.executable).parent / "pos")
    proc = subprocess.Popen([pos, "hq", "serve", "--config", str(root / "hq.toml"),
                             "--port", str(port)], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            try:
                if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.1)
        else:
            raise AssertionError("pos hq serve did not start")
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def shot(page: Page, name: str) -> None:
    where = os.environ.get("POS_SCREENSHOTS_DIR")
    if where:
        Path(where).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(where) / f"{name}.png"), full_page=True)


def sign_in(page: Page, base: str, login: str) -> None:
    page.goto(f"{base}/office/")
    page.fill("input[name=login]", login)
    page.fill("input[name=password]", PASSWORD)
    page.click("button.primary")
    expect(page).to_have_url(f"{base}/office/dashboard")


def test_back_office_in_a_real_browser(served: str) -> None:
    base = served
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        ctx = browser.new_context(viewport=LAPTOP, locale="zh-CN")
        ctx.set_default_timeout(10000)
        page = ctx.new_page()
        page.on("dialog", lambda d: d.accept())
        errors: list[str] = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        asked: list[str] = []
        page.on("request", lambda r: asked.append(r.url))

        page.goto(f"{base}/office/lang?to=zh_CN&next=/office/login")
        expect(page.locator("h1")).to_have_text("登录")
        shot(page, "login")
        sign_in(page, base, "boss")

        # dashboard: chain -> franchisee -> store
        page.select_option("select[name=month]", MONTH)
        page.click("text=查看")
        expect(page.locator(".kpis")).to_contain_text("会员销售占比")
        expect(page.locator("svg").first).to_be_visible()
        shot(page, "dashboard-chain")
        page.click("a:text-is('F-EAST')")
        expect(page.locator(".crumbs")).to_contain_text("F-EAST")
        shot(page, "dashboard-franchisee")
        page.click("a:text-is('S001')")
        expect(page.locator(".crumbs strong")).to_have_text("S001")
        shot(page, "dashboard-store")

        # statements: open, approve (admin approves both sides)
        page.click("header nav >> text=结算单")
        page.select_option("select[name=month]", MONTH)
        page.click("text=查看")
        expect(page.locator("table")).to_contain_text("F-WEST")
        shot(page, "statements")
        page.click("tr:has-text('F-WEST') >> text=打开")
        page.click("button:text-is('确认')")
        expect(page.locator(".tag.ok")).to_have_text("双方已确认")
        shot(page, "statement")
        with page.expect_download() as dl:
            page.click("text=导出 PDF")
        assert dl.value.suggested_filename.endswith(".pdf")

        # alerts: acknowledge, then resolve with a note
        page.click("header nav >> text=预警")
        card = page.locator("li.alert", has_text="离线透支")
        expect(card).to_contain_text("¥200.00")
        shot(page, "alerts")
        card.locator("text=确认收到").click()
        page.click(".tabs >> text=已确认")
        card = page.locator("li.alert", has_text="离线透支")
        card.locator("input[name=note]").fill("持卡人已充值补足")
        card.locator("button:text-is('解决')").click()
        expect(page.locator("p.msg.ok")).to_be_visible()
        page.click("text=全部")
        expect(page.locator("li.alert.resolved")).to_contain_text("持卡人已充值补足")

        # fleet: register a terminal (token once), then revoke it
        page.click("header nav >> text=终端")
        page.fill("form.grid input[name=franchisee]", "F-EAST")
        page.fill("form.grid input[name=store]", "S005")
        page.fill("form.grid input[name=terminal]", "T01")
        page.click("form.grid button.primary")
        token = page.locator("#token").inner_text()
        assert len(token) > 30
        shot(page, "fleet")
        page.reload()
        assert token not in page.content()
        page.locator("tr:has-text('S005/T01') >> text=吊销").click()
        expect(page.locator("tr.revoked")).to_contain_text("S005/T01")

        # members: find by phone, reveal for a reason, block the spare card
        page.click("header nav >> text=会员与卡")
        page.fill("input[name=q]", "13900139003")
        page.click("button:text-is('查询')")
        expect(page.locator("table")).to_contain_text("*******9003")
        page.click("table a")
        page.fill("form.reveal input[name=reason]", "顾客来电核对卡号")
        page.click("form.reveal button")
        expect(page.locator(".facts")).to_contain_text("13900139003")
        shot(page, "member")
        page.goto(f"{base}/office/members?q=13600136005")
        page.click("table a")
        page.locator("form:has(button.danger) input[name=reason]").fill("顾客挂失")
        page.click("button.danger")
        expect(page.locator("table").first).to_contain_text("已挂失")
        shot(page, "members")

        # program: preview a sample cart under an edited program
        page.click("header nav >> text=方案与商品")
        page.fill("textarea[name=program_text]", PROGRAM.read_text("utf-8"))
        page.click("button[value=publish]")
        expect(page.locator("p.msg.ok[role=status]")).to_contain_text("v1")
        page.fill("textarea[name=program_text]", PROGRAM.read_text("utf-8").replace(
            'discount = "0.95"', 'discount = "0.80"'))
        page.fill("textarea[name=catalog_text]",
                  (PROGRAM.parent / "catalog.csv").read_text("utf-8"))
        page.fill("textarea[name=cart]", "COAT-001*2\n6901234560022")
        page.fill("input[name=tier]", "silver")
        page.click("button[value=preview]")
        expect(page.locator("tr.total")).to_contain_text("1,450.65")  # before: 0.95
        expect(page.locator("tr.total")).to_contain_text("1,221.60")  # after: 0.80
        shot(page, "program")

        # staff performance: the month's sales per store and staff member
        page.click("header nav >> text=员工业绩")
        page.goto(f"{base}/office/staff?month={MONTH}")
        expect(page.locator("table#staff")).to_contain_text("S001")
        expect(page.locator("table#staff thead")).to_contain_text("会员销售占比")
        expect(page.locator("table#staff thead")).to_contain_text("售卡提成")
        expect(page.locator("table#staff tr", has_text="2001")).to_contain_text("¥800.00")
        shot(page, "staff")

        page.click("header nav >> text=用户")
        shot(page, "users")
        page.click("header nav >> text=审计日志")
        expect(page.locator("table")).to_contain_text("member_revealed")
        shot(page, "audit")

        # English, then a tablet
        page.goto(f"{base}/office/lang?to=en&next=/office/dashboard?month={MONTH}")
        expect(page.locator(".kpis")).to_contain_text("VIP sales share")
        shot(page, "dashboard-chain-en")
        page.set_viewport_size(TABLET)
        page.reload()
        expect(page.locator("header nav")).to_be_visible()
        shot(page, "dashboard-tablet")

        # a store manager: its store only
        other = browser.new_context(viewport=TABLET, locale="zh-CN").new_page()
        other.goto(f"{base}/office/lang?to=zh_CN&next=/office/login")
        sign_in(other, base, "mgr3")
        other.goto(f"{base}/office/dashboard?month={MONTH}")
        rows = other.locator("caption:text-is('按门店') >> xpath=.. >> tbody tr")
        expect(rows).to_have_count(1)
        expect(rows.first).to_contain_text("S003")
        assert other.goto(f"{base}/office/statements").status == 403  # type: ignore[union-attr]

        assert all(u.startswith(base) for u in asked), [u for u in asked
                                                        if not u.startswith(base)]
        assert errors == []
        browser.close()
