"""Card stock (卡库存): finance has cards made in numbered batches (numbers in sequence,
each with a Luhn check digit, of one card product and one medium); a store's counter
receives a batch (or part of it) and registers it; each card then moves

    in_stock -> issued | sold -> active -> blocked | expired

every move kept (``card_moves``), audited and sent to HQ (event ``card_stock``). A card
number that is not in this store's stock is refused at issue."""

from __future__ import annotations

import calendar
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from pos_app.core import outbox
from pos_app.core.errors import NotFound, PosError
from pos_app.core.ledger import next_counter
from pos_app.core.messages import Items, Msg, status
from pos_app.core.models import Card, CardBatch, CardMove, StockCard
from pos_app.core.pii import mask_card
from pos_app.core.program import CARD_PRODUCT_MEDIA, CardProduct
from pos_app.core.staff import Operator, audit
from pos_app.core.terminal import Terminal

MAX_BATCH = 10_000
# where each status may move to
MOVES: dict[str, tuple[str, ...]] = {
    "in_stock": ("issued", "sold"),
    "issued": ("active",),
    "sold": ("active",),
    "active": ("blocked", "expired"),
    "blocked": (),
    "expired": ("active",),  # a yearly card renewed by a top-up
}
STATUSES = tuple(MOVES)


def product_of(t: Terminal, code: str) -> CardProduct:
    p = t.program.card_product(code)
    if p is None:
        known = Items(p.code for p in t.program.card_products)
        raise PosError("card.no_product", product=code, known=known or "-")
    return p


def with_check_digit(body: str) -> str:
    """A card number: its digits ``body`` and their Luhn check digit (连号编码)."""
    from stdnum import luhn  # python-stdnum only where a card number is made (start-up cost)

    return body + luhn.calc_check_digit(body)


def check_digit_ok(card_no: str) -> bool:
    """Whether ``card_no`` is all digits ending in its Luhn check digit."""
    from stdnum import luhn  # as in with_check_digit

    return card_no.isdigit() and luhn.is_valid(card_no)


def numbers(start: str, count: int) -> list[str]:
    """``count`` card numbers in sequence from the body ``start`` (digits, without the
    check digit), each with its check digit appended."""
    width = len(start)
    return [with_check_digit(f"{n:0{width}d}") for n in range(int(start), int(start) + count)]


def _check_range(start: str, count: int) -> list[str]:
    if not (start.isdigit() and 7 <= len(start) <= 31):
        raise PosError("card.bad_start", start=start)
    if not 1 <= count <= MAX_BATCH:
        raise PosError("card.bad_count", count=count, most=MAX_BATCH)
    if len(str(int(start) + count - 1)) > len(start):
        raise PosError("card.range_overflow", start=start, count=count)
    return numbers(start, count)


def _clashes(s: Session, nos: list[str]) -> list[str]:
    taken: list[str] = []
    for i in range(0, len(nos), 500):
        part = nos[i:i + 500]
        taken += s.scalars(select(StockCard.card_no).where(StockCard.card_no.in_(part))).all()
        taken += s.scalars(select(Card.card_no).where(Card.card_no.in_(part))).all()
    return sorted(set(taken))


def _overlapping_batch(s: Session, first: str, last: str) -> CardBatch | None:
    for b in s.scalars(select(CardBatch)):
        if len(b.first_no) == len(first) and not (last < b.first_no or first > b.last_no):
            return b
    return None


def create_batch(
    t: Terminal, s: Session, product: str, media: str, start: str, count: int, who: Operator
) -> CardBatch:
    """Finance's batch: ``count`` numbers from ``start``; no number of it may be in
    another batch made here, in stock or issued."""
    p = product_of(t, product)
    if media not in p.media:
        raise PosError("card.media_not_of_product", media=media, product=p.code,
                       allowed=Items(p.media))
    nos = _check_range(start, count)
    if not start.startswith(p.number_prefix):
        raise PosError("card.prefix", product=p.code, prefix=p.number_prefix)
    other = _overlapping_batch(s, nos[0], nos[-1])
    if other is not None:
        raise PosError("card.batch_overlaps", batch=other.batch_no, first=other.first_no,
                       last=other.last_no)
    now = t.now()
    no = f"{t.identity.store}-{next_counter(s, 'card_batch'):04d}"
    b = CardBatch(batch_no=no, product=p.code, media=media, first_no=nos[0], last_no=nos[-1],
                  count=count, created_at=now, created_by=who.code)
    s.add(b)
    s.flush()
    detail = {"batch": no, "product": p.code, "media": media, "first": nos[0],
              "last": nos[-1], "count": count}
    audit(s, now, who, "card_batch", f"batch {no}", detail)
    outbox.record(t, s, "card_stock", {"move": "made", **detail, "cards": nos,
                                       "staff": who.code}, now)
    return b


