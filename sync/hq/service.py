"""HQ operations shared by the web app and the command line: registering terminals,
publishing master data, applying batches (with retries), building downloads."""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import time
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Engine, func, select, text, update
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from sqlalchemy.orm import Session

from pos_app.core.outbox import GENESIS
from sync.hq import anchors, pii
from sync.hq.apply import BatchResult, apply_batch, lock_terminal, utcnow
from sync.hq.db import sessions
from sync.hq.models import (
    HqAccount,
    HqAlert,
    HqAudit,
    HqCard,
    HqChange,
    HqCoupon,
    HqEntitlement,
    HqEntitlementUse,
    HqEvent,
    HqGiftStock,
    HqMaster,
    HqMember,
    HqScheduled,
    HqTerminal,
)

PII_KEY_BYTES = 64


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def chain_pii_key(s: Session) -> bytes:
    """The current version of the chain's personal-data key (sync/hq/pii.py)."""
    return pii.ring(s).key


def rotate_pii_key(engine: Engine, by: str) -> dict[str, Any]:
    """A new version of the chain's personal-data key; terminals take it at their next
    sync. Audited."""
    with sessions(engine)() as s, s.begin():
        version, sealed = pii.rotate(s)
        s.add(HqAudit(at=utcnow(), login=by[:40], action="pii_key.rotate",
                      target=f"version {version}", detail=f"{sealed} member copies sealed",
                      ip=""))
    return {"version": version, "member_copies_sealed": sealed}


def register_terminal(
    engine: Engine, franchisee: str, store: str, terminal: str, lease: Decimal
) -> tuple[str, str]:
    """Register (or re-key) a terminal; returns (terminal key, token). The token is
    shown once; HQ keeps only its hash."""
    with sessions(engine)() as s, s.begin():
        return register_in(s, franchisee, store, terminal, lease)


def register_in(
    s: Session, franchisee: str, store: str, terminal: str, lease: Decimal
) -> tuple[str, str]:
    """``register_terminal`` inside the caller's transaction."""
    key = f"{store}/{terminal}"
    token = secrets.token_urlsafe(32)
    chain_pii_key(s)
    t = s.get(HqTerminal, key)
    if t is None:
        s.add(
            HqTerminal(
                key=key,
                franchisee=franchisee,
                store=store,
                terminal=terminal,
                token_hash=token_hash(token),
                registered_at=utcnow(),
                epoch=1,
                next_seq=1,
                last_hash=GENESIS,
                flags="",
                lease_cents=int(lease * 100),
            )
        )
    else:
        if t.franchisee != franchisee:
            raise ValueError(f"terminal {key} is registered to franchisee {t.franchisee}")
        t.token_hash = token_hash(token)
        t.revoked_at = None
    s.flush()
    return key, token


def authenticate(s: Session, key: str, token: str) -> HqTerminal | None:
    return token_holder(s.get(HqTerminal, key), token)


def token_holder(t: HqTerminal | None, token: str) -> HqTerminal | None:
    """``t`` if it is a terminal not revoked and ``token`` is its own, else None."""
    if t is None or t.revoked_at is not None:
        return None
    if not secrets.compare_digest(t.token_hash, token_hash(token)):
        return None
    return t


def revoke_terminal(s: Session, key: str) -> bool:
    """Refuse the terminal's token from now on (registering it again issues a new one)."""
    t = s.get(HqTerminal, key)
    if t is None or t.revoked_at is not None:
        return False
    t.revoked_at = utcnow()
    t.token_hash = "revoked"
    return True


def add_change(s: Session, kind: str, key: str) -> None:
    """Put a change in the feed terminals download. On PostgreSQL the feed's tail is
    serialized (a transaction-long advisory lock) so change ids become visible in order."""
    if s.get_bind().dialect.name == "postgresql":
        s.execute(text("SELECT pg_advisory_xact_lock(771001)"))
    s.add(HqChange(kind=kind, key=key))


def publish_in(s: Session, name: str, body: str) -> int:
    """Publish master data inside the caller's transaction; returns its new version."""
    row = s.get(HqMaster, name)
    if row is None:
        row = HqMaster(name=name, version=1, body=body)
        s.add(row)
    else:
        row.version += 1
        row.body = body
    add_change(s, "master", name)
    s.flush()
    return row.version


