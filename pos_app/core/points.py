"""Points: earned in lots that expire together, redeemed oldest first, taken back on
refund, expired per lot, transferred where the program allows.

Every function here adds its ledger lines to the caller's Posting and, once the journal
row exists, writes the lots (``apply_*``); the member's points account always equals the
sum of the remaining points of their lots (``pos ledger verify`` checks it).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from pos_app.core import ledger, outbox
from pos_app.core.errors import PosError
from pos_app.core.ledger import PTS, Posting, account
from pos_app.core.models import Account, Member, PointLot, PointLotUse
from pos_app.core.staff import Operator, audit
from pos_app.core.terminal import Terminal


def member_account(s: Session, member_id: int) -> Account:
    """The member's points account, named by the member's chain-wide id."""
    m = s.get(Member, member_id)
    if m is None:
        raise PosError("member.no_member", member=member_id)
    return account(s, f"points:member:{m.uid}", PTS, member_id=member_id)


def available(s: Session, member_id: int, now: datetime) -> int:
    """Points a member can spend now: unexpired lots, less any points owed."""
    return _available_in(_open_lots(s, member_id), now)


def _open_lots(s: Session, member_id: int) -> list[PointLot]:
    """The member's lots with points left (or owed)."""
    return list(
        s.scalars(
            select(PointLot).where(PointLot.member_id == member_id, PointLot.remaining != 0)
        )
    )


def _available_in(lots: list[PointLot], now: datetime) -> int:
    total = 0
    for lot in lots:
        if lot.remaining < 0 or lot.expires_at is None or lot.expires_at > now:
            total += lot.remaining
    return total


def _spendable_lots(s: Session, member_id: int, now: datetime) -> list[PointLot]:
    return _spendable_in(_open_lots(s, member_id), now)


def _spendable_in(lots: list[PointLot], now: datetime) -> list[PointLot]:
    live = [
        lot for lot in lots
        if lot.remaining > 0 and (lot.expires_at is None or lot.expires_at > now)
    ]
    # oldest expiry first; lots that never expire last; then in the order earned
    return sorted(live, key=lambda lot: (lot.expires_at is None, lot.expires_at or now, lot.id))


@dataclass
class PointsPlan:
    """Lot changes to write once the journal row exists."""

    uses: list[tuple[PointLot, int]] = field(default_factory=list)
    new_lots: list[dict[str, object]] = field(default_factory=list)

    def apply(self, s: Session, member_id: int, journal_id: int) -> None:
        for lot, pts in self.uses:
            lot.remaining -= pts
            s.add(PointLotUse(lot_id=lot.id, journal_id=journal_id, points=pts))
        for spec in self.new_lots:
            s.add(PointLot(member_id=member_id, journal_id=journal_id, **spec))
        s.flush()


def redeem(
    s: Session, p: Posting, plan: PointsPlan, member_id: int, pts: int, now: datetime
) -> None:
    lots = _open_lots(s, member_id)
    have = _available_in(lots, now)
    if pts > have:
        raise PosError("points.not_enough", have=have, asked=pts)
    left = pts
    for lot in _spendable_in(lots, now):
        take = min(left, lot.remaining)
        plan.uses.append((lot, take))
        left -= take
        if not left:
            break
    # the member's points (a liability) go down; the redeemed pool takes them
    p.debit(member_account(s, member_id), pts)
    p.credit(account(s, "points:redeemed", PTS), pts)


def plan_gain(
    t: Terminal,
    s: Session,
    plan: PointsPlan,
    member_id: int,
    pts: int,
    now: datetime,
    sale_no: str | None,
    source: str,
) -> None:
    """Lots for ``pts`` more points: points the member owes are settled first (oldest
    first), the rest is a new lot expiring by the program's rule."""
    left = pts
    for lot in s.scalars(
        select(PointLot)
        .where(PointLot.member_id == member_id, PointLot.remaining < 0)
        .order_by(PointLot.id)
    ):
        pay = min(left, -lot.remaining)
        plan.uses.append((lot, -pay))
        left -= pay
        if not left:
            break
    if left:
        plan.new_lots.append(
            dict(
                source=source,
                sale_no=sale_no,
                earned_at=now,
                expires_at=t.program.points_expiry(now),
                points=left,
                remaining=left,
            )
        )


def earn(
    t: Terminal,
    s: Session,
    p: Posting,
    plan: PointsPlan,
    member_id: int,
    pts: int,
    now: datetime,
    sale_no: str | None,
    source: str = "earn",
) -> None:
    """Give ``pts`` points: first settle points the member owes, the rest as a new lot."""
    if pts <= 0:
        return
    plan_gain(t, s, plan, member_id, pts, now, sale_no, source)
    p.debit(account(s, "points:issued", PTS), pts)
    p.credit(member_account(s, member_id), pts)


