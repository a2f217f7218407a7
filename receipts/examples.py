"""Example documents of every template (the pricing spec's worked example and its
refund, a top-up, a balance slip, an enrollment slip, X and Z reports).

Used by the golden tests, ``scripts/receipt-previews`` (docs/receipts/*.png) and
``bench/receipt_render.py``; also a reference for the mapping from the core.
"""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal as D
from pathlib import Path

from .document import (
    CardTransaction,
    Discount,
    DiscountSource,
    EnrollmentInfo,
    ExpiringLot,
    Kind,
    MemberInfo,
    PointsInfo,
    ReceiptDocument,
    ReceiptLine,
    ShiftReport,
    StoredValueInfo,
    StoreInfo,
    Tender,
    TenderKind,
    TenderTotal,
    TopUpInfo,
    Totals,
)
from .jobs import reprint

CST = timezone(timedelta(hours=8), "CST")
T0 = datetime(2026, 11, 9, 14, 0, 0, tzinfo=CST)

TEMPLATES = ("sale", "refund", "topup", "balance", "enrollment", "x_report", "z_report",
             "reprint")


def _t(lang: str, zh: str, en: str) -> str:
    return zh if lang == "zh" else en


def store(lang: str = "zh", logo_path: Path | None = None) -> StoreInfo:
    return StoreInfo(
        name=_t(lang, "悦华百货 南京西路店", "Yuehua Dept. Store Nanjing Rd W"),
        store_code="SH001",
        terminal_id="03",
        header_lines=(
            _t(lang, "上海市静安区南京西路1266号", "1266 Nanjing Road West, Shanghai"),
            _t(lang, "服务热线 021-6288 8888", "Service 021-6288 8888"),
        ),
        footer_lines=(
            _t(lang, "凭小票7日内可退换(贴身衣物除外)", "Returns within 7 days with receipt"),
            _t(lang, "谢谢惠顾，欢迎再次光临！", "Thank you for shopping with us!"),
        ),
        logo_path=logo_path,
    )


def member(lang: str = "zh") -> MemberInfo:
    return MemberInfo(
        masked_phone="138****8000",
        masked_card="8800****1234",
        tier=_t(lang, "银卡", "Silver"),
        name=_t(lang, "张**", "Zhang**"),
    )


def _lines(lang: str) -> tuple[ReceiptLine, ...]:
    tier = _t(lang, "银卡95折", "Silver 5% off")
    spend = _t(lang, "服装满500减200", "Apparel 200 off 500")
    coupon = "D11-50-0001"
    return (
        ReceiptLine(
            sku="6901234500011",
            name=_t(lang, "羊毛双面呢大衣 驼色 M码", "Double-faced wool coat, camel, M"),
            qty=1, unit_price=D("699.00"), base_amount=D("699.00"),
            discounts=(
                Discount(DiscountSource.TIER, tier, D("34.95")),
                Discount(DiscountSource.SPEND_GET_OFF, spend, D("146.08")),
                Discount(DiscountSource.COUPON, coupon, D("27.76")),
            ),
            final_amount=D("490.21"),
        ),
        ReceiptLine(
            sku="6901234500028",
            name=_t(lang, "羊绒围巾", "Cashmere scarf"),
            qty=2, unit_price=D("129.00"), base_amount=D("258.00"),
            discounts=(
                Discount(DiscountSource.TIER, tier, D("12.90")),
                Discount(DiscountSource.SPEND_GET_OFF, spend, D("53.92")),
                Discount(DiscountSource.COUPON, coupon, D("10.24")),
            ),
            final_amount=D("180.94"),
        ),
        ReceiptLine(
            sku="6901234500035",
            name=_t(lang, "丝绒哑光口红 #999", "Velvet matte lipstick #999"),
            qty=1, unit_price=D("320.00"), base_amount=D("320.00"),
            discounts=(
                Discount(DiscountSource.PROMOTION, _t(lang, "双11彩妆会员7折",
                                                      "Double 11 cosmetics 30% off"),
                         D("96.00")),
                Discount(DiscountSource.COUPON, coupon, D("12.00")),
            ),
            final_amount=D("212.00"),
        ),
    )


def sale(lang: str = "zh", logo_path: Path | None = None) -> ReceiptDocument:
    """The pricing spec's worked example: total 883.15, 200 points + cash."""
    return ReceiptDocument(
        kind=Kind.SALE,
        store=store(lang, logo_path),
        receipt_no="SH001-03-20261109-0012",
        business_time=T0,
        cashier=_t(lang, "王芳 (1001)", "Wang Fang (1001)"),
        credited_staff=_t(lang, "李娜 (2003)", "Li Na (2003)"),
        language=lang,
        lines=_lines(lang),
        totals=Totals(subtotal=D("1277.00"), discount_total=D("393.85"), total=D("883.15")),
        tenders=(
            Tender(TenderKind.POINTS, D("20.00"), points=200),
            Tender(TenderKind.CASH, D("900.00")),
        ),
        change=D("36.85"),
        member=member(lang),
        points=PointsInfo(balance=5230, earned=1035, redeemed=200,
                          expiring=(ExpiringLot(320, date(2027, 3, 31)),)),
        stored_value=StoredValueInfo(D("1000.00"), D("200.00"), D("1200.00")),
        qr_payload="SH001-03-20261109-0012",
    )