def publish_master(engine: Engine, name: str, body: str) -> int:
    with sessions(engine)() as s, s.begin():
        return publish_in(s, name, body)


def publish_due(engine: Engine, now: str | None = None) -> list[int]:
    """Publish the scheduled master data whose time has come (each exactly once, even
    with several HQ processes asking at the same moment)."""
    now = now or utcnow()
    with sessions(engine)() as s, s.begin():
        due = s.scalars(select(HqScheduled.id).where(
            HqScheduled.status == "waiting", HqScheduled.start_at <= now)
            .order_by(HqScheduled.start_at, HqScheduled.id)).all()
        done = []
        for sid in due:
            taken = s.execute(update(HqScheduled).where(
                HqScheduled.id == sid, HqScheduled.status == "waiting")
                .values(status="published"))
            if taken.rowcount != 1:  # type: ignore[attr-defined]
                continue
            row = s.get(HqScheduled, sid)
            assert row is not None
            row.version = publish_in(s, row.name, row.body)
            done.append(sid)
        return done


class Upload:
    """A terminal's batch upload in one transaction: the terminal's row read with the
    lock its batch needs is also the token check (one round trip, no session of its
    own), then the batch applied and committed. A deadlock, a lost race or a dropped
    connection is retried from the start in a new transaction (row locked and token
    checked again). ``with Upload(engine, key, token) as up``: ``up.ok`` is False for
    an unknown terminal, a revoked one or a wrong token."""

    def __init__(self, engine: Engine, key: str, token: str) -> None:
        self.key, self.token = key, token
        self.s = sessions(engine)()
        self.t: HqTerminal | None = None

    def __enter__(self) -> Upload:
        for attempt in range(3):  # a pooled connection the server dropped: a new one
            try:
                self.t = self._begin()
                break
            except DBAPIError as e:
                self.s.rollback()
                if attempt == 2 or not e.connection_invalidated:
                    raise
        return self

    def __exit__(self, *exc: object) -> None:
        self.s.close()  # rolls back whatever was not committed

    @property
    def ok(self) -> bool:
        return self.t is not None

    def _begin(self) -> HqTerminal | None:
        self.s.begin()
        return token_holder(lock_terminal(self.s, self.key), self.token)

    def apply(self, events: list[dict[str, Any]]) -> BatchResult | None:
        """Apply and commit; None: the terminal was revoked before a retry."""
        for attempt in range(8):
            try:
                if self.t is None:  # a retry: a new transaction
                    self.t = self._begin()
                    if self.t is None:
                        return None
                r = apply_batch(self.s, self.key, events, self.t)
                self.s.commit()
                return r
            except (OperationalError, IntegrityError, DBAPIError) as e:
                self.s.rollback()
                self.t = None
                if attempt == 7 or not _retryable(e):
                    raise
                time.sleep(0.02 * (2**attempt))
        raise AssertionError("unreachable")


def _retryable(e: Exception) -> bool:
    if isinstance(e, DBAPIError) and e.connection_invalidated:
        return True  # the pool is renewed: the retry runs on a new connection
    msg = str(e).lower()
    return any(
        w in msg
        for w in ("deadlock", "could not serialize", "database is locked", "unique", "duplicate")
    )


