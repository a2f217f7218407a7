"""Refunds and voids: a whole sale, or chosen lines and quantities, given back exactly as
those lines were paid (each tender, and stored value's principal and bonus, to where it
came from) with exactly the points they earned taken back; one ledger transaction with
its own receipt number (docs/pricing.md, "Refunds").

:func:`refund` and :func:`void_sale` (a supervisor's reversal of a paid sale) run the
same steps: the quantities asked (:func:`_quantities`), what goes back
(:func:`_plan`), the journal (:func:`_post`), the refund's rows (:func:`_write`), the
coupon returned (:func:`_return_coupon`), the audit entry and the outbox event.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from pos_app.core import events, gifts, ledger, outbox, points, shifts
from pos_app.core.errors import PosError
from pos_app.core.ledger import CNY, TENDER_ACCOUNTS, Posting, account, cents
from pos_app.core.members import account_card, current_card, sv_accounts
from pos_app.core.models import Card, CouponUse, Journal, Member, Sale, SaleLine, SaleTender
from pos_app.core.money import ZERO
from pos_app.core.sales import find_sale, load
from pos_app.core.sharing import portion, portion_points
from pos_app.core.staff import Operator, audit, require
from pos_app.core.terminal import Terminal

VOID = "void_after_payment"


@dataclass
class RefundOutcome:
    refund: Sale
    original: Sale
    tenders: list[SaleTender]
    points_taken_back: int
    points_returned: int
    coupon_returned: bool


@dataclass
class RefundLine:
    line: SaleLine  # the original sale's line
    qty: int
    amount: Decimal  # what goes back for these units: the sum of the tenders' parts
    points: int  # the points these units earned, taken back


@dataclass
class RefundPlan:
    """What goes back, per tender of the original sale (by its number): the amount, the
    points it paid and, for stored value, the principal part; and per line refunded."""

    amount: dict[int, Decimal]
    points: dict[int, int]
    principal: dict[int, Decimal]
    lines: list[RefundLine] = field(default_factory=list)

    @property
    def total(self) -> Decimal:
        return sum((x.amount for x in self.lines), ZERO)

    @property
    def take_points(self) -> int:
        return sum(x.points for x in self.lines)


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
    return _reverse(t, s, sale_no, None, who, approver, None, action=VOID)


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
    shifts.require_open(s, "void" if action == VOID else "refund")
    original = find_sale(s, sale_no)
    if original.kind != "sale":
        raise PosError("refund.of_refund", sale=sale_no)
    now = t.now()
    at = at or now
    wanted = _quantities(original, lines)
    plan = _plan(original, wanted)
    member = s.get(Member, original.member_id) if original.member_id else None
    no = t.next_receipt_no(s)
    journal, back, returned_pts = _post(t, s, no, original, plan, member, who, at, now)
    row = _write(s, no, original, plan, back, journal, who, approved_by, at, now)
    coupon_back = _return_coupon(s, original, now)
    gifts_settled = gifts.after_refund(t, s, original, row, who, at)
    audit(
        s,
        now,
        who,
        "void" if action == VOID else "refund",
        f"sale {original.sale_no}",
        {"refund": no, "total": str(plan.total), "lines": wanted},
        approved_by=approved_by,
    )
    s.flush()
    load(row)
    payload = events.sale(s, row)
    payload.update(
        points_taken_back=plan.take_points,
        points_returned=returned_pts,
        coupon_returned=coupon_back,
        coupon=original.coupon_code if coupon_back else None,
        void=action == VOID,
    )
    if gifts_settled:
        payload["gifts"] = [{"gift": g.gift_code, "value": g.value, "as": g.settled_as}
                            for g in gifts_settled]
    outbox.record(t, s, "refund", payload, at, journal)
    return RefundOutcome(row, original, back, plan.take_points, returned_pts, coupon_back)


def _quantities(original: Sale, lines: list[tuple[int, int | None]] | None) -> dict[int, int]:
    """Line number → quantity to refund: what was asked (a line may be named more than
    once; None: all it has left), or every unit not yet refunded. PosError naming a line
    that has no such quantity left."""
    sale_no = original.sale_no
    by_no = {ln.no: ln for ln in original.lines}
    wanted: dict[int, int] = {}
    if not lines:
        wanted = {
            ln.no: ln.qty - ln.refunded_qty for ln in original.lines if ln.qty > ln.refunded_qty
        }
        if not wanted:
            raise PosError("refund.all_refunded", sale=sale_no)
        return wanted
    for line_no, qty in lines:
        ln = by_no.get(line_no)
        if ln is None:
            raise PosError("refund.no_line", sale=sale_no, line=line_no, lines=len(by_no))
        left = ln.qty - ln.refunded_qty - wanted.get(line_no, 0)
        q = left if qty is None else qty
        if q < 1:
            raise PosError("refund.qty_low", line=line_no)
        if q > left:
            raise PosError("refund.qty_high", line=line_no, left=left, qty=ln.qty)
        wanted[line_no] = wanted.get(line_no, 0) + q
    return wanted


def _plan(original: Sale, wanted: dict[int, int]) -> RefundPlan:
    """What goes back is worked out per tender (and per principal / bonus), each by
    cumulative floors, and a line's refund is their sum: refunding every unit, in any
    number of steps, gives back exactly each tender, each part and the line."""
    by_no = {ln.no: ln for ln in original.lines}
    kinds = {tr.no: tr.kind for tr in original.tenders}
    plan = RefundPlan(
        amount={no: ZERO for no in kinds},
        points={no: 0 for no in kinds},
        principal={no: ZERO for no in kinds},
    )
    for line_no, q in sorted(wanted.items()):
        ln = by_no[line_no]
        done = ln.refunded_qty
        amount = ZERO
        for sh in ln.shares:
            if kinds[sh.tender_no] == "stored_value":
                prin = portion(sh.principal, done, q, ln.qty)
                a = prin + portion(sh.amount - sh.principal, done, q, ln.qty)
                plan.principal[sh.tender_no] += prin
            else:
                a = portion(sh.amount, done, q, ln.qty)
            plan.amount[sh.tender_no] += a
            plan.points[sh.tender_no] += portion_points(sh.points, done, q, ln.qty)
            amount += a
        plan.lines.append(
            RefundLine(ln, q, amount, portion_points(ln.points_earned, done, q, ln.qty))
        )
    return plan


def _post(
    t: Terminal,
    s: Session,
    no: str,
    original: Sale,
    plan: RefundPlan,
    member: Member | None,
    who: Operator,
    at: datetime,
    now: datetime,
) -> tuple[Journal, list[SaleTender], int]:
    """The refund's journal: returns against each tender given back, and the points the
    lines earned taken back. Returns the journal, the refund's tender rows (not yet
    added) and the points given back to the member."""
    p = Posting(
        "refund", at, who.code, ref=f"{no} for {original.sale_no}", record=("refund", no)
    )
    pplan = points.PointsPlan()
    p.debit(account(s, "sales:returns", CNY), cents(plan.total))
    back: list[SaleTender] = []
    returned_pts = 0
    for tr in original.tenders:
        if not plan.amount[tr.no] and not plan.points[tr.no]:
            continue
        row = _give_back(t, s, p, pplan, tr, plan, member, original, no, at, len(back) + 1)
        returned_pts += row.points
        back.append(row)
    if plan.take_points and member is not None:
        points.take_back(s, p, pplan, member.id, plan.take_points, original.sale_no, at)
    journal = ledger.post(s, p, now, t.info(s))
    if member is not None:
        pplan.apply(s, member.id, journal.id)
    return journal, back, returned_pts


def _give_back(
    t: Terminal,
    s: Session,
    p: Posting,
    pplan: points.PointsPlan,
    tr: SaleTender,
    plan: RefundPlan,
    member: Member | None,
    original: Sale,
    no: str,
    at: datetime,
    back_no: int,
) -> SaleTender:
    """One tender of the original sale given back to where it came from: points to the
    member, stored value to the card (its replacement, or its main card's account), the
    rest out of the till or clearing account."""
    amt = plan.amount[tr.no]
    back = SaleTender(
        no=back_no,
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
        pts = plan.points[tr.no]
        points.give_back(t, s, p, pplan, member.id, pts, original.journal_id, no, at)
        back.points = pts
    elif tr.kind == "stored_value":
        card = s.get(Card, tr.card_id)
        assert card is not None
        card = account_card(s, current_card(s, card))
        p_acc, b_acc = sv_accounts(s, card)
        back.principal = plan.principal[tr.no]
        back.bonus = amt - back.principal
        back.card_id = card.id
        p.credit(p_acc, cents(back.principal))
        p.credit(b_acc, cents(back.bonus))
    else:
        p.credit(account(s, TENDER_ACCOUNTS[tr.kind], CNY), cents(amt))
    return back


def _write(
    s: Session,
    no: str,
    original: Sale,
    plan: RefundPlan,
    back: list[SaleTender],
    journal: Journal,
    who: Operator,
    approved_by: str | None,
    at: datetime,
    now: datetime,
) -> Sale:
    """The refund's row, its lines (each counted as refunded on the original) and the
    tenders given back."""
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
        total=plan.total,
        change=ZERO,
        points_earned=-plan.take_points,
        pay_discount_applied=False,
        cashier=who.code,
        credited_staff=original.credited_staff,
        approved_by=approved_by,
    )
    s.add(row)
    s.flush()
    for i, x in enumerate(plan.lines, start=1):
        ln = x.line
        s.add(
            SaleLine(
                sale_id=row.id,
                no=i,
                original_line_id=ln.id,
                sku=ln.sku,
                name=ln.name,
                category=ln.category,
                qty=x.qty,
                list_price=ln.list_price,
                unit_price=ln.unit_price,
                base=portion(ln.base, ln.refunded_qty, x.qty, ln.qty),
                amount=x.amount,
                points_earned=-x.points,
                refunded_qty=0,
            )
        )
        ln.refunded_qty += x.qty
    for tender in back:
        tender.sale_id = row.id
        s.add(tender)
    return row


def _return_coupon(s: Session, original: Sale, now: datetime) -> bool:
    """A single-use coupon returns unspent once every line of its sale is refunded."""
    if not original.coupon_code or any(ln.refunded_qty != ln.qty for ln in original.lines):
        return False
    use = s.scalars(
        select(CouponUse).where(CouponUse.sale_id == original.id, CouponUse.returned_at.is_(None))
    ).first()
    if use is None:
        return False
    use.returned_at = now
    return True