def refund(lang: str = "zh") -> ReceiptDocument:
    """One of the two scarves back: it gives back exactly what that line paid."""
    tier = _t(lang, "银卡95折", "Silver 5% off")
    line = ReceiptLine(
        sku="6901234500028",
        name=_t(lang, "羊绒围巾", "Cashmere scarf"),
        qty=1, unit_price=D("129.00"), base_amount=D("129.00"),
        discounts=(
            Discount(DiscountSource.TIER, tier, D("6.45")),
            Discount(DiscountSource.SPEND_GET_OFF, _t(lang, "服装满500减200",
                                                      "Apparel 200 off 500"), D("26.96")),
            Discount(DiscountSource.COUPON, "D11-50-0001", D("5.12")),
        ),
        final_amount=D("90.47"),
    )
    return ReceiptDocument(
        kind=Kind.REFUND,
        store=store(lang),
        receipt_no="SH001-03-20261110-0003",
        business_time=T0 + timedelta(days=1, hours=-3, minutes=12),
        cashier=_t(lang, "王芳 (1001)", "Wang Fang (1001)"),
        language=lang,
        lines=(line,),
        totals=Totals(subtotal=D("129.00"), discount_total=D("38.53"), total=D("90.47")),
        tenders=(Tender(TenderKind.CASH, D("90.47")),),
        member=member(lang),
        points=PointsInfo(balance=5122, earned=108),
        original_receipt_no="SH001-03-20261109-0012",
        reason=_t(lang, "尺码不合适", "Wrong size"),
        qr_payload="SH001-03-20261110-0003",
    )


def topup(lang: str = "zh") -> ReceiptDocument:
    return ReceiptDocument(
        kind=Kind.TOPUP,
        store=store(lang),
        receipt_no="SH001-03-20261109-0013",
        business_time=T0 + timedelta(minutes=25),
        cashier=_t(lang, "陈静 (1005)", "Chen Jing (1005)"),
        language=lang,
        tenders=(Tender(TenderKind.WECHAT, D("1000.00"), reference="4200001234"),),
        member=member(lang),
        topup=TopUpInfo(D("1000.00"), D("200.00"), _t(lang, "充1000送200", "Pay 1000 get 200")),
        stored_value=StoredValueInfo(D("2000.00"), D("400.00"), D("2400.00")),
        qr_payload="SH001-03-20261109-0013",
    )


def balance(lang: str = "zh") -> ReceiptDocument:
    txs = (
        CardTransaction(T0 + timedelta(minutes=25), _t(lang, "充值", "Top-up"), D("1200.00")),
        CardTransaction(T0, _t(lang, "消费 南京西路店", "Purchase Nanjing Rd"), D("0.00"),
                        points=835),
        CardTransaction(T0 - timedelta(days=12), _t(lang, "消费 徐家汇店", "Purchase Xujiahui"),
                        D("-356.40"), points=356),
        CardTransaction(T0 - timedelta(days=40), _t(lang, "积分抵现", "Points redeemed"),
                        D("0.00"), points=-500),
        CardTransaction(T0 - timedelta(days=61), _t(lang, "消费 南京西路店", "Purchase Nanjing Rd"),
                        D("-1288.00"), points=1288),
        CardTransaction(T0 - timedelta(days=90), _t(lang, "充值", "Top-up"), D("2400.00")),
    )
    return ReceiptDocument(
        kind=Kind.BALANCE,
        store=store(lang),
        receipt_no="BAL-SH001-03-20261109-0001",
        business_time=T0 + timedelta(hours=2),
        cashier=_t(lang, "李娜 (2003)", "Li Na (2003)"),
        language=lang,
        member=member(lang),
        points=PointsInfo(balance=5230, expiring=(
            ExpiringLot(320, date(2027, 3, 31)),
            ExpiringLot(1288, date(2027, 9, 30)),
            ExpiringLot(3622, date(2027, 11, 30)),
        )),
        stored_value=StoredValueInfo(D("2000.00"), D("400.00"), D("2400.00")),
        transactions=txs,
    )


