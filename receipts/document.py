"""The receipt document model: what a receipt or slip says, independent of paper.

Plain frozen dataclasses, filled by the caller (the lead's ``receipts/from_core.py``
maps the core's sale, refund, top-up, member and shift objects into them). Nothing
here depends on the core's classes. All money is :class:`decimal.Decimal` in yuan to
the cent (never a float); points are ints. Amounts are the core's figures: the model
only checks that they add up, and refuses (``ValueError`` naming the field) a
document whose figures do not, so a receipt never shows a total its lines do not
explain.

Sign conventions: every amount is shown as given. Discounts are positive amounts
taken off (a line's ``final_amount == base_amount - sum(discount amounts)``). A refund
document carries positive amounts (money going back to the customer). Balance-slip
transactions are signed (top-up +, spend -).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from pathlib import Path

from pos_app.core.money import CENT, ZERO

from .mask import check_masked_card, check_masked_phone


class Kind(StrEnum):
    """What the document is; selects the template."""

    SALE = "sale"
    REFUND = "refund"
    TOPUP = "topup"
    BALANCE = "balance"
    ENROLLMENT = "enrollment"
    X_REPORT = "x_report"
    Z_REPORT = "z_report"


class DiscountSource(StrEnum):
    """Where a discount on a line comes from (pricing steps 1-6, plus manual)."""

    MEMBER_PRICE = "member_price"  # step 1: member price below the list price
    PROMOTION = "promotion"  # step 2: item promotion (percent_off)
    TIER = "tier"  # step 3: tier discount
    SPEND_GET_OFF = "spend_get_off"  # step 4: 满减
    COUPON = "coupon"  # step 5
    PAY_DISCOUNT = "pay_discount"  # step 6: stored-value pay discount
    MANUAL = "manual"  # supervisor-approved manual discount


class TenderKind(StrEnum):
    CASH = "cash"
    STORED_VALUE = "stored_value"
    POINTS = "points"
    BANK_CARD = "bank_card"
    WECHAT = "wechat"
    ALIPAY = "alipay"
    OTHER = "other"


LANGUAGES = ("zh", "en")


def check_money(value: object, field_name: str) -> Decimal:
    """Refuse anything that is not an exact Decimal amount to the cent."""
    if not isinstance(value, Decimal) or isinstance(value, bool):
        raise ValueError(
            f"{field_name}: money must be a decimal.Decimal, got {type(value).__name__} "
            f"{value!r}"
        )
    if not value.is_finite():
        raise ValueError(f"{field_name}: money must be finite, got {value!r}")
    if value != value.quantize(CENT):
        raise ValueError(f"{field_name}: money must be whole cents, got {value!r}")
    return value


def _check_int(value: object, field_name: str, *, minimum: int | None = 0) -> None:
    if not isinstance(value, int) or isinstance(value, bool):
        raise ValueError(f"{field_name}: must be an int, got {type(value).__name__} {value!r}")
    if minimum is not None and value < minimum:
        raise ValueError(f"{field_name}: must be at least {minimum}, got {value}")


def _check_aware(value: object, field_name: str) -> None:
    if not isinstance(value, datetime):
        raise ValueError(f"{field_name}: must be a datetime, got {value!r}")
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{field_name}: must be timezone-aware (business time), got {value}")


@dataclass(frozen=True)
class StoreInfo:
    """Store-configurable header, footer and logo."""

    name: str
    store_code: str = ""
    terminal_id: str = ""
    header_lines: tuple[str, ...] = ()  # address, phone, slogan... centered
    footer_lines: tuple[str, ...] = ()  # return policy, thanks... centered
    logo_path: Path | None = None  # a PNG/BMP; printed as a raster image, centered

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise ValueError("store.name: must not be empty")


@dataclass(frozen=True)
class Discount:
    source: DiscountSource
    name: str  # promotion name / tier name / coupon code / program name
    amount: Decimal  # positive: taken off the line

    def __post_init__(self) -> None:
        check_money(self.amount, "discount.amount")
        if not isinstance(self.source, DiscountSource):
            raise ValueError(f"discount.source: not a DiscountSource: {self.source!r}")


@dataclass(frozen=True)
class ReceiptLine:
    sku: str
    name: str
    qty: Decimal | int  # int for pieces, Decimal for weighed goods
    unit_price: Decimal  # list price (before member price)
    base_amount: Decimal  # usually unit_price x qty
    discounts: tuple[Discount, ...] = ()
    final_amount: Decimal = ZERO

    def __post_init__(self) -> None:
        where = f"lines[{self.sku}]"
        if isinstance(self.qty, float | bool) or not isinstance(self.qty, int | Decimal):
            raise ValueError(f"{where}.qty: must be an int or Decimal, got {self.qty!r}")
        check_money(self.unit_price, f"{where}.unit_price")
        check_money(self.base_amount, f"{where}.base_amount")
        check_money(self.final_amount, f"{where}.final_amount")
        expected = self.base_amount - sum((d.amount for d in self.discounts), ZERO)
        if expected != self.final_amount:
            raise ValueError(
                f"{where}.final_amount: {self.final_amount} does not equal base_amount "
                f"{self.base_amount} minus its discounts ({expected})"
            )


@dataclass(frozen=True)
class Totals:
    subtotal: Decimal  # sum of the lines' base amounts
    discount_total: Decimal  # sum of every line discount
    total: Decimal  # payable (sale) / refunded (refund)

    def __post_init__(self) -> None:
        check_money(self.subtotal, "totals.subtotal")
        check_money(self.discount_total, "totals.discount_total")
        check_money(self.total, "totals.total")
        if self.subtotal - self.discount_total != self.total:
            raise ValueError(
                f"totals.total: {self.total} does not equal subtotal {self.subtotal} minus "
                f"discount_total {self.discount_total}"
            )


@dataclass(frozen=True)
class Tender:
    kind: TenderKind
    amount: Decimal  # for cash: what the customer handed over (change is separate)
    points: int | None = None  # points spent, for a points tender
    reference: str | None = None  # bank card last digits / payment id, already masked

    def __post_init__(self) -> None:
        check_money(self.amount, f"tenders[{self.kind}].amount")
        if self.kind == TenderKind.POINTS:
            if self.points is None:
                raise ValueError("tenders[points].points: a points tender needs its points")
            _check_int(self.points, "tenders[points].points")
        if self.kind == TenderKind.BANK_CARD and self.reference:
            check_masked_card(self.reference, "tenders[bank_card].reference")


@dataclass(frozen=True)
class ExpiringLot:
    points: int
    expires_on: date

    def __post_init__(self) -> None:
        _check_int(self.points, "points.expiring.points")


@dataclass(frozen=True)
class PointsInfo:
    """Points on this document. For a refund, ``earned`` is taken back and
    ``redeemed`` is given back."""

    balance: int
    earned: int = 0
    redeemed: int = 0
    expiring: tuple[ExpiringLot, ...] = ()  # soonest first; a sale shows the first

    def __post_init__(self) -> None:
        _check_int(self.balance, "points.balance", minimum=None)
        _check_int(self.earned, "points.earned")
        _check_int(self.redeemed, "points.redeemed")


@dataclass(frozen=True)
class StoredValueInfo:
    """Stored-value balance after this document: principal (本金) and bonus (赠送)."""

    principal: Decimal
    bonus: Decimal
    total: Decimal

    def __post_init__(self) -> None:
        check_money(self.principal, "stored_value.principal")
        check_money(self.bonus, "stored_value.bonus")
        check_money(self.total, "stored_value.total")
        if self.principal + self.bonus != self.total:
            raise ValueError(
                f"stored_value.total: {self.total} does not equal principal {self.principal} "
                f"plus bonus {self.bonus}"
            )


@dataclass(frozen=True)
class TopUpInfo:
    principal: Decimal  # what the customer paid in
    bonus: Decimal  # what the program gave (充1000送200)
    rule_name: str = ""

    def __post_init__(self) -> None:
        check_money(self.principal, "topup.principal")
        check_money(self.bonus, "topup.bonus")
        if self.principal <= ZERO:
            raise ValueError(f"topup.principal: must be positive, got {self.principal}")


@dataclass(frozen=True)
class MemberInfo:
    masked_phone: str
    masked_card: str = ""
    tier: str = ""
    name: str = ""  # already masked by the caller too, e.g. '张**'

    def __post_init__(self) -> None:
        check_masked_phone(self.masked_phone, "member.masked_phone")
        if self.masked_card:
            check_masked_card(self.masked_card, "member.masked_card")


@dataclass(frozen=True)
class CardTransaction:
    """One line of a balance slip's last transactions (signed amounts)."""

    time: datetime
    description: str  # e.g. '消费 R2026110900012' / 'Top-up'
    amount: Decimal  # stored-value change: + top-up, - spend
    points: int = 0  # points change: + earned, - redeemed

    def __post_init__(self) -> None:
        _check_aware(self.time, "transactions.time")
        check_money(self.amount, "transactions.amount")
        _check_int(self.points, "transactions.points", minimum=None)


