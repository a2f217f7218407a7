"""Double-entry ledger: every business transaction is one journal row whose entries
balance per unit (CNY in cents, PTS in points), numbered by a gapless per-terminal
sequence, and ``verify`` proves the books.

Account codes (``balance`` is debit-positive):

=============================  ====  ===============================================
code                           unit  meaning
=============================  ====  ===============================================
cash:drawer                    CNY   cash in the till
bank_card:clearing             CNY   bank-card payments to be settled by the acquirer
other:clearing                 CNY   other tenders (vouchers, transfers)
sales:revenue                  CNY   goods sold (credit)
sales:returns                  CNY   goods refunded (debit, contra revenue)
points:redemption              CNY   value of points taken as payment (HQ clears it)
sv:bonus_given                 CNY   bonus credited on top-ups (promotion expense)
sv:card:{card_no}:principal    CNY   what the customer prepaid (liability)
sv:card:{card_no}:bonus        CNY   what was given on top (liability)
points:issued                  PTS   points given to members (debit)
points:redeemed                PTS   points taken back as payment (credit)
points:expired                 PTS   points that ran out (credit)
points:member:{member_id}      PTS   a member's points (liability)
cards:sale_discount            CNY   face value of cards sold below face (expense)
cards:granted                  CNY   face value of cards given by a spending rule
cards:commission               CNY   commission on card sales (expense)
staff:commission:{code}        CNY   commission owed to a staff member (liability)
=============================  ====  ===============================================
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pos_app.core.messages import Msg
from pos_app.core.models import (
    Account,
    Adjustment,
    Counter,
    Entry,
    Journal,
    PointLot,
    TerminalInfo,
)
from pos_app.core.money import CENT

CNY = "CNY"
PTS = "PTS"

# The account each money tender other than stored value is paid into (sales, top-ups)
# and given back from (refunds).
TENDER_ACCOUNTS = {
    "cash": "cash:drawer",
    "bank_card": "bank_card:clearing",
    "other": "other:clearing",
}


def cents(amount: Decimal) -> int:
    return int((amount / CENT).to_integral_value())


def yuan(c: int) -> Decimal:
    return (Decimal(c) * CENT).quantize(CENT)


def next_counter(session: Session, name: str) -> int:
    """Take the next value of a gapless counter inside the caller's transaction."""
    row = session.get(Counter, name)
    if row is None:
        row = Counter(name=name, value=0)
        session.add(row)
    row.value += 1
    session.flush()
    return row.value


def new_event_id() -> str:
    """A time-ordered id (UUIDv7 layout), made before anything is sent anywhere."""
    import os
    import time

    ms = time.time_ns() // 1_000_000
    rand = int.from_bytes(os.urandom(10), "big")
    value = (ms & ((1 << 48) - 1)) << 80
    value |= 0x7 << 76
    value |= ((rand >> 68) & 0xFFF) << 64
    value |= 0b10 << 62
    value |= rand & ((1 << 62) - 1)
    return str(uuid.UUID(int=value))


def account(
    session: Session,
    code: str,
    unit: str,
    *,
    member_id: int | None = None,
    card_id: int | None = None,
) -> Account:
    acc = session.scalars(select(Account).where(Account.code == code)).first()
    if acc is None:
        acc = Account(code=code, unit=unit, member_id=member_id, card_id=card_id, balance=0)
        session.add(acc)
        session.flush()
    return acc


@dataclass(frozen=True)
class RecordKind:
    """Where the business records of one kind live, so a journal can name its record
    (``Journal.record_kind`` and ``record_ref``) and ``pos ledger verify`` can check the
    tie both ways: ``table.key`` holds the record's number and, when each record has
    exactly one journal, ``table.journal`` names it back (``where`` narrows the rows)."""

    table: str
    key: str
    journal: str | None = "journal_id"
    where: str = ""


# Every kind of record a journal may book. A new money movement registers its record
# here (``register_record``) and names it on its Posting; ``post`` refuses any other.
RECORD_KINDS: dict[str, RecordKind] = {}


def register_record(name: str, kind: RecordKind) -> None:
    RECORD_KINDS[name] = kind


register_record("sale", RecordKind("sales", "sale_no", where="kind = 'sale'"))
register_record("refund", RecordKind("sales", "sale_no", where="kind = 'refund'"))
register_record("topup", RecordKind("topups", "topup_no"))
register_record("shift", RecordKind("shifts", "shift_no", journal=None))  # opened, closed
register_record("card_sale", RecordKind("card_sales", "sale_no"))  # cards sold or given
register_record("card_return", RecordKind("card_returns", "return_no"))  # unused, taken back
for _adj in ("expiry", "transfer", "adjustment"):
    register_record(_adj, RecordKind("adjustments", "adj_no", where=f"kind = '{_adj}'"))


@dataclass
class Posting:
    """Entries collected for one journal row, checked to balance before they are written.
    ``record`` names the business record the journal books: (kind, number)."""

    kind: str
    business_time: datetime
    staff: str
    ref: str = ""
    lines: list[tuple[Account, int]] = field(default_factory=list)
    record: tuple[str, str] | None = None

    def debit(self, acc: Account, amount: int) -> None:
        if amount:
            self.lines.append((acc, amount))

    def credit(self, acc: Account, amount: int) -> None:
        if amount:
            self.lines.append((acc, -amount))

    def move(self, from_acc: Account, to_acc: Account, amount: int) -> None:
        """Credit ``from_acc`` and debit ``to_acc`` by ``amount`` (same unit)."""
        self.credit(from_acc, amount)
        self.debit(to_acc, amount)


