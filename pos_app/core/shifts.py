"""Cashier shifts: open with a cash float, X report (figures so far, nothing closed),
close with a cash count and the Z report.

Opening posts the float into the drawer (``cash:safe`` → ``cash:drawer``), a journal row
that also marks where the shift starts in the ledger; closing moves the counted cash back
to the safe and any difference to ``cash:over_short``, so the drawer account is what the
drawer holds. The cash the drawer should hold at the close is the sum of the
``cash:drawer`` movements since the shift opened: the float, cash sales net of change,
cash refunds, cash top-ups, cards sold for cash (售卡) and the cash paid back for cards
returned (退卡). Card sales and returns are their own lines of the report, by tender,
apart from the merchandise sales (stored value sold is not a sale of goods). Shifts are
bounded by journal rows, not by clock times, so a clock set back cannot move a sale into
the wrong shift. One shift is open at a time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pos_app.core import ledger, outbox
from pos_app.core.errors import NotFound, PosError
from pos_app.core.ledger import CNY, Posting, account, cents
from pos_app.core.messages import Msg
from pos_app.core.models import (
    Account,
    AuditEntry,
    CardReturn,
    CardSale,
    Entry,
    Journal,
    Sale,
    SaleTender,
    Shift,
    Topup,
)
from pos_app.core.money import ZERO, format_money, money
from pos_app.core.staff import Operator, audit, require
from pos_app.core.terminal import Terminal

CASH_ACCOUNT = "cash:drawer"
SAFE_ACCOUNT = "cash:safe"
OVER_SHORT_ACCOUNT = "cash:over_short"
MAX_FLOAT = Decimal("100000.00")


@dataclass
class ShiftFigures:
    """What an X or Z report shows."""

    shift_no: int
    status: str
    opened_at: datetime
    opened_by: str
    cash_float: Decimal
    sales_count: int = 0
    sales_total: Decimal = ZERO
    refunds_count: int = 0
    refunds_total: Decimal = ZERO
    topups_count: int = 0
    topups_total: Decimal = ZERO
    topup_bonus_given: Decimal = ZERO
    # cards sold (售卡: what the customers paid, grants not counted) and returned (退卡)
    card_sales_count: int = 0
    card_sales_total: Decimal = ZERO
    card_returns_count: int = 0
    card_returns_total: Decimal = ZERO
    # net by tender of the card sales and returns (apart from the sales' tenders)
    card_tenders: dict[str, Decimal] = field(default_factory=dict)
    card_tender_counts: dict[str, int] = field(default_factory=dict)
    # net by tender kind: sales minus refunds (points in yuan of value)
    tenders: dict[str, Decimal] = field(default_factory=dict)
    tender_counts: dict[str, int] = field(default_factory=dict)
    discount_total: Decimal = ZERO  # of the sales (list amount minus what was paid)
    member_sales_total: Decimal = ZERO
    points_earned: int = 0  # net of points taken back by refunds
    points_redeemed: int = 0
    members_enrolled: int = 0
    change_given: Decimal = ZERO
    cash_movements: Decimal = ZERO
    expected_cash: Decimal = ZERO
    closed_at: datetime | None = None
    closed_by: str | None = None
    counted_cash: Decimal | None = None

    @property
    def net_sales(self) -> Decimal:
        return self.sales_total - self.refunds_total

    @property
    def difference(self) -> Decimal | None:
        """Counted minus expected (negative: cash short)."""
        if self.counted_cash is None:
            return None
        return self.counted_cash - self.expected_cash


def current(s: Session) -> Shift | None:
    """The open shift, if any."""
    return s.scalars(select(Shift).where(Shift.status == "open")).first()


class NoShiftOpen(NotFound):
    """A sale, refund or top-up was asked for with no shift open on the terminal."""


def require_open(s: Session, what: str) -> Shift:
    """The open shift; NoShiftOpen naming what needs it (``sale``, ``refund``, ``void``,
    ``topup``) when none is open. Every sale, refund and top-up asks for it, so each
    lands in one shift's X and Z report."""
    sh = current(s)
    if sh is None:
        raise NoShiftOpen("shift.needed", what=Msg(f"shift.for_{what}"))
    return sh


def _require_open(s: Session) -> Shift:
    sh = current(s)
    if sh is None:
        raise NotFound("shift.none_open")
    return sh


