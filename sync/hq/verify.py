"""Prove HQ's books: debits equal credits per unit and per event, every account's
balance equals the sum of its entries (and of what months detached for archive carried
forward); and name every terminal whose ledger was found rewritten before an
acknowledged sync (anchors.py)."""

from __future__ import annotations

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from sync.hq import anchors
from sync.hq.models import HqAccount, HqCarried, HqEntry


def verify(s: Session) -> list[str]:
    problems = []
    for unit, debits, credits in s.execute(
        select(
            HqEntry.unit,
            func.coalesce(func.sum(case((HqEntry.amount > 0, HqEntry.amount), else_=0)), 0),
            func.coalesce(func.sum(case((HqEntry.amount < 0, HqEntry.amount), else_=0)), 0),
        ).group_by(HqEntry.unit)
    ):
        if debits + credits != 0:
            problems.append(f"{unit}: debits {debits} != credits {-credits}")
    for eid, unit, total in s.execute(
        select(HqEntry.event_id, HqEntry.unit, func.sum(HqEntry.amount))
        .group_by(HqEntry.event_id, HqEntry.unit)
        .having(func.sum(HqEntry.amount) != 0)
    ):
        problems.append(f"event {eid} does not balance in {unit}: {total}")
    sums = dict(
        s.execute(select(HqEntry.account, func.sum(HqEntry.amount)).group_by(HqEntry.account)).all()
    )
    # months detached for archive count by what they carried forward
    for code, carried in s.execute(
            select(HqCarried.account, func.sum(HqCarried.amount)).group_by(HqCarried.account)):
        sums[code] = int(sums.get(code, 0)) + int(carried)
    for code, bal in s.execute(select(HqAccount.code, HqAccount.balance)):
        if int(sums.get(code, 0)) != bal:
            problems.append(f"account {code}: balance {bal} but entries sum to {sums.get(code, 0)}")
    return problems + anchors.verify(s)
