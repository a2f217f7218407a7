"""Apply a terminal's batch of events at HQ in one database transaction.

Exactly once: ``hq_event_ids`` keeps every event id HQ has taken (primary key). The same id
with the same content is acknowledged again; the same id with different content is
quarantined and alerted. Order: each terminal's events are taken only at the sequence
HQ expects next and only if they link to the hash of the previous one; a gap is answered
with the expected sequence, a rewind or fork (a restored terminal) is flagged. The
terminal's row is locked (``SELECT ... FOR UPDATE`` on PostgreSQL, ``BEGIN IMMEDIATE``
on SQLite), so several HQ workers never apply one terminal's events twice or out of
order, and the unique (terminal, seq) of ``hq_event_ids`` backs that up.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Table, insert, select, text, update
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session

from pos_app.core.outbox import canonical, event_hash
from pos_app.core.pii import PiiVault
from sync.hq import card_stock, days, figures, pii
from sync.hq.amounts import to_cents, yuan
from sync.hq.models import (
    HqAccount,
    HqAlert,
    HqCard,
    HqChange,
    HqCoupon,
    HqEntitlement,
    HqEntitlementUse,
    HqEntry,
    HqEvent,
    HqEventId,
    HqGiftStock,
    HqMember,
    HqQuarantine,
    HqSale,
    HqSettlement,
    HqTerminal,
)

STORE_ACCOUNTS = (
    "cash:drawer",
    "bank_card:clearing",
    "other:clearing",
    "sales:revenue",
    "sales:returns",
    "points:redemption",
    "sv:bonus_given",
    "points:issued",
    "points:redeemed",
    "points:expired",
)


def utcnow() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def content_hash(t: HqTerminal, ev: dict[str, Any]) -> str:
    """What makes an event the same event: everything but its place in the stream."""
    body = {
        "event_id": ev["event_id"],
        "kind": ev["kind"],
        "business_time": ev["business_time"],
        "recorded_at": ev["recorded_at"],
        "payload": ev["payload"],
        "franchisee": t.franchisee,
        "store": t.store,
        "terminal": t.terminal,
    }
    return hashlib.sha256(canonical(body).encode("utf-8")).hexdigest()


def chain_hash(t: HqTerminal, ev: dict[str, Any]) -> str:
    header = {
        "event_id": ev["event_id"],
        "franchisee": t.franchisee,
        "store": t.store,
        "terminal": t.terminal,
        "epoch": ev["epoch"],
        "seq": ev["seq"],
        "kind": ev["kind"],
        "business_time": ev["business_time"],
        "recorded_at": ev["recorded_at"],
    }
    return event_hash(ev["prev_hash"], header, ev["payload"])


class Rejected(Exception):
    """A business reason HQ refuses an event (acknowledged as rejected)."""


@dataclass
class Book:
    """The batch's ledger work: balances loaded once, entries and changes collected."""

    s: Session
    balances: dict[str, int] = field(default_factory=dict)
    units: dict[str, str] = field(default_factory=dict)
    entries: list[dict[str, Any]] = field(default_factory=list)
    changes: list[tuple[str, str]] = field(default_factory=list)
    alerts: list[dict[str, Any]] = field(default_factory=list)
    settlement: list[dict[str, Any]] = field(default_factory=list)
    sales: list[dict[str, Any]] = field(default_factory=list)
    cards: dict[str, HqCard | None] = field(default_factory=dict)

    def mark(self) -> tuple[int, int, int, int, dict[str, int]]:
        return (len(self.entries), len(self.settlement), len(self.sales), len(self.changes),
                dict(self.balances))

    def undo(self, mark: tuple[int, int, int, int, dict[str, int]]) -> None:
        ne, nst, nsa, nch, bal = mark
        del self.entries[ne:]
        del self.settlement[nst:]
        del self.sales[nsa:]
        del self.changes[nch:]
        self.balances = bal

    def load(self, codes: set[str]) -> None:
        want = sorted(c for c in codes if c not in self.balances)
        if not want:
            return
        q = select(HqAccount.code, HqAccount.unit, HqAccount.balance).where(
            HqAccount.code.in_(want)
        )
        if self.s.get_bind().dialect.name == "postgresql":
            q = q.order_by(HqAccount.code).with_for_update()
        for code, unit, bal in self.s.execute(q):
            self.balances[code] = bal
            self.units[code] = unit
        for code in want:
            self.balances.setdefault(code, 0)

    def balance(self, code: str) -> int:
        self.load({code})
        return self.balances.get(code, 0)

    def post(self, event_id: str, code: str, amount: int, unit: str) -> None:
        """Record an entry. Balances are tracked only for accounts loaded (cards and
        overdrafts); the rest are updated by delta at the end, in code order."""
        if not amount:
            return
        self.units[code] = unit
        if code in self.balances:
            self.balances[code] += amount
        self.entries.append({"event_id": event_id, "account": code, "amount": amount, "unit": unit})

    def alert(self, kind: str, event_id: str | None, detail: str,
              amount: int | None = None) -> None:
        """One alert per event and kind: a second one for the same event (another card
        overdrawn by the same sale) adds its amount and detail to the first."""
        for a in self.alerts:
            if event_id is not None and a["event_id"] == event_id and a["kind"] == kind:
                a["detail"] += "; " + detail
                if amount is not None:
                    a["amount"] = (a.get("amount") or 0) + amount
                return
        self.alerts.append({"kind": kind, "event_id": event_id, "detail": detail,
                            "amount": amount})

    def card(self, card_no: str) -> HqCard | None:
        if card_no not in self.cards:
            self.cards[card_no] = self.s.get(HqCard, card_no)
        return self.cards[card_no]