def open_shift(
    t: Terminal, s: Session, cash_float: Decimal, who: Operator, approver: Operator | None = None
) -> Shift:
    approved_by = require(who, "open_shift", approver)
    amount = money(cash_float)
    if amount < 0:
        raise PosError("shift.float_negative")
    if amount > MAX_FLOAT:
        raise PosError("shift.float_high", max=format_money(MAX_FLOAT))
    if current(s) is not None:
        raise PosError("shift.already_open")
    now = t.now()
    last = s.scalar(select(func.max(Shift.shift_no))) or 0
    sh = Shift(
        shift_no=last + 1,
        status="open",
        opened_at=now,
        opened_by=who.code,
        cash_float=amount,
    )
    s.add(sh)
    s.flush()
    p = Posting("shift_open", now, who.code, ref=_ref(sh), record=("shift", str(sh.shift_no)))
    p.move(account(s, SAFE_ACCOUNT, CNY), account(s, CASH_ACCOUNT, CNY), cents(amount))
    j = ledger.post(s, p, now, t.info(s))
    audit(
        s,
        now,
        who,
        "open_shift",
        f"shift {sh.shift_no}",
        {"cash_float": str(amount)},
        approved_by=approved_by,
    )
    # the drawer's own books: HQ keeps the journal as evidence, not as a posting
    outbox.record(
        t, s, "shift_opened", {"shift": sh.shift_no, "cash_float": amount}, now, j, at_hq=False
    )
    return sh


def _ref(sh: Shift) -> str:
    return f"shift {sh.shift_no}"


def _bounds(s: Session, sh: Shift) -> tuple[int, int | None]:
    """The journal ids of the shift's opening and closing rows (None: still open)."""
    rows = {
        kind: jid
        for kind, jid in s.execute(
            select(Journal.kind, Journal.id).where(
                Journal.ref == _ref(sh), Journal.kind.in_(("shift_open", "shift_close"))
            )
        )
    }
    if "shift_open" not in rows:
        raise PosError("shift.no_opening", shift=sh.shift_no)
    return rows["shift_open"], rows.get("shift_close")


def _cash_movements(s: Session, first: int, last: int | None) -> Decimal:
    """Movements of the drawer account from journal row ``first`` up to (not including)
    ``last``: the float, then every cash sale, refund and top-up."""
    q = (
        select(func.coalesce(func.sum(Entry.amount), 0))
        .join(Account, Entry.account_id == Account.id)
        .where(Account.code == CASH_ACCOUNT, Entry.journal_id >= first)
    )
    if last is not None:
        q = q.where(Entry.journal_id < last)
    return ledger.yuan(int(s.scalar(q) or 0))


def figures(s: Session, sh: Shift) -> ShiftFigures:
    """The shift's figures: every sale, refund and top-up written to the ledger since it
    opened (until it closed)."""
    first, last = _bounds(s, sh)
    f = ShiftFigures(
        shift_no=sh.shift_no,
        status=sh.status,
        opened_at=sh.opened_at,
        opened_by=sh.opened_by,
        cash_float=sh.cash_float,
        closed_at=sh.closed_at,
        closed_by=sh.closed_by,
        counted_cash=sh.counted_cash,
    )
    q = select(Sale).where(Sale.journal_id > first)
    if last is not None:
        q = q.where(Sale.journal_id < last)
    tenders: dict[str, Decimal] = {}
    counts: dict[str, int] = {}
    for sale in s.scalars(q):
        sign = 1 if sale.kind == "sale" else -1
        if sale.kind == "sale":
            f.sales_count += 1
            f.sales_total += sale.total
            f.change_given += sale.change
            f.discount_total += sum((ln.base for ln in sale.lines), ZERO) - sale.total
            if sale.member_id is not None:
                f.member_sales_total += sale.total
        else:
            f.refunds_count += 1
            f.refunds_total += sale.total
            if sale.member_id is not None:
                f.member_sales_total -= sale.total
        f.points_earned += sale.points_earned
        for tr in s.scalars(select(SaleTender).where(SaleTender.sale_id == sale.id)):
            tenders[tr.kind] = tenders.get(tr.kind, ZERO) + sign * tr.amount
            counts[tr.kind] = counts.get(tr.kind, 0) + 1
            if tr.kind == "points":
                f.points_redeemed += sign * tr.points
    f.tenders = dict(sorted(tenders.items()))
    f.tender_counts = dict(sorted(counts.items()))
    # enrollments write no journal row: the audit log (ids in order) bounds them
    opened = s.scalar(
        select(func.min(AuditEntry.id)).where(
            AuditEntry.action == "open_shift", AuditEntry.subject == _ref(sh)
        )
    )
    closed = s.scalar(
        select(func.min(AuditEntry.id)).where(
            AuditEntry.action == "close_shift", AuditEntry.subject == _ref(sh)
        )
    )
    mq = select(func.count(AuditEntry.id)).where(
        AuditEntry.action == "enroll", AuditEntry.id > (opened or 0)
    )
    if closed is not None:
        mq = mq.where(AuditEntry.id < closed)
    f.members_enrolled = int(s.scalar(mq) or 0)
    tq = select(Topup).where(Topup.journal_id > first)
    if last is not None:
        tq = tq.where(Topup.journal_id < last)
    for tp in s.scalars(tq):
        f.topups_count += 1
        f.topups_total += tp.amount
        f.topup_bonus_given += tp.bonus
    _card_figures(s, f, first, last)
    f.cash_movements = _cash_movements(s, first, last)  # the float included
    f.expected_cash = f.cash_movements
    return f


