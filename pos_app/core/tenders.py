"""Tenders: how a priced sale is paid (docs/pricing.md, steps 7 and 8).

The tenders are checked and applied in the order given (:func:`settle`), each is shared
over the lines (:func:`allocate`, :func:`line_shares`), posted to its ledger account
(:func:`post`), and a member's sale earns points on what earning tenders paid
(:func:`points_earned`). A points tender is worth :func:`points_value`, within
:func:`max_points_value` of the total.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import ROUND_DOWN, Decimal
from typing import Any

from sqlalchemy.orm import Session

from pos_app.core import offline, points
from pos_app.core.errors import PosError
from pos_app.core.ledger import CNY, TENDER_ACCOUNTS, Posting, account, cents
from pos_app.core.members import sv_accounts, sv_balance
from pos_app.core.messages import Msg
from pos_app.core.models import Card, Member, SaleTender
from pos_app.core.money import ZERO, format_money, money
from pos_app.core.program import Tier
from pos_app.core.sharing import share_out, share_points
from pos_app.core.stored_value import check_limits, spent_today, split_draw
from pos_app.core.terminal import Terminal

TENDER_KINDS = ("points", "stored_value", "cash", "bank_card", "other")
MAX_REFERENCE = 40  # characters of a bank-card slip reference (never track data)


@dataclass
class TenderRequest:
    kind: str
    amount: Decimal | None = None  # None: pays the rest (last tender only)
    points: int | None = None  # for kind "points"
    reference: str | None = None  # bank-card slip / voucher reference (never track data)


@dataclass
class Settled:
    """A tender as applied: ``amount`` is what it pays of the sale, ``tendered`` what
    was handed over (more than ``amount`` only for cash: the change)."""

    kind: str
    amount: Decimal
    tendered: Decimal
    points: int = 0
    principal: Decimal = ZERO
    bonus: Decimal = ZERO
    card: Card | None = None
    reference: str | None = None


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
        raise PosError("tender.points_share", cap=format_money(cap),
                       share=t.program.points.max_redeem_share, total=format_money(total),
                       points=pts, value=format_money(value))
    return value


def settle(
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
    for i, r in enumerate(reqs):
        if r.kind not in TENDER_KINDS:
            raise PosError("tender.unknown_kind", kind=r.kind, allowed=", ".join(TENDER_KINDS))
        if due <= 0:
            raise PosError("tender.nothing_due", no=i + 1, kind=r.kind)
        if r.kind == "points":
            done = _points_tender(t, s, r, total, due, member, card, out, at)
        else:
            amount = _amount(r, i + 1, i == len(reqs) - 1, due)
            done = _money_tender(t, s, r, i + 1, amount, due, card, out, at)
        out.append(done)
        due -= done.amount
    if due > 0:
        paid = total - due
        raise PosError("tender.short", paid=format_money(paid), total=format_money(total),
                       due=format_money(due))
    return out


def _points_tender(
    t: Terminal,
    s: Session,
    r: TenderRequest,
    total: Decimal,
    due: Decimal,
    member: Member | None,
    card: Card | None,
    before: list[Settled],
    at: datetime,
) -> Settled:
    rules = t.program.points
    if member is None:
        raise PosError("tender.points_need_member")
    if card is not None and card.main_card_id is not None:
        raise PosError("tender.points_supplementary")
    if r.points is None:
        raise PosError("tender.points_count")
    if r.points <= 0 or r.points % rules.redeem_unit_points:
        raise PosError("tender.points_unit", unit=rules.redeem_unit_points, points=r.points)
    used_before = sum((x.amount for x in before if x.kind == "points"), ZERO)
    value = points_within_limit(t, total, r.points, used_before)
    if value > due:
        raise PosError("tender.points_over_due", points=r.points, value=format_money(value),
                       due=format_money(due))
    have = points.available(s, member.id, at)
    if r.points > have:
        raise PosError("points.not_enough", have=have, asked=r.points)
    return Settled("points", value, value, points=r.points)


def _amount(r: TenderRequest, no: int, last: bool, due: Decimal) -> Decimal:
    """What a money tender hands over: its amount, or the rest for a last tender without."""
    if r.amount is None:
        if not last:
            raise PosError("tender.amount_missing")
        return due
    amount = money(r.amount)
    if amount <= 0:
        raise PosError("tender.amount_not_positive", no=no, kind=r.kind)
    return amount


def _money_tender(
    t: Terminal,
    s: Session,
    r: TenderRequest,
    no: int,
    amount: Decimal,
    due: Decimal,
    card: Card | None,
    before: list[Settled],
    at: datetime,
) -> Settled:
    if r.kind == "cash":
        return Settled("cash", min(amount, due), amount)
    if amount > due:
        raise PosError("tender.over_due", no=no, kind=r.kind, amount=format_money(amount),
                       due=format_money(due))
    if r.kind == "stored_value":
        return _stored_value_tender(t, s, amount, card, before, at)
    if r.kind == "bank_card" and r.reference and len(r.reference) > MAX_REFERENCE:
        raise PosError("tender.reference_long", max=MAX_REFERENCE)
    return Settled(r.kind, amount, amount, reference=r.reference)


def _stored_value_tender(
    t: Terminal,
    s: Session,
    amount: Decimal,
    card: Card | None,
    before: list[Settled],
    at: datetime,
) -> Settled:
    """Stored value from the presented card, within its limits and HQ's offline rules,
    drawn from principal and bonus in the program's order (after earlier such tenders)."""
    if card is None:
        raise PosError("sv.needs_card")
    principal, bonus = sv_balance(s, card)
    already = [x for x in before if x.kind == "stored_value"]
    principal -= sum((x.principal for x in already), ZERO)
    bonus -= sum((x.bonus for x in already), ZERO)
    check_limits(t, s, card, amount + sum((x.amount for x in already), ZERO), at)
    offline.authorize(t, s, card, amount, at)
    from_p, from_b = split_draw(t, principal, bonus, amount)
    return Settled("stored_value", amount, amount, principal=from_p, bonus=from_b, card=card)


