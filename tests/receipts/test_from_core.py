"""Receipts from the core: real terminals (the demo program and catalog), the worked
example's receipt, a property test that every amount printed is the core's figure, the
receipt saved in the sale's own transaction, reprint by number through the CLI (a
supervisor's, marked and audited), the balance slip (masked), the store settings, and
a reprint's bytes through a TCP printer socket."""

from __future__ import annotations

import json
import random
import re
import sqlite3
import tempfile
from collections.abc import Iterator
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

import pos_app.cli.sale
from pos_app import cli
from pos_app.core import catalog, refunds, sales, staff
from pos_app.core.errors import PosError
from pos_app.core.models import AuditEntry, ReceiptRecord, Sale
from pos_app.core.tenders import TenderRequest
from pos_app.core.terminal import Terminal
from pos_app.demo import CATALOG, PROGRAM, STAFF
from receipts import WIDTHS, Kind, display_width, examples, render_text
from receipts.escpos_decode import decode
from receipts.from_core import (
    load_store,
    refund_document,
    sale_document,
    topup_document,
)
from receipts.records import load_receipt, save_receipt
from receipts.serialize import from_json
from tests.core.conftest import (
    BOOTS,
    COAT,
    CREAM,
    D11,
    KETTLE,
    LIPSTICK,
    RICE,
    SCARF,
    SOCKS,
    TEA,
    TOTE,
    TZ,
    Clock,
    db_dump,
)
from tests.core.helpers import (
    CASHIER,
    SUPERVISOR,
    cash,
    enroll,
    member_state,
    open_till,
    points,
    sv,
)
from tests.receipts.printer_socket import print_over_tcp

PHONE = "13800138000"
AMOUNT_RE = re.compile(r"-?￥?\d{1,3}(?:,\d{3})*\.\d{2}")


def make_terminal(data_dir: Path, clock: Clock | None = None) -> Terminal:
    t = Terminal.init(data_dir, store="S001", terminal="T01", franchisee="F-EAST",
                      program_file=PROGRAM, clock=clock or Clock(D11))
    with t.tx() as s:
        catalog.import_file(s, CATALOG, t.now())
        for code, name, role, pin in STAFF:
            staff.add_staff(s, code, name, role, pin)
        open_till(t, s)  # the day starts: a shift with its float
    return t


@pytest.fixture
def term(tmp_path: Path) -> Iterator[Terminal]:
    t = make_terminal(tmp_path / "data")
    yield t
    t.close()


def silver_member_with_points(t: Terminal) -> str:
    """A silver member with 1,000 + 120 stored value and points from an October sale."""
    card = enroll(t, phone=PHONE, tier="silver", topup="1000.00")
    with t.tx() as s:
        sales.make_sale(t, s, sales.SaleRequest(
            lines=[sales.LineRequest(BOOTS)], tenders=[cash()], member_card=card,
            at=datetime(2026, 10, 1, 11, 30, tzinfo=TZ)), CASHIER)
    return card


def worked_example(t: Terminal, card: str) -> tuple[sales.SaleOutcome, Any]:
    """pricing.md's worked example, its receipt built and saved in the sale's transaction."""
    with t.tx() as s:
        out = sales.make_sale(t, s, sales.SaleRequest(
            lines=[sales.LineRequest(COAT), sales.LineRequest(SCARF, 2),
                   sales.LineRequest(LIPSTICK)],
            tenders=[points(200), cash("900.00")], member_card=card, coupon="D11-50-0001",
            credited_staff="2001"), CASHIER)
        doc = sale_document(t, s, out.sale.sale_no)
        save_receipt(s, doc, at=t.now())
    return out, doc


def row_with(text: str, start: str) -> str:
    rows = [r for r in text.splitlines() if r.strip().startswith(start)]
    assert rows, f"no row starting {start!r} in\n{text}"
    return rows[0]


def amounts(text: str) -> list[Decimal]:
    return [Decimal(a.replace("￥", "").replace(",", "")) for a in AMOUNT_RE.findall(text)]


# --- the worked example -----------------------------------------------------------------