def map_account(code: str, store: str, payload: dict[str, Any], amount: int) -> str:
    if code.startswith("sv:card:"):
        return code
    if code.startswith("points:member:"):
        if "-" in code[len("points:member:") :]:
            return code  # already named by the member's chain-wide id
        uid = payload.get("member")
        if "from" in payload and "to" in payload:  # a transfer: the debited side gave
            uid = payload["from"] if amount > 0 else payload["to"]
        return f"points:member:{uid}"
    return f"store:{store}:{code}"


def _card_of_account(code: str) -> str | None:
    parts = code.split(":")
    if len(parts) == 4 and parts[0] == "sv" and parts[1] == "card":
        return parts[2]
    return None


class Applier:
    def __init__(self, s: Session, t: HqTerminal, now: str) -> None:
        self.s = s
        self.t = t
        self.now = now
        self.book = Book(s)
        self.members: dict[str, HqMember | None] = {}
        self._ring: PiiVault | None = None
        self._overdrawn: dict[str, int] = {}
        self._date = ""

    # --- entry points ------------------------------------------------------------------

    def apply(self, ev: dict[str, Any], payload: dict[str, Any]) -> None:
        kind = ev["kind"]
        eid = ev["event_id"]
        if kind == "compensation":
            # the terminal undid a rejected event; HQ never posted it, so nothing to post
            return
        if kind == "topup":
            card = self.book.card(payload["card"])
            if card is not None and card.status != "active":
                raise Rejected(f"card {payload['card'][-4:]} is {card.status} at HQ")
        touched: set[str] = set()
        for code, amount, unit in payload.get("entries", []):
            hq_code = map_account(code, self.t.store, payload, int(amount))
            self.book.post(eid, hq_code, int(amount), unit)
            card_no = _card_of_account(hq_code)
            if card_no:
                touched.add(card_no)
        # overdrafts first, so the sale's settlement knows which part the card covered
        for card_no in sorted(touched):
            self.overdraft_check(eid, ev, card_no)
        handler = getattr(self, f"on_{kind}", None)
        if handler is not None:
            handler(eid, ev, payload)
        for card_no in sorted(touched):
            self.book.changes.append(("card", card_no))

    # --- stored value: overdrafts and recovery -----------------------------------------

    def overdraft_check(self, eid: str, ev: dict[str, Any], card_no: str) -> None:
        shortfall: dict[str, int] = {}
        for part in ("principal", "bonus"):
            code = f"sv:card:{card_no}:{part}"
            bal = self.book.balance(code)
            if bal > 0:  # the card's liability went below zero: spent more than it had
                od = f"overdraft:{self.t.store}:card:{card_no}"
                self.book.post(eid, code, -bal, "CNY")
                self.book.post(eid, od, bal, "CNY")
                shortfall[part] = bal
                self._overdrawn[eid] = self._overdrawn.get(eid, 0) + bal
        if not shortfall:
            return
        card = self.book.card(card_no)
        if card is not None:
            card.offline_blocked = True
            card.reason = "offline overdraft"
        total = sum(shortfall.values())
        parts = ", ".join(f"{p} ¥{yuan(c)}" for p, c in shortfall.items())
        self.book.alert("offline_overdraft", eid,
                        f"card {card_no[-4:]} overdrawn by ¥{yuan(total)} ({parts}) at store "
                        f"{self.t.store}; blocked for offline use", amount=total)

    def recover(self, eid: str, card_no: str, issuer: str) -> None:
        rows = self.s.scalars(
            select(HqAccount.code).where(HqAccount.code.like(f"overdraft:%:card:{card_no}"))
        ).all()
        codes = sorted(set(rows) | {c for c in self.book.balances if c.startswith("overdraft:")
                                    and c.endswith(f":card:{card_no}")})
        principal = f"sv:card:{card_no}:principal"
        for od in codes:
            owed = self.book.balance(od)
            avail = -self.book.balance(principal)
            take = min(owed, avail)
            if take <= 0:
                continue
            self.book.post(eid, principal, take, "CNY")
            self.book.post(eid, od, -take, "CNY")
            store_franchisee = self._store_franchisee(od.split(":")[1])
            if store_franchisee and store_franchisee != issuer:
                self._settle(eid, "stored_value", issuer, store_franchisee, take, 0)
        card = self.book.card(card_no)
        if card is not None and card.offline_blocked:
            if all(self.book.balance(od) <= 0 for od in codes):
                card.offline_blocked = False
                card.reason = ""

    def _store_franchisee(self, store: str) -> str | None:
        if store == self.t.store:
            return self.t.franchisee
        return self.s.scalar(
            select(HqTerminal.franchisee).where(HqTerminal.store == store).limit(1)
        )

    # --- settlement --------------------------------------------------------------------

    def _settle(
        self, eid: str, kind: str, debtor: str, creditor: str, amount: int, pts: int
    ) -> None:
        if not amount:
            return
        self.book.settlement.append(
            {
                "event_id": eid,
                "kind": kind,
                "debtor": debtor,
                "creditor": creditor,
                "amount_cents": amount,
                "points": pts,
                "business_date": self._date,
            }
        )
        self.book.post(eid, f"franchisee:{creditor}:due_from:{debtor}", amount, "CNY")
        self.book.post(eid, f"franchisee:{debtor}:due_to:{creditor}", -amount, "CNY")

    def ring(self) -> PiiVault:
        if self._ring is None:
            self._ring = pii.ring(self.s)
        return self._ring

    def member(self, uid: str | None) -> HqMember | None:
        if uid is None:
            return None
        if uid not in self.members:
            self.members[uid] = self.s.get(HqMember, uid)
        return self.members[uid]

    def _sale_like(self, eid: str, ev: dict[str, Any], p: dict[str, Any], sign: int) -> None:
        acceptor = self.t.franchisee
        od = self._overdrawn.get(eid, 0)
        for tr in p.get("tenders", []):
            amount = to_cents(tr["amount"])
            if tr["kind"] == "stored_value" and tr.get("card"):
                issuer = tr["card"]["franchisee"]
                if issuer != acceptor:
                    covered = amount - od if sign > 0 else amount
                    self._settle(eid, "stored_value", issuer, acceptor, sign * covered, 0)
            elif tr["kind"] == "points":
                m = self.member(p.get("member"))
                home = m.franchisee if m is not None else acceptor
                if home != acceptor:
                    self._settle(
                        eid, "points", home, acceptor, sign * amount, sign * int(tr["points"])
                    )
        self.book.sales.append(
            {
                "event_id": eid,
                "franchisee": acceptor,
                "store": self.t.store,
                "kind": p.get("kind", "sale"),
                "business_date": self._date,
                "member_uid": p.get("member"),
                "total_cents": sign * to_cents(p["total"]),
                "cashier": p.get("cashier"),
                "credited_staff": p.get("credited_staff"),
                "membership_offered": p.get("membership_offered"),
            }
        )
        if p.get("member"):
            self.book.changes.append(("member", p["member"]))

    # --- per kind ------------------------------------------------------------------------

    def on_balance_mismatch(self, eid: str, ev: dict[str, Any], p: dict[str, Any]) -> None:
        """The terminal found its own books of a card differ from what HQ holds of its
        events (sync/reconcile.py): an alert for HQ staff."""
        self.book.alert("balance_mismatch", eid,
                        f"card {str(p['card'])[-4:]} at store {self.t.store}: the terminal's "
                        f"own events put ¥{p['here']} on it, HQ holds ¥{p['hq']} of them",
                        amount=abs(to_cents(p["here"]) - to_cents(p["hq"])))

    def on_sale(self, eid: str, ev: dict[str, Any], p: dict[str, Any]) -> None:
        self._sale_like(eid, ev, p, 1)
        if p.get("coupon"):
            c = self.s.get(HqCoupon, p["coupon"])
            if c is None:
                self.s.add(HqCoupon(code=p["coupon"], event_id=eid, store=self.t.store,
                                    used=True))
            else:
                if c.used:  # a sale happened: post it, but say the code was used twice
                    self.book.alert("coupon_reused", eid,
                                    f"coupon {p['coupon']} used again at {self.t.store} "
                                    f"(first at {c.store})")
                c.used, c.event_id, c.store = True, eid, self.t.store
            self.book.changes.append(("coupon", p["coupon"]))
        m = self.member(p.get("member"))
        if m is not None and p.get("tier_upgrade"):
            m.tier = p["tier_upgrade"]

    def on_refund(self, eid: str, ev: dict[str, Any], p: dict[str, Any]) -> None:
        self._sale_like(eid, ev, p, -1)
        if p.get("coupon_returned") and p.get("coupon"):
            c = self.s.get(HqCoupon, p["coupon"])
            if c is not None:
                c.used = False
                self.book.changes.append(("coupon", p["coupon"]))

    def on_topup(self, eid: str, ev: dict[str, Any], p: dict[str, Any]) -> None:
        if p["franchisee"] != self.t.franchisee:
            # topped up in another franchisee's store: that store holds the cash the
            # card's issuer owes as stored value
            self._settle(eid, "stored_value", self.t.franchisee, p["franchisee"],
                         to_cents(p["amount"]), 0)
        self.recover(eid, p["card"], p["franchisee"])

    def on_member_enrolled(self, eid: str, ev: dict[str, Any], p: dict[str, Any]) -> None:
        uid = p["member"]
        m = self.member(uid)
        if m is None:
            data = pii.seal_member(self.ring(), p)
            m = HqMember(
                uid=uid,
                franchisee=p["franchisee"],
                store=p["store"],
                tier=p["tier"],
                data=canonical(data),
                enrolled_at=str(p["enrolled_at"]),
                phone_hash=data.get("phone_hash"),
            )
            self.s.add(m)
            self.members[uid] = m
        self.book.changes.append(("member", uid))
        self._new_card(p["card"], uid, None, p["franchisee"], p.get("media", []))

    def _new_card(
        self, card_no: str, uid: str, main: str | None, franchisee: str, media: list[Any]
    ) -> None:
        card = self.book.card(card_no)
        if card is None:
            card = HqCard(
                card_no=card_no,
                member_uid=uid,
                main_card=main,
                franchisee=franchisee,
                status="active",
                offline_blocked=False,
                reason="",
                data=canonical({"media": [m for m in media if m.get("card") == card_no]}),
            )
            self.s.add(card)
            self.book.cards[card_no] = card
        self.book.changes.append(("card", card_no))

    def on_card_issued(self, eid: str, ev: dict[str, Any], p: dict[str, Any]) -> None:
        media = [{"card": p["card"], "media": p["media"], "identifier": p["identifier"]}]
        self._new_card(p["card"], p["member"], p["main_card"], p["franchisee"], media)
        card = self.book.card(p["card"])
        assert card is not None
        data = json.loads(card.data)
        data.update(limit_per_sale=p.get("limit_per_sale"), limit_per_day=p.get("limit_per_day"))
        card.data = canonical(data)

    def on_card_bound(self, eid: str, ev: dict[str, Any], p: dict[str, Any]) -> None:
        card = self.book.card(p["card"])
        if card is not None:
            data = json.loads(card.data)
            data.setdefault("media", []).append(
                {"card": p["card"], "media": p["media"], "identifier": p["identifier"]}
            )
            card.data = canonical(data)
            self.book.changes.append(("card", p["card"]))

    def on_card_blocked(self, eid: str, ev: dict[str, Any], p: dict[str, Any]) -> None:
        card = self.book.card(p["card"])
        if card is not None:
            card.status = "blocked"
            card.reason = str(p.get("reason") or "")[:200]
            self.book.changes.append(("card", p["card"]))
        card_stock.card_blocked(self.s, p["card"], self.now)

    def on_card_stock(self, eid: str, ev: dict[str, Any], p: dict[str, Any]) -> None:
        card_stock.apply_move(self.s, self.t.store, p, self.now,
                              lambda kind, detail: self.book.alert(kind, eid, detail))
        if p["move"] in ("expired", "active"):
            for no in p["cards"]:
                self._follow_validity(str(no), str(p["move"]))

    def _follow_validity(self, card_no: str, move: str) -> None:
        """A yearly card the terminal expired (or renewed by a top-up): HQ's card record
        follows, and every terminal learns it with the card's next change."""
        card = self.book.card(card_no)
        if card is None:
            return
        if (move, card.status) in (("expired", "active"), ("active", "expired")):
            card.status = move
            card.reason = "validity ended" if move == "expired" else ""
            self.book.changes.append(("card", card_no))

    def on_card_replaced(self, eid: str, ev: dict[str, Any], p: dict[str, Any]) -> None:
        old = self.book.card(p["old_card"])
        if old is not None:
            old.status = "replaced"
            old.data = canonical({**json.loads(old.data), "replaced_by": p["new_card"]})
            self.book.changes.append(("card", p["old_card"]))
        media = [{"card": p["new_card"], "media": p["media"], "identifier": p["identifier"]}]
        self._new_card(p["new_card"], p["member"], None, p["franchisee"], media)

    def on_tier_changed(self, eid: str, ev: dict[str, Any], p: dict[str, Any]) -> None:
        m = self.member(p["member"])
        if m is not None:
            m.tier = p["to"]
            self.book.changes.append(("member", p["member"]))

    def on_points_expired(self, eid: str, ev: dict[str, Any], p: dict[str, Any]) -> None:
        self.book.changes.append(("member", p["member"]))

    def on_points_transferred(self, eid: str, ev: dict[str, Any], p: dict[str, Any]) -> None:
        self.book.changes.append(("member", p["from"]))
        self.book.changes.append(("member", p["to"]))

    # --- gifts and entitlements ----------------------------------------------------------

    def _gift_move(self, p: dict[str, Any]) -> None:
        """The store's stock of the gift moves by the terminal's move."""
        key = (self.t.store, str(p["gift"]))
        row = self.s.get(HqGiftStock, key)
        if row is None:
            row = HqGiftStock(store=key[0], gift=key[1], franchisee=self.t.franchisee,
                              on_hand=0, given=0, updated_at="")
            self.s.add(row)
        row.on_hand += int(p["qty"])
        if p["kind"] in ("redeem", "promotion"):
            row.given += -int(p["qty"])
        elif p["kind"] == "return":
            row.given -= int(p["qty"])
        row.updated_at = utcnow()
        self.book.changes.append(("gift", key[1]))  # the store's count, to its tills

    def on_gift_stock(self, eid: str, ev: dict[str, Any], p: dict[str, Any]) -> None:
        self._gift_move(p)

    def on_gift_kept(self, eid: str, ev: dict[str, Any], p: dict[str, Any]) -> None:
        """A refunded customer kept a gift; its value, in cash, is in the entries."""
        self._gift_move(p)

    def on_gift_redeemed(self, eid: str, ev: dict[str, Any], p: dict[str, Any]) -> None:
        """A gift for points: out of the store's stock; where the points were earned at
        another franchisee (the member's), that franchisee owes this store's the gift's
        value, cleared like points paid as money."""
        self._gift_move(p)
        m = self.member(p.get("member"))
        home = m.franchisee if m is not None else self.t.franchisee
        if home != self.t.franchisee:
            self._settle(eid, "points", home, self.t.franchisee, to_cents(p["value"]),
                         int(p["points"]))
        if p.get("member"):
            self.book.changes.append(("member", p["member"]))

    def on_entitlement_granted(self, eid: str, ev: dict[str, Any], p: dict[str, Any]) -> None:
        if self.s.get(HqEntitlement, p["grant"]) is None:
            self.s.add(HqEntitlement(uid=p["grant"], member_uid=p["member"], data=canonical(p)))
        self.book.changes.append(("member", p["member"]))

    def on_card_refund(self, eid: str, ev: dict[str, Any], p: dict[str, Any]) -> None:
        """Unused cards taken back (their money is in the entries, the cards blocked by
        their own events): the services they brought end, in every store."""
        for uid in p.get("grants_ended", []):
            row = self.s.get(HqEntitlement, uid)
            if row is not None:
                row.data = canonical({**json.loads(row.data), "valid_until": p["at"]})
                self.book.changes.append(("member", row.member_uid))

    def on_entitlement_used(self, eid: str, ev: dict[str, Any], p: dict[str, Any]) -> None:
        """A use in this store, sent with the member to every terminal (seen in all)."""
        if self.s.get(HqEntitlementUse, p["use"]) is None:
            self.s.add(HqEntitlementUse(use_uid=p["use"], member_uid=p["member"], event_id=eid,
                                        data=canonical(p)))
        self.book.changes.append(("member", p["member"]))


