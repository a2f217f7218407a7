"""The terminal's chain key: the outbox's event chain and the audit log's chain are each
a SHA-256 chain (every row hashes the one before), and every row is also sealed with
an HMAC-SHA256 of its hash under this terminal's secret (``DATA/secrets/chain.key``,
0600). Anyone can recompute a SHA-256 chain after editing a row; without the key no one
can seal it again, so ``pos ledger verify`` and ``pos audit verify`` find the edit.

Rows are sealed as they are flushed by a write transaction of the terminal (a session
whose ``info["chain_key"]`` holds the key), so every writer of events and audit rows is
covered without passing the key around; :func:`pos_app.core.outbox.record`, which
writes its event with one INSERT rather than a flush, seals it from the same key. A
ledger older than the seals is sealed once, when the key is first made or the ledger is
migrated, if none of its rows is sealed."""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
from pathlib import Path
from typing import Any

from sqlalchemy import event, select
from sqlalchemy.orm import Session

from pos_app.core.messages import Msg
from pos_app.core.models import AuditEntry, OutboxEvent, SyncState

CHAIN_KEY_FILE = Path("secrets") / "chain.key"
KEY_BYTES = 32


def seal(key: bytes, what: str, row_hash: str) -> str:
    return hmac.new(key, f"{what}:{row_hash}".encode(), hashlib.sha256).hexdigest()


def key_id(key: bytes) -> str:
    """A name of the key that gives nothing of it away (HQ keeps it per terminal)."""
    return hashlib.sha256(b"pos chain key id:" + key).hexdigest()[:32]


def load_key(data_dir: Path) -> tuple[bytes, bool]:
    """The terminal's chain key, made now (0600, folder 0700) if the folder has none.
    Returns the key and whether it was just made."""
    path = data_dir / CHAIN_KEY_FILE
    try:
        key = path.read_bytes()
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
        os.chmod(path.parent, 0o700)
        key = secrets.token_bytes(KEY_BYTES)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as f:
            f.write(key)
            f.flush()
            os.fsync(f.fileno())
        return key, True
    if len(key) != KEY_BYTES:
        raise ValueError(f"the chain key {path} is not {KEY_BYTES} bytes")
    return key, False


@event.listens_for(Session, "before_flush")
def _seal_rows(session: Session, _ctx: Any, _instances: Any) -> None:
    key = session.info.get("chain_key")
    if key is None:
        return
    for obj in (*session.new, *session.dirty):
        if isinstance(obj, OutboxEvent):
            obj.mac = seal(key, "event", obj.hash)
        elif isinstance(obj, AuditEntry):
            obj.mac = seal(key, "audit", obj.hash)


def seal_unsealed(session: Session, key: bytes) -> int:
    """Seal the rows of a ledger written before the seals existed (just migrated, or its
    key just made): only when no row is sealed yet, so a seal removed from one row is
    never put back. Returns how many rows were sealed."""
    for model in (OutboxEvent, AuditEntry):
        if session.scalar(select(model.id).where(model.mac != "").limit(1)) is not None:
            return 0
    n = 0
    for ev in session.scalars(select(OutboxEvent).where(OutboxEvent.mac == "")):
        ev.mac = seal(key, "event", ev.hash)
        n += 1
    for row in session.scalars(select(AuditEntry).where(AuditEntry.mac == "")):
        session.execute(
            AuditEntry.__table__.update()  # type: ignore[attr-defined]
            .where(AuditEntry.id == row.id)
            .values(mac=seal(key, "audit", row.hash))
        )
        n += 1
    return n


def verify(session: Session, key: bytes) -> list[Msg]:
    """Name every event and audit row whose seal is missing or wrong."""
    problems = []
    for seq, h, mac in session.execute(
        select(OutboxEvent.seq, OutboxEvent.hash, OutboxEvent.mac).order_by(OutboxEvent.seq)
    ):
        if not hmac.compare_digest(mac or "", seal(key, "event", h)):
            problems.append(Msg("verify.event_not_sealed", seq=seq))
    return problems + verify_audit(session, key)


def verify_audit(session: Session, key: bytes) -> list[Msg]:
    problems = []
    for rid, h, mac in session.execute(
        select(AuditEntry.id, AuditEntry.hash, AuditEntry.mac).order_by(AuditEntry.id)
    ):
        if not hmac.compare_digest(mac or "", seal(key, "audit", h)):
            problems.append(Msg("verify.audit_not_sealed", row=rid))
    return problems


def verify_anchor(session: Session, key: bytes) -> list[Msg]:
    """The chain heads HQ last acknowledged (kept by sync, sealed): the seal holds and the
    event and audit row they name are still there with the same hash."""
    st = session.get(SyncState, 1)
    if st is None or not st.anchor:
        return []
    try:
        kept = json.loads(st.anchor)
        text, mac = kept["anchor"], kept["mac"]
        a = json.loads(text)
    except (ValueError, KeyError, TypeError):
        return [Msg("verify.anchor_unreadable")]
    if not hmac.compare_digest(str(mac), seal(key, "anchor", text)):
        return [Msg("verify.anchor_not_sealed")]
    out = []
    if a["event_seq"] and session.scalar(
        select(OutboxEvent.hash).where(OutboxEvent.seq == a["event_seq"])
    ) != a["event_hash"]:
        out.append(Msg("verify.anchor_event", seq=a["event_seq"], at=a["at"]))
    if a["audit_id"] and session.scalar(
        select(AuditEntry.hash).where(AuditEntry.id == a["audit_id"])
    ) != a["audit_hash"]:
        out.append(Msg("verify.anchor_audit", row=a["audit_id"], at=a["at"]))
    return out
