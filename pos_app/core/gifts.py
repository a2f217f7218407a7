"""Gifts (礼品): kept in stock per store, received and counted by a supervisor, given
for points at the member counter or the checkout, and given with a purchase by a
gift-with-purchase promotion (满赠, priced by :func:`pos_app.core.pricing.quote`).

Every move of a gift is a ``gift_moves`` row; the stock on hand is their sum. Each move
travels to HQ as an event (``gift_stock``, ``gift_redeemed``, or inside the sale and the
refund), so HQ shows every store's stock; a gift paid with points earned at another
franchisee's store is cleared between them by HQ like points paid as money.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pos_app.core import ledger, outbox, points
from pos_app.core.errors import NotFound, PosError
from pos_app.core.ledger import CNY, Posting, RecordKind, account, cents, register_record
from pos_app.core.members import find_card
from pos_app.core.models import Card, GiftMove, Member, Sale, SaleGift
from pos_app.core.money import ZERO, to_str
from pos_app.core.pricing import COUPON, PAY_DISCOUNT, PricedCart
from pos_app.core.program import Gift, Program, Promotion
from pos_app.core.staff import Operator, audit, require
from pos_app.core.terminal import Terminal

MAX_MOVE = 100_000  # most gifts one receipt or count may move

register_record("gift", RecordKind("gift_moves", "move_no", where="kind = 'redeem'"))


def gift_of(program: Program, code: str) -> Gift:
    """The program's gift ``code``; NotFound naming it otherwise."""
    g = program.gift(code.strip())
    if g is None:
        raise NotFound("gift.unknown", gift=code,
                       known=", ".join(x.code for x in program.gifts) or "-")
    return g


def with_purchase(program: Program) -> bool:
    """Does the program have any gift-with-purchase promotion (满赠)?"""
    return any(p.kind == "gift_with_purchase" for p in program.promotions)


def on_hand(s: Session, code: str) -> int:
    return int(s.scalar(select(func.coalesce(func.sum(GiftMove.qty), 0))
                        .where(GiftMove.gift_code == code)) or 0)


def stock(s: Session, program: Program) -> dict[str, int]:
    """Every gift of the program with its stock on hand here (0 if never received)."""
    counts = {code: n for code, n in s.execute(
        select(GiftMove.gift_code, func.sum(GiftMove.qty)).group_by(GiftMove.gift_code))}
    return {g.code: int(counts.get(g.code, 0)) for g in program.gifts}


def stock_rows(s: Session, program: Program) -> list[dict[str, object]]:
    """The stock as the command line and the screens show it."""
    here = stock(s, program)
    return [{"gift": g.code, "name": g.name, "value": to_str(g.value), "points": g.points,
             "on_hand": here[g.code]} for g in program.gifts]


# the events that carry a move of this till's gift stock to HQ
MOVE_EVENTS = ("gift_stock", "gift_redeemed", "gift_kept")


def take_store_count(s: Session, code: str, store_on_hand: int, pending: int,
                     at: datetime) -> int:
    """HQ's count of a gift in this store (every till's moves it has applied) and this
    till's moves HQ has not applied yet (``pending``) make the stock this till shows and
    gives from; the difference from what it holds, the other tills' moves, is kept as a
    ``store`` move (not sent back: HQ has them). Returns the difference."""
    diff = store_on_hand + pending - on_hand(s, code)
    if diff:
        no = f"G{ledger.next_counter(s, 'gift_move'):06d}"
        s.add(GiftMove(move_no=no, gift_code=code, kind="store", qty=diff, staff="sync",
                       at=at, value=Decimal("0.00"), points=0,
                       reason="the store's other tills (HQ's count)"))
        s.flush()
    return diff


def _move(t: Terminal, s: Session, gift: Gift, kind: str, qty: int, who: Operator,
          at: datetime, **extra: object) -> GiftMove:
    no = f"G{ledger.next_counter(s, 'gift_move'):06d}"
    mv = GiftMove(move_no=no, gift_code=gift.code, kind=kind, qty=qty, staff=who.code, at=at,
                  value=gift.value * abs(qty), points=0, reason="", **extra)
    s.add(mv)
    s.flush()
    return mv


def move_event(s: Session, mv: GiftMove) -> dict[str, object]:
    """A move as the events carry it (with the stock on hand after it)."""
    return {"move": mv.move_no, "gift": mv.gift_code, "kind": mv.kind, "qty": mv.qty,
            "value": mv.value, "points": mv.points, "sale": mv.sale_no,
            "on_hand": on_hand(s, mv.gift_code)}