@dataclass
class BatchResult:
    results: list[dict[str, Any]]
    expected_seq: int
    last_hash: str
    epoch: int
    problem: str | None = None


# what applying a batch changes on the terminal's row (one UPDATE in the batch's pipeline)
TERMINAL_WRITES = ("epoch", "next_seq", "last_hash", "flags", "last_seen")


def lock_terminal(s: Session, key: str) -> HqTerminal | None:
    """The terminal's row, locked and read fresh (one round trip); None: no such
    terminal."""
    q = select(HqTerminal).where(HqTerminal.key == key).execution_options(
        populate_existing=True)
    if s.get_bind().dialect.name == "postgresql":
        q = q.with_for_update()
    return s.scalars(q).one_or_none()


def _known(s: Session, ids: list[str]) -> dict[str, tuple[str, str, str | None]]:
    """The batch's event ids HQ has already taken: content hash, outcome and reason
    (the reason is gone once the event's month was archived)."""
    if not ids:
        return {}
    q = (select(HqEventId.event_id, HqEventId.content_hash, HqEventId.status, HqEvent.reason)
         .outerjoin(HqEvent, (HqEvent.event_id == HqEventId.event_id)
                    & (HqEvent.received_at == HqEventId.received_at))
         .where(HqEventId.event_id.in_(ids)))
    return {eid: (chash, status, reason) for eid, chash, status, reason in s.execute(q)}