def take_back(
    s: Session, p: Posting, plan: PointsPlan, member_id: int, pts: int, sale_no: str, now: datetime
) -> None:
    """Take back points a refunded line earned: from that sale's lot first, then the oldest
    lots; what the member no longer has is recorded as points owed (a negative lot)."""
    if pts <= 0:
        return
    left = pts
    own = s.scalars(
        select(PointLot).where(
            PointLot.member_id == member_id, PointLot.sale_no == sale_no, PointLot.remaining > 0
        )
    ).all()
    for lot in [*own, *[x for x in _spendable_lots(s, member_id, now) if x not in own]]:
        take = min(left, lot.remaining)
        if take:
            plan.uses.append((lot, take))
            left -= take
        if not left:
            break
    if left:
        plan.new_lots.append(
            dict(
                source="owed",
                sale_no=sale_no,
                earned_at=now,
                expires_at=None,
                points=-left,
                remaining=-left,
            )
        )
    p.debit(member_account(s, member_id), pts)
    p.credit(account(s, "points:issued", PTS), pts)


def give_back(
    t: Terminal,
    s: Session,
    p: Posting,
    plan: PointsPlan,
    member_id: int,
    pts: int,
    original_journal_id: int,
    sale_no: str,
    now: datetime,
) -> None:
    """Return points a refunded sale had taken as payment, as a lot that expires when the
    earliest lot they came from would have."""
    if pts <= 0:
        return
    uses = s.scalars(
        select(PointLotUse).where(
            PointLotUse.journal_id == original_journal_id, PointLotUse.points > 0
        )
    ).all()
    expiries = [s.get(PointLot, u.lot_id).expires_at for u in uses]  # type: ignore[union-attr]
    dated = [e for e in expiries if e is not None]
    expires = min(dated) if dated else (None if expiries else t.program.points_expiry(now))
    plan.new_lots.append(
        dict(
            source="returned",
            sale_no=sale_no,
            earned_at=now,
            expires_at=expires,
            points=pts,
            remaining=pts,
        )
    )
    p.debit(account(s, "points:redeemed", PTS), pts)
    p.credit(member_account(s, member_id), pts)


def expire_due(t: Terminal, s: Session, member_id: int, who: Operator) -> int:
    """Post the expiry of every lot past its date. Returns the points expired."""
    now = t.now()
    due = s.scalars(
        select(PointLot).where(
            PointLot.member_id == member_id,
            PointLot.remaining > 0,
            PointLot.expires_at.is_not(None),
        )
    ).all()
    due = [lot for lot in due if lot.expires_at is not None and lot.expires_at <= now]
    total = sum(lot.remaining for lot in due)
    if not total:
        return 0
    p = Posting("points_expire", now, who.code, ref=f"member {member_id}")
    p.debit(member_account(s, member_id), total)
    p.credit(account(s, "points:expired", PTS), total)
    reason = f"points of member {member_id} ran out"
    j = ledger.post_adjustment(s, p, now, t.info(s), "expiry", reason)
    plan = PointsPlan(uses=[(lot, lot.remaining) for lot in due])
    plan.apply(s, member_id, j.id)
    m = s.get(Member, member_id)
    assert m is not None
    outbox.record(t, s, "points_expired", {"member": m.uid, "points": total}, now, j)
    return total


def transfer(t: Terminal, s: Session, src: Member, dst: Member, pts: int, who: Operator) -> int:
    """Move points between members where the program allows it (积分借转)."""
    if not t.program.points.transfer_allowed:
        raise PosError("points.transfer_off")
    if pts <= 0:
        raise PosError("points.transfer_not_positive")
    if src.id == dst.id:
        raise PosError("points.transfer_same")
    now = t.now()
    expire_due(t, s, src.id, who)
    p = Posting("points_transfer", now, who.code, ref=f"member {src.id} -> {dst.id}")
    out_plan, in_plan = PointsPlan(), PointsPlan()
    redeem(s, p, out_plan, src.id, pts, now)
    # the redeemed pool is only a pass-through for a transfer: credit the receiver instead
    p.lines[-1] = (member_account(s, dst.id), -pts)
    j = ledger.post_adjustment(
        s, p, now, t.info(s), "transfer", f"points from member {src.id} to {dst.id}"
    )
    out_plan.apply(s, src.id, j.id)
    in_plan.new_lots.append(
        dict(
            source="transfer",
            sale_no=None,
            earned_at=now,
            expires_at=t.program.points_expiry(now),
            points=pts,
            remaining=pts,
        )
    )
    in_plan.apply(s, dst.id, j.id)
    audit(s, now, who, "points_transfer", f"member {src.id} -> {dst.id}", {"points": pts})
    outbox.record(
        t, s, "points_transferred", {"from": src.uid, "to": dst.uid, "points": pts}, now, j
    )
    return pts