def test_worked_example_receipt_shows_every_discount_with_its_source(term: Terminal) -> None:
    card = silver_member_with_points(term)
    out, doc = worked_example(term, card)
    assert out.sale.total == Decimal("883.15") and out.points_earned == 1035
    text = render_text(doc, 48)
    expected = [
        ("会员折扣 银卡95折", "-34.95"), ("满减 秋冬百货满500减200", "-146.08"),
        ("优惠券 D11-50-0001", "-27.76"), ("会员折扣 银卡95折", "-12.90"),
        ("满减 秋冬百货满500减200", "-53.92"), ("优惠券 D11-50-0001", "-10.24"),
        ("促销 双11美妆7折", "-96.00"), ("优惠券 D11-50-0001", "-12.00"),
    ]
    discount_rows = [r.split() for r in text.splitlines()
                     if r.strip().startswith(("会员折扣", "满减", "优惠券", "促销"))]
    assert [(" ".join(r[:-1]), r[-1]) for r in discount_rows] == expected
    nets = [r.split()[-1] for r in text.splitlines() if r.strip().startswith("实付")]
    assert nets == ["490.21", "180.94", "212.00"]
    assert row_with(text, "商品金额").endswith("￥1,277.00")
    assert row_with(text, "优惠合计").endswith("-￥393.85")
    assert row_with(text, "应付金额").endswith("￥883.15")
    assert row_with(text, "积分抵现 (200分)").endswith("￥20.00")
    assert row_with(text, "现金").endswith("￥900.00")
    assert row_with(text, "找零").endswith("￥36.85")
    assert row_with(text, "本次积分").endswith("+1,035")
    assert row_with(text, "使用积分").endswith("-200")
    assert row_with(text, "收银员") == "收银员：张敏 (1001)"
    assert row_with(text, "导购") == "导购：刘洋 (2001)"
    assert row_with(text, "会员：") == "会员：王* 138****8000"
    assert PHONE not in text and PHONE not in json.dumps(doc.member.__dict__)
    # points and stored value after the sale, from the core
    principal, bonus, pts = member_state(term, card)
    assert row_with(text, "积分余额").endswith(f"{pts:,}")
    assert doc.points.balance == pts and doc.points.redeemed == 200
    assert doc.points.expiring and doc.points.expiring[0].expires_on.isoformat() in text
    assert (doc.stored_value.principal, doc.stored_value.bonus) == (principal, bonus)
    assert row_with(text, "储值余额").endswith("￥1,120.00")
    assert doc.qr_payload == out.sale.sale_no and f"[QR {out.sale.sale_no}]" in text
    # the same figures as the receipts package's worked example, discount by discount
    ex = examples.sale()
    assert [[(d.source, d.amount) for d in ln.discounts] for ln in doc.lines] == \
        [[(d.source, d.amount) for d in ln.discounts] for ln in ex.lines]
    assert doc.totals == ex.totals and doc.change == ex.change
    assert [(x.kind, x.amount, x.points) for x in doc.tenders] == \
        [(x.kind, x.amount, x.points) for x in ex.tenders]
    with term.read() as s:
        en = render_text(sale_document(term, s, out.sale.sale_no, language="en"))
    assert row_with(en, "Tier 银卡 5% off").endswith("-34.95")
    assert row_with(en, "Coupon D11-50-0001").endswith("-27.76")
    assert row_with(en, "TOTAL").endswith("￥883.15")
    assert row_with(en, "Points earned").endswith("+1,035")


def test_refund_and_topup_documents(term: Terminal) -> None:
    card = silver_member_with_points(term)
    out, _ = worked_example(term, card)
    with term.tx() as s:
        r = refunds.refund(term, s, out.sale.sale_no, [(2, 1)], CASHIER, SUPERVISOR)
        doc = refund_document(term, s, r.refund.sale_no)
        save_receipt(s, doc)
    assert doc.kind == Kind.REFUND and doc.original_receipt_no == out.sale.sale_no
    assert doc.totals.total == r.refund.total == doc.lines[0].final_amount
    assert [(t.kind.value, t.amount) for t in doc.tenders] == \
        [(t.kind, t.amount) for t in r.tenders]
    assert doc.points.earned == r.points_taken_back and doc.points.redeemed == r.points_returned
    text = render_text(doc, 42)
    assert row_with(text, "原单号") == f"原单号：{out.sale.sale_no}"
    assert row_with(text, "退款金额").endswith(f"￥{r.refund.total}")
    assert row_with(text, "批准人") == "批准人：刘洋 (2001)"
    with term.read() as s:
        tp = topup_document(term, s, "S001-T01-000001")
    assert tp.kind == Kind.TOPUP and tp.topup.principal == Decimal("1000.00")
    assert tp.topup.bonus == Decimal("120.00") and tp.topup.rule_name == "充1000送120"
    # the balance right after the top-up, not today's
    assert tp.stored_value.total == Decimal("1120.00") and tp.points.balance == 0
    with term.read() as s, pytest.raises(PosError, match="no top-up 'S001-T01-009999'"):
        topup_document(term, s, "S001-T01-009999")