def post(session: Session, p: Posting, recorded_at: datetime, info: TerminalInfo) -> Journal:
    """Write one balanced journal row with the terminal's next sequence number."""
    totals: dict[str, int] = defaultdict(int)
    for acc, amt in p.lines:
        totals[acc.unit] += amt
    unbalanced = {u: t for u, t in totals.items() if t != 0}
    if unbalanced:
        raise AssertionError(f"unbalanced posting {p.kind}: {unbalanced}")
    if p.record is None or p.record[0] not in RECORD_KINDS or not p.record[1]:
        raise AssertionError(f"posting {p.kind} names no known business record: {p.record}")
    seq = next_counter(session, "journal")
    j = Journal(
        seq=seq,
        event_id=new_event_id(),
        kind=p.kind,
        business_time=p.business_time,
        recorded_at=recorded_at,
        franchisee=info.franchisee,
        store=info.store,
        terminal=info.terminal,
        staff=p.staff,
        ref=p.ref,
        record_kind=p.record[0],
        record_ref=p.record[1],
    )
    session.add(j)
    session.flush()
    for acc, amt in p.lines:
        session.add(Entry(journal_id=j.id, account_id=acc.id, amount=amt, unit=acc.unit))
        acc.balance += amt
    session.flush()
    return j


def post_adjustment(
    session: Session, p: Posting, recorded_at: datetime, info: TerminalInfo, kind: str, reason: str
) -> Journal:
    """Post a journal whose business record is an adjustment row (``kind`` expiry,
    transfer or adjustment), numbered A000001... on this terminal."""
    no = f"A{next_counter(session, 'adjustment'):06d}"
    p.record = (kind, no)
    j = post(session, p, recorded_at, info)
    session.add(
        Adjustment(
            adj_no=no, kind=kind, reason=reason[:80], journal_id=j.id, at=recorded_at,
            staff=p.staff,
        )
    )
    session.flush()
    return j


@dataclass
class VerifyReport:
    journals: int
    entries: int
    accounts: int
    problems: list[Msg]

    @property
    def ok(self) -> bool:
        return not self.problems


def verify(session: Session) -> VerifyReport:
    """Prove the books: every journal balances per unit, every account balance equals the
    sum of its entries, the sequence has no gaps, debits equal credits, no stored-value
    balance is negative, and every member's points equal their lots."""
    problems: list[Msg] = []
    # 1. each journal balances per unit
    rows = session.execute(
        select(Entry.journal_id, Entry.unit, func.sum(Entry.amount))
        .group_by(Entry.journal_id, Entry.unit)
        .having(func.sum(Entry.amount) != 0)
    ).all()
    for jid, unit, total in rows:
        problems.append(Msg("verify.journal_unbalanced", journal=jid, unit=unit, off=total))
    # 2. debits equal credits overall, per unit
    for unit, debits, credits in session.execute(
        select(
            Entry.unit,
            func.coalesce(func.sum(func.max(Entry.amount, 0)), 0),
            func.coalesce(func.sum(func.min(Entry.amount, 0)), 0),
        ).group_by(Entry.unit)
    ).all():
        if debits + credits != 0:
            problems.append(Msg("verify.debits_credits", unit=unit, debits=debits,
                                 credits=-credits))
    # 3. account balances equal the sum of their entries
    sums = dict(
        session.execute(
            select(Entry.account_id, func.sum(Entry.amount)).group_by(Entry.account_id)
        ).all()
    )
    accounts = session.scalars(select(Account)).all()
    for acc in accounts:
        if acc.balance != sums.get(acc.id, 0):
            problems.append(Msg("verify.account_balance", account=acc.code,
                                balance=acc.balance, sum=sums.get(acc.id, 0)))
        if acc.code.startswith("sv:card:") and acc.balance > 0:
            problems.append(Msg("verify.card_overdrawn", account=acc.code,
                                amount=yuan(acc.balance)))
    # 4. gapless sequence
    n, lo, hi = session.execute(
        select(func.count(Journal.id), func.min(Journal.seq), func.max(Journal.seq))
    ).one()
    if n and (lo != 1 or hi != n):
        problems.append(Msg("verify.sequence_gaps", count=n, first=lo, last=hi))
    # 5. points accounts equal their lots
    lots = dict(
        session.execute(
            select(PointLot.member_id, func.sum(PointLot.remaining)).group_by(PointLot.member_id)
        ).all()
    )
    for acc in accounts:
        if acc.code.startswith("points:member:") and acc.member_id is not None:
            owed = -acc.balance
            if owed != lots.get(acc.member_id, 0):
                problems.append(Msg("verify.member_points", member=acc.member_id,
                                    points=owed, lots=lots.get(acc.member_id, 0)))
    entries = session.scalar(select(func.count(Entry.id))) or 0
    return VerifyReport(journals=n, entries=entries, accounts=len(accounts), problems=problems)