@dataclass(frozen=True)
class Room:
    """The most a tender may pay now, and the rule that sets it."""

    amount: Decimal
    why: Msg


def stored_value_room(
    t: Terminal, s: Session, card: Card, at: datetime, already: Decimal = ZERO
) -> Room:
    """The most stored value ``card`` may pay of this sale, with ``already`` paid by
    earlier stored-value tenders of it: the balance it spends from, its per-sale and
    per-day limits (a supplementary card's), HQ's hotlist and offline limits. The sale
    path refuses more (:func:`settle`); the payment screen offers this much."""
    principal, bonus = sv_balance(s, card)
    balance = principal + bonus
    rooms = [(balance - already, Msg("sv.room_balance", balance=format_money(balance)))]
    if card.limit_per_sale is not None:
        rooms.append((card.limit_per_sale - already,
                      Msg("sv.room_per_sale", limit=format_money(card.limit_per_sale))))
    if card.limit_per_day is not None:
        used = spent_today(t, s, card, at)
        rooms.append((card.limit_per_day - used - already,
                      Msg("sv.room_per_day", limit=format_money(card.limit_per_day),
                          used=format_money(used))))
    rooms += [(amount - already, why) for amount, why in offline.limits(t, s, card)]
    amount, why = min(rooms, key=lambda r: r[0])
    return Room(max(ZERO, money(amount)), why)


def allocate(lines: list[Decimal], tenders: list[Settled]) -> list[list[Decimal]]:
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


def points_earned(
    t: Terminal,
    tier: Tier,
    lines: list[Decimal],
    tenders: list[Settled],
    shares: list[list[Decimal]],
) -> tuple[int, list[int]]:
    """Step 8: the points a member's sale earns, and each line's part of them.

    Each line earns on what earning tenders paid of it (points never earn; stored value
    only where the program says so); the points are shared over those bases in whole
    points, so a refund takes back exactly what its lines earned."""
    rules = t.program.points
    not_earning = {"points"} | (set() if rules.earn_on_stored_value else {"stored_value"})
    bases = list(lines)
    for tender, row in zip(tenders, shares, strict=True):
        if tender.kind in not_earning:
            bases = [b - x for b, x in zip(bases, row, strict=True)]
    base_total = sum(bases, ZERO)
    earned = int(
        (base_total * rules.earn_per_yuan * tier.points_multiplier).to_integral_value(
            rounding=ROUND_DOWN
        )
    )
    return earned, share_points(earned, bases)


def post(
    s: Session,
    p: Posting,
    plan: points.PointsPlan,
    tenders: list[Settled],
    member: Member | None,
    at: datetime,
) -> None:
    """Debit what each tender paid: points redeemed from the member's lots, stored value
    from the card's principal and bonus accounts, the rest into the till or clearing."""
    for tender in tenders:
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


def tender_rows(sale_id: int, tenders: list[Settled]) -> list[SaleTender]:
    return [
        SaleTender(
            sale_id=sale_id,
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
        for i, tender in enumerate(tenders, start=1)
    ]


def line_shares(tenders: list[Settled], shares: list[list[Decimal]]) -> list[list[dict[str, Any]]]:
    """Per line, what each tender paid of it (the columns of its ``line_tender_shares``
    rows): the amount, and for points the number of points, for stored value the
    principal and bonus parts, each split over the lines by the same sharing rule (so a
    refund of the line gives back exactly those)."""
    pts_split = [
        share_points(x.points, shares[i]) if x.kind == "points" else None
        for i, x in enumerate(tenders)
    ]
    prin_split = [
        share_out(x.principal, shares[i]) if x.kind == "stored_value" else None
        for i, x in enumerate(tenders)
    ]
    out: list[list[dict[str, Any]]] = []
    for li in range(len(shares[0]) if shares else 0):
        row: list[dict[str, Any]] = []
        for ti in range(len(tenders)):
            amt = shares[ti][li]
            pts_row = pts_split[ti]
            prin_row = prin_split[ti]
            prin = prin_row[li] if prin_row is not None else ZERO
            row.append(
                {
                    "tender_no": ti + 1,
                    "amount": amt,
                    "points": pts_row[li] if pts_row is not None else 0,
                    "principal": prin,
                    "bonus": amt - prin if prin_row is not None else ZERO,
                }
            )
        out.append(row)
    return out
