"""The alert queue and the fleet of terminals, as each person's scope allows."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sync.hq.models import HqAlert, HqTerminal
from sync.hq.office.access import Hidden, Who, audit
from sync.hq.service import alert_dict, register_in, revoke_terminal

STATUSES = ("open", "acknowledged", "resolved")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def alerts(s: Session, who: Who, status: str | None = "open", kind: str | None = None,
           limit: int = 200) -> list[dict[str, Any]]:
    who.require("alerts.view")
    q = select(HqAlert).where(who.scope.rows(HqAlert.store, HqAlert.franchisee))
    if status:
        q = q.where(HqAlert.status == status)
    if kind:
        q = q.where(HqAlert.kind == kind)
    return [alert_dict(a) for a in s.scalars(q.order_by(HqAlert.id.desc()).limit(limit))]


def counts(s: Session, who: Who) -> dict[str, int]:
    q = (select(HqAlert.status, func.count()).where(
        who.scope.rows(HqAlert.store, HqAlert.franchisee)).group_by(HqAlert.status))
    return {st: int(n) for st, n in s.execute(q)}


def _alert(s: Session, who: Who, alert_id: int) -> HqAlert:
    who.require("alerts.work")
    a = s.get(HqAlert, alert_id)
    if a is None or not who.scope.sees_store(a.store, a.franchisee):
        raise Hidden(f"alert {alert_id}")
    return a


def acknowledge(s: Session, who: Who, alert_id: int) -> None:
    a = _alert(s, who, alert_id)
    if a.status != "open":
        raise ValueError(f"the alert is already {a.status}")
    a.status, a.acked_by, a.acked_at = "acknowledged", who.login, _now()
    audit(s, who.login, "alert_acknowledged", f"alert {a.id}", a.kind, who.ip)


def resolve(s: Session, who: Who, alert_id: int, note: str) -> None:
    a = _alert(s, who, alert_id)
    note = note.strip()
    if len(note) < 4:
        raise ValueError("say how it was resolved (a note of at least 4 characters)")
    if a.status == "resolved":
        raise ValueError("the alert is already resolved")
    if a.status == "open":
        a.acked_by, a.acked_at = who.login, _now()
    a.status, a.resolved_by, a.resolved_at, a.note = "resolved", who.login, _now(), note[:2000]
    audit(s, who.login, "alert_resolved", f"alert {a.id}", note[:500], who.ip)


# --- fleet ------------------------------------------------------------------------------


def fleet(s: Session, who: Who) -> list[dict[str, Any]]:
    who.require("fleet.view")
    q = (select(HqTerminal).where(who.scope.rows(HqTerminal.store, HqTerminal.franchisee))
         .order_by(HqTerminal.store, HqTerminal.terminal))
    out = []
    for t in s.scalars(q):
        lease = Decimal(t.lease_cents) / 100
        used = Decimal(t.offline_used_cents) / 100 if t.offline_used_cents is not None else None
        out.append({
            "key": t.key, "franchisee": t.franchisee, "store": t.store,
            "terminal": t.terminal, "last_sync": t.last_seen or "",
            "pending": t.pending, "lease": f"{lease:.2f}",
            "offline_used": f"{used:.2f}" if used is not None else None,
            "offline_share": (used / lease) if used is not None and lease else None,
            "version": t.version or "", "skew_s": t.skew_s,
            "head": t.next_seq - 1, "head_hash": t.last_hash[:12], "epoch": t.epoch,
            "flags": t.flags.strip().splitlines()[-1] if t.flags.strip() else "",
            "revoked": t.revoked_at is not None,
        })
    return out


def register(s: Session, who: Who, franchisee: str, store: str, terminal: str,
             lease: Decimal) -> tuple[str, str]:
    """Register (or re-key) a terminal; the token is shown once and kept only hashed."""
    who.require("fleet.manage")
    for what, v in (("franchisee", franchisee), ("store", store), ("terminal", terminal)):
        if not v or len(v) > 40 or "/" in v or not v.isprintable():
            raise ValueError(f"{what} must be 1-40 printable characters without '/'")
    if not Decimal(0) <= lease <= Decimal(1_000_000):
        raise ValueError("the offline budget must be between 0 and 1000000 yuan")
    key, token = register_in(s, franchisee, store, terminal, lease)
    audit(s, who.login, "terminal_registered", key, f"franchisee {franchisee}, lease {lease}",
          who.ip)
    return key, token


def revoke(s: Session, who: Who, key: str) -> None:
    who.require("fleet.manage")
    if not revoke_terminal(s, key):
        raise ValueError(f"no active terminal {key}")
    audit(s, who.login, "terminal_revoked", key, "", who.ip)
