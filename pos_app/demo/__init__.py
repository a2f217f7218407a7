"""Demo data: a department store terminal with the example program, a small catalog,
three staff members and three members, and the worked example of pricing.md that
``pos demo`` rings up."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import NamedTuple

from sqlalchemy.orm import Session

from pos_app.core import (
    card_stock,
    catalog,
    gifts,
    members,
    sales,
    shifts,
    staff,
    stored_value,
    tiers,
)
from pos_app.core.models import CouponUse, Member
from pos_app.core.staff import CONSOLE, Operator
from pos_app.core.tenders import TenderRequest
from pos_app.core.terminal import DB_FILE, Terminal
from receipts import ReceiptDocument
from receipts.from_core import sale_document, topup_document
from receipts.records import save_receipt

HERE = Path(__file__).resolve().parent
PROGRAM = HERE / "program.toml"
CATALOG = HERE / "catalog.csv"

STAFF = [
    ("1001", "张敏", "cashier", "1111"),
    ("2001", "刘洋", "supervisor", "2222"),
    ("3001", "陈静", "manager", "3333"),
]
SILVER_PHONE = "13800138000"
DEMO_FLOAT = Decimal("500.00")


def set_up(data_dir: Path) -> Terminal:
    """Make the demo data folder (once)."""
    if (data_dir / DB_FILE).exists():
        return Terminal.open(data_dir)
    t = Terminal.init(
        data_dir, store="S001", terminal="T01", franchisee="F-EAST", program_file=PROGRAM
    )
    tz = t.program.timezone
    with t.tx() as s:
        catalog.import_file(s, CATALOG, t.now())
        for code, name, role, pin in STAFF:
            staff.add_staff(s, code, name, role, pin)
        wang = members.enroll(
            t,
            s,
            members.Enrollment(
                name="王芳",
                phone=SILVER_PHONE,
                birthday=date(1988, 5, 20),
                gender="F",
                email="wang.fang@example.com",
                marketing_consent=True,
            ),
            CONSOLE,
        )
        tiers.set_tier(t, s, wang, "silver", CONSOLE, "demo data")
        members.enroll(
            t,
            s,
            members.Enrollment(
                name="李伟",
                phone="13900139000",
                birthday=date(1992, 11, 23),
                gender="M",
                media="nfc",
                media_id="04A1B2C3D4E5F6",
            ),
            CONSOLE,
        )
        anon = members.enroll(t, s, members.Enrollment(anonymous=True), CONSOLE)
        wang_card = members.main_card(s, wang).card_no
        # an earlier day's shift: a sale and two top-ups, counted and closed
        shifts.open_shift(t, s, DEMO_FLOAT, CONSOLE)
        # an earlier purchase gave 王芳 points to spend
        first = sales.make_sale(
            t,
            s,
            sales.SaleRequest(
                lines=[sales.LineRequest("6901234560046"), sales.LineRequest("6901234560077", 2)],
                tenders=[TenderRequest("cash")],
                member_card=wang_card,
                at=datetime(2026, 10, 1, 11, 30, tzinfo=tz),
            ),
            CONSOLE,
        )
        save_receipt(s, sale_document(t, s, first.sale.sale_no), at=t.now())
        wang_topup = stored_value.topup(
            t,
            s,
            wang_card,
            Decimal("1000.00"),
            "cash",
            CONSOLE,
            at=datetime(2026, 10, 1, 11, 40, tzinfo=tz),
        )
        save_receipt(s, topup_document(t, s, wang_topup.topup.topup_no), at=t.now())
        anon_topup = stored_value.topup(
            t,
            s,
            members.main_card(s, anon).card_no,
            Decimal("500.00"),
            "cash",
            CONSOLE,
            at=datetime(2026, 10, 2, 15, 0, tzinfo=tz),
        )
        save_receipt(s, topup_document(t, s, anon_topup.topup.topup_no), at=t.now())
        shifts.close_shift(t, s, shifts.x_report(s).expected_cash, CONSOLE)
    return t


class Example(NamedTuple):
    """The worked example as rung up: the sale, its saved receipt, the member."""

    sale: sales.SaleOutcome
    receipt: ReceiptDocument
    member: Member


def ring_up_example(t: Terminal, s: Session) -> Example:
    """Ring up the worked example of pricing.md for 王芳 (with the next unused coupon of
    the program's first batch) and save its receipt; a shift is opened for it when none
    is open."""
    if shifts.current(s) is None:
        shifts.open_shift(t, s, DEMO_FLOAT, CONSOLE)  # the demo's sale needs a shift
    wang = members.find_by_phone(t, s, SILVER_PHONE)
    card = members.main_card(s, wang).card_no
    used = {
        c
        for (c,) in s.execute(
            CouponUse.__table__.select().with_only_columns(CouponUse.code)
        )
    }
    batch = t.program.coupons[0] if t.program.coupons else None
    coupon = next((c for c in batch.codes if c not in used), None) if batch else None
    out = sales.make_sale(
        t,
        s,
        sales.SaleRequest(
            lines=[
                sales.LineRequest("6901234560015"),
                sales.LineRequest("6901234560022", 2),
                sales.LineRequest("6901234560039"),
            ],
            tenders=[
                TenderRequest("points", points=200),
                TenderRequest("cash"),
            ],
            member_card=card,
            coupon=coupon,
            credited_staff="1001",
            at=datetime(2026, 11, 9, 14, 0, tzinfo=t.program.timezone),
        ),
        CONSOLE,
    )
    receipt = sale_document(t, s, out.sale.sale_no)
    save_receipt(s, receipt, at=t.now())
    return Example(out, receipt, wang)


def receive_gifts(t: Terminal, count: int = 5) -> None:
    """Both gifts of the demo's 满赠 (美妆满500赠礼) received into this store's stock by
    the supervisor (the screenshots' payment screen offers the choice)."""
    with t.tx() as s:
        for code in ("BEAUTY-SET", "UMBRELLA"):
            gifts.receive(t, s, code, count, Operator("2001", "supervisor"))


def receive_gift_cards(t: Terminal, count: int = 12) -> None:
    """A batch of the demo's anonymous gift cards made by finance (the manager) and
    received into this store's stock (the screenshots' card stock tab)."""
    finance = Operator("3001", "manager")
    with t.tx() as s:
        b = card_stock.create_batch(t, s, "GIFT1000", "magstripe", "700000000001", count,
                                    finance)
        card_stock.receive(t, s, finance, batch_no=b.batch_no)
