"""Tamper evidence: the ledger's journals reconciled with the business records they book
and with the outbox events that carry them to HQ (``pos ledger verify`` runs these after
the books' own checks in :func:`pos_app.core.ledger.verify`).

* Every journal names exactly one business record (``record_kind``, ``record_ref``) that
  exists, and every record of a kind booked once names its journal back.
* Every journal has its outbox event (the same ``event_id``) carrying the journal's
  number, record and entries exactly; every event that names a journal has it.
* Sales and refunds, top-ups and points lots are recomputed from the entries: a sale's
  total from its revenue, its lines and its tenders; each tender's share of the lines;
  stored-value principal and bonus per tender and top-up; points earned and redeemed;
  every lot's remaining points from its uses, and per journal the member's points entry
  from the lots it made and used.
* The audit log's rows are counted by a counter kept with them, and every event names
  the audit head of its time, so a removed last row is seen.

A record edited on its own disagrees with its entries; entries edited with their record
disagree with the event, whose chain ``outbox.verify_chain`` checks.
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from pos_app.core import card_returns, card_sales
from pos_app.core.ledger import RECORD_KINDS, TENDER_ACCOUNTS, cents, yuan
from pos_app.core.messages import MESSAGES, Msg, kind_word
from pos_app.core.models import (
    Account,
    AuditEntry,
    Counter,
    Entry,
    Journal,
    LineTenderShare,
    OutboxEvent,
    PointLot,
    PointLotUse,
    Sale,
    SaleLine,
    SaleTender,
    Topup,
)


def verify(s: Session) -> list[Msg]:
    entries = _entries_by_journal(s)
    journals = {j.id: j for j in s.scalars(select(Journal).order_by(Journal.seq))}
    problems: list[Msg] = []
    problems += check_records(s, journals)
    problems += check_events(s, journals, entries)
    problems += check_sales(s, journals, entries)
    problems += check_topups(s, journals, entries)
    problems += card_sales.check(s, journals, entries)
    problems += card_returns.check(s, journals, entries)
    problems += check_points(s, journals, entries)
    problems += check_counters(s, len(journals))
    problems += check_audit_tail(s)
    return problems


def _entries_by_journal(s: Session) -> dict[int, list[tuple[str, int, str]]]:
    out: dict[int, list[tuple[str, int, str]]] = defaultdict(list)
    for jid, code, amount, unit in s.execute(
        select(Entry.journal_id, Account.code, Entry.amount, Entry.unit)
        .join(Account, Account.id == Entry.account_id)
        .order_by(Entry.id)
    ):
        out[jid].append((code, amount, unit))
    return out


def _net(rows: list[tuple[str, int, str]]) -> dict[str, int]:
    net: dict[str, int] = defaultdict(int)
    for code, amount, _unit in rows:
        net[code] += amount
    return net


def _name(j: Journal) -> Msg:
    return Msg("verify.journal", seq=j.seq, kind=j.kind, ref=j.record_ref or j.ref)


def _what(kind: str, no: str) -> Msg:
    """A sale or a refund (a kind edited behind the ledger's back named as it is)."""
    code = f"verify.what_{kind}"
    return Msg(code, no=no) if code in MESSAGES else Msg("verify.what", kind=kind, no=no)


# --- journal <-> business record --------------------------------------------------------


def check_records(s: Session, journals: dict[int, Journal]) -> list[Msg]:
    problems = []
    by_record: dict[tuple[str, str], list[Journal]] = defaultdict(list)
    for j in journals.values():
        by_record[(j.record_kind, j.record_ref)].append(j)
    for name, rk in RECORD_KINDS.items():
        where = f" WHERE {rk.where}" if rk.where else ""
        cols = f"{rk.key}, {rk.journal}" if rk.journal else f"{rk.key}, NULL"
        rows: dict[str, list[Any]] = defaultdict(list)
        for key, jid in s.execute(text(f"SELECT {cols} FROM {rk.table}{where}")):
            rows[str(key)].append(jid)
        for (kind, ref), js in by_record.items():
            if kind != name:
                continue
            if ref not in rows:
                problems += [Msg("verify.record_missing", journal=_name(j), kind=kind, ref=ref)
                             for j in js]
                continue
            if len(rows[ref]) > 1:
                problems.append(Msg("verify.record_shared", kind=kind, ref=ref,
                                    count=len(rows[ref])))
            if rk.journal and len(js) > 1:
                problems.append(Msg("verify.record_booked_twice", kind=kind, ref=ref,
                                    count=len(js)))
        if rk.journal is None:
            continue
        for ref, jids in rows.items():
            for jid in jids:
                booked = journals.get(jid)
                if booked is None:
                    problems.append(Msg("verify.record_journal_missing", kind=name, ref=ref))
                elif (booked.record_kind, booked.record_ref) != (name, ref):
                    problems.append(Msg("verify.record_journal_other", kind=name, ref=ref,
                                        seq=booked.seq, booked_kind=booked.record_kind,
                                        booked_ref=booked.record_ref))
    for j in journals.values():
        if j.record_kind not in RECORD_KINDS:
            problems.append(Msg("verify.journal_no_record", journal=_name(j)))
    return problems


# --- journal <-> outbox event -------------------------------------------------------------


def check_events(
    s: Session, journals: dict[int, Journal], entries: dict[int, list[tuple[str, int, str]]]
) -> list[Msg]:
    problems = []
    by_event = {j.event_id: j for j in journals.values()}
    seen: set[str] = set()
    for ev in s.scalars(select(OutboxEvent).order_by(OutboxEvent.seq)):
        payload = json.loads(ev.payload)
        if "journal_event" not in payload:
            continue
        j = by_event.get(ev.event_id)
        if j is None or payload["journal_event"] != ev.event_id:
            problems.append(Msg("verify.event_journal_missing", seq=ev.seq, kind=ev.kind))
            continue
        seen.add(ev.event_id)
        carried = payload.get("entries", payload.get("local_entries"))
        booked = [[code, amount, unit] for code, amount, unit in entries.get(j.id, [])]
        if payload.get("journal_seq") != j.seq:
            problems.append(Msg("verify.event_other_journal", journal=_name(j), seq=ev.seq,
                                named=payload.get("journal_seq")))
        if payload.get("record") is not None and payload["record"] != [j.record_kind, j.record_ref]:
            problems.append(Msg("verify.event_other_record", journal=_name(j), seq=ev.seq,
                                record=" ".join(map(str, payload["record"]))))
        if carried != booked:
            problems.append(Msg("verify.event_entries", journal=_name(j), seq=ev.seq))
    for j in journals.values():
        if j.event_id not in seen:
            problems.append(Msg("verify.journal_no_event", journal=_name(j)))
    return problems


# --- records recomputed from entries ----------------------------------------------------


def check_sales(
    s: Session, journals: dict[int, Journal], entries: dict[int, list[tuple[str, int, str]]]
) -> list[Msg]:
    problems: list[Msg] = []
    lines: dict[int, list[SaleLine]] = defaultdict(list)
    for ln in s.scalars(select(SaleLine)):
        lines[ln.sale_id].append(ln)
    tenders: dict[int, list[SaleTender]] = defaultdict(list)
    for tr in s.scalars(select(SaleTender)):
        tenders[tr.sale_id].append(tr)
    shares: dict[int, list[LineTenderShare]] = defaultdict(list)
    for sh in s.scalars(select(LineTenderShare)):
        shares[sh.line_id].append(sh)
    for sale in s.scalars(select(Sale).order_by(Sale.id)):
        if sale.journal_id not in journals:
            continue  # named by check_records
        net = _net(entries.get(sale.journal_id, []))
        problems += _sale_figures(sale, net, lines[sale.id], tenders[sale.id], shares)
    return problems


def _sale_figures(
    sale: Sale,
    net: dict[str, int],
    lines: list[SaleLine],
    tenders: list[SaleTender],
    shares: dict[int, list[LineTenderShare]],
) -> list[Msg]:
    out = []
    what = _what(sale.kind, sale.sale_no)
    total = cents(sale.total)
    sign = 1 if sale.kind == "sale" else -1  # a sale is paid in; a refund paid out
    booked = -net.get("sales:revenue", 0) if sale.kind == "sale" else net.get("sales:returns", 0)
    if booked != total:
        out.append(Msg("verify.sale_total", what=what, total=sale.total, booked=_y(booked)))
    if sum(cents(ln.amount) for ln in lines) != total:
        out.append(Msg("verify.sale_lines", what=what, total=sale.total,
                       lines=_y(sum(cents(ln.amount) for ln in lines))))
    if sum(cents(tr.amount) for tr in tenders) != total:
        out.append(Msg("verify.sale_tenders", what=what, total=sale.total,
                       tenders=_y(sum(cents(tr.amount) for tr in tenders))))
    for kind, code in TENDER_ACCOUNTS.items():
        paid = sum(cents(tr.amount) for tr in tenders if tr.kind == kind)
        if sign * net.get(code, 0) != paid:
            out.append(Msg("verify.sale_tender_kind", what=what, kind=kind_word(kind),
                           paid=_y(paid), account=code, booked=_y(sign * net.get(code, 0))))
    for part in ("principal", "bonus"):
        paid = sum(cents(getattr(tr, part)) for tr in tenders if tr.kind == "stored_value")
        moved = sum(a for c, a in net.items() if c.startswith("sv:card:") and c.endswith(part))
        if sign * moved != paid:
            out.append(Msg("verify.sale_stored_value", what=what,
                           part=Msg(f"verify.part_{part}"), paid=_y(paid),
                           moved=_y(sign * moved)))
    pts_value = sum(cents(tr.amount) for tr in tenders if tr.kind == "points")
    if sign * net.get("points:redemption", 0) != pts_value:
        out.append(Msg("verify.sale_points_value", what=what, value=_y(pts_value),
                       booked=_y(sign * net.get("points:redemption", 0))))
    if sale.kind == "sale":
        out += _points_of_sale(what, sale, net, lines, tenders)
    out += _shares(what, lines, tenders, shares)
    return out


def _points_of_sale(
    what: Msg, sale: Sale, net: dict[str, int], lines: list[SaleLine], tenders: list[SaleTender]
) -> list[Msg]:
    out = []
    if net.get("points:issued", 0) != sale.points_earned:
        out.append(Msg("verify.sale_points_earned", what=what, points=sale.points_earned,
                       issued=net.get("points:issued", 0)))
    if sum(ln.points_earned for ln in lines) != sale.points_earned:
        out.append(Msg("verify.sale_line_points", what=what, points=sale.points_earned,
                       lines=sum(ln.points_earned for ln in lines)))
    redeemed = sum(tr.points for tr in tenders if tr.kind == "points")
    if -net.get("points:redeemed", 0) != redeemed:
        out.append(Msg("verify.sale_points_redeemed", what=what, points=redeemed,
                       redeemed=-net.get("points:redeemed", 0)))
    return out


def _shares(
    what: Msg,
    lines: list[SaleLine],
    tenders: list[SaleTender],
    shares: dict[int, list[LineTenderShare]],
) -> list[Msg]:
    out = []
    for ln in lines:
        paid = sum(cents(sh.amount) for sh in shares[ln.id])
        if shares[ln.id] and paid != cents(ln.amount):
            out.append(Msg("verify.line_shares", what=what, line=ln.no, amount=ln.amount,
                           shares=_y(paid)))
    if not any(shares[ln.id] for ln in lines):
        return out
    for tr in tenders:
        got = [sh for ln in lines for sh in shares[ln.id] if sh.tender_no == tr.no]
        for field in ("amount", "principal", "bonus"):
            want, have = cents(getattr(tr, field)), sum(cents(getattr(x, field)) for x in got)
            if want != have:
                out.append(Msg("verify.tender_shares", what=what, tender=tr.no,
                               part=Msg(f"verify.part_{field}"), amount=_y(want),
                               shares=_y(have)))
        if tr.points != sum(x.points for x in got):
            out.append(Msg("verify.tender_share_points", what=what, tender=tr.no,
                           points=tr.points, shares=sum(x.points for x in got)))
    return out


def check_topups(
    s: Session, journals: dict[int, Journal], entries: dict[int, list[tuple[str, int, str]]]
) -> list[Msg]:
    out = []
    for tp in s.scalars(select(Topup).order_by(Topup.id)):
        if tp.journal_id not in journals:
            continue
        net = _net(entries.get(tp.journal_id, []))
        what = Msg("verify.what_topup", no=tp.topup_no)
        amount, bonus = cents(tp.amount), cents(tp.bonus)
        paid_in = net.get(TENDER_ACCOUNTS.get(tp.tender, ""), 0)
        principal = -sum(a for c, a in net.items() if c.startswith("sv:card:")
                         and c.endswith(":principal"))
        given = -sum(a for c, a in net.items() if c.startswith("sv:card:") and c.endswith(":bonus"))
        if paid_in != amount:
            out.append(Msg("verify.topup_tender", what=what, amount=tp.amount,
                           tender=kind_word(tp.tender), took=_y(paid_in)))
        if principal != amount:
            out.append(Msg("verify.topup_principal", what=what, amount=tp.amount,
                           moved=_y(principal)))
        if given != bonus or net.get("sv:bonus_given", 0) != bonus:
            out.append(Msg("verify.topup_bonus", what=what, bonus=tp.bonus, moved=_y(given)))
    return out


def check_points(
    s: Session, journals: dict[int, Journal], entries: dict[int, list[tuple[str, int, str]]]
) -> list[Msg]:
    """Every lot's remaining points are its points less what was drawn from it; per
    journal, each member's points entry equals the points drawn from their lots less the
    points of the lots it made."""
    out = []
    lots = {lot.id: lot for lot in s.scalars(select(PointLot))}
    drawn: dict[int, int] = defaultdict(int)
    per_journal: dict[tuple[int, int], int] = defaultdict(int)
    for use in s.scalars(select(PointLotUse)):
        drawn[use.lot_id] += use.points
        lot = lots.get(use.lot_id)
        if lot is not None:
            per_journal[(use.journal_id, lot.member_id)] += use.points
    for lot in lots.values():
        if lot.remaining != lot.points - drawn[lot.id]:
            out.append(Msg("verify.lot_remaining", lot=lot.id, member=lot.member_id,
                           remaining=lot.remaining, points=lot.points, drawn=drawn[lot.id]))
        per_journal[(lot.journal_id, lot.member_id)] -= lot.points
    member_accounts = {
        a.code: a.member_id
        for a in s.scalars(select(Account).where(Account.code.like("points:member:%")))
    }
    booked: dict[tuple[int, int], int] = defaultdict(int)
    for jid, rows in entries.items():
        for code, amount, _unit in rows:
            mid = member_accounts.get(code)
            if mid is not None:
                booked[(jid, mid)] += amount
    for key in sorted(set(booked) | {k for k, v in per_journal.items() if v}):
        if booked.get(key, 0) != per_journal.get(key, 0):
            j = journals.get(key[0])
            name = _name(j) if j is not None else Msg("verify.journal_id", id=key[0])
            out.append(Msg("verify.journal_member_points", journal=name, member=key[1],
                           booked=booked.get(key, 0), lots=per_journal.get(key, 0)))
    return out


# --- counters and the audit head ------------------------------------------------------------


def check_counters(s: Session, journals: int) -> list[Msg]:
    out = []
    counters = dict(s.execute(select(Counter.name, Counter.value)).all())
    events = s.scalar(select(func.count(OutboxEvent.id))) or 0
    for code, name, have in (("verify.journals_removed", "journal", journals),
                             ("verify.events_removed", "outbox", events)):
        if counters.get(name, 0) != have:
            out.append(Msg(code, numbered=counters.get(name, 0), kept=have))
    return out


def check_audit_tail(s: Session) -> list[Msg]:
    """The audit log keeps as many rows as were counted, and each event names the audit
    log's last row of its time: that row must still be there, unchanged."""
    out = []
    counted = s.scalar(select(Counter.value).where(Counter.name == "audit")) or 0
    kept = s.scalar(select(func.count(AuditEntry.id))) or 0
    if counted != kept:
        out.append(Msg("verify.audit_removed", written=counted, kept=kept))
    hashes = dict(s.execute(select(AuditEntry.id, AuditEntry.hash)).all())
    for seq, payload in s.execute(select(OutboxEvent.seq, OutboxEvent.payload)):
        head = json.loads(payload).get("audit")
        if head and hashes.get(head[0]) != head[1]:
            out.append(Msg("verify.audit_head", row=head[0], seq=seq))
    return out


def _y(c: int) -> str:
    return str(yuan(c))
