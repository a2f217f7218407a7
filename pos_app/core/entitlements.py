"""Entitlements (权益): services the program attaches to a tier (lifetime free
dry-cleaning) or to a card product (a clinic card's yearly check-up), shown at the
member counter and on the balance slip, used at the counter with the staff who served,
refused when used up or expired.

A tier's services follow the member's tier: unlimited, or ``count`` uses per calendar
year. A card product's services are granted once, when the card is sold or issued
(:func:`grant_for_card`), as ``entitlements`` rows valid ``valid_months`` from the
grant. Every grant and use travels to HQ as an event and comes back to the other
stores, so a use in one store is seen in all.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pos_app.core import outbox
from pos_app.core.errors import NotFound, PosError
from pos_app.core.ledger import new_event_id
from pos_app.core.members import find_card
from pos_app.core.models import Card, Entitlement, EntitlementUse, Member, Staff
from pos_app.core.program import Program, Service
from pos_app.core.staff import Operator, audit, require
from pos_app.core.terminal import Terminal

MAX_GRANT = 1000


@dataclass(frozen=True)
class Standing:
    """What a member may still have of one service from one source."""

    service: str
    name: str
    value: str
    source: str  # tier:CODE | card:PRODUCT | manual
    count: int | None  # None: unlimited
    left: int | None  # None: unlimited
    valid_until: str | None  # the last business day, YYYY-MM-DD (None: no end)
    expired: bool
    grant: str | None  # the entitlement's uid (None: the tier's)

    def text(self, lang: str = "zh") -> str:
        """What is left, as the balance slip and the member screen say it: 不限次; 剩 1 次，
        至 2027-12-01 (en: unlimited; 1 left, until 2027-12-01)."""
        zh = lang.startswith("zh")
        if self.left is None:
            out = "不限次" if zh else "unlimited"
        else:
            out = f"剩 {self.left} 次" if zh else f"{self.left} left"
        if self.valid_until:
            out += f"，至 {self.valid_until}" if zh else f", until {self.valid_until}"
        if self.expired:
            out += "（已过期）" if zh else " (expired)"
        return out

    @property
    def usable(self) -> bool:
        return not self.expired and (self.left is None or self.left > 0)

    def as_dict(self) -> dict[str, object]:
        return {"service": self.service, "name": self.name, "value": self.value,
                "source": self.source, "count": self.count, "left": self.left,
                "valid_until": self.valid_until, "expired": self.expired,
                "grant": self.grant, "unlimited": self.left is None, "text": self.text()}


def service_of(program: Program, code: str) -> Service:
    svc = program.service(code.strip())
    if svc is None:
        raise NotFound("entitlement.unknown_service", service=code,
                       known=", ".join(x.code for x in program.services) or "-")
    return svc


def _valid_until(program: Program, start: datetime, months: int | None) -> datetime | None:
    """The end of the business day before the same date ``months`` later."""
    if months is None:
        return None
    local = start.astimezone(program.timezone).date()
    y, m = divmod(local.month - 1 + months, 12)
    year, month = local.year + y, m + 1
    day = min(local.day, calendar.monthrange(year, month)[1])
    end = datetime.combine(date(year, month, day), time(0), tzinfo=program.timezone)
    return end - timedelta(microseconds=1)


def _grant(t: Terminal, s: Session, card: Card, service: str, count: int | None,
           months: int | None, source: str, who: Operator, at: datetime) -> Entitlement:
    e = Entitlement(uid=new_event_id(), member_uid=card.member.uid, card_no=card.card_no,
                    service=service, source=source, count=count, granted_at=at,
                    valid_until=_valid_until(t.program, at, months), staff=who.code)
    s.add(e)
    s.flush()
    outbox.record(t, s, "entitlement_granted", grant_event(e), at)
    return e


def grant_event(e: Entitlement) -> dict[str, object]:
    return {"grant": e.uid, "member": e.member_uid, "card": e.card_no, "service": e.service,
            "source": e.source, "count": e.count, "granted_at": e.granted_at.isoformat(),
            "valid_until": e.valid_until.isoformat() if e.valid_until else None,
            "staff": e.staff}


def grant_for_card(s: Session, card: Card, product_code: str, *, terminal: Terminal,
                   who: Operator, at: datetime | None = None) -> list[Entitlement]:
    """Grant the services the program attaches to card product ``product_code``
    (``[[entitlements]] card_products``) to the holder of ``card``, once the card is
    sold or issued; in the caller's transaction. Returns the grants (none where the
    product brings no service)."""
    at = at or terminal.now()
    out = []
    for rule in terminal.program.entitlements:
        if product_code in rule.card_products:
            out.append(_grant(terminal, s, card, rule.service, rule.count, rule.valid_months,
                              f"card:{product_code}", who, at))
    return out


def grant_by_hand(t: Terminal, s: Session, card_no: str, service: str, count: int | None,
                  valid_months: int | None, who: Operator, reason: str) -> Entitlement:
    """A service granted by hand at the counter (a supervisor), with its reason."""
    require(who, "entitlement_grant", None)
    svc = service_of(t.program, service)
    if count is not None and not 1 <= count <= MAX_GRANT:
        raise PosError("entitlement.bad_count", count=count, max=MAX_GRANT)
    if valid_months is not None and not 1 <= valid_months <= 1200:
        raise PosError("entitlement.bad_months", months=valid_months)
    if not reason.strip():
        raise PosError("entitlement.reason")
    card = find_card(s, card_no)
    now = t.now()
    e = _grant(t, s, card, svc.code, count, valid_months, "manual", who, now)
    audit(s, now, who, "entitlement_grant", e.uid,
          {"service": svc.code, "count": count, "months": valid_months, "reason": reason})
    return e


def _used(s: Session, member_uid: str, service: str, grant: str | None,
          since: datetime | None = None) -> int:
    q = select(func.count(EntitlementUse.id)).where(EntitlementUse.member_uid == member_uid,
                                                    EntitlementUse.service == service)
    q = q.where(EntitlementUse.entitlement_uid == grant if grant else
                EntitlementUse.entitlement_uid.is_(None))
    if since is not None:
        q = q.where(EntitlementUse.at >= since)
    return int(s.scalar(q) or 0)


def standing(t: Terminal, s: Session, member: Member) -> list[Standing]:
    """Every service the member has now: the tier's first, then the grants."""
    prog, now = t.program, t.now()
    year_start = prog.day_start(prog.business_day(now).replace(month=1, day=1))
    out: list[Standing] = []
    for rule in prog.entitlements:
        if member.tier_code not in rule.tiers:
            continue
        svc = service_of(prog, rule.service)
        left = None if rule.count is None else max(
            0, rule.count - _used(s, member.uid, svc.code, None, year_start))
        out.append(Standing(svc.code, svc.name, str(svc.value), f"tier:{member.tier_code}",
                            rule.count, left, None, False, None))
    for e in s.scalars(select(Entitlement).where(Entitlement.member_uid == member.uid)
                       .order_by(Entitlement.valid_until, Entitlement.id)):
        found = prog.service(e.service)
        name, value = (found.name, str(found.value)) if found else (e.service, "0.00")
        left = None if e.count is None else max(0, e.count - _used(s, member.uid, e.service,
                                                                   e.uid))
        until = e.valid_until.astimezone(prog.timezone).date().isoformat() if (
            e.valid_until) else None
        expired = e.valid_until is not None and e.valid_until < now
        out.append(Standing(e.service, name, value, e.source, e.count, left, until, expired,
                            e.uid))
    return out