def handshake(engine: Engine, key: str, device_time: str | None, want_key: bool,
              skew_limit_s: int, report: dict[str, Any] | None = None,
              key_version: int | None = None) -> dict[str, Any]:
    now = datetime.now(UTC)
    skew = None
    if device_time:
        skew = int((datetime.fromisoformat(device_time) - now).total_seconds())
    with sessions(engine)() as s, s.begin():
        t = s.get(HqTerminal, key)
        assert t is not None
        t.last_seen = now.isoformat(timespec="microseconds")
        t.skew_s = skew
        report = report or {}
        if report.get("pending") is not None:
            t.pending = int(report["pending"])
        if report.get("offline_used") is not None:
            t.offline_used_cents = int(Decimal(report["offline_used"]) * 100)
        if report.get("version"):
            t.version = str(report["version"])
        flagged = skew is not None and abs(skew) > skew_limit_s
        if flagged:
            # one alert per terminal until someone resolves it (a terminal with a wrong
            # clock hands shakes every few seconds); it tells the latest skew
            detail = f"device clock off by {skew} s"
            a = s.scalars(select(HqAlert).where(
                HqAlert.terminal_key == key, HqAlert.kind == "clock_skew",
                HqAlert.status != "resolved").limit(1)).first()
            if a is None:
                s.add(HqAlert(at=t.last_seen, kind="clock_skew", terminal_key=key,
                              event_id=None, detail=detail, store=t.store,
                              franchisee=t.franchisee, status="open"))
            elif a.detail != detail:
                a.detail = detail
        out: dict[str, Any] = {
            "server_time": now.isoformat(timespec="microseconds"),
            "skew_s": skew,
            "skew_flagged": flagged,
            "expected_seq": t.next_seq,
            "last_hash": t.last_hash,
            "epoch": t.epoch,
            "lease": f"{Decimal(t.lease_cents) / 100:.2f}",
            "flags": t.flags,
            "anchor": anchors.to_prove(s, key),
        }
        ring = pii.ring(s)
        out["pii_key_version"] = ring.version
        if want_key or (key_version is not None and key_version < ring.version):
            # at registration, or the chain's key was rotated since this terminal's fetch
            out["pii_key"] = base64.b64encode(ring.key).decode()
            # each fetch of the chain's personal-data key is kept in HQ's audit log
            s.add(HqAudit(at=now.isoformat(timespec="microseconds"), login="terminal",
                          action="pii_key.fetch", target=key, detail="", ip=""))
        return out


def anchor(engine: Engine, key: str, body: dict[str, Any]) -> dict[str, Any]:
    """The terminal's chain heads at the end of a sync, checked and kept (anchors.py)."""
    with sessions(engine)() as s, s.begin():
        t = s.get(HqTerminal, key)
        assert t is not None
        return anchors.check(s, t, body)


def _yuan(c: int) -> str:
    return f"{Decimal(c) / 100:.2f}"


def _entitlements(s: Session, uid: str) -> dict[str, list[Any]]:
    """A member's granted services and every use of them in any store, as their events
    carried them (a use in one store is seen in all)."""
    return {
        "grants": [json.loads(d) for d in s.scalars(
            select(HqEntitlement.data).where(HqEntitlement.member_uid == uid))],
        "uses": [json.loads(d) for d in s.scalars(
            select(HqEntitlementUse.data).where(HqEntitlementUse.member_uid == uid))],
    }


def changes(engine: Engine, key: str, since: int, limit: int = 5000) -> dict[str, Any]:
    """What changed since checkpoint ``since``: members and cards of the brand (a card
    works in every store), master data, coupons, and the stock of each gift in the
    terminal's own store (every till's moves); each with its current state."""
    with sessions(engine)() as s, s.begin():
        if engine.dialect.name == "postgresql":
            s.connection(execution_options={"isolation_level": "REPEATABLE READ"})
        t = s.get(HqTerminal, key)
        assert t is not None
        rows = s.execute(
            select(HqChange.id, HqChange.kind, HqChange.key)
            .where(HqChange.id > since)
            .order_by(HqChange.id)
            .limit(limit)
        ).all()
        # fewer rows than asked for: the last one is the newest change there is
        top = (s.scalar(select(func.max(HqChange.id))) or 0) if len(rows) == limit else 0
        checkpoint = rows[-1][0] if rows else max(since, 0)
        want: dict[str, set[str]] = {"member": set(), "card": set(), "master": set(),
                                     "coupon": set(), "gift": set()}
        for _id, kind, k in rows:
            want[kind].add(k)
        members = []
        # a kind with nothing changed costs no query (most downloads find nothing new)
        for m in _rows(s, HqMember, HqMember.uid, want["member"]):
            pts = s.scalar(select(HqAccount.balance).where(
                HqAccount.code == f"points:member:{m.uid}")) or 0
            members.append({"member": m.uid, "tier": m.tier, "points": -pts,
                            "data": json.loads(m.data),
                            "entitlements": _entitlements(s, m.uid)})
        cards = []
        own = anchors.own_balances(s, t, sorted(want["card"]))
        for c in _rows(s, HqCard, HqCard.card_no, want["card"]):
            bal = dict(s.execute(select(HqAccount.code, HqAccount.balance).where(
                HqAccount.code.in_([f"sv:card:{c.card_no}:principal",
                                    f"sv:card:{c.card_no}:bonus"]))).all())
            cards.append({
                "card": c.card_no, "member": c.member_uid, "main_card": c.main_card,
                "franchisee": c.franchisee, "status": c.status,
                "offline_blocked": c.offline_blocked, "reason": c.reason,
                "data": json.loads(c.data),
                "principal": _yuan(-bal.get(f"sv:card:{c.card_no}:principal", 0)),
                "bonus": _yuan(-bal.get(f"sv:card:{c.card_no}:bonus", 0)),
                "terminal_own": _yuan(own.get(c.card_no, 0)),
            })
        master = {
            r.name: {"version": r.version, "body": r.body}
            for r in _rows(s, HqMaster, HqMaster.name, want["master"])
        }
        coupons = [
            {"code": c.code, "used": c.used, "store": c.store}
            for c in _rows(s, HqCoupon, HqCoupon.code, want["coupon"])
        ]
        gift_stock = _gift_stock(s, t.store, want["gift"])
        return {
            "checkpoint": checkpoint,
            "coupons": coupons,
            "gift_stock": gift_stock,
            "more": checkpoint < top,
            "members": members,
            "cards": cards,
            "master": master,
            "watermark": t.next_seq - 1,
            "epoch": t.epoch,
            "lease": _yuan(t.lease_cents),
        }


