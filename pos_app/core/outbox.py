"""The outbox: every committed business event, in the same SQLite transaction as its
ledger rows, with an id made before any send (UUIDv7 layout), the terminal's epoch, a
gapless per-terminal sequence and the hash of the previous event (a chain). Sync
uploads pending events in sequence order; nothing here talks to the network."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session, make_transient_to_detached

from pos_app.core import ledger, sealing
from pos_app.core.messages import Msg
from pos_app.core.models import Account, AuditEntry, Entry, Journal, OutboxEvent
from pos_app.core.terminal import Terminal

GENESIS = "0" * 64


def _default(o: Any) -> Any:
    if isinstance(o, Decimal):
        return f"{o:.2f}"
    if isinstance(o, datetime):
        return o.astimezone(UTC).isoformat(timespec="microseconds")
    raise TypeError(f"cannot put {type(o).__name__} in an event")


def canonical(data: Any) -> str:
    return json.dumps(
        data, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=_default
    )


def event_hash(prev_hash: str, header: dict[str, Any], payload_json: str) -> str:
    return hashlib.sha256(
        (prev_hash + canonical(header) + payload_json).encode("utf-8")
    ).hexdigest()


def header_of(ev: OutboxEvent, t: Terminal) -> dict[str, Any]:
    ident = t.identity
    return {
        "event_id": ev.event_id,
        "franchisee": ident.franchisee,
        "store": ident.store,
        "terminal": ident.terminal,
        "epoch": ev.epoch,
        "seq": ev.seq,
        "kind": ev.kind,
        "business_time": ev.business_time,
        "recorded_at": ev.recorded_at,
    }


def journal_entries(s: Session, journal: Journal) -> list[list[Any]]:
    """The journal's entries as [account code, amount, unit] for HQ to post."""
    rows = s.execute(
        select(Account.code, Entry.amount, Entry.unit)
        .join(Account, Account.id == Entry.account_id)
        .where(Entry.journal_id == journal.id)
        .order_by(Entry.id)
    ).all()
    return [[code, amount, unit] for code, amount, unit in rows]


def record(
    t: Terminal,
    s: Session,
    kind: str,
    payload: dict[str, Any],
    business_time: datetime,
    journal: Journal | None = None,
    *,
    at_hq: bool = True,
) -> OutboxEvent:
    """Write one event in the caller's transaction. An event that books a journal
    carries the journal's number, its record and its entries: under ``entries`` when HQ
    posts them too, under ``local_entries`` when they are the terminal's own books
    (``at_hq=False``: the cash drawer, alignments to HQ's balances). Every event carries
    the audit log's head at the time (``audit``), so a removed audit row is seen."""
    s.flush()
    if journal is not None:
        payload = {
            **payload,
            "journal_seq": journal.seq,
            "journal_event": journal.event_id,
            "record": [journal.record_kind, journal.record_ref],
            ("entries" if at_hq else "local_entries"): journal_entries(s, journal),
        }
    head = s.execute(
        select(AuditEntry.id, AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1)
    ).first()
    if head is not None:
        payload = {**payload, "audit": [head[0], head[1]]}
    info = t.info(s)
    seq = ledger.next_counter(s, "outbox")
    last = s.execute(select(OutboxEvent.hash).order_by(OutboxEvent.seq.desc()).limit(1)).first()
    prev = last[0] if last is not None else GENESIS
    ev = OutboxEvent(
        event_id=journal.event_id if journal is not None else ledger.new_event_id(),
        epoch=info.epoch,
        seq=seq,
        kind=kind,
        business_time=business_time,
        recorded_at=t.now(),
        payload=canonical(payload),
        prev_hash=prev,
        hash="",
        status="pending",
        acked_at=None,
        note=None,
    )
    ev.hash = event_hash(prev, header_of(ev, t), ev.payload)
    key = s.info.get("chain_key")  # a write transaction of the terminal seals its events
    ev.mac = sealing.seal(key, "event", ev.hash) if key is not None else ""
    _insert(s, ev)
    return ev


def _insert(s: Session, ev: OutboxEvent) -> None:
    """Write the event with one INSERT, and keep it in the session as written."""
    row = {c.key: getattr(ev, c.key) for c in OutboxEvent.__table__.columns if c.key != "id"}
    ev.id = s.connection().execute(
        insert(OutboxEvent).values(row).returning(OutboxEvent.id)
    ).scalar_one()
    make_transient_to_detached(ev)
    s.add(ev)


def verify_chain(t: Terminal, s: Session) -> list[Msg]:
    """Recompute the chain and the sequence; name every event that does not fit."""
    problems = []
    prev = GENESIS
    expect = 1
    for ev in s.scalars(select(OutboxEvent).order_by(OutboxEvent.seq)):
        if ev.seq != expect:
            problems.append(Msg("verify.event_sequence", event=ev.event_id, seq=ev.seq,
                                expected=expect))
        if ev.prev_hash != prev:
            problems.append(Msg("verify.event_link", seq=ev.seq, previous=ev.seq - 1))
        if ev.hash != event_hash(ev.prev_hash, header_of(ev, t), ev.payload):
            problems.append(Msg("verify.event_hash", seq=ev.seq))
        prev = ev.hash
        expect = ev.seq + 1
    return problems


def pending(s: Session, limit: int = 500) -> list[OutboxEvent]:
    return list(
        s.scalars(
            select(OutboxEvent)
            .where(OutboxEvent.status == "pending")
            .order_by(OutboxEvent.seq)
            .limit(limit)
        )
    )


def waiting(s: Session) -> int:
    return s.scalar(select(func.count(OutboxEvent.id)).where(OutboxEvent.status == "pending")) or 0