def test_refund_slip_lines_add_up_when_tenders_round_apart(term: Terminal) -> None:
    """Three scarves at gold (-10%) paid 100.01 by voucher and the rest in cash: each
    tender's share is floored per unit, so one unit gives back a cent less than its
    price less its discount share; the slip carries that cent on the discount, so it
    still shows the unit's price and adds up to exactly what the core gives back."""
    card = enroll(term, tier="gold")
    with term.tx() as s:
        out = sales.make_sale(term, s, sales.SaleRequest(
            [sales.LineRequest(SCARF, 3)],
            [TenderRequest("other", Decimal("100.01"), reference="V1"), cash()],
            member_card=card), CASHIER)
    assert out.sale.total == Decimal("348.30")
    slips = []
    for _ in range(3):
        with term.tx() as s:
            r = refunds.refund(term, s, out.sale.sale_no, [(1, 1)], SUPERVISOR)
            slips.append(refund_document(term, s, r.refund.sale_no))
    lines = [d.lines[0] for d in slips]
    assert [ln.final_amount for ln in lines] == [Decimal("116.09"), Decimal("116.10"),
                                                Decimal("116.11")]
    assert all(ln.base_amount == Decimal("129.00") for ln in lines)
    assert [ln.discounts[0].amount for ln in lines] == [Decimal("12.91"), Decimal("12.90"),
                                                       Decimal("12.89")]
    assert sum((ln.discounts[0].amount for ln in lines), Decimal(0)) == Decimal("38.70")
    assert sum((d.totals.total for d in slips), Decimal(0)) == out.sale.total


# --- property: every amount printed is the core's figure --------------------------------

GOODS = [COAT, SCARF, LIPSTICK, TEA, KETTLE, CREAM, SOCKS, TOTE, RICE, BOOTS]
_state: dict[str, Any] = {}


def _shared_terminal() -> tuple[Terminal, str]:
    """One terminal for all examples (a new one each would spend the time on migrations)."""
    if "t" not in _state:
        tmp = Path(tempfile.mkdtemp(prefix="pos-receipts-prop-"))
        t = make_terminal(tmp / "data")
        _state["t"], _state["card"] = t, enroll(t, tier="gold")
    return _state["t"], _state["card"]


