"""Tier upgrades from spend (single purchase, single day, rolling 12 months) and
downgrades on review against each tier's keep rule. Every change is recorded with its
reason. An upgrade earned by a sale applies from the next sale."""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from pos_app.core import outbox
from pos_app.core.messages import Msg
from pos_app.core.models import Member, Sale, TierChange
from pos_app.core.money import ZERO, format_money
from pos_app.core.program import Program, Tier, TierRule
from pos_app.core.staff import Operator, audit, require
from pos_app.core.terminal import Terminal


def _spend(s: Session, member_id: int, start: datetime, end: datetime) -> Decimal:
    rows = s.execute(
        select(Sale.kind, Sale.total).where(
            Sale.member_id == member_id, Sale.business_time >= start, Sale.business_time < end
        )
    ).all()
    return sum((total if kind == "sale" else -total for kind, total in rows), ZERO)


def rolling_12m(s: Session, member_id: int, at: datetime) -> Decimal:
    return _spend(s, member_id, at - timedelta(days=365), at + timedelta(microseconds=1))


def single_day(program: Program, s: Session, member_id: int, at: datetime) -> Decimal:
    start = program.day_start(program.business_day(at))
    return _spend(s, member_id, start, start + timedelta(days=1))


def _met(rule: TierRule, single: Decimal, day: Decimal, year: Decimal) -> Msg | None:
    """Why the rule upgrades (kept as "upgrade: single purchase ￥X ≥ ￥Y"), or None."""
    for code, spent, needed in (("single_purchase", single, rule.single_purchase),
                                ("single_day", day, rule.single_day),
                                ("rolling_12m", year, rule.rolling_12m)):
        if needed is not None and spent >= needed:
            return Msg(f"tier.reason.{code}", spent=format_money(spent),
                       rule=format_money(needed))
    return None


def after_sale(
    t: Terminal, s: Session, m: Member, sale_total: Decimal, at: datetime
) -> Tier | None:
    """Upgrade the member if this sale qualifies them for a higher tier."""
    program = t.program
    current = program.tier(m.tier_code)
    spent: list[Decimal] = []  # the day's and the 12 months' spend, read when needed

    def day_and_year() -> list[Decimal]:
        if not spent:
            spent.extend((single_day(program, s, m.id, at), rolling_12m(s, m.id, at)))
        return spent

    for tier in sorted(program.tiers, key=lambda x: -x.rank):
        if tier.rank <= current.rank:
            break
        rule = tier.qualify
        if rule.single_purchase is not None and sale_total >= rule.single_purchase:
            reason = _met(rule, sale_total, ZERO, ZERO)  # the sale alone qualifies
        else:
            reason = _met(rule, sale_total, *day_and_year())
        if reason:
            s.add(
                TierChange(
                    member_id=m.id,
                    from_tier=current.code,
                    to_tier=tier.code,
                    reason=reason,
                    at=t.now(),
                )
            )
            m.tier_code = tier.code
            return tier
    return None


def review(
    t: Terminal, s: Session, who: Operator, at: datetime | None = None,
    approver: Operator | None = None,
) -> list[tuple[int, str, str]]:
    """Downgrade members whose last 12 months no longer keep their tier. Returns
    (member id, from, to) for each change. A manager, or a manager approving."""
    require(who, "tier_review", approver)
    program = t.program
    at = at or t.now()
    changes = []
    for m in s.scalars(select(Member)):
        current = program.tier(m.tier_code)
        if current.keep.is_empty():
            continue
        year = rolling_12m(s, m.id, at)
        if current.keep.rolling_12m is not None and year >= current.keep.rolling_12m:
            continue
        target = program.lowest_tier
        for tier in sorted(program.tiers, key=lambda x: -x.rank):
            if tier.rank >= current.rank:
                continue
            keep = tier.keep.rolling_12m
            qual = tier.qualify.rolling_12m
            if (keep is not None and year >= keep) or (qual is not None and year >= qual):
                target = tier
                break
        if target.code == current.code:
            continue
        keep_s = format_money(current.keep.rolling_12m) if current.keep.rolling_12m else "-"
        reason = Msg("tier.reason.downgrade", spent=format_money(year), keep=keep_s)
        s.add(
            TierChange(
                member_id=m.id,
                from_tier=current.code,
                to_tier=target.code,
                reason=reason,
                at=t.now(),
            )
        )
        m.tier_code = target.code
        changes.append((m.id, current.code, target.code))
        outbox.record(
            t,
            s,
            "tier_changed",
            {"member": m.uid, "from": current.code, "to": target.code, "reason": reason},
            at,
        )
    audit(s, t.now(), who, "tier_review", "", {"changes": len(changes)})
    return changes


def history(s: Session, member_id: int) -> list[TierChange]:
    return list(
        s.scalars(
            select(TierChange).where(TierChange.member_id == member_id).order_by(TierChange.id)
        )
    )


def set_tier(
    t: Terminal,
    s: Session,
    m: Member,
    code: str,
    who: Operator,
    reason: str,
    approved_by: str | None = None,
) -> None:
    """A tier change by hand at the counter (e.g. a competitor's VIP card honoured)."""
    tier = t.program.tier(code)
    if not reason.strip():
        raise ValueError("a manual tier change needs a reason")
    s.add(
        TierChange(
            member_id=m.id,
            from_tier=m.tier_code,
            to_tier=tier.code,
            reason=Msg("tier.reason.by_hand", reason=reason),
            at=t.now(),
        )
    )
    audit(
        s,
        t.now(),
        who,
        "tier_change",
        f"member {m.id}",
        {"from": m.tier_code, "to": tier.code, "reason": reason},
        approved_by=approved_by,
    )
    outbox.record(
        t,
        s,
        "tier_changed",
        {"member": m.uid, "from": m.tier_code, "to": tier.code, "reason": f"by hand: {reason}"},
        t.now(),
    )
    m.tier_code = tier.code