@dataclass(frozen=True)
class EnrollmentInfo:
    welcome_points: int = 0
    marketing_consent: bool = False
    program_name: str = ""

    def __post_init__(self) -> None:
        _check_int(self.welcome_points, "enrollment.welcome_points")


@dataclass(frozen=True)
class TenderTotal:
    kind: TenderKind
    count: int
    amount: Decimal

    def __post_init__(self) -> None:
        _check_int(self.count, f"shift.tender_totals[{self.kind}].count")
        check_money(self.amount, f"shift.tender_totals[{self.kind}].amount")


@dataclass(frozen=True)
class ShiftReport:
    """Figures of a shift (X: read during the shift; Z: the close, with counted cash)."""

    shift_no: str
    opened_at: datetime
    sales_count: int
    sales_amount: Decimal
    refunds_count: int
    refunds_amount: Decimal
    net_amount: Decimal  # sales_amount - refunds_amount
    discount_total: Decimal
    tender_totals: tuple[TenderTotal, ...]
    opening_float: Decimal
    cash_expected: Decimal  # cash that should be in the drawer
    member_sales_amount: Decimal = ZERO
    topup_count: int = 0
    topup_principal: Decimal = ZERO
    topup_bonus: Decimal = ZERO
    points_earned: int = 0
    points_redeemed: int = 0
    members_enrolled: int = 0
    # cards sold (储值卡销售) and returned (退卡), apart from the merchandise sales; their
    # net by tender (returns negative)
    card_sale_count: int = 0
    card_sale_amount: Decimal = ZERO
    card_return_count: int = 0
    card_return_amount: Decimal = ZERO
    card_tender_totals: tuple[TenderTotal, ...] = ()
    closed_at: datetime | None = None  # Z only
    z_number: int | None = None  # Z only
    cash_counted: Decimal | None = None  # Z only
    cash_difference: Decimal | None = None  # Z only: counted - expected (+ over, - short)

    def __post_init__(self) -> None:
        _check_aware(self.opened_at, "shift.opened_at")
        for name in ("sales_count", "refunds_count", "topup_count", "points_earned",
                     "points_redeemed", "members_enrolled", "card_sale_count",
                     "card_return_count"):
            _check_int(getattr(self, name), f"shift.{name}")
        for name in ("sales_amount", "refunds_amount", "net_amount", "discount_total",
                     "opening_float", "cash_expected", "member_sales_amount",
                     "topup_principal", "topup_bonus", "card_sale_amount",
                     "card_return_amount"):
            check_money(getattr(self, name), f"shift.{name}")
        if self.sales_amount - self.refunds_amount != self.net_amount:
            raise ValueError(
                f"shift.net_amount: {self.net_amount} does not equal sales_amount "
                f"{self.sales_amount} minus refunds_amount {self.refunds_amount}"
            )
        if self.closed_at is not None:
            _check_aware(self.closed_at, "shift.closed_at")
        if self.cash_counted is not None:
            check_money(self.cash_counted, "shift.cash_counted")
        if self.cash_difference is not None:
            check_money(self.cash_difference, "shift.cash_difference")
            if self.cash_counted is None:
                raise ValueError("shift.cash_difference: given without cash_counted")
            if self.cash_counted - self.cash_expected != self.cash_difference:
                raise ValueError(
                    f"shift.cash_difference: {self.cash_difference} does not equal "
                    f"cash_counted {self.cash_counted} minus cash_expected {self.cash_expected}"
                )