def expected_sale_amounts(sale: Sale, member: bool) -> list[Decimal]:
    """The amounts a sale receipt prints, in order, straight from the core's rows."""
    out: list[Decimal] = []
    subtotal = Decimal("0.00")
    for ln in sale.lines:
        step1 = sum((d.amount for d in ln.discounts
                     if d.source in ("member_price", "price_override")), Decimal("0.00"))
        base = ln.base + step1
        subtotal += base
        out += [ln.list_price if step1 else ln.unit_price, base]
        out += [-d.amount for d in ln.discounts]
        if ln.discounts:
            out.append(ln.amount)
    out.append(subtotal)
    if subtotal != sale.total:
        out.append(-(subtotal - sale.total))
    out.append(sale.total)
    out += [tr.tendered if tr.kind == "cash" else tr.amount for tr in sale.tenders]
    if sale.change or any(tr.kind == "cash" for tr in sale.tenders):
        out.append(sale.change)
    return out


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    cart=st.lists(st.tuples(st.sampled_from(GOODS), st.integers(1, 5)), min_size=1, max_size=5),
    member=st.booleans(),
    pay=st.sampled_from(["cash", "cash_over", "points+cash", "sv", "sv+cash", "bank", "split"]),
    coupon=st.booleans(),
    override=st.sampled_from([None, "0.80", "1.10"]),
    width=st.sampled_from(WIDTHS),
    lang=st.sampled_from(["zh", "en"]),
    seed=st.integers(0, 2**32),
)
def test_every_amount_printed_is_the_cores_figure(cart, member, pay, coupon, override, width,
                                                  lang, seed) -> None:  # type: ignore[no-untyped-def]
    rnd = random.Random(seed)
    t, card = _shared_terminal()
    p, b, pts = member_state(t, card)
    if p + b < Decimal("3000"):
        from pos_app.core import stored_value
        from pos_app.core.staff import CONSOLE
        with t.tx() as s:
            stored_value.topup(t, s, card, Decimal("1000.00"), "cash", CONSOLE)
    if pts < 1000:
        with t.tx() as s:
            sales.make_sale(t, s, sales.SaleRequest([sales.LineRequest(KETTLE, 9)], [cash()],
                                                    member_card=card), CASHIER)
    tenders = {
        "cash": [cash()],
        "cash_over": [cash("99999.00")],
        "points+cash": [points(100), cash("99999.00")],
        "sv": [sv()],
        "sv+cash": [sv("1.00"), cash()],
        "bank": [TenderRequest("bank_card", reference="6222020200112233")],
        "split": [TenderRequest("other", Decimal("0.50"), reference="VOUCHER-7"),
                  TenderRequest("bank_card", reference="REF1")],
    }[pay]
    if not member and pay in ("points+cash", "sv", "sv+cash"):
        tenders = [cash()]
    code = f"D11-50-000{rnd.randint(1, 3)}" if coupon else None
    lines = [sales.LineRequest(c, q) for c, q in cart]
    if override:  # a supervisor's price change on the first line, down or up
        with t.read() as s:
            item = catalog.lookup(s, lines[0].code)
            assert item is not None
            lines[0].override_price = (item.price * Decimal(override)).quantize(Decimal("0.01"))
    with t.tx() as s:
        try:
            out = sales.make_sale(t, s, sales.SaleRequest(
                lines, tenders, member_card=card if member else None, coupon=code),
                CASHIER, SUPERVISOR)
        except PosError as e:  # a cart the rules refuse (coupon used, points cap ...)
            assert any(w in str(e) for w in ("coupon", "points may pay", "more than the",
                                             "cover", "stored value")), e
            return
        doc = sale_document(t, s, out.sale.sale_no, language=lang)
        save_receipt(s, doc)
        sale = out.sale
        want = expected_sale_amounts(sale, member)
        sv_after = None
        if member:
            p2, b2 = (doc.stored_value.principal, doc.stored_value.bonus)
            sv_after = [p2, b2, p2 + b2]
    text = render_text(doc, width)
    for row in text.splitlines():
        assert display_width(row) <= width, (width, row)
    got = amounts(text)
    if sv_after is not None:
        assert (got[-3:]) == sv_after
        assert (sv_after[0], sv_after[1]) == member_state(t, card)[:2]
        got = got[:-3]
    assert got == want, text
    # the saved JSON is the same document
    with t.read() as s:
        assert load_receipt(s, sale.sale_no) == doc
    assert "6222020200112233" not in text
    # refund a random part: the slip adds up and shows exactly what the core gives back
    if rnd.random() < 0.5:
        line = rnd.choice(sale.lines)
        q = rnd.randint(1, line.qty)
        with t.tx() as s:
            r = refunds.refund(t, s, sale.sale_no, [(line.no, q)], SUPERVISOR)
            rdoc = refund_document(t, s, r.refund.sale_no, language=lang)
            save_receipt(s, rdoc)
        assert [ln.final_amount for ln in rdoc.lines] == [ln.amount for ln in r.refund.lines]
        for ln in rdoc.lines:  # the units' price, and their share of each discount
            assert ln.base_amount == ln.unit_price * ln.qty or not ln.discounts, ln
            assert all(d.amount >= 0 for d in ln.discounts), ln
        rtext = render_text(rdoc, width)
        for row in rtext.splitlines():
            assert display_width(row) <= width, (width, row)
        total_row = row_with(rtext, "退款金额" if lang == "zh" else "REFUND TOTAL")
        assert amounts(total_row) == [r.refund.total]
        assert [x.amount for x in rdoc.tenders] == [x.amount for x in r.tenders]


