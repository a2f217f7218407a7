"""Card products sold and given (售卡, 赠卡): cards of a card product taken from this
store's stock in number order, loaded with their face value as stored value.

How the money is booked (one journal per sale, record ``card_sale``):

* what the customer paid is the cards' **principal** (本金): the tender's account is
  debited, each card's ``sv:card:NO:principal`` credited with its price;
* the rest of face, when a supervisor sold below face to a chosen customer, is the
  cards' **bonus** (赠送): ``cards:sale_discount`` (a selling expense, like the top-up
  bonus) is debited, each card's ``sv:card:NO:bonus`` credited; a card given by a
  spending rule is all bonus, debited to ``cards:granted``;
* the seller's commission (the product's ``commission_rate`` of what was paid) is
  debited to ``cards:commission`` and credited to ``staff:commission:CODE``, what the
  store owes that staff member.

Stored value is never paid out in cash; a purchase at or above the program's real-name
threshold keeps the buyer's name and ID number (encrypted, like a member's)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from pos_app.core import card_stock, entitlements, ledger, members, outbox, shifts, tiers
from pos_app.core.errors import PosError
from pos_app.core.ledger import CNY, TENDER_ACCOUNTS, Posting, account, cents
from pos_app.core.messages import Msg
from pos_app.core.models import (
    Card,
    CardMedia,
    CardSale,
    Journal,
    Member,
    StaffCommission,
    StockCard,
)
from pos_app.core.money import ZERO, format_money, money, round_half_up
from pos_app.core.pii import mask_card
from pos_app.core.program import CardProduct
from pos_app.core.staff import Operator, audit, require
from pos_app.core.terminal import Terminal

MAX_CARDS = 100  # cards in one purchase


@dataclass
class CardSaleRequest:
    product: str
    count: int = 1
    first: str | None = None  # the first card (default: the lowest in stock)
    holder: str | None = None  # a registered product: the card or phone of its member
    price: Decimal | None = None  # each card's price (default: face)
    tender: str = "cash"
    seller: str | None = None  # the staff credited (default: who sells)
    buyer_name: str | None = None  # the real-name record of a large purchase
    buyer_id_number: str | None = None


def _holder(t: Terminal, s: Session, text: str) -> Member:
    text = text.strip()
    if text.isdigit() and len(text) == 11 and text.startswith("1"):
        return members.find_by_phone(t, s, text)
    return members.find_card(s, text).member


def _price(t: Terminal, p: CardProduct, req: CardSaleRequest, who: Operator,
           approver: Operator | None) -> tuple[Decimal, str | None]:
    """Each card's price and who approved a price below face."""
    price = money(req.price) if req.price is not None else p.face_value
    if price <= 0 or price > p.face_value:
        raise PosError("cardsale.bad_price", price=format_money(price),
                       face=format_money(p.face_value))
    if price == p.face_value:
        return price, None
    approved = require(who, "card_sale_discount", approver)
    lowest = round_half_up(p.face_value * p.min_sale_rate)
    if price < lowest:
        raise PosError("cardsale.below_lowest", price=format_money(price),
                       lowest=format_money(lowest), product=p.code)
    return price, approved


def _real_name(t: Terminal, paid: Decimal, holder: Member | None,
               req: CardSaleRequest) -> tuple[str | None, str | None]:
    """The buyer's (name, ID number) a purchase at or above the threshold needs."""
    if paid < t.program.stored_value.real_name_purchase_at:
        return None, None
    if req.buyer_id_number:
        idn = req.buyer_id_number.strip().upper()
        from stdnum.cn import ric  # only where an ID number is read (start-up cost)
        from stdnum.exceptions import ValidationError

        try:
            ric.validate(idn)
        except ValidationError as err:
            raise PosError("member.bad_id_number", detail=err) from err
        if not (req.buyer_name or "").strip():
            raise PosError("cardsale.buyer_name")
        return (req.buyer_name or "").strip()[:60], idn
    if holder is not None and holder.id_no_enc:
        return (t.vault.open("name", holder.name_enc) or "",
                t.vault.decrypt("id_number", holder.id_no_enc))
    raise PosError("cardsale.real_name", amount=format_money(paid),
                   threshold=format_money(t.program.stored_value.real_name_purchase_at))