@dataclass(frozen=True)
class ReceiptDocument:
    """One receipt or slip. ``kind`` selects the template; the sections a kind needs
    are checked on construction (ValueError naming the missing field)."""

    kind: Kind
    store: StoreInfo
    receipt_no: str
    business_time: datetime  # timezone-aware, the store's business clock
    cashier: str
    language: str = "zh"  # "zh" | "en"
    credited_staff: str = ""  # 业绩归属: the assistant the sale is credited to
    lines: tuple[ReceiptLine, ...] = ()
    totals: Totals | None = None
    tenders: tuple[Tender, ...] = ()
    change: Decimal = ZERO
    member: MemberInfo | None = None
    points: PointsInfo | None = None
    stored_value: StoredValueInfo | None = None
    topup: TopUpInfo | None = None
    transactions: tuple[CardTransaction, ...] = ()  # balance slip: newest first, max 5 shown
    enrollment: EnrollmentInfo | None = None
    shift: ShiftReport | None = None
    original_receipt_no: str = ""  # refund: the sale being refunded
    reason: str = ""  # refund reason
    qr_payload: str | None = None  # printed as a QR code (the receipt id, for returns)
    reprint: bool = False
    reprinted_at: datetime | None = None
    reprinted_by: str = ""
    extra: tuple[tuple[str, str], ...] = field(default=())  # extra label/value rows

    def __post_init__(self) -> None:
        if not isinstance(self.kind, Kind):
            raise ValueError(f"kind: not a receipts.document.Kind: {self.kind!r}")
        if self.language not in LANGUAGES:
            raise ValueError(f"language: must be one of {LANGUAGES}, got {self.language!r}")
        if not self.receipt_no:
            raise ValueError("receipt_no: must not be empty")
        _check_aware(self.business_time, "business_time")
        check_money(self.change, "change")
        if self.reprinted_at is not None:
            _check_aware(self.reprinted_at, "reprinted_at")
        if self.kind in (Kind.SALE, Kind.REFUND):
            self._check_sale()
        if self.kind == Kind.TOPUP:
            self._need("topup", "member", "stored_value")
            self._check_tenders_cover(self.topup.principal if self.topup else ZERO)
        if self.kind == Kind.BALANCE:
            self._need("member")
        if self.kind == Kind.ENROLLMENT:
            self._need("member", "enrollment")
        if self.kind in (Kind.X_REPORT, Kind.Z_REPORT):
            self._need("shift")
        if self.kind == Kind.Z_REPORT and self.shift is not None:
            for name in ("closed_at", "z_number", "cash_counted", "cash_difference"):
                if getattr(self.shift, name) is None:
                    raise ValueError(f"shift.{name}: a Z report needs it")

    def _need(self, *names: str) -> None:
        for name in names:
            if getattr(self, name) is None:
                raise ValueError(f"{name}: a {self.kind.value} document needs it")

    def _check_sale(self) -> None:
        self._need("totals")
        assert self.totals is not None
        if not self.lines:
            raise ValueError(f"lines: a {self.kind.value} document needs at least one line")
        subtotal = sum((ln.base_amount for ln in self.lines), ZERO)
        if subtotal != self.totals.subtotal:
            raise ValueError(
                f"totals.subtotal: {self.totals.subtotal} does not equal the sum of the "
                f"lines' base amounts ({subtotal})"
            )
        total = sum((ln.final_amount for ln in self.lines), ZERO)
        if total != self.totals.total:
            raise ValueError(
                f"totals.total: {self.totals.total} does not equal the sum of the lines' "
                f"final amounts ({total})"
            )
        self._check_tenders_cover(self.totals.total)

    def _check_tenders_cover(self, due: Decimal) -> None:
        if not self.tenders:
            return
        paid = sum((t.amount for t in self.tenders), ZERO)
        if paid - self.change != due:
            raise ValueError(
                f"tenders: they add up to {paid} minus change {self.change} = "
                f"{paid - self.change}, not the amount due {due}"
            )