def _gift_stock(s: Session, store: str, gifts: set[str]) -> list[dict[str, Any]]:
    """The count of each changed gift in the terminal's own store: every till's moves
    HQ has applied."""
    if not gifts:
        return []
    return [{"gift": g.gift, "on_hand": g.on_hand} for g in s.scalars(select(HqGiftStock).where(
        HqGiftStock.store == store, HqGiftStock.gift.in_(sorted(gifts))))]


def _rows(s: Session, model: Any, key: Any, wanted: set[str]) -> list[Any]:
    if not wanted:
        return []
    return list(s.scalars(select(model).where(key.in_(sorted(wanted)))))


def own_events(engine: Engine, key: str, start: int, end: int) -> list[dict[str, Any]]:
    """This terminal's own events with sequence in [start, end] as HQ holds them (for a
    terminal restored from an old backup to fill its outbox back in)."""
    with sessions(engine)() as s:
        rows = s.scalars(
            select(HqEvent)
            .where(HqEvent.terminal_key == key, HqEvent.seq >= start, HqEvent.seq <= end)
            .order_by(HqEvent.seq)
            .limit(5000)
        ).all()
        return [
            {"event_id": r.event_id, "epoch": r.epoch, "seq": r.seq, "kind": r.kind,
             "business_time": r.business_time, "recorded_at": r.recorded_at,
             "payload": r.payload, "hash": r.hash, "status": r.status, "reason": r.reason}
            for r in rows
        ]


def alert_dict(a: Any) -> dict[str, Any]:
    """An alert as the API, ``pos hq alerts`` and the back office give it (yuan)."""
    return {"id": a.id, "at": a.at, "kind": a.kind, "terminal": a.terminal_key,
            "store": a.store, "franchisee": a.franchisee, "event_id": a.event_id,
            "amount": _yuan(a.amount_cents) if a.amount_cents is not None else None,
            "detail": a.detail, "status": a.status, "acknowledged_by": a.acked_by,
            "acknowledged_at": a.acked_at, "resolved_by": a.resolved_by,
            "resolved_at": a.resolved_at, "note": a.note}


def alerts(s: Session, since: int = 0, status: str | None = None) -> list[dict[str, Any]]:
    """HQ's alerts (overdrafts, quarantines, rewinds, forks, rejections, clock skew,
    coupons used twice), oldest first: one per event, amounts in yuan."""
    q = select(HqAlert).where(HqAlert.id > since)
    if status:
        q = q.where(HqAlert.status == status)
    return [alert_dict(a) for a in s.scalars(q.order_by(HqAlert.id))]