def use(t: Terminal, s: Session, card_no: str, service: str, who: Operator,
        served_by: str | None = None) -> tuple[EntitlementUse, Standing]:
    """Record one use of ``service`` for the card's member, served by ``served_by`` (a
    staff code; default the operator). Takes from the tier's unlimited service first,
    then the grant that ends soonest, then the tier's yearly count. Refused, coded,
    when the member has no such service, or all of it is used up or expired."""
    require(who, "entitlement_use", None)
    svc = service_of(t.program, service)
    served = (served_by or who.code).strip()
    if served != who.code and s.scalars(select(Staff.id).where(
            Staff.code == served, Staff.active)).first() is None:
        raise NotFound("entitlement.unknown_staff", staff=served)
    card = find_card(s, card_no)
    member = card.member
    mine = [x for x in standing(t, s, member) if x.service == svc.code]
    if not mine:
        raise PosError("entitlement.none", service=svc.name)
    usable = [x for x in mine if x.usable]
    if not usable:
        if all(x.expired for x in mine):
            last = max(x.valid_until or "" for x in mine)
            raise PosError("entitlement.expired", service=svc.name, until=last)
        raise PosError("entitlement.used_up", service=svc.name)
    usable.sort(key=lambda x: (x.left is not None, x.grant is None, x.valid_until or "9999"))
    pick = usable[0]
    now = t.now()
    u = EntitlementUse(use_uid=new_event_id(), member_uid=member.uid, service=svc.code,
                       entitlement_uid=pick.grant, served_by=served, recorded_by=who.code,
                       store=t.identity.store, at=now)
    s.add(u)
    s.flush()
    audit(s, now, who, "entitlement_use", u.use_uid,
          {"service": svc.code, "grant": pick.grant, "served_by": served})
    outbox.record(t, s, "entitlement_used", use_event(u), now)
    after = next(x for x in standing(t, s, member)
                 if x.service == pick.service and x.grant == pick.grant)
    return u, after