# --- saved in the same transaction ------------------------------------------------------


def records(t: Terminal) -> list[tuple[str, str]]:
    with t.read() as s:
        return [(r.receipt_no, r.kind) for r in s.scalars(select(ReceiptRecord)
                                                          .order_by(ReceiptRecord.id))]


def test_a_sale_that_fails_leaves_no_receipt(term: Terminal) -> None:
    with pytest.raises(PosError, match="points can pay only when a member is attached"), \
            term.tx() as s:
        out = sales.make_sale(term, s, sales.SaleRequest([sales.LineRequest(COAT)],
                                                         [points(100), cash()]), CASHIER)
        save_receipt(s, sale_document(term, s, out.sale.sale_no))
    assert records(term) == []
    # a receipt number is saved once
    with term.tx() as s:
        out = sales.make_sale(term, s, sales.SaleRequest([sales.LineRequest(COAT)], [cash()]),
                              CASHIER)
        doc = sale_document(term, s, out.sale.sale_no)
        save_receipt(s, doc)
        with pytest.raises(PosError, match=f"receipt {doc.receipt_no} is already saved"):
            save_receipt(s, doc)


def run(capsys: pytest.CaptureFixture[str], d: Path, *argv: str) -> tuple[int, str, str]:
    code = cli.main(["--data-dir", str(d), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def pos(capsys: pytest.CaptureFixture[str], d: Path, *argv: str) -> Any:
    code, out, err = run(capsys, d, "--json", *argv)
    assert code == 0, err
    return json.loads(out)


def test_receipt_building_fails_so_the_sale_is_not_written(
        term: Terminal, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    d = term.data_dir

    def broken(*a: object, **k: object) -> None:
        raise PosError("receipt printer template broken")

    before = db_dump(d)
    monkeypatch.setattr(pos_app.cli.sale, "sale_document", broken)
    code, _, err = run(capsys, d, "sale", "--item", COAT, "--tender", "cash")
    assert code == 2 and err == "pos: receipt printer template broken\n"
    assert db_dump(d) == before
    with term.read() as s:
        assert s.scalar(select(func.count(Sale.id))) == 0


def test_every_sale_refund_and_topup_through_the_cli_has_its_receipt(
        term: Terminal, capsys: pytest.CaptureFixture[str]) -> None:
    d = term.data_dir
    m = pos(capsys, d, "member", "enroll", "--name", "王芳", "--phone", PHONE,
            "--birthday", "1990-05-20")
    top = pos(capsys, d, "stored-value", "topup", "--card", m["card"], "--amount", "500")
    late = ("--approver", "3001", "--approver-pin", "3333")  # late entries at Double 11
    s1 = pos(capsys, d, *late, "sale", "--at", "2026-11-09T14:00", "--member-card", m["card"],
             "--item", f"{SCARF}*2", "--tender", "stored_value:100", "--tender", "cash:500")
    s2 = pos(capsys, d, *late, "sale", "--at", "2026-11-09T14:05", "--item", TEA, "--tender",
             "bank_card")
    code, _, err = run(capsys, d, "sale", "--item", TEA, "--tender", "points:100")
    assert code == 2 and "points can pay only when a member is attached" in err
    rf = pos(capsys, d, "--staff", "2001", "--pin", "2222", "refund", "--sale", s1["sale_id"],
             "--line", "1*1")
    assert records(term) == [(top["topup_id"], "topup"), (s1["sale_id"], "sale"),
                             (s2["sale_id"], "sale"), (rf["refund_id"], "refund")]
    with term.read() as s:
        docs = {r.receipt_no: from_json(r.document) for r in s.scalars(select(ReceiptRecord))}
    assert str(docs[s1["sale_id"]].totals.total) == s1["total"]
    assert str(docs[s1["sale_id"]].change) == s1["change"]
    assert str(docs[rf["refund_id"]].totals.total) == rf["total"]
    assert docs[rf["refund_id"]].original_receipt_no == s1["sale_id"]
    assert docs[top["topup_id"]].stored_value.total == Decimal("550.00")
    # shown by number, as text, in either language and any width
    code, text, _ = run(capsys, d, "receipt", "show", "--no", s1["sale_id"], "--width", "32")
    assert code == 0 and row_with(text, "应付金额").endswith(f"￥{s1['total']}")
    assert all(display_width(r) <= 32 for r in text.splitlines())
    assert "重印" not in text
    code, text, _ = run(capsys, d, "receipt", "show", "--no", s1["sale_id"], "--lang", "en")
    assert code == 0 and row_with(text, "TOTAL").endswith(f"￥{s1['total']}")
    shown = pos(capsys, d, "receipt", "show", "--no", rf["refund_id"])
    assert shown["kind"] == "refund" and shown["receipt_no"] == rf["refund_id"]
    esc, png = d / "s1.bin", d / "s1.png"
    code, _, err = run(capsys, d, "receipt", "show", "--no", s1["sale_id"], "--format",
                       "escpos", "--out", str(esc))
    assert code == 0, err
    dec = decode(esc.read_bytes())
    assert dec.drawer_kicks == 0 and dec.qr_payloads == [s1["sale_id"]]  # a view: no drawer
    assert row_with("\n".join(dec.lines), "应付金额").endswith(f"￥{s1['total']}")
    code, _, err = run(capsys, d, "receipt", "show", "--no", s1["sale_id"], "--format",
                       "png", "--out", str(png))
    assert code == 0, err
    assert png.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    # bad input: exit 2, one line, nothing changed
    before = db_dump(d)
    for argv, reason in [
        (("receipt", "show", "--no", "S001-T01-999999"), "no saved receipt 'S001-T01-999999'"),
        (("receipt", "show", "--no", s1["sale_id"], "--format", "escpos"),
         "--format escpos writes binary: give --out FILE"),
        (("receipt", "show", "--no", s1["sale_id"], "--width", "40"), "invalid choice: 40"),
        (("receipt", "show", "--no", s1["sale_id"], "--format", "png", "--out",
          str(d / "missing" / "r.png")), "does not exist"),
    ]:
        code, _, err = run(capsys, d, *argv)
        assert code == 2 and reason in err and err.count("\n") == 1, (argv, err)
    assert db_dump(d) == before


# --- reprint: a supervisor's, marked, audited, bytes to a TCP printer ----------------------




def test_reprint_needs_a_supervisor_is_marked_and_audited(
        term: Terminal, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    d = term.data_dir
    card = silver_member_with_points(term)
    out, _ = worked_example(term, card)
    no = out.sale.sale_no
    before = db_dump(d)
    code, _, err = run(capsys, d, "--staff", "1001", "--pin", "1111", "receipt", "reprint",
                       "--no", no)
    assert code == 2 and err == "pos: reprint needs a supervisor's approval\n"
    assert db_dump(d) == before
    job = tmp_path / "job.bin"
    code, text, err = run(capsys, d, "--staff", "1001", "--pin", "1111", "--approver", "2001",
                          "--approver-pin", "2222", "receipt", "reprint", "--no", no,
                          "--out", str(job))
    assert code == 0, err
    rows = text.splitlines()
    assert rows.count("              *** 重印 REPRINT ***") == 2  # under the title, at the end
    assert row_with(text, "重印人") == "重印人：刘洋 (2001)"
    assert row_with(text, "应付金额").endswith("￥883.15")
    with term.read() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "reprint")).one()
        assert (entry.staff, entry.approved_by, entry.subject) == ("1001", "2001",
                                                                   f"receipt {no}")
        assert staff.verify_audit(s) == []
        # the saved original is not marked
        assert load_receipt(s, no).reprint is False
    # the printer job's bytes, through a TCP printer socket, decode to the same text
    sent = job.read_bytes()
    got = print_over_tcp(sent)
    assert got == sent
    dec = decode(got)
    assert dec.lines == [r for r in rows if not r.strip().startswith(("[QR ", "[LOGO]"))]
    assert dec.qr_payloads == [no]
    assert dec.drawer_kicks == 0  # a reprint never opens the drawer
    assert "*** 重印 REPRINT ***".encode("gb18030") in got
    # a supervisor reprints alone; the English store prints REPRINT
    (d / "store.toml").write_text('language = "en"\nname = "Yuehua"\n', encoding="utf-8")
    code, text, err = run(capsys, d, "--staff", "2001", "--pin", "2222", "receipt", "reprint",
                          "--no", no, "--width", "32")
    assert code == 0, err
    assert "*** 重印 REPRINT ***" in text  # the stored document keeps its language
    with term.read() as s:
        assert s.scalar(select(func.count(AuditEntry.id))
                        .where(AuditEntry.action == "reprint")) == 2


# --- balance slip -------------------------------------------------------------------------


def test_balance_slip_through_the_cli_is_masked_and_saved(
        term: Terminal, capsys: pytest.CaptureFixture[str]) -> None:
    d = term.data_dir
    card = silver_member_with_points(term)
    worked_example(term, card)
    with term.tx() as s:
        refunds.refund(term, s, "S001-T01-000003", [(2, 1)], SUPERVISOR)
    code, text, err = run(capsys, d, "--staff", "1001", "--pin", "1111", "balance-slip",
                          "--phone", PHONE)
    assert code == 0, err
    assert "138****8000" in text and PHONE not in text
    assert f"{card[:4]}****{card[-4:]}" in text and card not in text
    assert row_with(text, "收银员") == "收银员：张敏 (1001)"
    assert row_with(text, "等级") == "等级：银卡"
    p, b, pts = member_state(term, card)
    assert row_with(text, "储值本金").endswith(f"￥{p:,}")
    assert row_with(text, "储值赠送").endswith(f"￥{b:,}")
    assert row_with(text, "积分余额").endswith(f"{pts:,}")
    recent = text.split("最近交易")[1]
    # newest first by business time: the refund, the sale and the top-up (all on the
    # 9th, in the order written), then the October sale
    order = [m.group(0) for m in re.finditer(r"S001-T01-\d{6}", recent)]
    assert order == ["S001-T01-000004", "S001-T01-000003", "S001-T01-000001",
                     "S001-T01-000002"]
    assert "退货" in recent and "充值" in recent and "+1,120.00" in recent
    # saved as a balance slip with the next gapless receipt number
    assert records(term)[-1] == ("S001-T01-000005", "balance")
    with term.read() as s:
        row = s.scalars(select(ReceiptRecord).where(ReceiptRecord.kind == "balance")).one()
        assert PHONE not in row.document and card not in row.document
    with term.tx() as s:
        nxt = sales.make_sale(term, s, sales.SaleRequest([sales.LineRequest(TEA)], [cash()]),
                              CASHIER)
    assert nxt.sale.sale_no == "S001-T01-000006"
    by_card = pos(capsys, d, "balance-slip", "--card", card, "--width", "32")
    assert by_card["receipt_no"] == "S001-T01-000007"
    assert all(display_width(r) <= 32 for r in by_card["text"].splitlines())
    # bad input: exit 2, one line, nothing changed
    before = db_dump(d)
    for argv, reason in [
        (("balance-slip",), "give exactly one of --card or --phone"),
        (("balance-slip", "--card", card, "--phone", PHONE),
         "give exactly one of --card or --phone"),
        (("balance-slip", "--phone", "13900000000"), "no member with phone 139****0000"),
        (("balance-slip", "--card", "88000000000000"), "no card 8800******0000"),
    ]:
        code, _, err = run(capsys, d, *argv)
        assert code == 2 and err == f"pos: {reason}\n", (argv, err)
    assert db_dump(d) == before


def test_enrollment_slip_and_an_anonymous_cards_balance_slip(
        term: Terminal, capsys: pytest.CaptureFixture[str]) -> None:
    from pos_app.core import members
    from pos_app.core.staff import CONSOLE
    from receipts.from_core import balance_document, enrollment_document

    with term.tx() as s:
        m = members.enroll(term, s, members.Enrollment(
            name="李伟", phone="13900139000", marketing_consent=True), CONSOLE)
        doc = enrollment_document(term, s, m, cashier="1001", credited_staff="2001")
        save_receipt(s, doc)
        anon = members.enroll(term, s, members.Enrollment(anonymous=True), CONSOLE)
        anon_card = members.main_card(s, anon).card_no
    text = render_text(doc, 32)
    assert doc.kind == Kind.ENROLLMENT and doc.receipt_no == "S001-T01-000001"
    assert row_with(text, "会员：") == "会员：李* 139****9000" and "13900139000" not in text
    assert row_with(text, "接收促销信息").endswith("是")
    assert row_with(text, "导购") == "导购：刘洋 (2001)"
    assert doc.enrollment.program_name == term.program.name
    code, text, err = run(capsys, term.data_dir, "balance-slip", "--card", anon_card,
                          "--lang", "en")
    assert code == 0, err
    assert row_with(text, "Member:") == "Member: ****"
    assert row_with(text, "SV balance").endswith("￥0.00")
    assert "(none)" in text  # no transactions yet
    with term.read() as s:
        again = balance_document(term, s, anon, receipt_no="X-1", cashier="1001",
                                 language="zh")
    assert again.receipt_no == "X-1" and again.language == "zh"


# --- the store settings -------------------------------------------------------------------


def test_store_settings_default_and_from_store_toml(term: Terminal) -> None:
    cfg = load_store(term)
    assert (cfg.info.name, cfg.info.store_code, cfg.info.terminal_id) == ("门店 S001", "S001",
                                                                          "T01")
    assert cfg.language == "zh" and cfg.width == 48 and cfg.info.footer_lines
    logo = term.data_dir / "logo.png"
    (term.data_dir / "store.toml").write_text(
        '[store]\nname = "悦华百货 南京西路店"\naddress = "上海市静安区南京西路1266号"\n'
        'phone = "021-6288 8888"\nheader = ["会员专线 400-800-8888"]\n'
        'footer = ["凭小票7日内可退换"]\nlogo = "logo.png"\nlanguage = "zh"\n'
        'paper_width = 32\n', encoding="utf-8")
    cfg = load_store(term)
    assert cfg.info.name == "悦华百货 南京西路店" and cfg.width == 32
    assert cfg.info.header_lines == ("上海市静安区南京西路1266号", "电话 021-6288 8888",
                                     "会员专线 400-800-8888")
    assert cfg.info.footer_lines == ("凭小票7日内可退换",) and cfg.info.logo_path == logo
    for body, reason in [
        ('nmae = "x"\n', "unknown key(s) nmae"),
        ("paper_width = 58\n", "paper_width must be one of 32, 42, 48, got 58"),
        ('language = "fr"\n', "language must be one of zh, en"),
        ("footer = 3\n", "footer must be a list of strings"),
        ("name = [\n", "not valid TOML"),
    ]:
        (term.data_dir / "store.toml").write_text(body, encoding="utf-8")
        with pytest.raises(PosError, match=re.escape(reason)):
            load_store(term)


def test_the_demo_saves_and_prints_its_receipt(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--data-dir", str(tmp_path / "demo"), "demo"]) == 0
    text = capsys.readouterr().out
    assert row_with(text, "应付金额").endswith("￥883.15")
    assert row_with(text, "本次积分").endswith("+1,035")
    con = sqlite3.connect(tmp_path / "demo" / "pos.sqlite")
    try:
        kinds = [k for (k,) in con.execute("select kind from receipt_records order by id")]
    finally:
        con.close()
    assert kinds == ["sale", "topup", "topup", "sale"]


def test_gifts_on_the_sale_and_the_refund(term: Terminal) -> None:
    """A 满赠 gift at ¥0 with its value on the sale's receipt; the refund that leaves the
    sale below the threshold says the gift came back."""
    from pos_app.core import gifts, refunds, sales

    with term.tx() as s:
        gifts.receive(term, s, "UMBRELLA", 1, SUPERVISOR)
        out = sales.make_sale(term, s, sales.SaleRequest(
            lines=[sales.LineRequest(LIPSTICK), sales.LineRequest(CREAM)],
            tenders=[cash()]), CASHIER)
        text = render_text(sale_document(term, s, out.sale.sale_no))
        assert "赠品 晴雨伞" in text and "¥0.00 价值 ¥50.00 (D11-GWP)" in text
        back = refunds.refund(term, s, out.sale.sale_no, [(2, 1)], SUPERVISOR)
        text = render_text(refund_document(term, s, back.refund.sale_no))
        assert "赠品退回：晴雨伞" in text
