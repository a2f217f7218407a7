"""Templates: lay a :class:`ReceiptDocument` out into rows for one paper width.

One function per kind (sale, refund, top-up, balance slip, enrollment slip, X and Z
reports) sharing the store header, the reprint mark (重印 / REPRINT) and the footer
with the QR code. Every renderer (ESC/POS, text, PNG) draws the same rows, so what
the docs and the screen show is what the printer prints.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from decimal import Decimal

from pos_app.core.money import ZERO, format_money

from .document import Kind, ReceiptDocument, ReceiptLine, TenderKind
from .labels import DISCOUNTS, TENDERS, TITLES, WORDS
from .layout import (
    Layout,
    LogoRow,
    QrRow,
    Row,
    TextRow,
    center,
    check_width,
    display_width,
    hanging,
    left_right,
    wrap,
)

MAX_TRANSACTIONS = 5


def amount(value: Decimal) -> str:
    """A line amount: '1,234.50' / '-34.95' (no currency sign)."""
    return format_money(value, sign=False)


def yuan(value: Decimal) -> str:
    """A total: '￥1,234.50' (full-width ￥: two GB18030 bytes every printer has)."""
    return format_money(value)


def off(value: Decimal) -> str:
    """A discount taken off: '-34.95'."""
    return format_money(-value, sign=False)


def qty_text(qty: Decimal | int) -> str:
    if isinstance(qty, int):
        return str(qty)
    return f"{qty.normalize():f}"


def points_text(points: int) -> str:
    return f"{points:,}"


def when(t: datetime) -> str:
    return t.strftime("%Y-%m-%d %H:%M:%S")


class _Builder:
    def __init__(self, doc: ReceiptDocument, width: int) -> None:
        self.doc = doc
        self.width = check_width(width)
        self.w = WORDS[doc.language]
        self.lang = doc.language
        self.rows: list[Row] = []

    # -- primitives --
    def text(self, line: str, *, bold: bool = False, tall: bool = False) -> None:
        for r in wrap(line, self.width):
            self.rows.append(TextRow(r, bold, tall))

    def center(self, line: str, *, bold: bool = False, tall: bool = False) -> None:
        for r in center(line, self.width):
            self.rows.append(TextRow(r, bold, tall))

    def lr(self, left: str, right: str, *, bold: bool = False, tall: bool = False,
           indent: int = 2) -> None:
        for r in left_right(left, right, self.width, indent):
            self.rows.append(TextRow(r, bold, tall))

    def kv(self, key: str, value: str) -> None:
        """'单号：R2026...' left-aligned; long values wrap under the value."""
        if not value:
            return
        label = self.w[key]
        colon = "：" if self.lang == "zh" else ": "
        self.text(label + colon + value)

    def rule(self, ch: str = "-") -> None:
        self.rows.append(TextRow(ch * self.width))

    def blank(self) -> None:
        self.rows.append(TextRow(""))

    # -- shared sections --
    def header(self) -> None:
        d, s = self.doc, self.doc.store
        if s.logo_path is not None:
            self.rows.append(LogoRow(s.logo_path))
        self.center(s.name, bold=True, tall=True)
        for h in s.header_lines:
            self.center(h)
        self.blank()
        self.center(TITLES[self.lang][d.kind], bold=True, tall=True)
        if d.reprint:
            self.center(self.w["reprint"], bold=True)
        self.rule("=")
        self.kv("receipt_no", d.receipt_no)
        self.kv("time", when(d.business_time))
        store = " ".join(x for x in (s.store_code, f"{self.w['terminal']} {s.terminal_id}"
                                     if s.terminal_id else "") if x)
        self.kv("store", store)
        self.kv("cashier", d.cashier)
        self.kv("credited", d.credited_staff)
        if d.reprint:
            if d.reprinted_at is not None:
                self.kv("reprinted_at", when(d.reprinted_at))
            self.kv("reprinted_by", d.reprinted_by)
        for label, value in d.extra:
            colon = "：" if self.lang == "zh" else ": "
            self.text(label + colon + value)

    def member(self) -> None:
        m = self.doc.member
        if m is None:
            return
        self.kv("member", f"{m.name} {m.masked_phone}".strip())
        self.kv("card", m.masked_card)
        self.kv("tier", m.tier)

    def points(self, *, refund: bool = False, lots: int = 1) -> None:
        p = self.doc.points
        if p is None:
            return
        unit = self.w["points_unit"]
        if p.earned:
            key = "points_taken_back" if refund else "points_earned"
            sign = "-" if refund else "+"
            self.lr(self.w[key], f"{sign}{points_text(p.earned)}")
        if p.redeemed:
            key = "points_returned" if refund else "points_redeemed"
            sign = "+" if refund else "-"
            self.lr(self.w[key], f"{sign}{points_text(p.redeemed)}")
        self.lr(self.w["points_balance"], points_text(p.balance), bold=True)
        if lots == 1 and p.expiring:
            lot = p.expiring[0]
            self.lr(self.w["points_expiring"],
                    f"{points_text(lot.points)}{unit} {lot.expires_on.isoformat()}")
        elif lots > 1 and p.expiring:
            self.text(self.w["expiring_lots"])
            for lot in p.expiring[:lots]:
                self.lr("  " + lot.expires_on.isoformat(), f"{points_text(lot.points)}{unit}")

    def stored_value(self) -> None:
        sv = self.doc.stored_value
        if sv is None:
            return
        self.lr(self.w["sv_principal"], yuan(sv.principal))
        self.lr(self.w["sv_bonus"], yuan(sv.bonus))
        self.lr(self.w["sv_total"], yuan(sv.total), bold=True)

    def tenders(self, *, refund: bool = False) -> None:
        d = self.doc
        if not d.tenders:
            return
        self.text(self.w["refund_to" if refund else "paid_by"])
        names = TENDERS[self.lang]
        for t in d.tenders:
            label = "  " + names[t.kind]
            if t.kind == TenderKind.POINTS and t.points is not None:
                label += f" ({points_text(t.points)}{self.w['points_unit']})"
            if t.reference:
                label += f" {t.reference}"
            self.lr(label, yuan(t.amount), indent=4)
        if d.change != ZERO or (not refund and any(t.kind == TenderKind.CASH
                                                    for t in d.tenders)):
            self.lr(self.w["change"], yuan(d.change))

    def item(self, n: int, ln: ReceiptLine) -> None:
        num = f"{n}. "
        for r in hanging(num + ln.name, self.width, len(num)):
            self.rows.append(TextRow(r))
        price = f"{qty_text(ln.qty)} x {amount(ln.unit_price)}"
        base = amount(ln.base_amount)
        left = f"   {ln.sku}  {price}"
        if display_width(left) + 1 + display_width(base) > self.width:
            self.text(f"   {ln.sku}")
            left = f"   {price}"
        self.lr(left, base, indent=3)
        names = DISCOUNTS[self.lang]
        for dsc in ln.discounts:
            self.lr(f"   {names[dsc.source]} {dsc.name}".rstrip(), off(dsc.amount), indent=5)
        if ln.discounts:
            self.lr("   " + ("实付" if self.lang == "zh" else "Net"), amount(ln.final_amount))

    def items(self) -> None:
        self.lr(self.w["items_header_l"], self.w["items_header_r"])
        self.rule()
        for n, ln in enumerate(self.doc.lines, 1):
            self.item(n, ln)

    def footer(self, *, store_footer: bool = True) -> None:
        d = self.doc
        footer = d.store.footer_lines if store_footer else ()
        if footer:
            self.rule()
            for f in footer:
                self.center(f)
        if d.qr_payload:
            self.rows.append(QrRow(d.qr_payload))
            self.center(d.receipt_no)
        if d.reprint:
            self.center(self.w["reprint"], bold=True)

    def layout(self) -> Layout:
        d = self.doc
        drawer = (not d.reprint and d.kind in (Kind.SALE, Kind.REFUND, Kind.TOPUP)
                  and any(t.kind == TenderKind.CASH for t in d.tenders))
        return Layout(self.width, tuple(self.rows), open_drawer=drawer)


def _sale(b: _Builder) -> None:
    d = b.doc
    refund = d.kind == Kind.REFUND
    b.header()
    if refund:
        b.kv("original", d.original_receipt_no)
        b.kv("reason", d.reason)
    b.rule()
    b.items()
    b.rule()
    assert d.totals is not None
    b.lr(b.w["qty_total"], qty_text(sum((Decimal(ln.qty) for ln in d.lines), Decimal(0))))
    b.lr(b.w["subtotal"], yuan(d.totals.subtotal))
    if d.totals.discount_total:
        b.lr(b.w["discount_total"], "-" + yuan(d.totals.discount_total))
    b.lr(b.w["refund_total" if refund else "total"], yuan(d.totals.total), bold=True, tall=True)
    b.tenders(refund=refund)
    if d.member is not None:
        b.rule()
        b.member()
        b.points(refund=refund)
        b.stored_value()
    b.footer()


def _topup(b: _Builder) -> None:
    d = b.doc
    b.header()
    b.rule()
    b.member()
    b.rule()
    assert d.topup is not None
    b.kv("topup_rule", d.topup.rule_name)
    b.lr(b.w["topup_principal"], yuan(d.topup.principal), bold=True, tall=True)
    b.lr(b.w["topup_bonus"], yuan(d.topup.bonus))
    b.tenders()
    b.rule()
    b.stored_value()
    b.points(lots=1)
    b.text(b.w["sv_note"])
    b.footer()


def _balance(b: _Builder) -> None:
    d = b.doc
    b.header()
    b.rule()
    b.member()
    b.rule()
    b.stored_value()
    b.rule()
    b.points(lots=5)
    b.rule()
    b.text(b.w["recent"])
    if not d.transactions:
        b.text("  " + b.w["no_recent"])
    unit = b.w["points_unit"]
    for t in d.transactions[:MAX_TRANSACTIONS]:
        desc = f"  {t.time.strftime('%Y-%m-%d')} {t.description}"
        pts = f"{'+' if t.points > 0 else ''}{points_text(t.points)}{unit}" if t.points else ""
        if t.amount == ZERO and pts:
            b.lr(desc, pts, indent=4)
            continue
        if pts:
            desc += " " + pts
        b.lr(desc, ("+" if t.amount > 0 else "") + amount(t.amount), indent=4)
    b.footer()


def _enrollment(b: _Builder) -> None:
    d = b.doc
    assert d.enrollment is not None
    e = d.enrollment
    b.header()
    b.rule()
    b.member()
    b.kv("program", e.program_name)
    b.kv("enrolled_at", d.store.name)
    if e.welcome_points:
        b.lr(b.w["welcome_points"], f"+{points_text(e.welcome_points)}")
    b.lr(b.w["consent"], b.w["yes" if e.marketing_consent else "no"])
    b.points(lots=1)
    b.stored_value()
    b.rule()
    b.text(b.w["privacy"])
    b.blank()
    b.text(b.w["signature"] + ("：" if b.lang == "zh" else ": "))
    b.blank()
    b.rule("_")
    b.footer()


def _shift(b: _Builder) -> None:
    d = b.doc
    s = d.shift
    assert s is not None
    def counted(label: str, count: int) -> str:
        return f"{label} {count}笔" if b.lang == "zh" else f"{label} ({count})"

    b.header()
    b.kv("shift_no", s.shift_no)
    if s.z_number is not None:
        b.kv("z_number", str(s.z_number))
    b.kv("opened_at", when(s.opened_at))
    if s.closed_at is not None:
        b.kv("closed_at", when(s.closed_at))
    b.rule()
    b.lr(counted(b.w["sales"], s.sales_count), yuan(s.sales_amount))
    b.lr(counted(b.w["refunds"], s.refunds_count), "-" + yuan(s.refunds_amount))
    b.lr(b.w["net"], yuan(s.net_amount), bold=True, tall=True)
    b.lr(b.w["discounts"], yuan(s.discount_total))
    b.lr(b.w["member_sales"], yuan(s.member_sales_amount))
    if s.sales_amount > ZERO:
        share = (s.member_sales_amount * 100 / s.sales_amount).quantize(Decimal("0.1"))
        b.lr(b.w["member_share"], f"{share}%")
    b.rule()
    b.text(b.w["by_tender"])
    names = TENDERS[b.lang]
    for t in s.tender_totals:
        b.lr("  " + counted(names[t.kind], t.count), yuan(t.amount), indent=4)
    b.rule()
    b.lr(b.w["opening_float"], yuan(s.opening_float))
    b.lr(b.w["cash_expected"], yuan(s.cash_expected), bold=True)
    if s.cash_counted is not None:
        b.lr(b.w["cash_counted"], yuan(s.cash_counted), bold=True)
    if s.cash_difference is not None:
        sign = "+" if s.cash_difference > 0 else ""
        b.lr(b.w["cash_difference"], sign + yuan(s.cash_difference), bold=True)
    b.rule()
    b.text(counted(b.w["topups"], s.topup_count))
    b.lr("  " + b.w["topup_principal_sum"], yuan(s.topup_principal))
    b.lr("  " + b.w["topup_bonus_sum"], yuan(s.topup_bonus))
    if s.card_sale_count or s.card_return_count:
        b.lr(counted(b.w["card_sales"], s.card_sale_count), yuan(s.card_sale_amount))
        b.lr(counted(b.w["card_returns"], s.card_return_count),
             "-" + yuan(s.card_return_amount))
        for t in s.card_tender_totals:
            b.lr("  " + counted(names[t.kind], t.count), yuan(t.amount), indent=4)
    b.lr(b.w["points_issued"], points_text(s.points_earned))
    b.lr(b.w["points_used"], points_text(s.points_redeemed))
    b.lr(b.w["members_enrolled"], str(s.members_enrolled))
    b.rule()
    b.footer(store_footer=False)


_TEMPLATES: dict[Kind, Callable[[_Builder], None]] = {
    Kind.SALE: _sale,
    Kind.REFUND: _sale,
    Kind.TOPUP: _topup,
    Kind.BALANCE: _balance,
    Kind.ENROLLMENT: _enrollment,
    Kind.X_REPORT: _shift,
    Kind.Z_REPORT: _shift,
}


def layout(doc: ReceiptDocument, width: int = 48) -> Layout:
    """Lay ``doc`` out for ``width`` columns (32 for 58 mm, 42 or 48 for 80 mm)."""
    b = _Builder(doc, width)
    _TEMPLATES[doc.kind](b)
    return b.layout()
