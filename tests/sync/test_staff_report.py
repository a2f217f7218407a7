"""The per-staff report at HQ (SQLite and PostgreSQL): every store's sales credited to
the assistant who served, VIP share, and qualifying non-member sales where membership
was not offered left uncredited."""

from __future__ import annotations

from pathlib import Path

from pos_app.core import sales
from tests.core.conftest import COAT
from tests.core.helpers import CASHIER, cash, enroll
from tests.sync.conftest import Hq

ADMIN = {"Authorization": "Bearer admin-secret"}


def test_staff_report_at_hq(hq: Hq, tmp_path: Path) -> None:
    a = hq.terminal(tmp_path, "S001", "T01", "F-EAST", 1)
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
