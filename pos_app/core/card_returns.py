"""Returning cards sold (退卡): the unused cards of a card sale taken back within the
product's ``return_days`` (business days after the day of sale; 0: that day only; a
product without it is never taken back), all the cards of the sale together.

A card is unused while nothing but its sale has moved its stored value (no purchase,
top-up, transfer or balance from HQ), no supplementary card hangs on it, none of the
services it brought was used, and it is still active. A card given by a spending rule
is not a sale and is not returned.

The return's journal (record ``card_return``) undoes the sale's: each card's principal
goes back by the sale's tender (``sv:card:NO:principal`` debited, the tender's account
credited), its bonus back to ``cards:sale_discount``, and the seller's commission back
from ``staff:commission:CODE`` to ``cards:commission``; the cards are blocked (their
numbers never sold again), the services they brought end, and HQ gets the return
(event ``card_refund``) with its entries."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pos_app.core import card_stock, ledger, members, outbox, shifts
from pos_app.core.errors import NotFound, PosError
from pos_app.core.ledger import CNY, TENDER_ACCOUNTS, Posting, account, cents
from pos_app.core.messages import Msg, status
from pos_app.core.models import (
    Card,
    CardReturn,
    CardSale,
    Entitlement,
    EntitlementUse,
    Entry,
    Journal,
    StaffCommission,
)
from pos_app.core.pii import mask_card
from pos_app.core.staff import Operator, audit, require
from pos_app.core.terminal import Terminal


@dataclass
class Returned:
    row: CardReturn
    sale: CardSale
    cards: list[str]


def find_sale(s: Session, ref: str) -> CardSale:
    """The card sale a receipt number or one of its card numbers names."""
    ref = ref.strip()
    cs = s.scalars(select(CardSale).where(CardSale.sale_no == ref)).first()
    if cs is None and ref.isdigit():
        for row in s.scalars(select(CardSale).where(CardSale.cards.contains(f'"{ref}"'))):
            if ref in json.loads(row.cards):
                cs = row
    if cs is None:
        raise NotFound("cardreturn.no_sale", ref=mask_card(ref) if ref.isdigit() else ref)
    return cs


def _check_time(t: Terminal, cs: CardSale) -> None:
    p = card_stock.product_of(t, cs.product)
    if p.return_days is None:
        raise PosError("cardreturn.not_returnable", product=p.code)
    sold = t.program.business_day(cs.business_time)
    days = (t.program.business_day(t.now()) - sold).days
    if days > p.return_days:
        raise PosError("cardreturn.too_late", sale=cs.sale_no, sold=sold.isoformat(),
                       days=p.return_days)


def _unused(s: Session, cs: CardSale, card: Card) -> None:
    """Refused, coded, unless the card is as its sale left it."""
    masked = mask_card(card.card_no)
    if card.status != "active":
        raise PosError("cardreturn.card_not_active", card=masked, status=status(card.status))
    accounts = [a.id for a in members.sv_accounts(s, card)]
    moved = s.scalar(select(func.count(Entry.id)).where(
        Entry.account_id.in_(accounts), Entry.journal_id != cs.journal_id)) or 0
    if moved:
        raise PosError("cardreturn.used", card=masked)
    if s.scalars(select(Card.id).where(Card.main_card_id == card.id)).first() is not None:
        raise PosError("cardreturn.supplementary", card=masked)
    grants = select(Entitlement.uid).where(Entitlement.card_no == card.card_no)
    if s.scalars(select(EntitlementUse.id).where(
            EntitlementUse.entitlement_uid.in_(grants))).first() is not None:
        raise PosError("cardreturn.service_used", card=masked)


def take_back(t: Terminal, s: Session, ref: str, who: Operator,
              approver: Operator | None = None, reason: str = "") -> Returned:
    """Take back the unused cards of the card sale ``ref`` (its receipt number or one of
    its cards), within the product's ``return_days``."""
    approved = require(who, "card_return", approver)
    shifts.require_open(s, "card_return")
    cs = find_sale(s, ref)
    if cs.kind != "sale":
        raise PosError("cardreturn.granted", sale=cs.sale_no)
    done = s.scalars(select(CardReturn).where(CardReturn.sale_id == cs.id)).first()
    if done is not None:
        raise PosError("cardreturn.already", sale=cs.sale_no, ret=done.return_no)
    _check_time(t, cs)
    nos = json.loads(cs.cards)
    cards = [members.find_card(s, no, active_only=False) for no in nos]
    for c in cards:
        _unused(s, cs, c)
    no = t.next_receipt_no(s)
    now = t.now()
    j = _post(t, s, no, cs, cards, who)
    row = CardReturn(return_no=no, sale_id=cs.id, journal_id=j.id, paid_back=cs.paid,
                     bonus=cs.face - cs.paid, commission=cs.commission,
                     reason=(reason.strip() or "returned unused")[:80], approved_by=approved,
                     business_time=now, staff=who.code)
    s.add(row)
    if cs.commission:
        s.add(StaffCommission(staff=cs.seller, amount=-cs.commission, kind="card_return",
                              ref=no, at=now))
    last = now - timedelta(microseconds=1)  # the services' last moment: just before it
    ended = _end_services(s, nos, last)
    for c in cards:
        members.block_card(t, s, c.card_no, who, reason=Msg("cardmove.returned", no=no))
    s.flush()
    audit(s, now, who, "card_return", f"return {no}",
          {"sale": cs.sale_no, "product": cs.product, "cards": [mask_card(n) for n in nos],
           "paid_back": str(cs.paid), "tender": cs.tender, "commission": str(cs.commission),
           "seller": cs.seller, "reason": row.reason}, approved_by=approved)
    outbox.record(t, s, "card_refund", {
        "return_no": no, "sale_no": cs.sale_no, "product": cs.product, "cards": nos,
        "franchisee": t.identity.franchisee, "paid": cs.paid, "bonus": cs.face - cs.paid,
        "tender": cs.tender, "seller": cs.seller, "commission": cs.commission,
        "grants_ended": ended, "at": last.isoformat(), "approved_by": approved,
        "staff": who.code,
    }, now, j)
    return Returned(row, cs, nos)