def delivery_note(b: CardBatch) -> dict[str, Any]:
    """What goes with the cards to the store (``pos card batch --note``): the batch,
    product, medium and the numbers (checked again when received)."""
    return {"batch": b.batch_no, "product": b.product, "media": b.media,
            "first": b.first_no, "last": b.last_no, "count": b.count}


@dataclass
class Received:
    batch: str
    product: str
    media: str
    cards: list[str]


def _from_note(t: Terminal, note: dict[str, Any]) -> tuple[str, str, str, list[str]]:
    """The batch, product, medium and numbers a delivery note lists (each checked)."""
    try:
        batch, product, media = str(note["batch"]), str(note["product"]), str(note["media"])
        first, last, count = str(note["first"]), str(note["last"]), int(note["count"])
    except (KeyError, TypeError, ValueError) as e:
        raise PosError("card.bad_note", detail=f"missing or bad {e}") from e
    for no in (first, last):
        if not check_digit_ok(no):
            raise PosError("member.card_check_digit", card=no)
    nos = _check_range(first[:-1], count)
    if nos[-1] != last:
        raise PosError("card.bad_note", detail=f"{count} cards from {first} do not end at {last}")
    if not first.startswith(product_of(t, product).number_prefix):
        raise PosError("card.prefix", product=product, prefix=product_of(t, product).number_prefix)
    if media not in CARD_PRODUCT_MEDIA:
        raise PosError("card.bad_note", detail=f"media {media!r}")
    return batch, product, media, nos


def receive(
    t: Terminal,
    s: Session,
    who: Operator,
    *,
    batch_no: str | None = None,
    note: dict[str, Any] | None = None,
    first: str | None = None,
    last: str | None = None,
) -> Received:
    """Register the cards of a batch (made here: ``batch_no``; made elsewhere: its
    delivery ``note``) to this store's stock, all of them or ``first``..``last``."""
    if note is not None:
        batch, product, media, nos = _from_note(t, note)
    else:
        b = s.scalars(select(CardBatch).where(CardBatch.batch_no == (batch_no or ""))).first()
        if b is None:
            raise NotFound("card.no_batch", batch=batch_no or "")
        batch, product, media = b.batch_no, b.product, b.media
        nos = numbers(b.first_no[:-1], b.count)
    for no in (first, last):
        if no is not None and no not in nos:
            raise PosError("card.not_in_batch", card=no, batch=batch)
    lo = nos.index(first) if first else 0
    hi = nos.index(last) if last else len(nos) - 1
    if lo > hi:
        raise PosError("card.range_backwards", first=first, last=last)
    nos = nos[lo:hi + 1]
    taken = _clashes(s, nos)
    if taken:
        raise PosError("card.already_registered", cards=Items(mask_card(c) for c in taken[:3]),
                       count=len(taken))
    now = t.now()
    store = t.identity.store
    for no in nos:
        s.add(StockCard(card_no=no, batch_no=batch, product=product, media=media, store=store,
                        status="in_stock", received_at=now, received_by=who.code, moved_at=now))
        s.add(CardMove(card_no=no, from_status="", to_status="in_stock", at=now,
                       staff=who.code, reason=Msg("cardmove.received", batch=batch)))
    s.flush()
    detail = {"batch": batch, "product": product, "media": media, "first": nos[0],
              "last": nos[-1], "count": len(nos)}
    audit(s, now, who, "card_receive", f"batch {batch}", detail)
    outbox.record(t, s, "card_stock", {"move": "received", **detail, "cards": nos,
                                       "store": store, "staff": who.code}, now)
    return Received(batch, product, media, nos)


