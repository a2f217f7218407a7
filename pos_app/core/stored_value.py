"""Stored value (储值): top-ups with the bonus ladder, principal and bonus kept apart,
spent in the program's order, capped per the prepaid-card rules, never paid out as cash."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from pos_app.core import card_stock, ledger, outbox, shifts
from pos_app.core.errors import PosError
from pos_app.core.ledger import CNY, TENDER_ACCOUNTS, Posting, account, cents
from pos_app.core.members import find_card, sv_accounts, sv_balance
from pos_app.core.messages import Msg
from pos_app.core.models import Card, Journal, Member, Sale, SaleTender, Topup
from pos_app.core.money import ZERO, format_money, money, round_half_up
from pos_app.core.pii import mask_card
from pos_app.core.staff import Operator, audit, require
from pos_app.core.terminal import Terminal

TOPUP_TENDERS = ("cash", "bank_card", "other")


def cap_for(t: Terminal, m: Member) -> Decimal:
    sv = t.program.stored_value
    return sv.max_balance_anonymous if m.anonymous else sv.max_balance_registered


@dataclass
class TopupResult:
    topup: Topup
    card: Card
    principal: Decimal
    bonus: Decimal


def topup(
    t: Terminal,
    s: Session,
    card_no: str,
    amount: Decimal,
    tender: str,
    who: Operator,
    *,
    at: datetime | None = None,
    reference: str | None = None,
) -> TopupResult:
    require(who, "topup", None)
    shifts.require_open(s, "topup")
    amount = money(amount)
    if amount <= 0:
        raise PosError("sv.topup_not_positive", amount=amount)
    if tender not in TOPUP_TENDERS:
        raise PosError("sv.topup_tender", allowed=", ".join(TOPUP_TENDERS), tender=tender)
    card = find_card(s, card_no, active_only=False)
    card_stock.renew_by_topup(t, s, card, who)  # refuses a card not active (or renewable)
    if card.main_card_id is not None:
        raise PosError("sv.topup_supplementary")
    bonus = _topup_bonus_within_limits(t, s, card, amount)
    now = t.now()
    business_time = at or now
    no = t.next_receipt_no(s)
    j = _post_topup(t, s, card, no, amount, bonus, tender, who, business_time, now)
    row = Topup(
        topup_no=no,
        journal_id=j.id,
        card_id=card.id,
        amount=amount,
        bonus=bonus,
        tender=tender,
        business_time=business_time,
        staff=who.code,
    )
    s.add(row)
    s.flush()
    _audit_and_queue_topup(t, s, row, card, reference, who, now, j)
    p2, b2 = sv_balance(s, card)
    return TopupResult(row, card, p2, b2)


def _topup_bonus_within_limits(t: Terminal, s: Session, card: Card, amount: Decimal) -> Decimal:
    """The bonus a top-up of ``amount`` earns, after checking the real-name threshold and
    the card's balance cap (a :class:`PosError` names the limit that is hit)."""
    m = card.member
    rules = t.program.stored_value
    if amount >= rules.real_name_purchase_at and not m.id_no_enc:
        raise PosError("sv.real_name", amount=format_money(amount),
                       threshold=format_money(rules.real_name_purchase_at))
    bonus = rules.bonus_for(amount)
    principal, bonus_bal = sv_balance(s, card)
    cap = cap_for(t, m)
    after = principal + bonus_bal + amount + bonus
    if after > cap:
        kind = Msg("sv.kind_anonymous" if m.anonymous else "sv.kind_named")
        room = max(ZERO, cap - principal - bonus_bal - bonus)
        raise PosError("sv.over_cap", balance=format_money(after), cap=format_money(cap),
                       kind=kind, room=format_money(room))
    return bonus


def _post_topup(
    t: Terminal,
    s: Session,
    card: Card,
    no: str,
    amount: Decimal,
    bonus: Decimal,
    tender: str,
    who: Operator,
    business_time: datetime,
    now: datetime,
) -> Journal:
    """The top-up's journal: the tender into the card's principal, the bonus into its bonus."""
    p_acc, b_acc = sv_accounts(s, card)
    p = Posting("topup", business_time, who.code, ref=no, record=("topup", no))
    p.debit(account(s, TENDER_ACCOUNTS[tender], CNY), cents(amount))
    p.credit(p_acc, cents(amount))
    if bonus:
        p.debit(account(s, "sv:bonus_given", CNY), cents(bonus))
        p.credit(b_acc, cents(bonus))
    return ledger.post(s, p, now, t.info(s))


def _audit_and_queue_topup(
    t: Terminal,
    s: Session,
    row: Topup,
    card: Card,
    reference: str | None,
    who: Operator,
    now: datetime,
    j: Journal,
) -> None:
    """Audit the top-up and queue it for HQ, tied to its journal."""
    m = card.member
    audit(
        s,
        now,
        who,
        "topup",
        f"member {m.id}",
        {
            "card": mask_card(card.card_no),
            "amount": str(row.amount),
            "bonus": str(row.bonus),
            "tender": row.tender,
            "reference": reference,
        },
    )
    outbox.record(
        t,
        s,
        "topup",
        {
            "topup_no": row.topup_no,
            "card": card.card_no,
            "franchisee": card.franchisee,
            "member": m.uid,
            "amount": row.amount,
            "bonus": row.bonus,
            "tender": row.tender,
            "reference": reference,
            "staff": who.code,
        },
        row.business_time,
        j,
    )


def split_draw(
    t: Terminal, principal: Decimal, bonus: Decimal, amount: Decimal
) -> tuple[Decimal, Decimal]:
    """How much of ``amount`` comes from principal and from bonus, in the program's order."""
    if amount > principal + bonus:
        raise PosError("sv.short", balance=format_money(principal + bonus),
                       amount=format_money(amount))
    order = t.program.stored_value.bonus_spend_order
    if order == "principal_first":
        from_p = min(principal, amount)
        return from_p, amount - from_p
    if order == "bonus_first":
        from_b = min(bonus, amount)
        return amount - from_b, from_b
    # proportional to the balances held
    total = principal + bonus
    from_b = min(bonus, round_half_up(amount * bonus / total)) if total else ZERO
    from_p = amount - from_b
    if from_p > principal:
        from_p, from_b = principal, amount - principal
    return from_p, from_b


def spent_today(t: Terminal, s: Session, card: Card, at: datetime) -> Decimal:
    day = t.program.business_day(at)
    start = t.program.day_start(day)
    end = start + timedelta(days=1)
    rows = s.scalars(
        select(SaleTender)
        .join(Sale, Sale.id == SaleTender.sale_id)
        .where(
            SaleTender.card_id == card.id,
            SaleTender.kind == "stored_value",
            Sale.kind == "sale",
            Sale.business_time >= start,
            Sale.business_time < end,
        )
    ).all()
    return sum((r.amount for r in rows), ZERO)


def check_limits(t: Terminal, s: Session, card: Card, amount: Decimal, at: datetime) -> None:
    if card.limit_per_sale is not None and amount > card.limit_per_sale:
        raise PosError("sv.limit_per_sale", card=mask_card(card.card_no),
                       limit=format_money(card.limit_per_sale))
    if card.limit_per_day is not None:
        used = spent_today(t, s, card, at)
        if used + amount > card.limit_per_day:
            raise PosError("sv.limit_per_day", card=mask_card(card.card_no),
                           limit=format_money(card.limit_per_day), used=format_money(used))