def receive(t: Terminal, s: Session, code: str, qty: int, who: Operator,
            reason: str = "") -> GiftMove:
    """Gifts delivered to this store (a supervisor)."""
    require(who, "gift_stock", None)
    gift = gift_of(t.program, code)
    if not 1 <= qty <= MAX_MOVE:
        raise PosError("gift.bad_qty", qty=qty, max=MAX_MOVE)
    return _stock_move(t, s, gift, "receive", qty, who, reason)


def count(t: Terminal, s: Session, code: str, counted: int, who: Operator,
          reason: str) -> GiftMove | None:
    """A stock count (盘点): the stock on hand set to what was counted, the difference
    kept as an ``adjust`` move with its reason (a supervisor). None: nothing differed."""
    require(who, "gift_stock", None)
    gift = gift_of(t.program, code)
    if not 0 <= counted <= MAX_MOVE:
        raise PosError("gift.bad_count", qty=counted, max=MAX_MOVE)
    if not reason.strip():
        raise PosError("gift.count_reason")
    diff = counted - on_hand(s, gift.code)
    if not diff:
        return None
    return _stock_move(t, s, gift, "adjust", diff, who, reason)


def _stock_move(t: Terminal, s: Session, gift: Gift, kind: str, qty: int, who: Operator,
                reason: str) -> GiftMove:
    now = t.now()
    mv = _move(t, s, gift, kind, qty, who, now)
    mv.reason = reason.strip()[:80]
    audit(s, now, who, f"gift_{kind}", mv.move_no, {"gift": gift.code, "qty": qty,
                                                   "reason": mv.reason})
    outbox.record(t, s, "gift_stock", {**move_event(s, mv), "reason": mv.reason}, now)
    return mv


def take_one(t: Terminal, s: Session, gift: Gift, kind: str, who: Operator, at: datetime,
             **extra: object) -> GiftMove:
    """One gift out of stock (a redemption or a gift with a purchase); refused when none
    is left."""
    if on_hand(s, gift.code) < 1:
        raise PosError("gift.out_of_stock", gift=gift.name, code=gift.code)
    return _move(t, s, gift, kind, -1, who, at, **extra)


@dataclass
class Redemption:
    move: GiftMove
    gift: Gift
    member: Member
    card: Card
    points_left: int


def points_price(gift: Gift) -> int:
    if gift.points is None:
        raise PosError("gift.not_for_points", gift=gift.name, code=gift.code)
    return gift.points


def redeem(t: Terminal, s: Session, card_no: str, code: str, who: Operator) -> Redemption:
    """A gift for points at the member counter (礼品兑换): the points leave the member's
    lots oldest first in a journal of its own, the gift leaves the stock."""
    require(who, "gift_redeem", None)
    gift = gift_of(t.program, code)
    points_price(gift)
    card = find_card(s, card_no)
    if card.main_card_id is not None:
        raise PosError("tender.points_supplementary")
    member = card.member
    now = t.now()
    points.expire_due(t, s, member.id, who)
    mv = _redeem_points(t, s, gift, member, card, who, now)
    left = -points.member_account(s, member.id).balance
    return Redemption(mv, gift, member, card, left)


def _redeem_points(t: Terminal, s: Session, gift: Gift, member: Member, card: Card,
                   who: Operator, at: datetime, sale_no: str | None = None) -> GiftMove:
    """One gift for its points: the move, the points journal, the audit row, the event."""
    price = points_price(gift)
    mv = take_one(t, s, gift, "redeem", who, at, member_id=member.id, sale_no=sale_no)
    mv.points = price
    p = Posting("gift_redemption", at, who.code, ref=sale_no or mv.move_no,
                record=("gift", mv.move_no))
    plan = points.PointsPlan()
    points.redeem(s, p, plan, member.id, price, at)
    now = t.now()
    j = ledger.post(s, p, now, t.info(s))
    plan.apply(s, member.id, j.id)
    mv.journal_id = j.id
    audit(s, now, who, "gift_redeem", mv.move_no,
          {"gift": gift.code, "points": price, "member": member.id, "sale": sale_no})
    outbox.record(t, s, "gift_redeemed", {**move_event(s, mv), "member": member.uid,
                                          "card": card.card_no}, at, j)
    return mv


