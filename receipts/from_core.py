"""Receipt documents from the core's records: sales, refunds, top-ups, balance slips and
enrollment slips, and the store header/footer from the data folder.

The core's figures are copied as they are (never recomputed): line amounts, every
discount with its source, totals, tenders, change, points and stored value. Balances
"after" a sale, refund or top-up are read from the ledger up to that transaction's
journal row, so a document built later says what it said at the time. Personal data
is masked here (phone decrypted with the terminal's vault, then masked; card numbers
masked): no full phone number ever enters a document.

Call these inside the business transaction (``with terminal.tx() as s``) and save the
document there with :func:`receipts.records.save_receipt`, so a sale's receipt can
never be missing.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pos_app.core import entitlements, points
from pos_app.core.errors import NotFound, PosError
from pos_app.core.members import main_card, sv_accounts
from pos_app.core.models import (
    Account,
    Card,
    Entry,
    LineDiscount,
    Member,
    PointLot,
    PointLotUse,
    Sale,
    SaleGift,
    SaleLine,
    SaleTender,
    Staff,
    Topup,
)
from pos_app.core.money import ZERO
from pos_app.core.pii import mask_name
from pos_app.core.program import Tier
from pos_app.core.sharing import portion
from pos_app.core.terminal import Terminal

from .document import (
    LANGUAGES,
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
    StoredValueInfo,
    StoreInfo,
    Tender,
    TenderKind,
    TopUpInfo,
    Totals,
)
from .layout import WIDTHS
from .mask import mask_card, mask_phone

STORE_FILE = "store.toml"
STORE_KEYS = ("name", "address", "phone", "header", "footer", "logo", "language", "paper_width")
MAX_TRANSACTIONS = 5
MAX_LOTS = 5
NO_PHONE = "****"  # an anonymous card without a phone on file

_DEFAULT_FOOTER = {
    "zh": ("谢谢惠顾，欢迎再次光临！",),
    "en": ("Thank you for shopping with us!",),
}


def _t(lang: str, zh: str, en: str) -> str:
    return zh if lang == "zh" else en


# --- the store: identity plus data_dir/store.toml -------------------------------------------


@dataclass(frozen=True)
class StoreConfig:
    """What a store prints in every header and footer, its language and paper width."""

    info: StoreInfo
    language: str = "zh"
    width: int = 48


def load_store(t: Terminal) -> StoreConfig:
    """The store of terminal ``t``: its identity, plus ``store.toml`` in the data folder if
    there is one (keys: see docs/receipts.md). Without the file every key has a default.
    Raises PosError naming the file and the key that is wrong."""
    path = Path(t.data_dir) / STORE_FILE
    data: dict[str, Any] = {}
    if path.exists():
        try:
            raw = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
            raise PosError(f"{path}: not valid TOML: {e}") from None
        data = raw["store"] if set(raw) == {"store"} and isinstance(raw["store"], dict) else raw
    return store_from_settings(data, t, source=str(path))


def store_from_settings(data: dict[str, Any], t: Terminal, source: str = STORE_FILE
                        ) -> StoreConfig:
    unknown = sorted(set(data) - set(STORE_KEYS))
    if unknown:
        raise PosError(f"{source}: unknown key(s) {', '.join(unknown)}; "
                       f"known: {', '.join(STORE_KEYS)}")

    def text(key: str) -> str:
        v = data.get(key, "")
        if not isinstance(v, str):
            raise PosError(f"{source}: {key} must be a string, got {v!r}")
        return v.strip()

    def lines(key: str) -> tuple[str, ...] | None:
        if key not in data:
            return None
        v = data[key]
        if isinstance(v, str):
            v = [v]
        if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
            raise PosError(f"{source}: {key} must be a list of strings, got {v!r}")
        return tuple(x for x in v if x.strip())

    language = text("language") or "zh"
    if language not in LANGUAGES:
        raise PosError(f"{source}: language must be one of {', '.join(LANGUAGES)}, "
                       f"got {language!r}")
    width = data.get("paper_width", 48)
    if isinstance(width, bool) or width not in WIDTHS:
        raise PosError(f"{source}: paper_width must be one of "
                       f"{', '.join(map(str, WIDTHS))}, got {width!r}")
    ident = t.identity
    name = text("name") or _t(language, f"门店 {ident.store}", f"Store {ident.store}")
    header: list[str] = []
    if text("address"):
        header.append(text("address"))
    if text("phone"):
        header.append(_t(language, "电话 ", "Tel ") + text("phone"))
    header += lines("header") or ()
    footer = lines("footer")
    logo = text("logo")
    logo_path = None
    if logo:
        logo_path = Path(logo) if Path(logo).is_absolute() else Path(t.data_dir) / logo
    info = StoreInfo(
        name=name,
        store_code=ident.store,
        terminal_id=ident.terminal,
        header_lines=tuple(header),
        footer_lines=footer if footer is not None else _DEFAULT_FOOTER[language],
        logo_path=logo_path,
    )
    return StoreConfig(info, language, int(width))


def _store_and_language(t: Terminal, store: StoreInfo | None, language: str | None
                        ) -> tuple[StoreInfo, str]:
    if store is not None and language is not None:
        cfg_lang = language
    else:
        cfg = load_store(t)
        store = store or cfg.info
        cfg_lang = language or cfg.language
    if cfg_lang not in LANGUAGES:
        raise PosError(f"language must be one of {', '.join(LANGUAGES)}, got {cfg_lang!r}")
    return store, cfg_lang


# --- shared pieces ------------------------------------------------------------------------


def staff_label(s: Session, code: str | None) -> str:
    """'张敏 (1001)' from the staff table; the bare code for someone not in it."""
    if not code:
        return ""
    name = s.scalars(select(Staff.name).where(Staff.code == code)).first()
    return f"{name} ({code})" if name else code


def _local(t: Terminal, at: datetime) -> datetime:
    return at.astimezone(t.program.timezone)


def _tier_name(t: Terminal, code: str | None, lang: str) -> str:
    if not code:
        return ""
    try:
        tier = t.program.tier(code)
    except KeyError:
        return code
    return tier.name if lang == "zh" else f"{tier.name} ({tier.code})"


def _rate_text(multiplier: Decimal) -> tuple[str, str]:
    """0.95 -> ('95折', '5% off'); 0.90 -> ('9折', '10% off'); 0.88 -> ('88折', '12% off')."""
    zhe = f"{multiplier * 100:f}"
    if "." in zhe:
        zhe = zhe.rstrip("0").rstrip(".")
    if len(zhe) == 2 and zhe.endswith("0"):
        zhe = zhe[0]
    pct = f"{(1 - multiplier) * 100:f}"
    if "." in pct:
        pct = pct.rstrip("0").rstrip(".")
    return f"{zhe}折", f"{pct}% off"


def _tier_label(tier: Tier, lang: str) -> str:
    zh, en = _rate_text(tier.discount)
    return f"{tier.name}{zh}" if lang == "zh" else f"{tier.name} {en}"


_SOURCES = {
    "member_price": DiscountSource.MEMBER_PRICE,
    "promotion": DiscountSource.PROMOTION,
    "tier": DiscountSource.TIER,
    "spend_get_off": DiscountSource.SPEND_GET_OFF,
    "coupon": DiscountSource.COUPON,
    "pay_discount": DiscountSource.PAY_DISCOUNT,
    "price_override": DiscountSource.MANUAL,
}
# Step-1 discounts: the core's line base is already after them (member price, override).
_STEP1 = ("member_price", "price_override")


def _discount_name(t: Terminal, d: LineDiscount, lang: str) -> str:
    """What the receipt prints after the source's label: the tier and its rate, the
    promotion's name, the coupon's code."""
    if d.source == "tier":
        try:
            return _tier_label(t.program.tier(d.code), lang)
        except KeyError:
            return d.name
    if d.source == "coupon":
        return d.code
    if d.source == "member_price":
        return ""
    if d.source == "pay_discount":
        zh, en = _rate_text(t.program.stored_value.pay_discount)
        return _t(lang, f"储值支付{zh}", f"paid by stored value, {en}")
    if d.source == "price_override":
        return _t(lang, "改价", "price override")
    return d.name


def _doc_discount(t: Terminal, d: LineDiscount, amount: Decimal, lang: str) -> Discount:
    return Discount(_SOURCES.get(d.source, DiscountSource.MANUAL), _discount_name(t, d, lang),
                    amount)


_TENDERS = {
    "cash": TenderKind.CASH,
    "stored_value": TenderKind.STORED_VALUE,
    "points": TenderKind.POINTS,
    "bank_card": TenderKind.BANK_CARD,
    "wechat": TenderKind.WECHAT,
    "alipay": TenderKind.ALIPAY,
    "other": TenderKind.OTHER,
}


def _mask_reference(ref: str) -> str:
    try:
        return mask_card(ref)
    except ValueError:
        return "****" + ref.strip()[-4:]


def _tender(tr: SaleTender, *, handed_over: bool) -> Tender:
    kind = _TENDERS.get(tr.kind, TenderKind.OTHER)
    amount = tr.tendered if handed_over and kind == TenderKind.CASH else tr.amount
    ref = tr.reference or None
    if ref is not None and kind == TenderKind.BANK_CARD:
        ref = _mask_reference(ref)
    return Tender(kind, amount, points=tr.points if kind == TenderKind.POINTS else None,
                  reference=ref)


def member_info(t: Terminal, m: Member, card: Card | None, tier_code: str | None,
                lang: str) -> MemberInfo:
    """Masked phone (decrypted, then masked), masked card, tier name, masked name."""
    phone = t.vault.decrypt("phone", m.phone_enc) if m.phone_enc else None
    return MemberInfo(
        masked_phone=mask_phone(phone) if phone else NO_PHONE,
        masked_card=mask_card(card.card_no) if card is not None else "",
        tier=_tier_name(t, tier_code or m.tier_code, lang),
        name=mask_name(t.vault.open("name", m.name_enc)),
    )


def _account_balance(s: Session, acc: Account, upto_journal: int | None) -> int:
    if upto_journal is None:
        return acc.balance
    q = select(func.coalesce(func.sum(Entry.amount), 0)).where(
        Entry.account_id == acc.id, Entry.journal_id <= upto_journal)
    return int(s.scalar(q) or 0)


def _cents(c: int) -> Decimal:
    return (Decimal(c) / 100).quantize(Decimal("0.01"))


def stored_value_info(s: Session, card: Card, upto_journal: int | None = None
                      ) -> StoredValueInfo:
    """Principal and bonus on the account ``card`` spends from, after journal row
    ``upto_journal`` (None: now). Liabilities are credit (negative) balances."""
    p_acc, b_acc = sv_accounts(s, card)
    p = _cents(-_account_balance(s, p_acc, upto_journal))
    b = _cents(-_account_balance(s, b_acc, upto_journal))
    return StoredValueInfo(p, b, p + b)


def points_balance(s: Session, member_id: int, upto_journal: int | None = None) -> int:
    return -_account_balance(s, points.member_account(s, member_id), upto_journal)


def expiring_lots(t: Terminal, s: Session, member_id: int, upto_journal: int | None = None,
                  limit: int = MAX_LOTS) -> tuple[ExpiringLot, ...]:
    """The member's points that will expire, by date, soonest first; as they stood after
    journal row ``upto_journal`` (None: now)."""
    q = select(PointLot).where(PointLot.member_id == member_id,
                               PointLot.expires_at.is_not(None))
    if upto_journal is None:
        q = q.where(PointLot.remaining > 0)
    else:
        q = q.where(PointLot.journal_id <= upto_journal)
    by_day: dict[date, int] = {}
    for lot in s.scalars(q.order_by(PointLot.expires_at, PointLot.id)):
        left = lot.remaining
        if upto_journal is not None:
            used = s.scalar(select(func.coalesce(func.sum(PointLotUse.points), 0)).where(
                PointLotUse.lot_id == lot.id, PointLotUse.journal_id <= upto_journal))
            left = lot.points - int(used or 0)
        if left <= 0:
            continue
        assert lot.expires_at is not None
        day = _local(t, lot.expires_at).date()
        by_day[day] = by_day.get(day, 0) + left
    return tuple(ExpiringLot(p, d) for d, p in sorted(by_day.items())[:limit])


def _document(**fields: Any) -> ReceiptDocument:
    """A document, or PosError naming the receipt and the field whose figures the model
    refused (nothing is saved: the caller's transaction rolls back)."""
    try:
        return ReceiptDocument(**fields)
    except PosError:
        raise
    except ValueError as e:
        raise PosError(f"receipt {fields.get('receipt_no')}: cannot be made: {e}") from e


def _get(s: Session, cls: Any, key: int | None) -> Any:
    return s.get(cls, key) if key is not None else None


# --- sales and refunds --------------------------------------------------------------------


def _sale_row(s: Session, no: str) -> Sale:
    sale = s.scalars(select(Sale).where(Sale.sale_no == no.strip())).first()
    if sale is None:
        raise NotFound("receipt.no_sale", receipt=no)
    return sale


def _sale_line(t: Terminal, ln: SaleLine, lang: str) -> ReceiptLine:
    step1 = sum((d.amount for d in ln.discounts if d.source in _STEP1), ZERO)
    base = ln.base + step1
    unit = ln.list_price if step1 else ln.unit_price
    return ReceiptLine(
        sku=ln.sku, name=ln.name, qty=ln.qty, unit_price=unit, base_amount=base,
        discounts=tuple(_doc_discount(t, d, d.amount, lang) for d in ln.discounts),
        final_amount=ln.amount,
    )


def _member_sections(t: Terminal, s: Session, sale: Sale, lang: str, *, earned: int,
                     redeemed: int) -> tuple[MemberInfo | None, PointsInfo | None,
                                             StoredValueInfo | None]:
    m: Member | None = _get(s, Member, sale.member_id)
    if m is None:
        return None, None, None
    card: Card | None = _get(s, Card, sale.card_id)
    if card is None:
        try:
            card = main_card(s, m)
        except NotFound:
            card = None
    info = member_info(t, m, card, sale.tier_code, lang)
    pts = PointsInfo(balance=points_balance(s, m.id, sale.journal_id), earned=earned,
                     redeemed=redeemed,
                     expiring=expiring_lots(t, s, m.id, sale.journal_id))
    sv = stored_value_info(s, card, sale.journal_id) if card is not None else None
    return info, pts, sv


def sale_document(t: Terminal, s: Session, sale_no: str, store: StoreInfo | None = None,
                  language: str | None = None) -> ReceiptDocument:
    """The receipt of sale ``sale_no`` (a refund's number gives its refund document).
    ``store``/``language`` default to the store's settings (:func:`load_store`)."""
    sale = _sale_row(s, sale_no)
    if sale.kind == "refund":
        return refund_document(t, s, sale_no, store, language)
    store, lang = _store_and_language(t, store, language)
    lines = tuple(_sale_line(t, ln, lang) for ln in sale.lines)
    subtotal = sum((ln.base_amount for ln in lines), ZERO)
    tenders = tuple(_tender(tr, handed_over=True) for tr in sale.tenders)
    redeemed = sum(tr.points for tr in sale.tenders if tr.kind == "points")
    member, pts, sv = _member_sections(t, s, sale, lang, earned=sale.points_earned,
                                       redeemed=redeemed)
    return _document(
        kind=Kind.SALE,
        store=store,
        receipt_no=sale.sale_no,
        business_time=_local(t, sale.business_time),
        cashier=staff_label(s, sale.cashier),
        language=lang,
        credited_staff=staff_label(s, sale.credited_staff),
        lines=lines,
        totals=Totals(subtotal, subtotal - sale.total, sale.total),
        tenders=tenders,
        change=sale.change,
        member=member,
        points=pts,
        stored_value=sv,
        qr_payload=sale.sale_no,
        extra=gift_rows(s, sale.id, lang),
    )


def gift_rows(s: Session, sale_id: int, lang: str) -> tuple[tuple[str, str], ...]:
    """A sale's gifts, each at ¥0 with its value (赠品 美妆礼盒: ¥0.00 价值 ¥120.00)."""
    out = []
    for g in s.scalars(select(SaleGift).where(SaleGift.sale_id == sale_id)
                       .order_by(SaleGift.id)):
        how = (_t(lang, f"积分 {g.points}", f"{g.points} points") if g.source == "points"
               else g.promotion or "")
        out.append((_t(lang, f"赠品 {g.name}", f"Gift {g.name}"),
                    _t(lang, f"¥0.00 价值 ¥{g.value} ({how})",
                       f"¥0.00, value ¥{g.value} ({how})")))
    return tuple(out)


def _refund_line(t: Terminal, s: Session, ln: SaleLine, refund: Sale, lang: str
                 ) -> ReceiptLine:
    """A refunded line: the same share of each of the original line's discounts as the
    core gave back of its amount (cumulative floors); rounding cents between tenders
    go to the line's largest discount, so the line still adds up to what it paid."""
    orig: SaleLine | None = _get(s, SaleLine, ln.original_line_id)
    if orig is None:
        return ReceiptLine(sku=ln.sku, name=ln.name, qty=ln.qty, unit_price=ln.unit_price,
                           base_amount=ln.amount, final_amount=ln.amount)
    done = int(s.scalar(
        select(func.coalesce(func.sum(SaleLine.qty), 0)).where(
            SaleLine.original_line_id == orig.id, SaleLine.sale_id < refund.id)
    ) or 0)
    step1 = sum((portion(d.amount, done, ln.qty, orig.qty) for d in orig.discounts
                 if d.source in _STEP1), ZERO)
    base = ln.base + step1
    unit = orig.list_price if step1 else orig.unit_price
    parts = [portion(d.amount, done, ln.qty, orig.qty) for d in orig.discounts]
    diff = base - ln.amount - sum(parts, ZERO)
    if diff and parts:
        big = max(range(len(parts)), key=lambda i: parts[i])
        if parts[big] + diff >= 0:
            parts[big] += diff
            diff = ZERO
    if diff:  # no discount to carry it: the line shows exactly what it gives back
        base -= diff
    discounts = tuple(_doc_discount(t, d, a, lang)
                      for d, a in zip(orig.discounts, parts, strict=True) if a)
    return ReceiptLine(sku=ln.sku, name=ln.name, qty=ln.qty, unit_price=unit,
                       base_amount=base, discounts=discounts, final_amount=ln.amount)


def refund_document(t: Terminal, s: Session, refund_no: str, store: StoreInfo | None = None,
                    language: str | None = None, reason: str = "") -> ReceiptDocument:
    """The refund slip of refund ``refund_no``, with the original receipt number."""
    row = _sale_row(s, refund_no)
    if row.kind != "refund":
        raise PosError("receipt.not_a_refund", receipt=refund_no)
    store, lang = _store_and_language(t, store, language)
    original: Sale | None = _get(s, Sale, row.original_id)
    lines = tuple(_refund_line(t, s, ln, row, lang) for ln in row.lines)
    subtotal = sum((ln.base_amount for ln in lines), ZERO)
    returned = sum(tr.points for tr in row.tenders if tr.kind == "points")
    member, pts, sv = _member_sections(t, s, row, lang, earned=-row.points_earned,
                                       redeemed=returned)
    return _document(
        kind=Kind.REFUND,
        store=store,
        receipt_no=row.sale_no,
        business_time=_local(t, row.business_time),
        cashier=staff_label(s, row.cashier),
        language=lang,
        credited_staff=staff_label(s, row.credited_staff),
        lines=lines,
        totals=Totals(subtotal, subtotal - row.total, row.total),
        tenders=tuple(_tender(tr, handed_over=False) for tr in row.tenders),
        member=member,
        points=pts,
        stored_value=sv,
        original_receipt_no=original.sale_no if original else "",
        reason=reason,
        qr_payload=row.sale_no,
        extra=(((_t(lang, "批准人", "Approved by"), staff_label(s, row.approved_by)),)
               if row.approved_by else ()) + gifts_settled_rows(s, row.sale_no, lang),
    )


def gifts_settled_rows(s: Session, refund_no: str, lang: str) -> tuple[tuple[str, str], ...]:
    """The gifts a refund settled: taken back (赠品退回), or kept by the customer with
    its value taken in cash (赠品未退 扣回 ¥50.00)."""
    out = []
    for g in s.scalars(select(SaleGift).where(SaleGift.settled_by == refund_no)
                       .order_by(SaleGift.id)):
        if g.settled_as == "returned":
            out.append((_t(lang, "赠品退回", "Gift returned"), g.name))
        else:
            out.append((_t(lang, "赠品未退", "Gift kept"),
                        _t(lang, f"{g.name} 扣回价值 ¥{g.value}（现金）",
                           f"{g.name}, value ¥{g.value} kept in cash")))
    return tuple(out)


# --- stored value top-up ------------------------------------------------------------------


def _plain(amount: Decimal) -> str:
    """1000.00 -> '1000'; 99.50 -> '99.5' (offer names never look like an amount)."""
    text = f"{amount:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _topup_rule(t: Terminal, amount: Decimal, bonus: Decimal, lang: str) -> str:
    if not bonus:
        return ""
    rungs = [r for r in t.program.stored_value.topup_bonus
             if amount >= r.min_topup and r.bonus == bonus]
    rung = max(rungs, key=lambda r: r.min_topup) if rungs else None
    least = _plain(rung.min_topup) if rung else _plain(amount)
    return _t(lang, f"充{least}送{_plain(bonus)}", f"Top up {least} get {_plain(bonus)}")


def topup_document(t: Terminal, s: Session, topup_no: str, store: StoreInfo | None = None,
                   language: str | None = None) -> ReceiptDocument:
    """The top-up slip: principal paid, bonus given, the card's balance after it."""
    row = s.scalars(select(Topup).where(Topup.topup_no == topup_no.strip())).first()
    if row is None:
        raise NotFound("receipt.no_topup", receipt=topup_no)
    store, lang = _store_and_language(t, store, language)
    card: Card | None = _get(s, Card, row.card_id)
    assert card is not None
    m = card.member
    return _document(
        kind=Kind.TOPUP,
        store=store,
        receipt_no=row.topup_no,
        business_time=_local(t, row.business_time),
        cashier=staff_label(s, row.staff),
        language=lang,
        tenders=(Tender(_TENDERS.get(row.tender, TenderKind.OTHER), row.amount),),
        member=member_info(t, m, card, m.tier_code, lang),
        topup=TopUpInfo(row.amount, row.bonus, _topup_rule(t, row.amount, row.bonus, lang)),
        stored_value=stored_value_info(s, card, row.journal_id),
        points=PointsInfo(balance=points_balance(s, m.id, row.journal_id),
                          expiring=expiring_lots(t, s, m.id, row.journal_id)),
        qr_payload=row.topup_no,
    )


# --- balance slip and enrollment slip ------------------------------------------------------


def card_transactions(t: Terminal, s: Session, m: Member, lang: str,
                      limit: int = MAX_TRANSACTIONS) -> tuple[CardTransaction, ...]:
    """The member's last sales, refunds and top-ups, newest first (signed: stored value
    + top-up / - spend; points + earned / - redeemed)."""
    out: list[tuple[datetime, int, CardTransaction]] = []
    sales_rows = s.scalars(
        select(Sale).where(Sale.member_id == m.id)
        .order_by(Sale.business_time.desc(), Sale.id.desc()).limit(limit)
    ).all()
    for sale in sales_rows:
        sv = sum((tr.amount for tr in sale.tenders if tr.kind == "stored_value"), ZERO)
        pts_tender = sum(tr.points for tr in sale.tenders if tr.kind == "points")
        if sale.kind == "refund":
            desc = _t(lang, f"退货 {sale.sale_no}", f"Refund {sale.sale_no}")
            amount, pts = sv, sale.points_earned + pts_tender
        else:
            desc = _t(lang, f"消费 {sale.sale_no}", f"Purchase {sale.sale_no}")
            amount, pts = -sv, sale.points_earned - pts_tender
        at = _local(t, sale.business_time)
        out.append((at, sale.journal_id, CardTransaction(at, desc, amount, pts)))
    card_ids = [c.id for c in s.scalars(select(Card).where(Card.member_id == m.id))]
    if card_ids:
        topups = s.scalars(
            select(Topup).where(Topup.card_id.in_(card_ids))
            .order_by(Topup.business_time.desc(), Topup.id.desc()).limit(limit)
        ).all()
        for tp in topups:
            at = _local(t, tp.business_time)
            desc = _t(lang, f"充值 {tp.topup_no}", f"Top-up {tp.topup_no}")
            out.append((at, tp.journal_id, CardTransaction(at, desc, tp.amount + tp.bonus)))
    out.sort(key=lambda x: (x[0], x[1]), reverse=True)
    return tuple(x[2] for x in out[:limit])


def balance_document(t: Terminal, s: Session, member: Member, card: Card | None = None, *,
                     cashier: str, receipt_no: str | None = None,
                     store: StoreInfo | None = None, language: str | None = None,
                     at: datetime | None = None) -> ReceiptDocument:
    """The balance slip (余额单): masked phone and card, tier, stored value, points and
    every expiring lot, the last five transactions. Without ``receipt_no`` it takes the
    next gapless receipt number (so call it in the transaction that saves the slip)."""
    store, lang = _store_and_language(t, store, language)
    card = card or main_card(s, member)
    no = receipt_no or t.next_receipt_no(s)
    return _document(
        kind=Kind.BALANCE,
        store=store,
        receipt_no=no,
        business_time=_local(t, at or t.now()),
        cashier=staff_label(s, cashier),
        language=lang,
        member=member_info(t, member, card, member.tier_code, lang),
        stored_value=stored_value_info(s, card),
        points=PointsInfo(balance=points_balance(s, member.id),
                          expiring=expiring_lots(t, s, member.id)),
        transactions=card_transactions(t, s, member, lang),
        extra=entitlement_rows(t, s, member, lang),
    )


def entitlement_rows(t: Terminal, s: Session, member: Member,
                     lang: str) -> tuple[tuple[str, str], ...]:
    """The member's services as the balance slip prints them: 干洗：不限次."""
    return tuple((x.name, x.text(lang)) for x in entitlements.standing(t, s, member))


def enrollment_document(t: Terminal, s: Session, member: Member, *, cashier: str,
                        credited_staff: str = "", receipt_no: str | None = None,
                        store: StoreInfo | None = None, language: str | None = None
                        ) -> ReceiptDocument:
    """The enrollment slip: masked phone and card, tier, program, marketing consent,
    the privacy promise and a signature line."""
    store, lang = _store_and_language(t, store, language)
    card = main_card(s, member)
    no = receipt_no or t.next_receipt_no(s)
    return _document(
        kind=Kind.ENROLLMENT,
        store=store,
        receipt_no=no,
        business_time=_local(t, member.enrolled_at),
        cashier=staff_label(s, cashier),
        credited_staff=staff_label(s, credited_staff),
        language=lang,
        member=member_info(t, member, card, member.tier_code, lang),
        enrollment=EnrollmentInfo(welcome_points=0,
                                  marketing_consent=member.marketing_consent,
                                  program_name=t.program.name),
        points=PointsInfo(balance=points_balance(s, member.id)),
    )
