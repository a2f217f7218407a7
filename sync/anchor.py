"""The terminal's side of the chain anchors (HQ's side: sync/hq/anchors.py). At the end
of every sync the terminal shows HQ the heads of its event chain (its last event HQ
acknowledged) and of its audit log, with what it still holds at the heads HQ kept last
time; when HQ accepts them they are kept here too (``sync_state.anchor``, sealed with
the chain key), so ``pos ledger verify`` finds a row before them that was changed or
removed even without HQ."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from pos_app.core import sealing
from pos_app.core.messages import Msg
from pos_app.core.models import AuditEntry, OutboxEvent, SyncState
from pos_app.core.outbox import GENESIS, canonical
from pos_app.core.terminal import Terminal


def heads(t: Terminal, s: Session, to_prove: dict[str, Any] | None) -> dict[str, Any]:
    ev = s.execute(select(OutboxEvent.seq, OutboxEvent.hash)
                   .where(OutboxEvent.status != "pending")
                   .order_by(OutboxEvent.seq.desc()).limit(1)).first()
    au = s.execute(select(AuditEntry.id, AuditEntry.hash)
                   .order_by(AuditEntry.id.desc()).limit(1)).first()
    body: dict[str, Any] = {
        "epoch": t.info(s).epoch,
        "event_seq": ev[0] if ev else 0,
        "event_hash": ev[1] if ev else GENESIS,
        "audit_id": au[0] if au else 0,
        "audit_hash": au[1] if au else GENESIS,
        "key_id": sealing.key_id(t.chain_key),
    }
    if to_prove:
        seq, aid = int(to_prove["event_seq"]), int(to_prove["audit_id"])
        body["proof"] = {
            "event_seq": seq,
            "event_hash": GENESIS if seq == 0 else
            s.scalar(select(OutboxEvent.hash).where(OutboxEvent.seq == seq)),
            "audit_id": aid,
            "audit_hash": GENESIS if aid == 0 else
            s.scalar(select(AuditEntry.hash).where(AuditEntry.id == aid)),
        }
    return body


def prove(t: Terminal, post: Callable[[dict[str, Any]], dict[str, Any]],
          to_prove: dict[str, Any] | None) -> list[str]:
    """Show HQ the chain heads; keep them when HQ accepts. Returns HQ's findings."""
    with t.read() as s:
        body = heads(t, s, to_prove)
    ans = post(body)
    if not ans.get("ok"):
        return [Msg("sync.ledger_rewritten", detail=p) for p in ans.get("problems", [])]
    kept = {k: body[k] for k in ("event_seq", "event_hash", "audit_id", "audit_hash")}
    kept["at"] = ans.get("at")
    text = canonical(kept)
    with t.tx() as s:
        st = s.get(SyncState, 1)
        if st is not None:
            st.anchor = json.dumps({"anchor": text,
                                    "mac": sealing.seal(t.chain_key, "anchor", text)})
    return []