def _post(t: Terminal, s: Session, no: str, cs: CardSale, cards: list[Card],
          who: Operator) -> Journal:
    """The sale's journal undone: principal back by the tender, bonus back to the sale
    discount, the commission back from its seller."""
    p = Posting("card_return", t.now(), who.code, ref=no, record=("card_return", no))
    discount = account(s, "cards:sale_discount", CNY)
    for c in cards:
        principal, bonus = members.sv_accounts(s, c)
        if principal.balance:
            p.debit(principal, -principal.balance)
            p.credit(account(s, TENDER_ACCOUNTS[cs.tender], CNY), -principal.balance)
        if bonus.balance:
            p.debit(bonus, -bonus.balance)
            p.credit(discount, -bonus.balance)
    if cs.commission:
        p.debit(account(s, f"staff:commission:{cs.seller}", CNY), cents(cs.commission))
        p.credit(account(s, "cards:commission", CNY), cents(cs.commission))
    return ledger.post(s, p, t.now(), t.info(s))


def _end_services(s: Session, cards: list[str], last: datetime) -> list[str]:
    """The services the returned cards brought end at ``last``; their grants' ids."""
    out = []
    for e in s.scalars(select(Entitlement).where(Entitlement.card_no.in_(cards))):
        e.valid_until = last
        out.append(e.uid)
    return out


def check(s: Session, journals: dict[int, Journal],
          entries: dict[int, list[tuple[str, int, str]]]) -> list[Msg]:
    """Each return recomputed from its journal's entries: what the tender gave back is
    what the sale took in, and the seller's commission went back (``pos ledger
    verify``)."""
    out = []
    for r in s.scalars(select(CardReturn).order_by(CardReturn.id)):
        cs = s.get(CardSale, r.sale_id)
        if r.journal_id not in journals or cs is None:
            continue
        net: dict[str, int] = {}
        for code, amount, _unit in entries.get(r.journal_id, []):
            net[code] = net.get(code, 0) + amount
        what = Msg("verify.what_card_return", no=r.return_no)
        gave = -net.get(TENDER_ACCOUNTS.get(cs.tender, ""), 0)
        if gave != cents(r.paid_back):
            out.append(Msg("verify.card_return_paid", what=what, paid=r.paid_back,
                           gave=ledger.yuan(gave)))
        if net.get(f"staff:commission:{cs.seller}", 0) != cents(r.commission):
            out.append(Msg("verify.card_return_commission", what=what,
                           commission=r.commission, seller=cs.seller))
    return out


def summary(r: Returned) -> dict[str, Any]:
    return {"return_no": r.row.return_no, "sale_no": r.sale.sale_no,
            "product": r.sale.product, "cards": r.cards, "paid_back": str(r.row.paid_back),
            "tender": r.sale.tender, "bonus": str(r.row.bonus),
            "commission": str(r.row.commission), "seller": r.sale.seller,
            "reason": r.row.reason, "approved_by": r.row.approved_by}
