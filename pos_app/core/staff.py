"""Staff, roles, PINs (argon2) and the append-only, hash-chained audit log."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime, timedelta
from functools import cache
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from pos_app.core import rights
from pos_app.core.errors import NotAllowed, NotFound, PosError
from pos_app.core.ledger import next_counter
from pos_app.core.messages import Msg
from pos_app.core.models import AuditEntry, Staff
from pos_app.core.rights import CONSOLE, ROLES, Operator

__all__ = ["CONSOLE", "ROLES", "Operator"]  # who is at the terminal: pos_app.core.rights

if TYPE_CHECKING:
    from argon2 import PasswordHasher

    from pos_app.core.terminal import Terminal

GENESIS = "0" * 64


@cache
def _hasher() -> PasswordHasher:
    from argon2 import PasswordHasher  # only where a PIN is set or checked (start-up cost)

    return PasswordHasher(time_cost=2, memory_cost=19456, parallelism=1)


def hash_pin(pin: str) -> str:
    if not (pin.isdigit() and 4 <= len(pin) <= 8):
        raise PosError("staff.pin_format")
    return _hasher().hash(pin)


def has_manager(session: Session) -> bool:
    return session.scalars(
        select(Staff.id).where(Staff.role == "manager", Staff.active)
    ).first() is not None


def add_staff(session: Session, code: str, name: str, role: str, pin: str) -> Staff:
    if code.strip().lower() == rights.CONSOLE_CODE:
        raise PosError("staff.reserved_code", staff=code)
    if role not in ROLES:
        raise PosError("staff.bad_role", allowed=", ".join(ROLES), role=role)
    if session.scalars(select(Staff).where(Staff.code == code)).first():
        raise PosError("staff.code_taken", staff=code)
    s = Staff(code=code, name=name, role=role, pin_hash=hash_pin(pin), failed_attempts=0)
    session.add(s)
    session.flush()
    return s


def check_pin(t: Terminal, code: str, pin: str) -> Operator:
    """Verify a staff PIN, on every path that takes one (app login, supervisor approval,
    ``--staff``, ``--approver``).

    The attempt is counted and committed *before* the PIN is compared, in a transaction
    of its own: a refusal cannot roll the count back, and parallel guesses each take the
    write lock in turn, so each sees the others' attempts. The program's
    ``[staff] pin_attempts`` attempts in a row (default 5) lock the code for
    ``pin_lockout_minutes`` (default 15); while locked even the right PIN is refused
    without being compared. A right PIN clears the count; a manager may unlock early
    (:func:`unlock`, audited)."""
    rules = t.program.staff
    attempt = 0
    with t.tx() as s:
        now = t.now()
        st = s.scalars(select(Staff).where(Staff.code == code, Staff.active)).first()
        if st is None:
            raise NotFound("staff.unknown", staff=code)
        locked_until = st.locked_until
        if locked_until is None or locked_until <= now:
            st.failed_attempts += 1
            attempt = st.failed_attempts
            if attempt >= rules.pin_attempts:
                st.locked_until = now + timedelta(minutes=rules.pin_lockout_minutes)
                st.failed_attempts = 0
            else:
                st.locked_until = None
            locked_until = None
        pin_hash, role = st.pin_hash, st.role
    if locked_until is not None:
        raise NotAllowed("staff.locked", staff=code, failures=rules.pin_attempts,
                         until=f"{locked_until.astimezone(now.tzinfo):%H:%M}")
    from argon2.exceptions import InvalidHashError, VerificationError  # with _hasher()

    try:
        _hasher().verify(pin_hash, pin)
    except (VerificationError, InvalidHashError):
        if attempt >= rules.pin_attempts:  # this attempt locked the code: audited
            until = now + timedelta(minutes=rules.pin_lockout_minutes)
            with t.tx() as s:
                audit(s, now, Operator(code, role), "pin_locked", code,
                      {"after_wrong_pins": rules.pin_attempts, "until": _ts(until)})
        raise NotAllowed("staff.wrong_pin", staff=code) from None
    with t.tx() as s:
        st = s.scalars(select(Staff).where(Staff.code == code)).one()
        st.failed_attempts = 0
        st.locked_until = None
    return Operator(code, role)


def unlock(session: Session, now: datetime, who: Operator, code: str) -> None:
    """A manager lifts a PIN lock before it runs out; audited with who did it."""
    require(who, "unlock_staff", None)
    st = session.scalars(select(Staff).where(Staff.code == code)).first()
    if st is None:
        raise NotFound("staff.unknown", staff=code)
    was = st.locked_until
    st.failed_attempts = 0
    st.locked_until = None
    audit(session, now, who, "staff_unlock", code,
          {"was_locked_until": _ts(was) if was is not None and was > now else None})


def _ts(at: datetime) -> str:
    return at.astimezone(UTC).isoformat(timespec="microseconds")


def _entry_hash(
    prev: str, at: str, staff: str, action: str, subject: str, detail: str, approved_by: str | None
) -> str:
    payload = json.dumps(
        [prev, at, staff, action, subject, detail, approved_by or ""],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(payload.encode()).hexdigest()


def audit(
    session: Session,
    at: datetime,
    who: Operator,
    action: str,
    subject: str = "",
    detail: dict[str, Any] | None = None,
    approved_by: str | None = None,
) -> AuditEntry:
    """Append one row to the audit log, chained to the previous row's hash and counted
    (counter ``audit``), so a removed last row is seen."""
    next_counter(session, "audit")
    last = session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(1)).first()
    prev = last.hash if last else GENESIS
    text = json.dumps(detail or {}, ensure_ascii=False, sort_keys=True, default=str)
    at_s = _ts(at)
    row = AuditEntry(
        at=at,
        staff=who.code,
        action=action,
        subject=subject,
        detail=text,
        approved_by=approved_by,
        prev_hash=prev,
        hash=_entry_hash(prev, at_s, who.code, action, subject, text, approved_by),
    )
    session.add(row)
    session.flush()
    return row


def verify_audit(session: Session) -> list[Msg]:
    """Recompute the chain; name every row whose content or link was changed."""
    problems = []
    prev = GENESIS
    for row in session.scalars(select(AuditEntry).order_by(AuditEntry.id)):
        at_s = _ts(row.at)
        expect = _entry_hash(
            prev, at_s, row.staff, row.action, row.subject, row.detail, row.approved_by
        )
        if row.prev_hash != prev:
            problems.append(Msg("verify.audit_link", row=row.id))
        if row.hash != expect:
            problems.append(Msg("verify.audit_hash", row=row.id))
        prev = row.hash
    return problems


def require(who: Operator, action: str, approver: Operator | None) -> str | None:
    """The rights table's check (:func:`pos_app.core.rights.require`)."""
    return rights.require(who, action, approver)