def apply_batch(s: Session, key: str, events: list[dict[str, Any]],
                t: HqTerminal | None = None) -> BatchResult:
    """Apply ``events`` (one terminal's, any order) inside the caller's transaction;
    ``t``: the terminal's row, if the caller has already locked it (``lock_terminal``)."""
    now = utcnow()
    if t is None:
        t = lock_terminal(s, key)
        if t is None:
            raise ValueError(f"unknown terminal {key}")
    evs = sorted(events, key=lambda e: int(e["seq"]))
    ids = [e["event_id"] for e in evs]
    known = _known(s, ids)
    ap = Applier(s, t, now)
    figs = figures.DayFigures(t.store, t.franchisee)
    # lock every card account the batch touches at once, in code order (no deadlocks)
    cards: set[str] = set()
    for ev in evs:
        if ev["event_id"] in known:
            continue
        for code, _amount, _unit in json.loads(ev["payload"]).get("entries", []):
            if str(code).startswith("sv:card:"):
                cards.add(code)
    ap.book.load(cards)
    results: list[dict[str, Any]] = []
    rows: list[dict[str, Any]] = []
    problem = None
    for ev in evs:
        eid = ev["event_id"]
        seq = int(ev["seq"])
        chash = content_hash(t, ev)
        old = known.get(eid)
        if old is not None:
            if old[0] == chash:
                results.append(
                    {"event_id": eid, "seq": seq, "status": "duplicate",
                     "outcome": old[1], "reason": old[2]}
                )
                continue
            s.add(HqQuarantine(event_id=eid, terminal_key=key, received_at=now,
                               content_hash=chash, body=canonical(ev)))
            ap.book.alert("quarantine", eid,
                          f"event {eid} seq {seq} reuses a known id with different content")
            results.append({"event_id": eid, "seq": seq, "status": "quarantined"})
            problem = "quarantined"
            break
        if chain_hash(t, ev) != ev["hash"]:
            results.append({"event_id": eid, "seq": seq, "status": "invalid",
                            "reason": "hash does not match content"})
            problem = "invalid"
            break
        if seq > t.next_seq:
            problem = "gap"
            break
        if seq < t.next_seq or int(ev["epoch"]) < t.epoch or ev["prev_hash"] != t.last_hash:
            what = "rewind" if seq < t.next_seq or int(ev["epoch"]) < t.epoch else "fork"
            note = (f"{what}: got seq {seq} epoch {ev['epoch']}, expected seq {t.next_seq} "
                    f"epoch >= {t.epoch} linking to {t.last_hash[:12]}")
            if what not in t.flags:
                t.flags = (t.flags + f"{now} {note}\n")[-4000:]
            ap.book.alert(what, eid, note)
            problem = what
            break
        if int(ev["epoch"]) > t.epoch:
            ap.book.alert("epoch", eid, f"terminal moved to epoch {ev['epoch']}")
            t.epoch = int(ev["epoch"])
        payload = json.loads(ev["payload"])
        ap._date = days.business_date(ev["business_time"])
        status, reason = "applied", None
        mark = ap.book.mark()
        try:
            ap.apply(ev, payload)  # raises Rejected before it changes anything
        except Rejected as e:
            status, reason = "rejected", str(e)
            ap.book.alert("rejected", eid, reason)
        except (KeyError, ValueError, TypeError, AttributeError) as e:
            # a payload HQ cannot read must not stick the queue: refuse it, loudly
            ap.book.undo(mark)
            status, reason = "rejected", f"unreadable {ev['kind']} event: {type(e).__name__}"
            ap.book.alert("unreadable", eid, reason)
        if status == "applied":
            figs.add(ev["kind"], payload, ap._date)
        rows.append({
            "event_id": eid, "terminal_key": key, "franchisee": t.franchisee,
            "store": t.store, "epoch": int(ev["epoch"]), "seq": seq, "kind": ev["kind"],
            "content_hash": chash, "hash": ev["hash"],
            "business_time": str(ev["business_time"]), "recorded_at": str(ev["recorded_at"]),
            "received_at": now, "status": status, "reason": reason, "payload": ev["payload"],
        })
        results.append({"event_id": eid, "seq": seq, "status": status, "reason": reason})
        known[eid] = (chash, status, reason)
        t.next_seq = seq + 1
        t.last_hash = ev["hash"]
    t.last_seen = now  # written with the sequence, in one UPDATE
    _write(s, t, ap.book, rows, now, figs)
    return BatchResult(results, t.next_seq, t.last_hash, t.epoch, problem)