def hand_over(t: Terminal, s: Session, sale: Sale, priced: PricedCart, for_points: list[str],
              member: Member | None, card: Card | None, who: Operator,
              at: datetime) -> list[SaleGift]:
    """The gifts of a sale just written: those its gift-with-purchase promotions give
    (step 4b of the quote) and those bought with points at the checkout, each out of
    stock, on the sale at ¥0 with its value."""
    out = []
    mid = member.id if member else None
    for g in priced.gifts:
        gift = gift_of(t.program, g.gift)
        mv = take_one(t, s, gift, "promotion", who, at, sale_no=sale.sale_no, member_id=mid)
        mv.reason = g.promotion
        outbox.record(t, s, "gift_stock", {**move_event(s, mv), "reason": g.promotion}, at)
        out.append(SaleGift(sale_id=sale.id, gift_code=gift.code, name=gift.name,
                            value=gift.value, source="promotion", promotion=g.promotion,
                            points=0))
    if for_points and (member is None or card is None):
        raise PosError("gift.points_need_member")
    if for_points and card is not None and card.main_card_id is not None:
        raise PosError("tender.points_supplementary")
    for code in for_points:
        gift = gift_of(t.program, code)
        assert member is not None and card is not None
        mv = _redeem_points(t, s, gift, member, card, who, at, sale.sale_no)
        out.append(SaleGift(sale_id=sale.id, gift_code=gift.code, name=gift.name,
                            value=gift.value, source="points", promotion=None,
                            points=mv.points))
    s.add_all(out)
    s.flush()
    return out


def of_sale(s: Session, sale_id: int) -> list[SaleGift]:
    return list(s.scalars(select(SaleGift).where(SaleGift.sale_id == sale_id)
                          .order_by(SaleGift.id)))


register_record("gift_kept", RecordKind("gift_moves", "move_no", where="kind = 'kept'"))


def _still_paid(original: Sale, promo: Promotion) -> Decimal:
    """What the original sale's lines of ``promo`` still hold at step 4 (their amount
    before the coupon and the pay discount), for the units not refunded."""
    total = ZERO
    for ln in original.lines:
        if not promo.applies_to(ln.sku, ln.category) or not ln.qty:
            continue
        step4 = ln.amount + sum((d.amount for d in ln.discounts
                                 if d.source in (COUPON, PAY_DISCOUNT)), ZERO)
        total += step4 * (ln.qty - ln.refunded_qty) / ln.qty
    return total


def after_refund(t: Terminal, s: Session, original: Sale, refund: Sale, who: Operator,
                 at: datetime) -> list[SaleGift]:
    """The gifts a refund settles: a gift-with-purchase gift whose promotion's lines
    fall below its threshold is taken back into stock (``on_refund = "take_back"``) or
    kept by the customer, its value taken in cash at the counter (``deduct_value``:
    out of the cash refunded, or paid). Returns the gifts settled."""
    settled = []
    for sg in of_sale(s, original.id):
        promo = next((p for p in t.program.promotions if p.code == sg.promotion), None)
        if sg.source != "promotion" or sg.settled_by or promo is None:
            continue
        assert promo.threshold is not None
        if _still_paid(original, promo) >= promo.threshold:
            continue
        gift = t.program.gift(sg.gift_code) or Gift(sg.gift_code, sg.name, sg.value)
        extra: dict[str, object] = {"sale_no": refund.sale_no, "member_id": refund.member_id}
        if promo.on_refund == "deduct_value":
            mv = _move(t, s, gift, "kept", 0, who, at, **extra)
            mv.value = sg.value
            p = Posting("gift_kept", at, who.code, ref=f"{refund.sale_no} for "
                        f"{original.sale_no}", record=("gift_kept", mv.move_no))
            p.debit(account(s, "cash:drawer", CNY), cents(sg.value))
            p.credit(account(s, "sales:revenue", CNY), cents(sg.value))
            j = ledger.post(s, p, t.now(), t.info(s))
            mv.journal_id = j.id
            outbox.record(t, s, "gift_kept", {**move_event(s, mv),
                                              "original": original.sale_no}, at, j)
        else:
            mv = _move(t, s, gift, "return", 1, who, at, **extra)
            outbox.record(t, s, "gift_stock", {**move_event(s, mv), "reason": "refund"}, at)
        mv.reason = promo.code
        sg.settled_by = refund.sale_no
        sg.settled_as = "deducted" if promo.on_refund == "deduct_value" else "returned"
        audit(s, t.now(), who, f"gift_{sg.settled_as}", mv.move_no,
              {"gift": gift.code, "value": str(sg.value), "refund": refund.sale_no})
        settled.append(sg)
    s.flush()
    return settled