def use_event(u: EntitlementUse) -> dict[str, object]:
    return {"use": u.use_uid, "member": u.member_uid, "service": u.service,
            "grant": u.entitlement_uid, "served_by": u.served_by, "recorded_by": u.recorded_by,
            "store": u.store, "at": u.at.isoformat()}


def uses(s: Session, member: Member, limit: int = 20) -> list[EntitlementUse]:
    return list(s.scalars(select(EntitlementUse).where(EntitlementUse.member_uid == member.uid)
                          .order_by(EntitlementUse.at.desc()).limit(limit)))


def take_from_hq(s: Session, sent: dict[str, list[dict[str, object]]] | None) -> int:
    """Grants and uses HQ sent with a member (made in any store), added where this
    terminal does not have them yet; a grant HQ says ends earlier (its card returned)
    ends here too. Returns how many were added."""
    if not sent:
        return 0
    added = 0
    have = {e.uid: e for e in s.scalars(select(Entitlement))}
    for g in sent.get("grants", []):
        until = g.get("valid_until")
        if g["grant"] in have:  # a grant ended early elsewhere (its card returned)
            e = have[g["grant"]]
            end = datetime.fromisoformat(str(until)) if until else None
            if end is not None and (e.valid_until is None or end < e.valid_until):
                e.valid_until = end
            continue
        s.add(Entitlement(uid=g["grant"], member_uid=g["member"], card_no=g.get("card"),
                          service=g["service"], source=g["source"], count=g.get("count"),
                          granted_at=datetime.fromisoformat(str(g["granted_at"])),
                          valid_until=datetime.fromisoformat(str(until)) if until else None,
                          staff=g.get("staff") or ""))
        added += 1
    used = set(s.scalars(select(EntitlementUse.use_uid)))
    for u in sent.get("uses", []):
        if u["use"] in used:
            continue
        s.add(EntitlementUse(use_uid=u["use"], member_uid=u["member"], service=u["service"],
                             entitlement_uid=u.get("grant"), served_by=u["served_by"],
                             recorded_by=u["recorded_by"], store=u["store"],
                             at=datetime.fromisoformat(str(u["at"]))))
        added += 1
    s.flush()
    return added
