"""``pos refund``: refund a whole sale or chosen lines (needs a supervisor)."""

from __future__ import annotations

import argparse

from pos_app.cli.language import kind, tr
from pos_app.cli.operator import operator
from pos_app.cli.output import emit
from pos_app.cli.values import parse_at
from pos_app.cli.views import tender_json
from pos_app.core import members, refunds, training
from pos_app.core.errors import PosError
from pos_app.core.messages import Items, Msg
from pos_app.core.models import Member
from pos_app.core.money import format_money, to_str
from pos_app.core.terminal import Terminal
from receipts.from_core import refund_document
from receipts.records import save_receipt


def add_refund(x: argparse.ArgumentParser) -> None:
    x.add_argument("--sale", required=True)
    x.add_argument("--line", action="append", help="N[*QTY], repeatable")
    x.add_argument("--at", help="a late entry's business time (a manager, or --approver MANAGER)")
    x.set_defaults(func=cmd_refund)


def _digits(text: str) -> bool:
    """ASCII digits only (``'²'.isdigit()`` is true, and int() refuses it), at most 9."""
    return text.isascii() and text.isdigit() and len(text) <= 9


def parse_line(text: str) -> tuple[int, int | None]:
    """``--line N[*QTY]``: the sale's line N, all of it or QTY."""
    no, _, qty = text.partition("*")
    if not _digits(no) or (qty and not _digits(qty)):
        raise PosError("cli.bad_line", text=text)
    return int(no), int(qty) if qty else None


def cmd_refund(args: argparse.Namespace, t: Terminal) -> int:
    lines = [parse_line(x) for x in args.line or []]
    at = parse_at(args.at, t)
    who, approver = operator(args, t, "refund")
    allowed_by = training.check_late_entry(t, at, who, approver) if at else None
    with t.tx() as s:
        out = refunds.refund(t, s, args.sale, lines or None, who, approver, at=at)
        r = out.refund
        if allowed_by:
            training.mark_late_entry(t, s, r, who, allowed_by)
        save_receipt(s, refund_document(t, s, r.sale_no), at=t.now())
        member = None
        if r.member_id:
            m = s.get(Member, r.member_id)
            member = members.summary(t, s, m) if m else None
        data = {
            "refund_id": r.sale_no,
            "sale_id": out.original.sale_no,
            "total": to_str(r.total),
            "lines": [
                {
                    "no": ln.no,
                    "sku": ln.sku,
                    "qty": ln.qty,
                    "amount": to_str(ln.amount),
                    "points_taken_back": -ln.points_earned,
                }
                for ln in r.lines
            ],
            "tenders": [tender_json(tr) for tr in r.tenders],
            "points_taken_back": out.points_taken_back,
            "points_returned": out.points_returned,
            "coupon_returned": out.coupon_returned,
            "member": member,
        }
    emit(
        args,
        data,
        lambda: print(
            tr("out.refund", refund=data["refund_id"], sale=data["sale_id"],
               amount=format_money(r.total),
               tenders=Items(Msg("out.refund_tender", kind=kind(x.kind),
                                 amount=format_money(x.amount)) for x in r.tenders))
        ),
    )
    return 0