def in_store(t: Terminal, s: Session, card_no: str) -> StockCard | None:
    """The card ``card_no`` of this store's stock, ready to be issued, or a coded refusal
    (not registered here, or no longer in stock) for a number of a card product's
    numbering; None for any other number (a card of a franchisee's own, presented)."""
    if t.program.card_product_numbered(card_no.strip()) is None:
        return None
    sc = s.scalars(select(StockCard).where(StockCard.card_no == card_no.strip())).first()
    if sc is None or sc.store != t.identity.store:
        raise PosError("card.not_in_stock", card=mask_card(card_no), store=t.identity.store)
    if sc.status != "in_stock":
        raise PosError("card.not_issuable", card=mask_card(card_no), status=status(sc.status))
    return sc


def next_in_stock(t: Terminal, s: Session, product: str | None = None,
                  media: str | None = None) -> StockCard:
    """The lowest-numbered card in stock (of ``product``, on ``media``)."""
    q = select(StockCard).where(StockCard.status == "in_stock",
                                StockCard.store == t.identity.store)
    if product:
        q = q.where(StockCard.product == product)
    if media:
        q = q.where(StockCard.media == media)
    sc = s.scalars(q.order_by(StockCard.card_no).limit(1)).first()
    if sc is None:
        raise PosError("card.stock_empty", product=product or "-")
    return sc


def move(t: Terminal, s: Session, sc: StockCard, to: str, who: Operator, reason: str,
         now: datetime | None = None, *, event: bool = True) -> None:
    """Move one stock card to ``to`` (only along :data:`MOVES`), kept, audited and sent."""
    if to not in MOVES[sc.status]:
        raise PosError("card.bad_move", card=mask_card(sc.card_no), status=status(sc.status),
                       to=status(to))
    now = now or t.now()
    s.add(CardMove(card_no=sc.card_no, from_status=sc.status, to_status=to, at=now,
                   staff=who.code, reason=reason[:80]))
    detail = {"card": mask_card(sc.card_no), "from": sc.status, "to": to, "reason": reason}
    sc.status = to
    sc.moved_at = now
    s.flush()
    audit(s, now, who, "card_move", f"card {mask_card(sc.card_no)}", detail)
    if event:
        outbox.record(t, s, "card_stock", {
            "move": to, "batch": sc.batch_no, "product": sc.product, "media": sc.media,
            "cards": [sc.card_no], "store": sc.store, "reason": reason, "staff": who.code,
        }, now)


def hand_out(t: Terminal, s: Session, sc: StockCard, card: Card, who: Operator, *,
             sold: bool, reason: str, valid_until: datetime | None = None) -> None:
    """The stock card handed to its holder (issued, or sold) and activated."""
    now = t.now()
    sc.card_id = card.id
    sc.valid_until = valid_until
    move(t, s, sc, "sold" if sold else "issued", who, reason, now)
    move(t, s, sc, "active", who, reason, now)


def validity(t: Terminal, sc: StockCard, start: datetime) -> datetime | None:
    """When a card of ``sc``'s product issued at ``start`` runs out (None: never)."""
    p = t.program.card_product(sc.product)
    if p is None or p.validity_months is None:
        return None
    local = start.astimezone(t.program.timezone)
    y, m = divmod(local.month - 1 + p.validity_months, 12)
    day = min(local.day, calendar.monthrange(local.year + y, m + 1)[1])  # 31 Jan -> 28/29 Feb
    return local.replace(year=local.year + y, month=m + 1, day=day)


def take(t: Terminal, s: Session, product: str, count: int, first: str | None = None
         ) -> list[StockCard]:
    """``count`` cards of ``product`` in this store's stock, in number order from
    ``first`` (default the lowest); a coded refusal when there are fewer."""
    if first is not None:
        sc = in_store(t, s, first)
        if sc is None or sc.product != product:
            raise PosError("card.not_of_product", card=mask_card(first), product=product)
    q = select(StockCard).where(StockCard.status == "in_stock", StockCard.product == product,
                                StockCard.store == t.identity.store)
    if first is not None:
        q = q.where(StockCard.card_no >= first)
    cards = list(s.scalars(q.order_by(StockCard.card_no).limit(count)))
    if len(cards) < count:
        raise PosError("card.stock_short", product=product, count=count, left=len(cards))
    return cards


def of_card(s: Session, card: Card) -> StockCard | None:
    return s.scalars(select(StockCard).where(StockCard.card_no == card.card_no)).first()