def enrollment(lang: str = "zh") -> ReceiptDocument:
    return ReceiptDocument(
        kind=Kind.ENROLLMENT,
        store=store(lang),
        receipt_no="ENR-SH001-20261109-0021",
        business_time=T0 + timedelta(hours=1),
        cashier=_t(lang, "陈静 (1005)", "Chen Jing (1005)"),
        credited_staff=_t(lang, "李娜 (2003)", "Li Na (2003)"),
        language=lang,
        member=MemberInfo("139****0021", "8800****5678", _t(lang, "普通卡", "Classic")),
        enrollment=EnrollmentInfo(welcome_points=100, marketing_consent=True,
                                  program_name=_t(lang, "悦华会员", "Yuehua Club")),
        points=PointsInfo(balance=100),
    )


def _shift(lang: str, z: bool) -> ShiftReport:
    tenders = (
        TenderTotal(TenderKind.CASH, 12, D("6310.00")),
        TenderTotal(TenderKind.WECHAT, 40, D("18220.50")),
        TenderTotal(TenderKind.ALIPAY, 20, D("9100.00")),
        TenderTotal(TenderKind.BANK_CARD, 8, D("7400.00")),
        TenderTotal(TenderKind.STORED_VALUE, 5, D("2880.00")),
        TenderTotal(TenderKind.POINTS, 3, D("386.00")),
    )
    return ShiftReport(
        shift_no="SH001-03-20261109-2",
        opened_at=T0.replace(hour=9),
        sales_count=86, sales_amount=D("45320.50"),
        refunds_count=3, refunds_amount=D("1024.00"),
        net_amount=D("44296.50"),
        discount_total=D("6812.35"),
        tender_totals=tenders,
        opening_float=D("500.00"),
        cash_expected=D("6810.00"),
        member_sales_amount=D("28901.20"),
        topup_count=4, topup_principal=D("5000.00"), topup_bonus=D("1000.00"),
        points_earned=30120, points_redeemed=3860, members_enrolled=6,
        closed_at=T0.replace(hour=21, minute=30) if z else None,
        z_number=1108 if z else None,
        cash_counted=D("6805.50") if z else None,
        cash_difference=D("-4.50") if z else None,
    )


def x_report(lang: str = "zh") -> ReceiptDocument:
    return ReceiptDocument(
        kind=Kind.X_REPORT, store=store(lang), receipt_no="X-SH001-03-20261109-2",
        business_time=T0.replace(hour=16), cashier=_t(lang, "王芳 (1001)", "Wang Fang (1001)"),
        language=lang, shift=_shift(lang, z=False),
    )


def z_report(lang: str = "zh") -> ReceiptDocument:
    return ReceiptDocument(
        kind=Kind.Z_REPORT, store=store(lang), receipt_no="Z-SH001-03-1108",
        business_time=T0.replace(hour=21, minute=31),
        cashier=_t(lang, "王芳 (1001)", "Wang Fang (1001)"), language=lang,
        shift=_shift(lang, z=True),
        extra=((_t(lang, "店长", "Manager"), _t(lang, "赵敏 (9001)", "Zhao Min (9001)")),),
    )


def reprint_example(lang: str = "zh") -> ReceiptDocument:
    return reprint(sale(lang), at=T0 + timedelta(days=2, hours=-4),
                   by=_t(lang, "赵敏 (9001)", "Zhao Min (9001)"))


def example(template: str, lang: str = "zh") -> ReceiptDocument:
    """The example document of ``template`` (one of :data:`TEMPLATES`)."""
    makers = {
        "sale": sale, "refund": refund, "topup": topup, "balance": balance,
        "enrollment": enrollment, "x_report": x_report, "z_report": z_report,
        "reprint": reprint_example,
    }
    if template not in makers:
        raise ValueError(f"template: unknown {template!r}; one of {TEMPLATES}")
    return makers[template](lang)


def long_sale(n_lines: int = 100, lang: str = "zh") -> ReceiptDocument:
    """A sale of ``n_lines`` lines, each with a tier discount (for the benchmark)."""
    base = sale(lang)
    lines = []
    for i in range(n_lines):
        price = D(100 + i * 7) + D("0.90")
        tier_off = (price * D("0.05")).quantize(D("0.01"))
        lines.append(ReceiptLine(
            sku=f"69012345{i:05d}",
            name=_t(lang, f"商品{i:03d} 纯棉针织T恤 白色 XL码",
                    f"Item {i:03d} cotton knit tee, XL"),
            qty=1, unit_price=price, base_amount=price,
            discounts=(Discount(DiscountSource.TIER, base.member.tier if base.member else "",
                                tier_off),),
            final_amount=price - tier_off,
        ))
    subtotal = sum((ln.base_amount for ln in lines), D("0.00"))
    total = sum((ln.final_amount for ln in lines), D("0.00"))
    return dataclasses.replace(
        base, lines=tuple(lines),
        totals=Totals(subtotal, subtotal - total, total),
        tenders=(Tender(TenderKind.CASH, total),), change=D("0.00"),
    )
