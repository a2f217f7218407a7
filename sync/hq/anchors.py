"""Chain anchors: at the end of every sync a terminal proves the heads of its two
chains (its last event HQ holds, the head of its audit log, each by its hash) and the id
of its chain key; HQ checks them against what it holds and what it acknowledged at the
last sync, keeps them (``hq_anchors``) and answers. A ledger rewritten before the last
acknowledgement (rows edited, re-chained and even sealed again with the terminal's own
key) no longer holds the acknowledged hashes: HQ raises a ``chain_rewritten`` alert,
keeps the old anchor as evidence, and ``pos hq verify`` names the terminal.

A terminal restored from a backup moves to a new epoch (HQ already flags the rewind):
its first anchor in the new epoch is taken as it comes."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from sync.hq.models import HqAlert, HqAnchor, HqCarried, HqEntry, HqEvent, HqEventId, HqTerminal

ALERT = "chain_rewritten"


def last(s: Session, key: str) -> HqAnchor | None:
    return s.scalars(
        select(HqAnchor).where(HqAnchor.terminal_key == key).order_by(HqAnchor.id.desc()).limit(1)
    ).first()


def to_prove(s: Session, key: str) -> dict[str, Any] | None:
    """What the terminal must show again at the end of this sync (the handshake says)."""
    a = last(s, key)
    if a is None:
        return None
    return {"event_seq": a.event_seq, "audit_id": a.audit_id}


def check(s: Session, t: HqTerminal, body: dict[str, Any]) -> dict[str, Any]:
    """Check the terminal's proof and heads; keep the new anchor when they hold."""
    problems: list[str] = []
    held = s.scalar(
        select(HqEvent.hash).where(HqEvent.terminal_key == t.key, HqEvent.seq == body["event_seq"])
    )
    if held is not None and held != body["event_hash"]:
        problems.append(f"event {body['event_seq']} differs from the one HQ holds")
    prev = last(s, t.key)
    if prev is not None and int(body["epoch"]) == prev.epoch:
        problems += _against(prev, body)
    now = datetime.now(UTC).isoformat(timespec="microseconds")
    if problems:
        detail = (f"terminal {t.key} ledger rewritten before the sync of {prev.at if prev else '?'}"
                  f": {'; '.join(problems)}")[:2000]
        open_alert = s.scalars(select(HqAlert).where(
            HqAlert.terminal_key == t.key, HqAlert.kind == ALERT,
            HqAlert.status != "resolved").limit(1)).first()
        if open_alert is None:
            s.add(HqAlert(at=now, kind=ALERT, terminal_key=t.key, event_id=None, detail=detail,
                          store=t.store, franchisee=t.franchisee, status="open"))
        else:
            open_alert.detail = detail
        return {"ok": False, "problems": problems}
    s.add(HqAnchor(terminal_key=t.key, at=now, event_seq=int(body["event_seq"]),
                   event_hash=body["event_hash"], audit_id=int(body["audit_id"]),
                   audit_hash=body["audit_hash"], key_id=body["key_id"],
                   epoch=int(body["epoch"])))
    return {"ok": True, "problems": [], "at": now}


def _against(prev: HqAnchor, body: dict[str, Any]) -> list[str]:
    out = []
    if body["key_id"] != prev.key_id:
        out.append("the terminal's chain key changed")
    proof = body.get("proof") or {}
    if proof.get("event_seq") != prev.event_seq or proof.get("event_hash") != prev.event_hash:
        out.append(f"event {prev.event_seq} acknowledged at {prev.at} is missing or changed")
    if proof.get("audit_id") != prev.audit_id or proof.get("audit_hash") != prev.audit_hash:
        out.append(f"audit row {prev.audit_id} acknowledged at {prev.at} is missing or changed")
    if int(body["event_seq"]) < prev.event_seq or int(body["audit_id"]) < prev.audit_id:
        out.append("the chains are shorter than acknowledged")
    return out


def verify(s: Session) -> list[str]:
    """For ``pos hq verify``: every terminal whose ledger was found rewritten and not yet
    resolved, and every kept anchor that disagrees with the events HQ holds."""
    out = [
        f"{a.terminal_key}: {a.detail}"
        for a in s.scalars(select(HqAlert).where(HqAlert.kind == ALERT,
                                                 HqAlert.status != "resolved"))
    ]
    for a in s.scalars(select(HqAnchor)):
        held = s.scalar(select(HqEvent.hash).where(HqEvent.terminal_key == a.terminal_key,
                                                   HqEvent.seq == a.event_seq))
        if held is not None and held != a.event_hash:
            out.append(f"{a.terminal_key}: anchor of {a.at} names event {a.event_seq} "
                       "with another hash than HQ holds")
    return out


def own_balances(s: Session, t: HqTerminal, card_nos: list[str]) -> dict[str, int]:
    """Per card, what this terminal's applied events moved on it at HQ, in cents
    (principal and bonus together, debit positive), with the offline-overdraft
    receivables those events moved (an overdraft HQ took off the card, or a top-up here
    that paid back an overdraft of any store) counted back onto the card, so the
    terminal can compare its own books."""
    if not card_nos:
        return {}
    wanted = set(card_nos)
    codes: dict[str, str] = {}
    for no in card_nos:
        codes[f"sv:card:{no}:principal"] = no
        codes[f"sv:card:{no}:bonus"] = no
    out = dict.fromkeys(card_nos, 0)
    accounts = or_(HqEntry.account.in_(sorted(codes)), HqEntry.account.like("overdraft:%:card:%"))
    carried = or_(HqCarried.account.in_(sorted(codes)),
                  HqCarried.account.like("overdraft:%:card:%"))
    for account, total in [*s.execute(
        select(HqEntry.account, func.sum(HqEntry.amount))
        .join(HqEventId, HqEventId.event_id == HqEntry.event_id)
        .where(HqEventId.terminal_key == t.key, HqEventId.status == "applied", accounts)
        .group_by(HqEntry.account)
    ), *s.execute(  # and what its events moved in months detached for archive
        select(HqCarried.account, func.sum(HqCarried.amount))
        .where(HqCarried.terminal_key == t.key, carried).group_by(HqCarried.account)
    )]:
        no = codes.get(account) or account.rsplit(":card:", 1)[-1]
        if no in wanted:
            out[no] += int(total or 0)
    return out
