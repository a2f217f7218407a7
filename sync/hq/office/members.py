"""Members and cards at HQ: search by card number or phone (shown masked), reveal a
field with a reason (audited), a member's history across stores, block a lost card in
every store, and stored-value or points adjustments asked by one person and approved by
another (posted to HQ's ledger; terminals take the new balances with their download)."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from pos_app.core.members import normalize_phone
from pos_app.core.pii import mask_card, mask_name, mask_phone
from sync.hq import days, pii
from sync.hq.apply import post_entries, yuan
from sync.hq.models import (
    HqAccount,
    HqAdjustment,
    HqCard,
    HqEntry,
    HqEvent,
    HqMember,
    HqSale,
)
from sync.hq.office.access import Denied, Hidden, Who, audit
from sync.hq.service import add_change

REVEALABLE = ("phone", "id_number", "name", "birthday", "email", "address")
ADJUST_KINDS = ("principal", "bonus", "points")


@dataclass
class MemberView:
    uid: str
    name: str  # masked
    phone: str  # masked
    id_number: str  # masked
    tier: str
    store: str
    franchisee: str
    enrolled_at: str
    points: int
    cards: list[dict[str, Any]]


def _member(s: Session, who: Who, uid: str) -> HqMember:
    m = s.get(HqMember, uid)
    if m is None or not who.scope.sees_store(m.store, m.franchisee):
        raise Hidden(f"member {uid}")
    return m


def _balance(s: Session, code: str) -> int:
    return int(s.scalar(select(HqAccount.balance).where(HqAccount.code == code)) or 0)


def view(s: Session, who: Who, uid: str) -> MemberView:
    who.require("members.view")
    m = _member(s, who, uid)
    data = json.loads(m.data)
    cards = []
    for c in s.scalars(select(HqCard).where(HqCard.member_uid == uid).order_by(HqCard.card_no)):
        cards.append({"card_no": c.card_no, "masked": mask_card(c.card_no),
                      "status": c.status, "offline_blocked": c.offline_blocked,
                      "reason": c.reason, "issuer": c.franchisee,
                      "principal": yuan(-_balance(s, f"sv:card:{c.card_no}:principal")),
                      "bonus": yuan(-_balance(s, f"sv:card:{c.card_no}:bonus"))})
    last4 = data.get("phone_last4")
    return MemberView(
        uid=uid, name=mask_name(pii.open_field(pii.ring(s), data, "name")),
        phone=f"*******{last4}" if last4 else "", id_number="***" if data.get("id_no_enc")
        else "", tier=m.tier, store=m.store, franchisee=m.franchisee,
        enrolled_at=days.business_date(m.enrolled_at), points=-_balance(s, f"points:member:{uid}"),
        cards=cards)


def search(s: Session, who: Who, query: str) -> list[MemberView]:
    """By card number (whole) or mobile phone number; only members in the person's
    scope are found."""
    who.require("members.view")
    q = query.strip().replace(" ", "")
    if not q:
        return []
    uids: list[str] = []
    card = s.get(HqCard, q)
    if card is not None:
        uids.append(card.member_uid)
    else:
        try:
            phone = normalize_phone(q)
        except Exception:
            phone = None
        if phone:
            vault = pii.ring(s)
            uids += s.scalars(select(HqMember.uid).where(
                HqMember.phone_hash == vault.lookup_hash("phone", phone))).all()
    out = []
    for uid in uids:
        m = s.get(HqMember, uid)
        if m is not None and who.scope.sees_store(m.store, m.franchisee):
            out.append(view(s, who, uid))
    audit(s, who.login, "member_search", _masked_query(q), f"{len(out)} found", who.ip)
    return out


def _masked_query(q: str) -> str:
    if q.isdigit() and len(q) == 11:
        return mask_phone(q)
    return mask_card(q) if len(q) > 8 else q


def reveal(s: Session, who: Who, uid: str, field: str, reason: str) -> str:
    """The field in clear, for a stated reason (audited). Refused without a reason."""
    who.require("members.reveal")
    if field not in REVEALABLE:
        raise ValueError(f"field must be one of {', '.join(REVEALABLE)}")
    reason = reason.strip()
    if len(reason) < 4:
        raise ValueError("say why you need to see it (at least 4 characters)")
    m = _member(s, who, uid)
    data = json.loads(m.data)
    value = pii.open_field(pii.ring(s), data, field)
    audit(s, who.login, "member_revealed", f"member {uid} {field}", reason[:500], who.ip)
    return value


def history(s: Session, who: Who, uid: str, limit: int = 200) -> list[dict[str, Any]]:
    """Sales, refunds and stored-value movements of the member in every store, newest
    first."""
    who.require("members.view")
    _member(s, who, uid)
    rows: list[dict[str, Any]] = []
    for sale, when in s.execute(
            select(HqSale, HqEvent.business_time)
            .outerjoin(HqEvent, HqEvent.event_id == HqSale.event_id)
            .where(HqSale.member_uid == uid)
            .order_by(HqSale.business_date.desc()).limit(limit)):
        rows.append({"when": str(when or sale.business_date), "store": sale.store,
                     "what": sale.kind, "amount": yuan(sale.total_cents), "card": ""})
    cards = s.scalars(select(HqCard.card_no).where(HqCard.member_uid == uid)).all()
    codes = [f"sv:card:{c}:{p}" for c in cards for p in ("principal", "bonus")]
    if codes:
        for ent, ev in s.execute(
                select(HqEntry, HqEvent).outerjoin(HqEvent, HqEvent.event_id == HqEntry.event_id)
                .where(HqEntry.account.in_(codes)).order_by(HqEntry.id.desc()).limit(limit)):
            if ev is not None and ev.kind in ("sale", "refund"):
                continue  # shown with the sale
            card_no = ent.account.split(":")[2]
            rows.append({
                "when": str(ev.business_time) if ev else "",
                "store": ev.store if ev else "HQ",
                "what": (ev.kind if ev else "adjustment") + " " + ent.account.split(":")[3],
                "amount": yuan(-ent.amount), "card": mask_card(card_no)})
    rows.sort(key=lambda r: r["when"], reverse=True)
    return rows[:limit]


def block_card(s: Session, who: Who, card_no: str, reason: str) -> None:
    """Block a lost or stolen card in every store (terminals hotlist it at their next
    download)."""
    who.require("members.block")
    card = s.get(HqCard, card_no)
    if card is None:
        raise Hidden("card")
    _member(s, who, card.member_uid)
    if card.status != "active":
        raise ValueError(f"the card is already {card.status}")
    reason = reason.strip() or "lost"
    card.status = "blocked"
    card.reason = reason[:200]
    add_change(s, "card", card_no)
    audit(s, who.login, "card_blocked", f"card {mask_card(card_no)}", reason, who.ip)


def request_adjustment(s: Session, who: Who, card_no: str, kind: str, amount: int,
                       reason: str) -> HqAdjustment:
    """Ask for an adjustment (cents for principal/bonus, points for points; positive
    gives the member). Someone else approves it."""
    who.require("members.adjust")
    if kind not in ADJUST_KINDS:
        raise ValueError(f"kind must be one of {', '.join(ADJUST_KINDS)}")
    if amount == 0:
        raise ValueError("the amount must not be zero")
    if abs(amount) > 10**11:
        raise ValueError("the amount is too large")
    if len(reason.strip()) < 4:
        raise ValueError("give the reason for the adjustment (at least 4 characters)")
    card = s.get(HqCard, card_no)
    if card is None:
        raise Hidden("card")
    _member(s, who, card.member_uid)
    adj = HqAdjustment(id=str(uuid.uuid4()), card_no=card_no, member_uid=card.member_uid,
                       kind=kind, amount=amount, reason=reason.strip()[:500],
                       requested_by=who.login, requested_at=_now(), status="pending")
    s.add(adj)
    audit(s, who.login, "adjustment_requested", f"card {mask_card(card_no)}",
          f"{kind} {amount} ({adj.id}): {adj.reason}", who.ip)
    return adj


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def decide_adjustment(s: Session, who: Who, adj_id: str, approve: bool) -> HqAdjustment:
    """Approve (post it) or refuse a pending adjustment; never one's own."""
    who.require("members.approve")
    q = select(HqAdjustment).where(HqAdjustment.id == adj_id)
    if s.get_bind().dialect.name == "postgresql":
        q = q.with_for_update()
    adj = s.scalars(q).first()
    if adj is None:
        raise Hidden(f"adjustment {adj_id}")
    _member(s, who, adj.member_uid)
    if adj.status != "pending":
        raise ValueError(f"the adjustment is already {adj.status}")
    if adj.requested_by == who.login:
        raise Denied("an adjustment is approved by someone other than who asked for it")
    adj.status = "approved" if approve else "refused"
    adj.decided_by = who.login
    adj.decided_at = _now()
    if approve:
        if adj.kind == "points":
            acc, contra, unit = f"points:member:{adj.member_uid}", "hq:adjustment:points", "PTS"
        else:
            acc, contra, unit = (f"sv:card:{adj.card_no}:{adj.kind}",
                                 f"hq:adjustment:sv_{adj.kind}", "CNY")
        q2 = select(HqAccount.balance).where(HqAccount.code == acc)
        if s.get_bind().dialect.name == "postgresql":
            q2 = q2.with_for_update()
        held = -int(s.scalar(q2) or 0)
        if held + adj.amount < 0:
            raise ValueError(f"the {adj.kind} balance would go below zero (it holds "
                             f"{held if unit == 'PTS' else yuan(held)})")
        post_entries(s, [
            {"event_id": adj.id, "account": acc, "amount": -adj.amount, "unit": unit},
            {"event_id": adj.id, "account": contra, "amount": adj.amount, "unit": unit}])
        if adj.kind == "points":
            add_change(s, "member", adj.member_uid)
        else:
            add_change(s, "card", adj.card_no)
    audit(s, who.login, "adjustment_" + adj.status, f"card {mask_card(adj.card_no)}",
          f"{adj.kind} {adj.amount} ({adj.id})", who.ip)
    return adj


def adjustments(s: Session, who: Who, status: str | None = "pending") -> list[HqAdjustment]:
    who.require("members.view")
    q = select(HqAdjustment, HqMember.store, HqMember.franchisee).join(
        HqMember, HqMember.uid == HqAdjustment.member_uid)
    if status:
        q = q.where(HqAdjustment.status == status)
    return [adj for adj, store, fr in s.execute(q.order_by(HqAdjustment.requested_at.desc())
                                                .limit(200))
            if who.scope.sees_store(store, fr)]
