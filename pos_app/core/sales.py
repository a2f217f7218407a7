"""Sales: a cart rung up from the catalog, priced by the one quote (docs/pricing.md),
paid by the tenders of :mod:`pos_app.core.tenders`, and written as one ledger
transaction with a gapless receipt number: the sale, its lines with every discount and
what each tender paid of them, the coupon spent, the points earned, the tier reached.
Refunds and voids are in :mod:`pos_app.core.refunds`."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, make_transient_to_detached
from sqlalchemy.orm.attributes import set_committed_value

from pos_app.core import (
    catalog,
    events,
    gifts,
    ledger,
    offline,
    outbox,
    points,
    shifts,
    tenders,
    tiers,
)
from pos_app.core.errors import NotFound, PosError
from pos_app.core.ledger import CNY, Posting, account, cents
from pos_app.core.members import find_card
from pos_app.core.models import (
    Card,
    Cents,
    CouponUse,
    Journal,
    LineDiscount,
    LineTenderShare,
    Member,
    Sale,
    SaleLine,
    Staff,
)
from pos_app.core.money import ZERO, money
from pos_app.core.performance import offer_of
from pos_app.core.pricing import CartItem, PricedCart, PricedLine, PricingError, quote
from pos_app.core.staff import Operator, audit, require
from pos_app.core.tenders import Settled, TenderRequest
from pos_app.core.terminal import Terminal

MAX_QTY = 9999


@dataclass
class LineRequest:
    code: str  # barcode or SKU
    qty: int = 1
    override_price: Decimal | None = None
    manual_rate: Decimal | None = None  # 手工折扣: 0.90 keeps 90% (a supervisor approves)


@dataclass
class SaleRequest:
    lines: list[LineRequest]
    tenders: list[TenderRequest]
    member_card: str | None = None
    coupon: str | None = None
    at: datetime | None = None  # business time; None: now
    credited_staff: str | None = None  # the shop assistant the sale is credited to (业绩)
    gift_choices: dict[str, str] = field(default_factory=dict)  # 满赠 promotion -> gift
    gifts_for_points: list[str] = field(default_factory=list)  # gift codes bought with points
    membership_offered: bool | None = None  # asked for a non-member sale (performance)


@dataclass
class SaleOutcome:
    sale: Sale
    priced: PricedCart | None
    member: Member | None
    card: Card | None
    change: Decimal
    points_earned: int
    tier_upgrade: str | None = None
    extra: dict[str, object] = field(default_factory=dict)


def cart_items(s: Session, reqs: list[LineRequest]) -> list[CartItem]:
    """The lines asked for, from the catalog; PosError naming a line that cannot be sold."""
    if not reqs:
        raise PosError("sale.no_items")
    items = []
    found = catalog.cart_items(s, [(r.code, r.qty, r.override_price) for r in reqs])
    for no, (r, item) in enumerate(zip(reqs, found, strict=True), start=1):
        if r.qty < 1 or r.qty > MAX_QTY:
            raise PosError("sale.bad_qty", item=r.code, max=MAX_QTY, qty=r.qty)
        if item is None:
            raise NotFound("sale.unknown_item", item=r.code, line=no)
        if r.manual_rate is not None:
            item = replace(item, manual_rate=r.manual_rate)
        if r.override_price is not None and money(r.override_price) < 0:
            raise PosError("sale.negative_price", item=r.code)
        items.append(item)
    return items


def used_coupons(s: Session) -> set[str]:
    """Coupon codes spent and not returned, here or (as HQ reports) elsewhere."""
    return set(s.scalars(select(CouponUse.code).where(CouponUse.returned_at.is_(None)))) | (
        offline.coupons_used_elsewhere(s)
    )


def make_sale(
    t: Terminal, s: Session, req: SaleRequest, who: Operator, approver: Operator | None = None
) -> SaleOutcome:
    """Ring up ``req`` and write it, all or nothing (the caller's transaction). Raises
    PosError naming what is wrong; a price override needs ``approver`` (a supervisor)."""
    require(who, "sale", None)
    shifts.require_open(s, "sale")
    check_assistant(s, req.credited_staff)
    now = t.now()
    at = req.at or now
    if at.tzinfo is None:
        raise PosError("sale.naive_time")
    items = cart_items(s, req.lines)
    approved_by = None
    if any(r.override_price is not None for r in req.lines):
        approved_by = require(who, "price_override", approver)
    if any(r.manual_rate is not None for r in req.lines):
        approved_by = require(who, "manual_discount", approver) or approved_by
    member, card = _member_for(s, req.member_card)
    if member is not None:
        points.expire_due(t, s, member.id, who)
    if not req.tenders:
        raise PosError("sale.no_tender")
    priced = _quote(t, s, req, items, member, at)
    settled = tenders.settle(t, s, req.tenders, priced.total, member, card, at)
    line_amounts = [ln.amount for ln in priced.lines]
    shares = tenders.allocate(line_amounts, settled)
    earned, line_points = 0, [0] * len(line_amounts)
    if member is not None and priced.tier is not None:
        earned, line_points = tenders.points_earned(t, priced.tier, line_amounts, settled, shares)
    change = sum((x.tendered - x.amount for x in settled), ZERO)
    no = t.next_receipt_no(s)
    journal = _post(t, s, no, priced.total, settled, member, earned, who, at, now)
    sale = Sale(
        sale_no=no,
        kind="sale",
        journal_id=journal.id,
        business_time=at,
        recorded_at=now,
        member_id=member.id if member else None,
        card_id=card.id if card else None,
        tier_code=priced.tier.code if priced.tier else None,
        coupon_code=priced.coupon_code,
        total=priced.total,
        change=change,
        points_earned=earned,
        pay_discount_applied=priced.pay_discount_applied,
        cashier=who.code,
        credited_staff=req.credited_staff,
        approved_by=approved_by,
        membership_offered=req.membership_offered if member is None else None,
    )
    event_lines = _write(
        s, sale, priced, settled, tenders.line_shares(settled, shares), line_points
    )
    if priced.coupon_code:
        s.add(CouponUse(code=priced.coupon_code, sale_id=sale.id, used_at=now))
    _audit_approved(s, now, who, no, req.lines, approved_by)
    upgrade = None
    if member is not None:
        s.flush()
        new_tier = tiers.after_sale(t, s, member, priced.total, at)
        upgrade = new_tier.code if new_tier else None
    s.flush()
    payload = {**events.sale(s, sale, upgrade, event_lines), **offer_of(t.program, sale)}
    outbox.record(t, s, "sale", payload, at, journal)
    gifts.hand_over(t, s, sale, priced, req.gifts_for_points, member, card, who, at)
    return SaleOutcome(sale, priced, member, card, change, earned, upgrade)


def check_assistant(s: Session, code: str | None) -> None:
    """The shop assistant a sale is credited to must be an active staff member."""
    if code is None:
        return
    if s.scalars(select(Staff.id).where(Staff.code == code, Staff.active)).first() is None:
        raise NotFound("performance.unknown_assistant", staff=code)


def _audit_approved(
    s: Session,
    now: datetime,
    who: Operator,
    no: str,
    lines: list[LineRequest],
    approved_by: str | None,
) -> None:
    """An audit row, tied to the sale's number, for each kind of approved price change."""
    if not approved_by:
        return
    overridden = [r.code for r in lines if r.override_price is not None]
    if overridden:
        audit(s, now, who, "price_override", f"sale {no}", {"lines": overridden},
              approved_by=approved_by)
    manual = [[r.code, str(r.manual_rate)] for r in lines if r.manual_rate is not None]
    if manual:
        audit(s, now, who, "manual_discount", f"sale {no}", {"lines": manual},
              approved_by=approved_by)


def _member_for(s: Session, card_no: str | None) -> tuple[Member | None, Card | None]:
    if not card_no:
        return None, None
    card = find_card(s, card_no)
    return card.member, card


def _quote(
    t: Terminal,
    s: Session,
    req: SaleRequest,
    items: list[CartItem],
    member: Member | None,
    at: datetime,
) -> PricedCart:
    """The sale's price by the one quote: the member's tier now, the coupons spent so
    far, the tenders asked for."""
    try:
        return quote(
            t.program,
            items,
            at,
            tier_code=member.tier_code if member else None,
            coupon=req.coupon,
            used_coupons=used_coupons(s),
            tenders=[x.kind for x in req.tenders],
            gift_choices=req.gift_choices,
            # the store's gifts are read only where a 满赠 could give one
            gift_stock=gifts.stock(s, t.program) if gifts.with_purchase(t.program) else None,
        )
    except PricingError as e:
        raise PosError(e.msg) from e


def _post(
    t: Terminal,
    s: Session,
    no: str,
    total: Decimal,
    settled: list[Settled],
    member: Member | None,
    earned: int,
    who: Operator,
    at: datetime,
    now: datetime,
) -> Journal:
    """The sale's journal: revenue against what each tender paid, and the points earned."""
    p = Posting("sale", at, who.code, ref=no, record=("sale", no))
    plan = points.PointsPlan()
    p.credit(account(s, "sales:revenue", CNY), cents(total))
    tenders.post(s, p, plan, settled, member, at)
    if earned:
        assert member is not None
        points.earn(t, s, p, plan, member.id, earned, at, no)
    journal = ledger.post(s, p, now, t.info(s))
    if member is not None:
        plan.apply(s, member.id, journal.id)
    return journal


def _write(
    s: Session,
    sale: Sale,
    priced: PricedCart,
    settled: list[Settled],
    line_shares: list[list[dict[str, Any]]],
    line_points: list[int],
) -> list[dict[str, Any]]:
    """The sale row, its tenders, and its lines with their discounts and tender shares;
    returns the lines as the sale event carries them, and hands the sale its tenders and
    its lines with their discounts as written (:func:`_hand_back`).

    The lines, discounts and shares (a few hundred rows for a large cart) are written
    with three bulk INSERTs rather than through the ORM's unit of work, which cost
    about 0.5 ms a line. Line and discount ids are taken after their tables' highest:
    the sale is written inside the terminal's write transaction (BEGIN IMMEDIATE), so
    no other writer can take them."""
    s.add(sale)
    s.flush()
    tender_rows = tenders.tender_rows(sale.id, settled)
    s.add_all(tender_rows)  # flushed with the sale's next step
    set_committed_value(sale, "tenders", tender_rows)
    conn = s.connection()
    line_id, discount_id = conn.execute(
        select(func.max(SaleLine.id), select(func.max(LineDiscount.id)).scalar_subquery())
    ).one()
    line_id, discount_id = line_id or 0, discount_id or 0
    line_rows: list[dict[str, Any]] = []
    discount_rows: list[dict[str, Any]] = []
    share_rows: list[dict[str, Any]] = []
    event_lines: list[dict[str, Any]] = []
    for ln, shares, pts in zip(priced.lines, line_shares, line_points, strict=True):
        line_id += 1
        row = _line_row(line_id, sale.id, ln, pts)
        line_rows.append(row)
        discounts = [
            {"source": d.source, "code": d.code, "name": d.name, "amount": d.amount}
            for d in ln.discounts
        ]
        event_lines.append(events.sale_line(row, discounts))
        for d in discounts:
            discount_id += 1
            discount_rows.append({"id": discount_id, "line_id": line_id, **d})
        share_rows += [{"line_id": line_id, **x} for x in shares]
    cur = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    for table, rows in (
        (SaleLine.__table__, line_rows),
        (LineDiscount.__table__, discount_rows),
        (LineTenderShare.__table__, share_rows),
    ):
        if rows:
            _insert_many(cur, table, rows)
    _hand_back(s, sale, line_rows, discount_rows)
    return event_lines


def _line_row(line_id: int, sale_id: int, ln: PricedLine, pts: int) -> dict[str, Any]:
    return {
        "id": line_id,
        "sale_id": sale_id,
        "no": ln.no,
        "original_line_id": None,
        "sku": ln.sku,
        "name": ln.name,
        "category": ln.category,
        "qty": ln.qty,
        "list_price": ln.list_price,
        "unit_price": ln.unit_price,
        "base": ln.base,
        "amount": ln.amount,
        "points_earned": pts,
        "refunded_qty": 0,
    }


def _insert_many(cur: Any, table: Any, rows: list[dict[str, Any]]) -> None:
    """Rows into ``table`` by the driver's executemany, amounts as the whole cents the
    ``Cents`` columns keep (the rows hold exact, already rounded yuan)."""
    cols = list(rows[0])
    cents_at = [i for i, c in enumerate(cols) if isinstance(table.c[c].type, Cents)]
    sql = f"INSERT INTO {table.name} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"
    params = []
    for r in rows:
        v = list(r.values())
        for i in cents_at:
            v[i] = int(v[i] * 100)
        params.append(v)
    cur.executemany(sql, params)


def find_sale(s: Session, sale_no: str) -> Sale:
    sale = s.scalars(select(Sale).where(Sale.sale_no == sale_no.strip())).first()
    if sale is None:
        raise NotFound("sale.not_found", sale=sale_no)
    return sale


def load(sale: Sale) -> None:
    """Load a sale's lines, discounts and tenders, so they can be read after the
    transaction (receipts, JSON)."""
    for ln in sale.lines:
        _ = ln.discounts, ln.shares
    _ = sale.tenders


def _hand_back(
    s: Session, sale: Sale, line_rows: list[dict[str, Any]], discount_rows: list[dict[str, Any]]
) -> None:
    """What the caller of :func:`make_sale` reads of a sale just written in bulk (the
    receipt, the JSON, the screens, a refund in the same transaction): its lines with
    their discounts, made from the rows just written rather than read back. The lines
    are in the session as if loaded (their tender shares load when asked for); the
    discounts, which nothing changes, are detached copies of their rows."""
    lines = [_as_loaded(SaleLine, r) for r in line_rows]
    s.add_all(lines)  # before their discounts are set: nothing to cascade to
    by_line: dict[int, list[LineDiscount]] = {r["id"]: [] for r in line_rows}
    for r in discount_rows:
        by_line[r["line_id"]].append(_as_loaded(LineDiscount, r))
    for ln in lines:
        set_committed_value(ln, "discounts", by_line[ln.id])
    set_committed_value(sale, "lines", lines)


def _as_loaded(cls: type[Any], row: dict[str, Any]) -> Any:
    """An object of ``cls`` holding ``row`` as if loaded from the ledger (detached)."""
    obj = cls._sa_class_manager.new_instance()
    obj.__dict__.update(row)
    make_transient_to_detached(obj)
    return obj
