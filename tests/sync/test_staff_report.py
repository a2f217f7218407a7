"""The per-staff report at HQ (SQLite and PostgreSQL): every store's sales credited to
the assistant who served, VIP share, qualifying non-member sales where membership was
not offered left uncredited, and the commission on cards sold."""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path

from pos_app.core import card_sales, card_stock, members, performance, sales
from pos_app.core.staff import Operator
from tests.core.conftest import COAT, TZ, Clock
from tests.core.helpers import CASHIER, cash, enroll
from tests.sync.conftest import Hq

ADMIN = {"Authorization": "Bearer admin-secret"}
MANAGER = Operator("3001", "manager")
SUPERVISOR = Operator("2001", "supervisor")
NOON = datetime(2026, 11, 20, 12, 0, tzinfo=TZ)  # a fixed day


def test_staff_report_at_hq(hq: Hq, tmp_path: Path) -> None:
    a = hq.terminal(tmp_path, "S001", "T01", "F-EAST", 1, Clock(NOON))
    card = enroll(a)
    for member, offered in ((card, None), (None, True), (None, False)):
        req = sales.SaleRequest(lines=[sales.LineRequest(COAT, 1)], tenders=[cash()],
                                member_card=member, credited_staff="2001",
                                membership_offered=offered)
        with a.tx() as s:
            out = sales.make_sale(a, s, req, CASHIER)
    hq.sync(a)
    day = out.sale.business_time.astimezone(a.program.timezone).date().isoformat()
    rep = hq.client.get("/v1/admin/reports/staff", params={"day": day}, headers=ADMIN)
    assert rep.status_code == 200, rep.text
    rows = {r["staff"]: r for r in rep.json()["staff"]}
    assert rows["console"]["enrollments"] == 1  # who enrolled the member (tests' console)
    row = rows["2001"]
    total = out.sale.total
    assert (row["store"], row["orders"], row["not_credited"], row["enrollments"]) == (
        "S001", 2, 1, 0)
    assert row["sales"] == str(total * 2) and row["vip_share"] == "0.5000"
    month = hq.client.get("/v1/admin/reports/staff", params={"month": day[:7]},
                          headers=ADMIN).json()
    assert month["staff"] == rep.json()["staff"]
    assert hq.client.get("/v1/admin/reports/staff", params={"month": "2026-13"},
                         headers=ADMIN).status_code == 400
    assert hq.client.get("/v1/admin/reports/staff", headers=ADMIN).status_code == 400
    assert hq.client.get("/v1/admin/reports/staff", params={"day": day}).status_code == 401


def test_card_sale_commission_at_hq(hq: Hq, tmp_path: Path) -> None:
    """A card sold below face credits its seller the product's commission, at the
    terminal and in HQ's staff report alike; cards given by a spending rule carry none."""
    t = hq.terminal(tmp_path, "S001", "T01", "F-EAST", 1, Clock(NOON))
    with t.tx() as s:
        b = card_stock.create_batch(t, s, "VIP5000", "ic", "890100000001", 3, MANAGER)
        card_stock.receive(t, s, SUPERVISOR, batch_no=b.batch_no)
        members.enroll(t, s, members.Enrollment(name="李雷", phone="13912345678"), SUPERVISOR)
        sold = card_sales.sell(t, s, card_sales.CardSaleRequest(
            "VIP5000", holder="13912345678", price=Decimal("4000"), seller="2002"), SUPERVISOR)
    hq.sync(t)
    day = sold.business_time.astimezone(t.program.timezone).date()
    with t.tx() as s:
        here = {f.staff: f for f in performance.report(t, s, day, day, SUPERVISOR)}
    rep = hq.client.get("/v1/admin/reports/staff", params={"day": day.isoformat()},
                        headers=ADMIN)
    assert rep.status_code == 200, rep.text
    rows = {r["staff"]: r for r in rep.json()["staff"]}
    assert rows["2002"]["commission"] == str(here["2002"].commission) == "800.00"
    assert rows["2001"]["commission"] == "0.00" and rows["2001"]["enrollments"] == 1
    other = hq.client.get("/v1/admin/reports/staff", headers=ADMIN,
                          params={"day": (day + timedelta(days=1)).isoformat()})
    assert other.json()["staff"] == []