def stock(t: Terminal, s: Session, *, product: str | None = None, listed: int = 20
          ) -> dict[str, Any]:
    """This store's stock: how many cards of each product are in each status, and the
    first ``listed`` numbers in stock (the counter issues from the lowest)."""
    q = select(StockCard).where(StockCard.store == t.identity.store)
    if product:
        q = q.where(StockCard.product == product)
    rows = list(s.scalars(q.order_by(StockCard.card_no)))
    counts = Counter((r.product, r.media, r.status) for r in rows)
    by_product: dict[tuple[str, str], dict[str, int]] = {}
    for (prod, media, st), n in sorted(counts.items()):
        by_product.setdefault((prod, media), {x: 0 for x in STATUSES})[st] = n
    names = {p.code: p.name for p in t.program.card_products}
    return {
        "store": t.identity.store,
        "products": [{"product": prod, "name": names.get(prod, prod), "media": media, **c}
                     for (prod, media), c in by_product.items()],
        "in_stock": [{"card": r.card_no, "product": r.product, "media": r.media,
                      "batch": r.batch_no} for r in rows if r.status == "in_stock"][:listed],
    }


def history(s: Session, card_no: str) -> list[CardMove]:
    moves = list(s.scalars(select(CardMove).where(CardMove.card_no == card_no)
                           .order_by(CardMove.id)))
    if not moves:
        raise NotFound("card.not_in_stock_anywhere", card=mask_card(card_no))
    return moves


def expire_due(t: Terminal, s: Session, who: Operator) -> list[str]:
    """Move this store's active cards past their validity to expired (they can no longer
    be used; a product renewed by top-up comes back with the next top-up)."""
    now = t.now()
    out = []
    for sc in s.scalars(select(StockCard).where(StockCard.status == "active",
                                                StockCard.store == t.identity.store,
                                                StockCard.valid_until.is_not(None))
                        .order_by(StockCard.card_no)):
        if sc.valid_until is not None and sc.valid_until <= now:
            move(t, s, sc, "expired", who, Msg("cardmove.expired"), now)
            card = s.get(Card, sc.card_id) if sc.card_id else None
            if card is not None and card.status == "active":
                card.status = "expired"
            out.append(sc.card_no)
    return out


def refuse_past_validity(s: Session, card: Card, now: datetime | None = None) -> None:
    """Refused, coded, when the card (or the main card of a supplementary one) is past
    its product's validity (a yearly card), even before ``pos card expire`` marks it
    expired: as a blocked card is refused, at every use. ``now`` defaults to the clock of
    the terminal whose session this is (``Terminal.tx`` and ``Terminal.read`` give it)."""
    clock = s.info.get("now")
    now = now or (clock() if clock is not None else None)
    if now is None:
        return
    nos = [card.card_no]
    if card.main_card_id is not None:
        main = s.get(Card, card.main_card_id)
        nos += [main.card_no] if main is not None else []
    for no, until in s.execute(select(StockCard.card_no, StockCard.valid_until).where(
            StockCard.card_no.in_(nos), StockCard.valid_until.is_not(None))):
        if until is not None and until <= now:
            raise PosError("member.card_past_validity", card=mask_card(no),
                           until=until.astimezone(now.tzinfo).date().isoformat())


def renew_by_topup(t: Terminal, s: Session, card: Card, who: Operator) -> None:
    """A top-up on a yearly card whose product is renewed by top-up: valid for another
    period (from today, or from its end if later), an expired one active again. Any card
    not active (and not so renewable) is refused."""
    sc = of_card(s, card)
    p = t.program.card_product(sc.product) if sc is not None else None
    renewable = sc is not None and p is not None and p.renew_by_topup and p.validity_months
    if card.status != "active" and not (card.status == "expired" and renewable):
        raise PosError("member.card_unusable", card=mask_card(card.card_no),
                       status=status(card.status))
    now = t.now()
    if not renewable or sc is None:
        refuse_past_validity(s, card, now)  # past its date, not renewable: refused
        return
    start = max(now, sc.valid_until) if sc.valid_until is not None else now
    before = sc.valid_until
    sc.valid_until = validity(t, sc, start)
    if card.status == "expired":
        card.status = "active"
        move(t, s, sc, "active", who, Msg("cardmove.renewed"), now)
    audit(s, now, who, "card_renew", f"card {mask_card(card.card_no)}",
          {"from": before.isoformat() if before else None,
           "until": sc.valid_until.isoformat() if sc.valid_until else None})
