"""Who may do what in the back office, and on which rows: the one place.

Roles and their rights are the table ``RIGHTS``; each role's rows are its ``Scope``
(every page and action filters through it). People sign in with a password (argon2id;
locked for 15 minutes after 5 wrong tries); a browser session is a random cookie token
whose hash, CSRF token and expiry live in the database (30 minutes idle, 12 hours at
most), so any HQ process serves any request. Every action is written to ``hq_audit``.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import ColumnElement, delete, select, true
from sqlalchemy.orm import InstrumentedAttribute, Session

from sync.hq.models import HqAudit, HqTerminal, HqUser, HqWebSession

ADMIN = "admin"
PROGRAM_MANAGER = "program_manager"
ACCOUNTANT = "accountant"
STORE_MANAGER = "store_manager"
AUDITOR = "auditor"
ROLES = (ADMIN, PROGRAM_MANAGER, ACCOUNTANT, STORE_MANAGER, AUDITOR)
EVERYONE = frozenset(ROLES)

RIGHTS: dict[str, frozenset[str]] = {
    "dashboard.view": EVERYONE,
    "statements.view": frozenset({ADMIN, ACCOUNTANT, AUDITOR}),
    "statements.approve": frozenset({ADMIN, ACCOUNTANT}),
    "statements.lock": frozenset({ADMIN}),
    "alerts.view": EVERYONE,
    "alerts.work": frozenset({ADMIN, PROGRAM_MANAGER, ACCOUNTANT, STORE_MANAGER}),
    "fleet.view": frozenset({ADMIN, PROGRAM_MANAGER, STORE_MANAGER, AUDITOR}),
    "fleet.manage": frozenset({ADMIN}),
    "members.view": frozenset({ADMIN, PROGRAM_MANAGER, STORE_MANAGER, AUDITOR}),
    "members.reveal": frozenset({ADMIN, PROGRAM_MANAGER, STORE_MANAGER}),
    "members.block": frozenset({ADMIN, PROGRAM_MANAGER, STORE_MANAGER}),
    "members.adjust": frozenset({ADMIN, PROGRAM_MANAGER, STORE_MANAGER}),
    "members.approve": frozenset({ADMIN, PROGRAM_MANAGER}),
    "program.view": frozenset({ADMIN, PROGRAM_MANAGER, AUDITOR}),
    "program.publish": frozenset({ADMIN, PROGRAM_MANAGER}),
    "users.manage": frozenset({ADMIN}),
    "audit.view": frozenset({ADMIN, AUDITOR}),
    "staff.view": frozenset({ADMIN, ACCOUNTANT, STORE_MANAGER, AUDITOR}),
}

MAX_TRIES = 5
LOCK_FOR = timedelta(minutes=15)
IDLE = timedelta(minutes=30)
LONGEST = timedelta(hours=12)
MIN_PASSWORD = 10

_hasher = PasswordHasher()


class Denied(Exception):
    """The signed-in person may not do this (HTTP 403)."""


class Hidden(Exception):
    """No such record, or none the person may see (HTTP 404: the answer is the same, so
    nobody learns what exists outside their scope)."""


class NotSignedIn(Exception):
    """No valid session (the browser goes to the sign-in page)."""


def now_utc() -> datetime:
    return datetime.now(UTC)


def _iso(d: datetime) -> str:
    return d.isoformat(timespec="seconds")


# --- scope ------------------------------------------------------------------------------


def store_directory(s: Session) -> dict[str, str]:
    """Every store HQ knows (from its terminals) -> its franchisee."""
    return dict(s.execute(select(HqTerminal.store, HqTerminal.franchisee).distinct()).all())


@dataclass(frozen=True)
class Scope:
    """The rows a person sees: everything, one franchisee's, or some stores'."""

    everything: bool
    franchisee: str | None = None
    stores: frozenset[str] | None = None

    @classmethod
    def of(cls, user: HqUser) -> Scope:
        if user.role == ACCOUNTANT:
            return cls(False, franchisee=user.franchisee or "\x00none")
        if user.role == STORE_MANAGER:
            return cls(False, stores=frozenset(user.stores.split()))
        return cls(True)

    def sees_store(self, store: str | None, franchisee: str | None) -> bool:
        if self.everything:
            return True
        if self.franchisee is not None:
            return franchisee == self.franchisee
        return store is not None and self.stores is not None and store in self.stores

    def sees_pair(self, a: str, b: str) -> bool:
        """Settlement between franchisees a and b (a store manager sees none)."""
        if self.everything:
            return True
        return self.franchisee is not None and self.franchisee in (a, b)

    def stores_of(self, directory: dict[str, str]) -> list[str]:
        return sorted(st for st, fr in directory.items() if self.sees_store(st, fr))

    def franchisees_of(self, directory: dict[str, str]) -> list[str]:
        return sorted({fr for st, fr in directory.items() if self.sees_store(st, fr)})

    def rows(self, store_col: InstrumentedAttribute[str | None] | InstrumentedAttribute[str],
             franchisee_col: InstrumentedAttribute[str | None] | InstrumentedAttribute[str]
             ) -> ColumnElement[bool]:
        """A WHERE clause keeping this scope's rows of a table with store and
        franchisee columns."""
        if self.everything:
            return true()
        if self.franchisee is not None:
            return franchisee_col == self.franchisee
        return store_col.in_(sorted(self.stores or ()))


# --- the signed-in person ---------------------------------------------------------------


@dataclass
class Who:
    user: HqUser
    scope: Scope
    csrf: str
    ip: str = ""

    @property
    def login(self) -> str:
        return self.user.login

    @property
    def role(self) -> str:
        return self.user.role

    def can(self, right: str) -> bool:
        return self.user.role in RIGHTS[right]

    def require(self, right: str) -> None:
        if not self.can(right):
            raise Denied(f"{self.user.role} may not {right}")

    def require_store(self, store: str | None, franchisee: str | None) -> None:
        if not self.scope.sees_store(store, franchisee):
            raise Denied(f"store {store} is outside {self.login}'s scope")


def audit(s: Session, login: str, action: str, target: str = "", detail: str = "",
          ip: str = "") -> None:
    s.add(HqAudit(at=_iso(now_utc()), login=login, action=action, target=target[:200],
                  detail=detail, ip=ip[:64]))


# --- users ------------------------------------------------------------------------------


def check_password_rules(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise ValueError(f"a password needs at least {MIN_PASSWORD} characters")


def add_user(s: Session, login: str, name: str, role: str, password: str, *,
             franchisee: str | None = None, stores: str = "", lang: str = "zh_CN") -> HqUser:
    login = login.strip()
    if not login or len(login) > 40 or not login.replace("-", "").replace("_", "").replace(
            ".", "").isalnum():
        raise ValueError("a login is 1-40 letters, digits, '-', '_' or '.'")
    if role not in ROLES:
        raise ValueError(f"role must be one of {', '.join(ROLES)}, got {role!r}")
    if role == ACCOUNTANT and not franchisee:
        raise ValueError("a franchisee's accountant needs the franchisee")
    if role == STORE_MANAGER and not stores.split():
        raise ValueError("a store manager needs at least one store")
    if s.get(HqUser, login) is not None:
        raise ValueError(f"login {login!r} is taken")
    check_password_rules(password)
    u = HqUser(login=login, name=name.strip() or login, role=role,
               franchisee=franchisee if role == ACCOUNTANT else None,
               stores=" ".join(sorted(set(stores.split()))) if role == STORE_MANAGER else "",
               password_hash=_hasher.hash(password), lang=lang, active=True, failed=0,
               locked_until=None, created_at=_iso(now_utc()))
    s.add(u)
    s.flush()
    return u


def set_password(s: Session, login: str, password: str) -> None:
    check_password_rules(password)
    u = s.get(HqUser, login)
    if u is None:
        raise ValueError(f"no user {login!r}")
    u.password_hash = _hasher.hash(password)
    u.failed = 0
    u.locked_until = None
    s.execute(delete(HqWebSession).where(HqWebSession.login == login))


def sign_in(s: Session, login: str, password: str, ip: str = "") -> tuple[HqUser, str] | str:
    """Check the password; on success open a session and return (user, cookie token),
    else the reason (the same words for an unknown login and a wrong password)."""
    now = now_utc()
    u = s.get(HqUser, login.strip())
    if u is None or not u.active:
        audit(s, login.strip()[:40] or "-", "sign_in_failed", detail="unknown or inactive",
              ip=ip)
        return "wrong login or password"
    if u.locked_until and datetime.fromisoformat(u.locked_until) > now:
        audit(s, u.login, "sign_in_refused", detail="locked", ip=ip)
        return "locked"
    try:
        _hasher.verify(u.password_hash, password)
    except (VerificationError, InvalidHashError):
        u.failed += 1
        if u.failed >= MAX_TRIES:
            u.locked_until = _iso(now + LOCK_FOR)
            u.failed = 0
            audit(s, u.login, "sign_in_failed", detail="wrong password; locked for 15 minutes",
                  ip=ip)
            return "locked"
        audit(s, u.login, "sign_in_failed", detail=f"wrong password ({u.failed})", ip=ip)
        return "wrong login or password"
    u.failed = 0
    u.locked_until = None
    if _hasher.check_needs_rehash(u.password_hash):
        u.password_hash = _hasher.hash(password)
    token = secrets.token_urlsafe(32)
    # sessions left to expire (no sign-out) are cleared here
    s.execute(delete(HqWebSession).where(HqWebSession.expires_at < _iso(now)))
    s.add(HqWebSession(token_hash=_hash(token), login=u.login, csrf=secrets.token_urlsafe(24),
                       created_at=_iso(now), last_seen=_iso(now), expires_at=_iso(now + IDLE)))
    audit(s, u.login, "sign_in", ip=ip)
    return u, token


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def session_of(s: Session, token: str | None, ip: str = "") -> Who:
    """The person behind a session cookie (the session's expiry moves on with use)."""
    if not token:
        raise NotSignedIn()
    ws = s.get(HqWebSession, _hash(token))
    now = now_utc()
    if ws is None:
        raise NotSignedIn()
    if (datetime.fromisoformat(ws.expires_at) <= now
            or datetime.fromisoformat(ws.created_at) + LONGEST <= now):
        s.delete(ws)
        raise NotSignedIn()
    u = s.get(HqUser, ws.login)
    if u is None or not u.active:
        s.delete(ws)
        raise NotSignedIn()
    if datetime.fromisoformat(ws.last_seen) + timedelta(minutes=1) <= now:
        ws.last_seen = _iso(now)
        ws.expires_at = _iso(now + IDLE)
    return Who(u, Scope.of(u), ws.csrf, ip)


def sign_out(s: Session, token: str | None) -> None:
    if token:
        s.execute(delete(HqWebSession).where(HqWebSession.token_hash == _hash(token)))


def sign_out_everywhere(s: Session, login: str) -> None:
    s.execute(delete(HqWebSession).where(HqWebSession.login == login))


def check_csrf(who: Who, sent: str | None) -> None:
    if not sent or not secrets.compare_digest(sent, who.csrf):
        raise Denied("the form's CSRF token does not match this session")


def users(s: Session) -> list[HqUser]:
    return list(s.scalars(select(HqUser).order_by(HqUser.login)))