def sell(t: Terminal, s: Session, req: CardSaleRequest, who: Operator,
         approver: Operator | None = None) -> CardSale:
    """Sell ``req.count`` cards of a product from this store's stock."""
    require(who, "card_sale", None)
    shifts.require_open(s, "card_sale")
    p = card_stock.product_of(t, req.product)
    if req.tender not in TENDER_ACCOUNTS:
        raise PosError("sv.topup_tender", allowed=", ".join(TENDER_ACCOUNTS), tender=req.tender)
    if not 1 <= req.count <= MAX_CARDS:
        raise PosError("cardsale.bad_count", count=req.count, most=MAX_CARDS)
    if p.anonymous and req.holder:
        raise PosError("cardsale.anonymous_holder", product=p.code)
    if not p.anonymous and (not req.holder or req.count != 1):
        raise PosError("cardsale.needs_holder", product=p.code)
    holder = _holder(t, s, req.holder) if req.holder else None
    price, approved = _price(t, p, req, who, approver)
    buyer = _real_name(t, price * req.count, holder, req)
    stock = card_stock.take(t, s, p.code, req.count, req.first)
    return _hand_over(t, s, p, stock, holder, who, kind="sale", price=price,
                      tender=req.tender, seller=req.seller or who.code, approved=approved,
                      buyer=buyer)


def grant(t: Terminal, s: Session, product: str, holder: str, who: Operator,
          first: str | None = None) -> CardSale:
    """Give a member a card of ``product`` free: their spend over 12 months reached the
    product's ``grant_spend_12m`` (once a year)."""
    require(who, "card_grant", None)
    p = card_stock.product_of(t, product)
    if p.grant_spend_12m is None:
        raise PosError("cardsale.not_granted", product=p.code)
    m = _holder(t, s, holder)
    now = t.now()
    spent = tiers.rolling_12m(s, m.id, now)
    if spent < p.grant_spend_12m:
        raise PosError("cardsale.spend_short", spent=format_money(spent),
                       threshold=format_money(p.grant_spend_12m), product=p.code)
    earlier = s.scalars(select(CardSale).where(
        CardSale.kind == "grant", CardSale.product == p.code, CardSale.member_id == m.id,
        CardSale.business_time > now - timedelta(days=365))).first()
    if earlier is not None:
        raise PosError("cardsale.granted_already", product=p.code, sale=earlier.sale_no)
    stock = card_stock.take(t, s, p.code, 1, first)
    return _hand_over(t, s, p, stock, m, who, kind="grant", price=ZERO, tender="none",
                      seller=who.code, approved=None, buyer=(None, None))


def enroll(t: Terminal, s: Session, e: members.Enrollment, who: Operator) -> Member:
    """Enroll a member (:func:`members.enroll`); a card of the store's stock issued to
    them brings its product's services."""
    m = members.enroll(t, s, e, who)
    sc = card_stock.of_card(s, members.main_card(s, m)) if e.card_no else None
    if sc is not None:
        entitlements.grant_for_card(s, members.main_card(s, m), sc.product, terminal=t, who=who)
    return m


def _issue(t: Terminal, s: Session, sc: StockCard, holder: Member | None, who: Operator,
           reason: str) -> Card:
    """The stock card issued: to its holder, or (anonymous) to a new anonymous member."""
    if holder is None:
        m = members.enroll(t, s, members.Enrollment(anonymous=True, card_no=sc.card_no,
                                                    sold=True), who)
        return members.main_card(s, m)
    now = t.now()
    card = members.issue_card(t, s, holder, sc.card_no, sc.media, None, now)
    card_stock.hand_out(t, s, sc, card, who, sold=True, reason=reason,
                        valid_until=card_stock.validity(t, sc, now))
    media = list(s.scalars(select(CardMedia).where(CardMedia.card_id == card.id)))
    outbox.record(t, s, "card_issued", {
        "card": card.card_no, "main_card": None, "member": holder.uid,
        "franchisee": card.franchisee, "limit_per_sale": None, "limit_per_day": None,
        "media": sc.media, "identifier": media[0].identifier if media else card.card_no,
    }, now)
    return card