def _card_figures(s: Session, f: ShiftFigures, first: int, last: int | None) -> None:
    """The card sales (not the cards given free) and card returns of the shift."""
    tenders: dict[str, Decimal] = {}
    counts: dict[str, int] = {}
    sq = select(CardSale).where(CardSale.kind == "sale", CardSale.journal_id > first)
    rq = select(CardReturn, CardSale.tender).join(CardSale, CardReturn.sale_id == CardSale.id)
    rq = rq.where(CardReturn.journal_id > first)
    if last is not None:
        sq = sq.where(CardSale.journal_id < last)
        rq = rq.where(CardReturn.journal_id < last)
    for cs in s.scalars(sq):
        f.card_sales_count += 1
        f.card_sales_total += cs.paid
        tenders[cs.tender] = tenders.get(cs.tender, ZERO) + cs.paid
        counts[cs.tender] = counts.get(cs.tender, 0) + 1
    for r, tender in s.execute(rq):
        f.card_returns_count += 1
        f.card_returns_total += r.paid_back
        tenders[tender] = tenders.get(tender, ZERO) - r.paid_back
        counts[tender] = counts.get(tender, 0) + 1
    f.card_tenders = dict(sorted(tenders.items()))
    f.card_tender_counts = dict(sorted(counts.items()))


def x_report(s: Session) -> ShiftFigures:
    """Figures of the open shift so far; nothing is changed."""
    return figures(s, _require_open(s))


def close_shift(
    t: Terminal,
    s: Session,
    counted_cash: Decimal,
    who: Operator,
    approver: Operator | None = None,
) -> ShiftFigures:
    """Close the open shift with the cash counted in the drawer; returns the Z figures."""
    approved_by = require(who, "close_shift", approver)
    counted = money(counted_cash)
    if counted < 0:
        raise PosError("shift.counted_negative")
    sh = _require_open(s)
    now = t.now()
    f = figures(s, sh)
    # the counted cash goes to the safe; what is missing (or over) to over/short
    p = Posting("shift_close", now, who.code, ref=_ref(sh), record=("shift", str(sh.shift_no)))
    drawer = account(s, CASH_ACCOUNT, CNY)
    p.move(drawer, account(s, SAFE_ACCOUNT, CNY), cents(counted))
    p.move(drawer, account(s, OVER_SHORT_ACCOUNT, CNY), cents(f.expected_cash - counted))
    j = ledger.post(s, p, now, t.info(s))
    sh.status = "closed"
    sh.closed_at = now
    sh.closed_by = who.code
    sh.counted_cash = counted
    sh.expected_cash = f.expected_cash
    s.flush()
    f = figures(s, sh)
    audit(
        s,
        now,
        who,
        "close_shift",
        f"shift {sh.shift_no}",
        {
            "expected_cash": str(f.expected_cash),
            "counted_cash": str(counted),
            "difference": str(f.difference),
        },
        approved_by=approved_by,
    )
    outbox.record(
        t,
        s,
        "shift_closed",
        {"shift": sh.shift_no, "expected_cash": f.expected_cash, "counted_cash": counted},
        now,
        j,
        at_hq=False,
    )
    return f


def last_closed(s: Session) -> Shift | None:
    return s.scalars(
        select(Shift).where(Shift.status == "closed").order_by(Shift.shift_no.desc())
    ).first()