def post_entries(s: Session, entries: list[dict[str, Any]], now: str | None = None) -> None:
    """Write ledger entries (event_id, account, amount, unit), posted on ``now``'s day
    (UTC), and move the accounts' balances by delta, creating accounts on first use."""
    if not entries:
        return
    day = (now or utcnow())[:10]
    for e in entries:
        e["posted_on"] = day
    deltas: dict[str, int] = defaultdict(int)
    units: dict[str, str] = {}
    for e in entries:
        deltas[e["account"]] += e["amount"]
        units[e["account"]] = e["unit"]
    q = figures.upsert_statement(s.get_bind().dialect.name, _t(HqAccount), ("code",),
                                 ("balance",))
    conn = s.connection()
    conn.execute(insert(_t(HqEntry)).inline(), entries)  # no id fetched back
    # one statement: an account is made on first use or moved by its delta, in code
    # order, so two batches touching the same accounts cannot deadlock
    conn.execute(q, [{"code": c, "unit": units[c], "balance": deltas[c]}
                     for c in sorted(deltas)])


@contextmanager
def _pipelined(s: Session) -> Iterator[None]:
    """On PostgreSQL, the statements inside go out in one pipeline (psycopg): sent
    together, answered together, one round trip for the batch's writes instead of one
    each; an error there is raised as SQLAlchemy's (a lost race is retried). Writes
    only: a statement whose rows are read (a SELECT, an INSERT fetching its new id;
    hence ``.inline()``) cannot run inside."""
    if s.get_bind().dialect.name != "postgresql":
        yield
        return
    import psycopg

    raw = s.connection().connection.driver_connection
    assert raw is not None
    try:
        with raw.pipeline():
            yield
    except psycopg.IntegrityError as e:
        raise IntegrityError("the batch's writes", None, e) from e
    except psycopg.Error as e:
        raise DBAPIError("the batch's writes", None, e) from e