def _hand_over(t: Terminal, s: Session, p: CardProduct, stock: list[StockCard],
               holder: Member | None, who: Operator, *, kind: str, price: Decimal,
               tender: str, seller: str, approved: str | None,
               buyer: tuple[str | None, str | None]) -> CardSale:
    """Issue the cards, book their stored value and the commission, keep the record,
    audit it and send it to HQ."""
    no = t.next_receipt_no(s)
    cards = [_issue(t, s, sc, holder, who, Msg(f"cardmove.{kind}", no=no)) for sc in stock]
    paid = price * len(cards)
    commission = round_half_up(paid * p.commission_rate) if kind == "sale" else ZERO
    now = t.now()
    j = _post(t, s, no, kind, cards, p.face_value, price, tender, seller, commission, who)
    name, idn = buyer
    row = CardSale(
        sale_no=no, kind=kind, journal_id=j.id, product=p.code,
        cards=json.dumps([c.card_no for c in cards]), face=p.face_value * len(cards),
        paid=paid, tender=tender, seller=seller, commission=commission, approved_by=approved,
        member_id=holder.id if holder else None, buyer_name_enc=t.vault.seal("name", name),
        buyer_id_enc=t.vault.encrypt("id_number", idn) if idn else None,
        buyer_id_hash=t.vault.lookup_hash("id_number", idn) if idn else None,
        business_time=now, staff=who.code)
    s.add(row)
    if commission:
        s.add(StaffCommission(staff=seller, amount=commission, kind="card_sale", ref=no, at=now))
    s.flush()
    for c in cards:  # the services the product brings (a clinic card's check-up)
        entitlements.grant_for_card(s, c, p.code, terminal=t, who=who, at=now)
    detail = {"product": p.code, "cards": [mask_card(c.card_no) for c in cards],
              "paid": str(paid), "commission": str(commission), "seller": seller,
              "real_name": idn is not None}
    audit(s, now, who, f"card_{kind}", f"{kind} {no}", detail, approved_by=approved)
    outbox.record(t, s, "card_sale", {
        "sale_no": no, "kind": kind, "product": p.code, "cards": [c.card_no for c in cards],
        "members": [c.member.uid for c in cards], "franchisee": t.identity.franchisee,
        "face": p.face_value * len(cards), "paid": paid, "tender": tender, "seller": seller,
        "commission": commission, "approved_by": approved, "staff": who.code,
    }, now, j)
    return row


def _post(t: Terminal, s: Session, no: str, kind: str, cards: list[Card], face: Decimal,
          price: Decimal, tender: str, seller: str, commission: Decimal,
          who: Operator) -> Journal:
    p = Posting(f"card_{kind}", t.now(), who.code, ref=no, record=("card_sale", no))
    rest_account = account(s, "cards:granted" if kind == "grant" else "cards:sale_discount", CNY)
    for c in cards:
        principal, bonus = members.sv_accounts(s, c)
        if price:
            p.debit(account(s, TENDER_ACCOUNTS[tender], CNY), cents(price))
            p.credit(principal, cents(price))
        p.debit(rest_account, cents(face - price))
        p.credit(bonus, cents(face - price))
    if commission:
        p.debit(account(s, "cards:commission", CNY), cents(commission))
        p.credit(account(s, f"staff:commission:{seller}", CNY), cents(commission))
    return ledger.post(s, p, t.now(), t.info(s))


def check(s: Session, journals: dict[int, Journal],
          entries: dict[int, list[tuple[str, int, str]]]) -> list[Msg]:
    """Each card sale recomputed from its journal's entries: what the tender took in is
    what was paid and the cards' principal, the rest of face their bonus, the commission
    owed its seller (``pos ledger verify``)."""
    out = []
    for cs in s.scalars(select(CardSale).order_by(CardSale.id)):
        if cs.journal_id not in journals:
            continue
        net: dict[str, int] = {}
        for code, amount, _unit in entries.get(cs.journal_id, []):
            net[code] = net.get(code, 0) + amount
        what = Msg("verify.what_card_sale", no=cs.sale_no)
        principal = -sum(a for c, a in net.items() if c.endswith(":principal"))
        bonus = -sum(a for c, a in net.items() if c.startswith("sv:card:") and c.endswith(":bonus"))
        took = net.get(TENDER_ACCOUNTS.get(cs.tender, ""), 0)
        if took != cents(cs.paid) or principal != cents(cs.paid):
            out.append(Msg("verify.card_sale_paid", what=what, paid=cs.paid,
                           took=ledger.yuan(took), principal=ledger.yuan(principal)))
        if bonus != cents(cs.face - cs.paid):
            out.append(Msg("verify.card_sale_bonus", what=what, below=cs.face - cs.paid,
                           bonus=ledger.yuan(bonus)))
        if -net.get(f"staff:commission:{cs.seller}", 0) != cents(cs.commission):
            out.append(Msg("verify.card_sale_commission", what=what, commission=cs.commission,
                           seller=cs.seller))
    return out


def summary(t: Terminal, cs: CardSale) -> dict[str, Any]:
    return {
        "sale_no": cs.sale_no, "kind": cs.kind, "product": cs.product,
        "cards": json.loads(cs.cards), "face": str(cs.face), "paid": str(cs.paid),
        "bonus": str(cs.face - cs.paid), "tender": cs.tender, "seller": cs.seller,
        "commission": str(cs.commission), "approved_by": cs.approved_by,
        "real_name": cs.buyer_id_enc is not None,
    }
