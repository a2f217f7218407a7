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

from sqlalchemy import bindparam, event, func, insert, select, update
from sqlalchemy.orm import Session, make_transient_to_detached
from sqlalchemy.orm.attributes import set_committed_value
from sqlalchemy.orm.util import identity_key

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
    """Take the next value of a gapless counter inside the caller's transaction: one
    ``UPDATE ... RETURNING`` (an INSERT for a counter's first value). What the session
    holds unwritten is flushed first, as callers expect of a numbered step."""
    session.flush()
    held = session.identity_map.get(identity_key(Counter, name))
    conn = session.connection()
    value = conn.execute(
        update(Counter).where(Counter.name == name).values(value=Counter.value + 1)
        .returning(Counter.value)
    ).scalar()
    if value is None:
        conn.execute(insert(Counter).values(name=name, value=1))
        value = 1
    if held is not None:  # a Counter read through the ORM in this session stays true
        set_committed_value(held, "value", value)
    return int(value)


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
    """The account ``code``, made (balance 0) if the ledger has none. Accounts are never
    removed, so once committed an account's id, unit and owner are remembered per
    database connection (:func:`_known_accounts`) and not looked up again; its balance
    is read only when asked for."""
    known = _known_accounts(session)
    row = known.get(code) or session.info.get(_NEW_ACCOUNTS, {}).get(code)
    if row is not None:
        return _attached(session, row)
    acc = session.scalars(select(Account).where(Account.code == code)).first()
    made = acc is None
    if acc is None:
        acc = Account(code=code, unit=unit, member_id=member_id, card_id=card_id, balance=0)
        session.add(acc)
        session.flush()
    row = (acc.id, acc.code, acc.unit, acc.member_id, acc.card_id)
    if made or code in session.info.get(_MADE_HERE, ()):
        # not committed yet: remembered for the connection only once it is
        session.info.setdefault(_NEW_ACCOUNTS, {})[code] = row
        session.info.setdefault(_MADE_HERE, set()).add(code)
    else:
        known[code] = row
    return acc


_KNOWN_ACCOUNTS = "pos.known_accounts"  # Connection.info: code -> committed account row
_NEW_ACCOUNTS = "pos.new_accounts"  # Session.info: accounts made in this transaction
_MADE_HERE = "pos.accounts_made"  # Session.info: their codes, until commit or rollback


def _known_accounts(session: Session) -> dict[str, tuple[str | int | None, ...]]:
    info = session.connection().info
    known = info.get(_KNOWN_ACCOUNTS)
    if known is None:
        known = info[_KNOWN_ACCOUNTS] = {}
    session.info[_KNOWN_ACCOUNTS] = known
    return known


def _attached(session: Session, row: tuple[str | int | None, ...]) -> Account:
    """The account of a remembered row in this session, without a query: the one the
    session holds, or one attached as persistent with its balance left to load."""
    held = session.identity_map.get(identity_key(Account, row[0]))
    if held is not None:
        return held
    acc = Account(id=row[0], code=row[1], unit=row[2], member_id=row[3], card_id=row[4])
    make_transient_to_detached(acc)
    session.add(acc)
    return acc


@event.listens_for(Session, "after_commit")
def _remember_new_accounts(session: Session) -> None:
    if session.in_nested_transaction():
        return  # a savepoint released: its accounts may still be rolled back
    new = session.info.pop(_NEW_ACCOUNTS, None)
    session.info.pop(_MADE_HERE, None)
    known = session.info.get(_KNOWN_ACCOUNTS)
    if new and known is not None:
        known.update(new)


@event.listens_for(Session, "after_soft_rollback")
def _forget_new_accounts(session: Session, _previous: object) -> None:
    # any rollback, a savepoint's too, may have undone accounts made in the transaction
    session.info.pop(_NEW_ACCOUNTS, None)


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
    """Write one balanced journal row with the terminal's next sequence number: the row,
    its entries and the accounts' balances as three statements (the entries in the
    posting's order), and the journal handed back as a persistent object."""
    totals: dict[str, int] = defaultdict(int)
    for acc, amt in p.lines:
        totals[acc.unit] += amt
    unbalanced = {u: t for u, t in totals.items() if t != 0}
    if unbalanced:
        raise AssertionError(f"unbalanced posting {p.kind}: {unbalanced}")
    if p.record is None or p.record[0] not in RECORD_KINDS or not p.record[1]:
        raise AssertionError(f"posting {p.kind} names no known business record: {p.record}")
    row = {
        "seq": next_counter(session, "journal"),
        "event_id": new_event_id(),
        "kind": p.kind,
        "business_time": p.business_time,
        "recorded_at": recorded_at,
        "franchisee": info.franchisee,
        "store": info.store,
        "terminal": info.terminal,
        "staff": p.staff,
        "ref": p.ref,
        "record_kind": p.record[0],
        "record_ref": p.record[1],
    }
    conn = session.connection()
    jid = conn.execute(insert(Journal).values(row).returning(Journal.id)).scalar_one()
    j = Journal(id=jid, **row)
    make_transient_to_detached(j)  # its entries load when asked for
    session.add(j)
    if p.lines:
        conn.execute(
            insert(Entry),
            [{"journal_id": jid, "account_id": acc.id, "amount": amt, "unit": acc.unit}
             for acc, amt in p.lines],
        )
        _move_balances(session, p.lines)
    return j


def _move_balances(session: Session, lines: list[tuple[Account, int]]) -> None:
    """Add each account's share of a posting to its balance, in the ledger and in the
    account objects that have theirs loaded (the others read it when asked)."""
    moved: dict[int, int] = defaultdict(int)
    accounts: dict[int, Account] = {}
    for acc, amt in lines:
        moved[acc.id] += amt
        accounts[acc.id] = acc
    session.connection().execute(
        update(Account).where(Account.id == bindparam("acc"))
        .values(balance=Account.balance + bindparam("amt")),
        [{"acc": k, "amt": v} for k, v in moved.items()],
    )
    for k, acc in accounts.items():
        if "balance" in acc.__dict__:
            set_committed_value(acc, "balance", acc.balance + moved[k])


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