def _write(s: Session, t: HqTerminal, book: Book, rows: list[dict[str, Any]], now: str,
           figs: figures.DayFigures) -> None:
    pg = s.get_bind().dialect.name == "postgresql"
    s.expunge(t)  # its row is written in the pipeline below, not by the ORM's flush
    s.flush()  # cards, members: ORM objects, before the pipeline
    if book.settlement:
        periods = figures.open_periods(s, {r["business_date"][:7] for r in book.settlement})
        for r in book.settlement:
            r["period"] = periods[r["business_date"][:7]]
    with _pipelined(s):
        s.connection().execute(update(_t(HqTerminal)).where(_t(HqTerminal).c.key == t.key)
                               .values({c: getattr(t, c) for c in TERMINAL_WRITES}))
        if rows:
            # the id first: a batch racing this one for the same events stops here
            s.connection().execute(insert(_t(HqEventId)).inline(), [
                {k: r[k] for k in ("event_id", "terminal_key", "seq", "received_at",
                                   "content_hash", "status")} for r in rows])
            s.connection().execute(insert(_t(HqEvent)).inline(), rows)
        post_entries(s, book.entries, now)
        if book.settlement:
            s.connection().execute(insert(_t(HqSettlement)).inline(), book.settlement)
        if book.sales:
            s.connection().execute(insert(_t(HqSale)).inline(), book.sales)
        figs.add_rows(s)
        figs.mark_stale(s)
    for a in book.alerts:
        s.add(HqAlert(at=now, terminal_key=t.key, event_id=a.get("event_id"), kind=a["kind"],
                      detail=a["detail"], store=t.store, franchisee=t.franchisee,
                      amount_cents=a.get("amount"), status="open"))
    if book.changes:
        if pg:
            # change ids must become visible in order: serialize the (short) tail of the
            # batch transactions that publish changes
            s.execute(text("SELECT pg_advisory_xact_lock(771001)"))
        seen: set[tuple[str, str]] = set()
        out = []
        for kind, key in book.changes:
            if (kind, key) not in seen:
                seen.add((kind, key))
                out.append({"kind": kind, "key": key})
        s.connection().execute(insert(_t(HqChange)), out)
    s.flush()


def _t(model: Any) -> Table:
    table: Table = model.__table__
    return table
