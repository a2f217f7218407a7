"""Sales and refunds: a cart priced by pricing.md, paid by split tenders, written as one
ledger transaction with a gapless receipt number; refunds of whole sales or chosen
lines and quantities give back exactly what those lines paid and took back exactly the
points they earned."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import ROUND_DOWN, Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from pos_app.core import catalog, events, ledger, offline, outbox, points, tiers
from pos_app.core.errors import NotFound, PosError
from pos_app.core.ledger import CNY, TENDER_ACCOUNTS, Posting, account, cents
from pos_app.core.members import account_card, current_card, find_card, sv_accounts, sv_balance
from pos_app.core.models import (
    Card,
    CouponUse,
    LineDiscount,
    LineTenderShare,
    Member,
    Sale,
    SaleLine,
    SaleTender,
)
from pos_app.core.money import ZERO, format_money, money
from pos_app.core.pricing import CartItem, PricedCart, PricingError, quote
from pos_app.core.sharing import portion, portion_points, share_out, share_points
from pos_app.core.staff import Operator, audit, require
from pos_app.core.stored_value import check_limits, split_draw
from pos_app.core.terminal import Terminal

TENDER_KINDS = ("points", "stored_value", "cash", "bank_card", "other")


@dataclass
class LineRequest:
    code: str  # barcode or SKU
    qty: int = 1
    override_price: Decimal | None = None


@dataclass
class TenderRequest:
    kind: str
    amount: Decimal | None = None  # None: pays the rest (last tender only)
    points: int | None = None  # for kind "points"
    reference: str | None = None  # bank-card slip / voucher reference (never track data)


@dataclass
class SaleRequest:
    lines: list[LineRequest]
    tenders: list[TenderRequest]
    member_card: str | None = None
    coupon: str | None = None
    at: datetime | None = None  # business time; None: now
    credited_staff: str | None = None


@dataclass
class Settled:
    kind: str
    amount: Decimal
    tendered: Decimal
    points: int = 0
    principal: Decimal = ZERO
    bonus: Decimal = ZERO
    card: Card | None = None
    reference: str | None = None


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


def _cart_items(s: Session, reqs: list[LineRequest]) -> list[CartItem]:
    if not reqs:
        raise PosError("a sale needs at least one item")
    items = []
    for no, r in enumerate(reqs, start=1):
        if r.qty < 1 or r.qty > 9999:
            raise PosError(f"item {r.code}: quantity must be 1 to 9999, got {r.qty}")
        item = catalog.cart_item(s, r.code, r.qty, r.override_price)
        if item is None:
            raise NotFound(f"item {r.code!r} (line {no}) is not in the catalog")
        if r.override_price is not None and money(r.override_price) < 0:
            raise PosError(f"item {r.code}: a price cannot be negative")
        items.append(item)
    return items


def points_value(t: Terminal, pts: int) -> Decimal:
    rules = t.program.points
    return money(Decimal(pts) / rules.redeem_unit_points * rules.redeem_unit_value)


def max_points_value(t: Terminal, total: Decimal) -> Decimal:
    """The most points may pay of ``total``: whole redeem units within the share."""
    rules = t.program.points
    cap = total * rules.max_redeem_share
    units = (cap / rules.redeem_unit_value).to_integral_value(rounding=ROUND_DOWN)
    return money(units * rules.redeem_unit_value)


def points_within_limit(t: Terminal, total: Decimal, pts: int, paid_by_points: Decimal) -> Decimal:
    """The value of ``pts`` points; PosError where, with ``paid_by_points`` already paid
    by points, they would pay more than the program's share of ``total`` (the total as
    the tenders price it: after the pay discount where stored value pays the rest)."""
    value = points_value(t, pts)
    cap = max_points_value(t, total)
    if paid_by_points + value > cap:
        raise PosError(
            f"points may pay at most {format_money(cap)} of this sale "
            f"({t.program.points.max_redeem_share} of {format_money(total)}); "
            f"{pts} points are {format_money(value)}"
        )
    return value


def _settle(
    t: Terminal,
    s: Session,
    reqs: list[TenderRequest],
    total: Decimal,
    member: Member | None,
    card: Card | None,
    at: datetime,
) -> list[Settled]:
    """Check and apply the tenders in the order given. Raises PosError naming the problem."""
    out: list[Settled] = []
    due = total
    rules = t.program.points
    for i, r in enumerate(reqs):
        last = i == len(reqs) - 1
        if r.kind not in TENDER_KINDS:
            raise PosError(f"tender {r.kind!r} is not one of {', '.join(TENDER_KINDS)}")
        if due <= 0:
            raise PosError(f"tender {i + 1} ({r.kind}): nothing is left to pay")
        if r.kind == "points":
            if member is None:
                raise PosError("points can pay only when a member is attached")
            if card is not None and card.main_card_id is not None:
                raise PosError("a supplementary card cannot pay with the main member's points")
            if r.points is None:
                raise PosError("a points tender needs a number of points, e.g. points:200")
            if r.points <= 0 or r.points % rules.redeem_unit_points:
                raise PosError(
                    f"points are paid in whole units of {rules.redeem_unit_points}, got {r.points}"
                )
            used_before = sum((x.amount for x in out if x.kind == "points"), ZERO)
            value = points_within_limit(t, total, r.points, used_before)
            if value > due:
                raise PosError(
                    f"{r.points} points ({format_money(value)}) are more than the "
                    f"{format_money(due)} left to pay"
                )
            have = points.available(s, member.id, at)
            if r.points > have:
                raise PosError(f"member has {have} points; {r.points} asked")
            out.append(Settled("points", value, value, points=r.points))
            due -= value
            continue
        if r.amount is None:
            if not last:
                raise PosError("only the last tender may leave out its amount")
            amount = due
        else:
            amount = money(r.amount)
            if amount <= 0:
                raise PosError(f"tender {i + 1} ({r.kind}): amount must be above zero")
        if r.kind == "cash":
            applied = min(amount, due)
            out.append(Settled("cash", applied, amount))
            due -= applied
            continue
        if amount > due:
            raise PosError(
                f"tender {i + 1} ({r.kind}) of {format_money(amount)} is more than the "
                f"{format_money(due)} left to pay; only cash gives change"
            )
        if r.kind == "stored_value":
            if card is None:
                raise PosError("stored value pays only when the member's card is presented")
            principal, bonus = sv_balance(s, card)
            already = [x for x in out if x.kind == "stored_value"]
            principal -= sum((x.principal for x in already), ZERO)
            bonus -= sum((x.bonus for x in already), ZERO)
            check_limits(t, s, card, amount + sum((x.amount for x in already), ZERO), at)
            offline.authorize(t, s, card, amount, at)
            from_p, from_b = split_draw(t, principal, bonus, amount)
            out.append(
                Settled("stored_value", amount, amount, principal=from_p, bonus=from_b, card=card)
            )
        else:
            if r.kind == "bank_card" and r.reference and len(r.reference) > 40:
                raise PosError("a bank-card reference is at most 40 characters (never track data)")
            out.append(Settled(r.kind, amount, amount, reference=r.reference))
        due -= amount
    if due > 0:
        paid = total - due
        raise PosError(
            f"tenders cover {format_money(paid)} of {format_money(total)}; "
            f"{format_money(due)} still due"
        )
    return out


def _allocate(lines: list[Decimal], tenders: list[Settled]) -> list[list[Decimal]]:
    """What each tender pays of each line: shares[t][l]. Each tender is shared over the
    lines' unpaid amounts by the sharing rule; the last tender takes exactly what is left,
    so every line's shares sum to its amount and every tender's to its own amount."""
    remaining = list(lines)
    shares: list[list[Decimal]] = []
    for i, tender in enumerate(tenders):
        if i == len(tenders) - 1:
            row = list(remaining)
        elif sum(remaining, ZERO) > 0:
            row = share_out(tender.amount, remaining)
        else:
            row = [ZERO] * len(lines)
        shares.append(row)
        remaining = [r - x for r, x in zip(remaining, row, strict=True)]
    return shares


def _member_for(s: Session, card_no: str | None) -> tuple[Member | None, Card | None]:
    if not card_no:
        return None, None
    card = find_card(s, card_no)
    return card.member, card


def used_coupons(s: Session) -> set[str]:
    return set(s.scalars(select(CouponUse.code).where(CouponUse.returned_at.is_(None)))) | (
        offline.coupons_used_elsewhere(s)
    )


def make_sale(
    t: Terminal, s: Session, req: SaleRequest, who: Operator, approver: Operator | None = None
) -> SaleOutcome:
    require(who, "sale", None)
    now = t.now()
    at = req.at or now
    if at.tzinfo is None:
        raise PosError("the sale time must carry a time zone (e.g. 2026-11-09T14:00:00+08:00)")
    items = _cart_items(s, req.lines)
    approved_by = None
    if any(r.override_price is not None for r in req.lines):
        approved_by = require(who, "price_override", approver)
    member, card = _member_for(s, req.member_card)
    if member is not None:
        points.expire_due(t, s, member.id, who)
    if not req.tenders:
        raise PosError("a sale needs at least one tender (e.g. --tender cash)")
    try:
        priced = quote(
            t.program,
            items,
            at,
            tier_code=member.tier_code if member else None,
            coupon=req.coupon,
            used_coupons=used_coupons(s),
            tenders=[x.kind for x in req.tenders],
        )
    except PricingError as e:
        raise PosError(str(e)) from e
    tier = priced.tier
    total = priced.total
    settled = _settle(t, s, req.tenders, total, member, card, at)
    change = sum((x.tendered - x.amount for x in settled), ZERO)

    line_amounts = [ln.amount for ln in priced.lines]
    shares = _allocate(line_amounts, settled)
    # points earned (pricing.md step 8), then shared over the lines' earning bases
    earned = 0
    line_points = [0] * len(line_amounts)
    if member is not None and tier is not None:
        rules = t.program.points
        not_earning = {"points"} | (set() if rules.earn_on_stored_value else {"stored_value"})
        bases = list(line_amounts)
        for tender, row in zip(settled, shares, strict=True):
            if tender.kind in not_earning:
                bases = [b - x for b, x in zip(bases, row, strict=True)]
        base_total = sum(bases, ZERO)
        earned = int(
            (base_total * rules.earn_per_yuan * tier.points_multiplier).to_integral_value(
                rounding=ROUND_DOWN
            )
        )
        line_points = share_points(earned, bases)

    no = t.next_receipt_no(s)
    p = Posting("sale", at, who.code, ref=no)
    plan = points.PointsPlan()
    p.credit(account(s, "sales:revenue", CNY), cents(total))
    for tender in settled:
        if tender.kind == "points":
            assert member is not None
            p.debit(account(s, "points:redemption", CNY), cents(tender.amount))
            points.redeem(s, p, plan, member.id, tender.points, at)
        elif tender.kind == "stored_value":
            assert tender.card is not None
            p_acc, b_acc = sv_accounts(s, tender.card)
            p.debit(p_acc, cents(tender.principal))
            p.debit(b_acc, cents(tender.bonus))
        else:
            p.debit(account(s, TENDER_ACCOUNTS[tender.kind], CNY), cents(tender.amount))
    if earned:
        assert member is not None
        points.earn(t, s, p, plan, member.id, earned, at, no)
    journal = ledger.post(s, p, now, t.info(s))
    if member is not None:
        plan.apply(s, member.id, journal.id)

    sale = Sale(
        sale_no=no,
        kind="sale",
        journal_id=journal.id,
        business_time=at,
        recorded_at=now,
        member_id=member.id if member else None,
        card_id=card.id if card else None,
        tier_code=tier.code if tier else None,
        coupon_code=priced.coupon_code,
        total=total,
        change=change,
        points_earned=earned,
        pay_discount_applied=priced.pay_discount_applied,
        cashier=who.code,
        credited_staff=req.credited_staff,
        approved_by=approved_by,
    )
    s.add(sale)
    s.flush()
    for i, tender in enumerate(settled, start=1):
        s.add(
            SaleTender(
                sale_id=sale.id,
                no=i,
                kind=tender.kind,
                amount=tender.amount,
                tendered=tender.tendered,
                points=tender.points,
                principal=tender.principal,
                bonus=tender.bonus,
                card_id=tender.card.id if tender.card else None,
                reference=tender.reference,
            )
        )
    # per-line split of points counts and of principal/bonus, by the same sharing rule
    pts_split = [
        share_points(x.points, shares[i]) if x.kind == "points" else None
        for i, x in enumerate(settled)
    ]
    prin_split = [
        share_out(x.principal, shares[i]) if x.kind == "stored_value" else None
        for i, x in enumerate(settled)
    ]
    # one flush for all lines: discounts and shares ride on the relationships
    for li, ln in enumerate(priced.lines):
        row_line = SaleLine(
            no=ln.no,
            sku=ln.sku,
            name=ln.name,
            category=ln.category,
            qty=ln.qty,
            list_price=ln.list_price,
            unit_price=ln.unit_price,
            base=ln.base,
            amount=ln.amount,
            points_earned=line_points[li],
            refunded_qty=0,
            discounts=[
                LineDiscount(source=d.source, code=d.code, name=d.name, amount=d.amount)
                for d in ln.discounts
            ],
        )
        for ti in range(len(settled)):
            amt = shares[ti][li]
            pts_row = pts_split[ti]
            prin_row = prin_split[ti]
            prin = prin_row[li] if prin_row is not None else ZERO
            row_line.shares.append(
                LineTenderShare(
                    tender_no=ti + 1,
                    amount=amt,
                    points=pts_row[li] if pts_row is not None else 0,
                    principal=prin,
                    bonus=amt - prin if prin_row is not None else ZERO,
                )
            )
        sale.lines.append(row_line)
    s.flush()
    if priced.coupon_code:
        s.add(CouponUse(code=priced.coupon_code, sale_id=sale.id, used_at=now))
    if approved_by:
        audit(
            s,
            now,
            who,
            "price_override",
            f"sale {no}",
            {"lines": [r.code for r in req.lines if r.override_price is not None]},
            approved_by=approved_by,
        )
    upgrade = None
    if member is not None:
        s.flush()
        new_tier = tiers.after_sale(t, s, member, total, at)
        upgrade = new_tier.code if new_tier else None
    s.flush()
    _load(sale)
    outbox.record(t, s, "sale", events.sale(s, sale, upgrade), at, journal)
    return SaleOutcome(
        sale=sale,
        priced=priced,
        member=member,
        card=card,
        change=change,
        points_earned=earned,
        tier_upgrade=upgrade,
    )


def find_sale(s: Session, sale_no: str) -> Sale:
    sale = s.scalars(select(Sale).where(Sale.sale_no == sale_no.strip())).first()
    if sale is None:
        raise NotFound(f"no sale {sale_no!r} on this terminal")
    return sale


@dataclass
class RefundOutcome:
    refund: Sale
    original: Sale
    tenders: list[SaleTender]
    points_taken_back: int
    points_returned: int
    coupon_returned: bool


def refund(
    t: Terminal,
    s: Session,
    sale_no: str,
    lines: list[tuple[int, int | None]] | None,
    who: Operator,
    approver: Operator | None = None,
    at: datetime | None = None,
) -> RefundOutcome:
    """Refund chosen lines and quantities (None: everything not yet refunded)."""
    return _reverse(t, s, sale_no, lines, who, approver, at, action="refund")


def void_sale(
    t: Terminal, s: Session, sale_no: str, who: Operator, approver: Operator | None = None
) -> RefundOutcome:
    """Void a paid sale (a supervisor's approval): everything back to where it came from,
    as a refund of the whole sale recorded as a void in the audit log. (Before payment a
    cart is never written, so voiding it needs nothing here.)"""
    return _reverse(t, s, sale_no, None, who, approver, None, action="void_after_payment")


def _reverse(
    t: Terminal,
    s: Session,
    sale_no: str,
    lines: list[tuple[int, int | None]] | None,
    who: Operator,
    approver: Operator | None,
    at: datetime | None,
    action: str,
) -> RefundOutcome:
    approved_by = require(who, action, approver)
    original = find_sale(s, sale_no)
    if original.kind != "sale":
        raise PosError(f"{sale_no} is a refund; refund the original sale")
    now = t.now()
    at = at or now
    by_no = {ln.no: ln for ln in original.lines}
    wanted: dict[int, int] = {}
    if not lines:
        wanted = {
            ln.no: ln.qty - ln.refunded_qty for ln in original.lines if ln.qty > ln.refunded_qty
        }
        if not wanted:
            raise PosError(f"sale {sale_no} is already fully refunded")
    else:
        for line_no, qty in lines:
            ln = by_no.get(line_no)
            if ln is None:
                raise PosError(f"sale {sale_no} has no line {line_no} (lines 1-{len(by_no)})")
            left = ln.qty - ln.refunded_qty - wanted.get(line_no, 0)
            q = left if qty is None else qty
            if q < 1:
                raise PosError(f"line {line_no}: quantity to refund must be at least 1")
            if q > left:
                raise PosError(f"line {line_no}: only {left} of {ln.qty} can still be refunded")
            wanted[line_no] = wanted.get(line_no, 0) + q

    tenders = {tr.no: tr for tr in original.tenders}
    back_amount: dict[int, Decimal] = {no: ZERO for no in tenders}
    back_points: dict[int, int] = {no: 0 for no in tenders}
    back_principal: dict[int, Decimal] = {no: ZERO for no in tenders}
    take_points = 0
    refund_lines = []
    for line_no, q in sorted(wanted.items()):
        ln = by_no[line_no]
        done = ln.refunded_qty
        # What goes back is worked out per tender (and per principal / bonus), each by
        # cumulative floors, and the line's refund is their sum: refunding every unit, in
        # any number of steps, gives back exactly each tender, each part and the line.
        amount = ZERO
        for sh in ln.shares:
            if tenders[sh.tender_no].kind == "stored_value":
                prin = portion(sh.principal, done, q, ln.qty)
                a = prin + portion(sh.amount - sh.principal, done, q, ln.qty)
                back_principal[sh.tender_no] += prin
            else:
                a = portion(sh.amount, done, q, ln.qty)
            back_amount[sh.tender_no] += a
            back_points[sh.tender_no] += portion_points(sh.points, done, q, ln.qty)
            amount += a
        pts = portion_points(ln.points_earned, done, q, ln.qty)
        take_points += pts
        refund_lines.append((ln, q, amount, pts))
    total = sum((x[2] for x in refund_lines), ZERO)

    member = s.get(Member, original.member_id) if original.member_id else None
    no = t.next_receipt_no(s)
    p = Posting("refund", at, who.code, ref=f"{no} for {original.sale_no}")
    plan = points.PointsPlan()
    p.debit(account(s, "sales:returns", CNY), cents(total))
    refund_tenders: list[SaleTender] = []
    returned_pts = 0
    for tno, tr in tenders.items():
        amt = back_amount[tno]
        if not amt and not back_points[tno]:
            continue
        back = SaleTender(
            no=len(refund_tenders) + 1,
            kind=tr.kind,
            amount=amt,
            tendered=amt,
            points=0,
            principal=ZERO,
            bonus=ZERO,
            card_id=tr.card_id,
            reference=tr.reference,
        )
        if tr.kind == "points":
            assert member is not None
            p.credit(account(s, "points:redemption", CNY), cents(amt))
            points.give_back(
                t, s, p, plan, member.id, back_points[tno], original.journal_id, no, at
            )
            returned_pts += back_points[tno]
            back.points = back_points[tno]
        elif tr.kind == "stored_value":
            card = s.get(Card, tr.card_id)
            assert card is not None
            card = account_card(s, current_card(s, card))
            p_acc, b_acc = sv_accounts(s, card)
            back.principal = back_principal[tno]
            back.bonus = amt - back.principal
            back.card_id = card.id
            p.credit(p_acc, cents(back.principal))
            p.credit(b_acc, cents(back.bonus))
        else:
            p.credit(account(s, TENDER_ACCOUNTS[tr.kind], CNY), cents(amt))
        refund_tenders.append(back)
    if take_points and member is not None:
        points.take_back(s, p, plan, member.id, take_points, original.sale_no, at)
    journal = ledger.post(s, p, now, t.info(s))
    if member is not None:
        plan.apply(s, member.id, journal.id)

    row = Sale(
        sale_no=no,
        kind="refund",
        original_id=original.id,
        journal_id=journal.id,
        business_time=at,
        recorded_at=now,
        member_id=original.member_id,
        card_id=original.card_id,
        tier_code=original.tier_code,
        coupon_code=None,
        total=total,
        change=ZERO,
        points_earned=-take_points,
        pay_discount_applied=False,
        cashier=who.code,
        credited_staff=original.credited_staff,
        approved_by=approved_by,
    )
    s.add(row)
    s.flush()
    for i, (ln, q, amount, pts) in enumerate(refund_lines, start=1):
        s.add(
            SaleLine(
                sale_id=row.id,
                no=i,
                original_line_id=ln.id,
                sku=ln.sku,
                name=ln.name,
                category=ln.category,
                qty=q,
                list_price=ln.list_price,
                unit_price=ln.unit_price,
                base=portion(ln.base, ln.refunded_qty, q, ln.qty),
                amount=amount,
                points_earned=-pts,
                refunded_qty=0,
            )
        )
        ln.refunded_qty += q
    for back in refund_tenders:
        back.sale_id = row.id
        s.add(back)
    coupon_back = False
    if original.coupon_code and all(ln.refunded_qty == ln.qty for ln in original.lines):
        use = s.scalars(
            select(CouponUse).where(
                CouponUse.sale_id == original.id, CouponUse.returned_at.is_(None)
            )
        ).first()
        if use is not None:
            use.returned_at = now
            coupon_back = True
    audit(
        s,
        now,
        who,
        "void" if action == "void_after_payment" else "refund",
        f"sale {original.sale_no}",
        {"refund": no, "total": str(total), "lines": wanted},
        approved_by=approved_by,
    )
    s.flush()
    _load(row)
    payload = events.sale(s, row)
    payload.update(
        points_taken_back=take_points,
        points_returned=returned_pts,
        coupon_returned=coupon_back,
        coupon=original.coupon_code if coupon_back else None,
        void=action == "void_after_payment",
    )
    outbox.record(t, s, "refund", payload, at, journal)
    return RefundOutcome(
        refund=row,
        original=original,
        tenders=refund_tenders,
        points_taken_back=take_points,
        points_returned=returned_pts,
        coupon_returned=coupon_back,
    )


def _load(sale: Sale) -> None:
    """Load a sale's lines, discounts and tenders, so they can be read after the
    transaction (receipts, JSON)."""
    for ln in sale.lines:
        _ = ln.discounts, ln.shares
    _ = sale.tenders
