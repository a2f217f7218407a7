"""Offline limits on stored value, read from what sync writes (no network code here).

While the terminal is registered with an HQ (a ``sync_state`` row exists):

* a card on the HQ hotlist with scope ``all`` (blocked or lost anywhere) is refused;
* while HQ is unreachable (the link is down, or the last good exchange is older than
  ``stale_after_s``), a card on the hotlist with scope ``offline`` (it overdrew while
  offline) is refused, a card may spend at most the program's
  ``offline_spend_cap_per_card`` on this terminal until HQ has acknowledged those sales,
  and all offline spending together stays within the budget leased from HQ.

A terminal never registered with HQ runs standalone: none of this applies.
The amount of offline credit a sale used is put on the sale's outbox event
(``offline_credit``) and kept in ``offline_spend``.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from pos_app.core.errors import PosError
from pos_app.core.messages import Msg
from pos_app.core.models import Card, Hotlist, OfflineSpend, RemoteCouponUse, SyncState
from pos_app.core.money import CENT, ZERO, format_money
from pos_app.core.pii import mask_card
from pos_app.core.terminal import Terminal

_PENDING = "pos_offline_credit"


def state(s: Session) -> SyncState | None:
    return s.get(SyncState, 1)


def is_offline(st: SyncState, now: datetime) -> bool:
    if st.link != "up" or st.last_ok_at is None:
        return True
    return now - st.last_ok_at > timedelta(seconds=st.stale_after_s)


def offline_spent(s: Session, card_no: str) -> Decimal:
    """Stored value this card spent offline here that HQ has not acknowledged yet."""
    rows = s.scalars(
        select(OfflineSpend.amount).where(
            OfflineSpend.card_no == card_no, OfflineSpend.cleared_at.is_(None)
        )
    ).all()
    return sum(rows, ZERO)


def lease_left(s: Session, st: SyncState) -> Decimal:
    used = s.scalars(select(OfflineSpend.amount).where(OfflineSpend.cleared_at.is_(None))).all()
    return (Decimal(st.lease_cents) * CENT - sum(used, ZERO)).quantize(CENT)


def authorize(t: Terminal, s: Session, card: Card, amount: Decimal, at: datetime) -> None:
    """Called by the sale path for each stored-value tender before it is applied.
    Raises PosError when the card may not spend ``amount`` now."""
    st = state(s)
    if st is None:
        return
    offline = is_offline(st, t.now())
    main = s.get(Card, card.main_card_id) if card.main_card_id is not None else None
    blocked = _hotlisted(s, (card, main), offline)
    if blocked:
        raise PosError(blocked)
    if not offline:
        return
    card = main or card  # the cap counts what the stored-value account spends
    pending: list[tuple[str, Decimal]] = s.info.setdefault(_PENDING, [])
    this_sale = sum((a for c, a in pending if c == card.card_no), ZERO)
    cap = t.program.stored_value.offline_spend_cap_per_card
    used = offline_spent(s, card.card_no) + this_sale
    if used + amount > cap:
        raise PosError("sv.offline_card_cap", card=mask_card(card.card_no),
                       cap=format_money(cap), used=format_money(used))
    left = lease_left(s, st) - sum((a for _, a in pending), ZERO)
    if amount > left:
        raise PosError("sv.offline_budget", left=format_money(max(left, ZERO)))
    pending.append((card.card_no, amount))


def _hotlisted(s: Session, cards: tuple[Card, Card | None], offline: bool) -> Msg | None:
    """Why HQ's hotlist refuses a card or the main card it spends from, if it does."""
    for c in cards:
        hot = s.get(Hotlist, c.card_no) if c is not None else None
        if c is not None and hot is not None and (hot.scope == "all" or offline):
            why = "sv.blocked_by_hq" if hot.scope == "all" else "sv.blocked_offline"
            return Msg(why, card=mask_card(c.card_no), reason=hot.reason)
    return None


def limits(t: Terminal, s: Session, card: Card) -> list[tuple[Decimal, Msg]]:
    """What HQ's rules leave ``card`` to spend on this terminal now, each with the rule:
    nothing for a card on the hotlist, the per-card offline cap and the terminal's
    leased budget while HQ is unreachable. Empty: no such limit now (online, or a
    standalone terminal). :func:`authorize` applies the same rules to a sale."""
    st = state(s)
    if st is None:
        return []
    offline = is_offline(st, t.now())
    main = s.get(Card, card.main_card_id) if card.main_card_id is not None else None
    blocked = _hotlisted(s, (card, main), offline)
    if blocked:
        return [(ZERO, blocked)]
    if not offline:
        return []
    acc = main or card
    cap = t.program.stored_value.offline_spend_cap_per_card
    used = offline_spent(s, acc.card_no)
    return [
        (cap - used, Msg("sv.room_offline_cap", cap=format_money(cap), used=format_money(used))),
        (lease_left(s, st), Msg("sv.room_offline_budget")),
    ]


def take_credit(s: Session, sale_no: str, at: datetime) -> Decimal | None:
    """Record the offline credit the sale being written used; None if it used none."""
    pending: list[tuple[str, Decimal]] = s.info.pop(_PENDING, [])
    if not pending:
        return None
    for card_no, amount in pending:
        s.add(OfflineSpend(card_no=card_no, sale_no=sale_no, amount=amount, at=at))
    s.flush()
    return sum((a for _, a in pending), ZERO)


def credit_of(s: Session, sale_no: str) -> Decimal | None:
    """The offline credit a sale used (for screens and slips); None if it used none."""
    rows = s.scalars(select(OfflineSpend.amount).where(OfflineSpend.sale_no == sale_no)).all()
    return sum(rows, ZERO) if rows else None


def coupons_used_elsewhere(s: Session) -> set[str]:
    """Coupon codes HQ reports used (and not returned) in other stores."""
    return set(s.scalars(select(RemoteCouponUse.code)))
