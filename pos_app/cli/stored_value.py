"""``pos stored-value topup``: top up a card with the program's bonus ladder."""

from __future__ import annotations

import argparse
from typing import Any

from pos_app.cli.language import tr
from pos_app.cli.operator import operator
from pos_app.cli.output import emit
from pos_app.cli.parser import subcommands
from pos_app.cli.values import parse_amount, parse_at
from pos_app.cli.views import print_member
from pos_app.core import members, stored_value, training
from pos_app.core.money import format_money, to_str
from pos_app.core.terminal import Terminal
from receipts.from_core import topup_document
from receipts.records import save_receipt


def add_stored_value(parser: argparse.ArgumentParser) -> None:
    sv = subcommands(parser)
    x = sv.add_parser("topup", help="top up a card")
    x.add_argument("--card", required=True)
    x.add_argument("--amount", required=True)
    x.add_argument("--tender", default="cash", choices=list(stored_value.TOPUP_TENDERS))
    x.add_argument("--reference")
    x.add_argument("--at", help="a late entry's business time (a manager, or --approver MANAGER)")
    x.set_defaults(func=cmd_topup)


def cmd_topup(args: argparse.Namespace, t: Terminal) -> int:
    amount = parse_amount(args.amount, "--amount")
    at = parse_at(args.at, t)
    who, approver = operator(args, t, "topup")
    allowed_by = training.check_late_entry(t, at, who, approver) if at else None
    with t.tx() as s:
        res = stored_value.topup(
            t,
            s,
            args.card,
            amount,
            args.tender,
            who,
            at=at,
            reference=args.reference,
        )
        if at and allowed_by:
            training.audit_late_entry(t, s, who, allowed_by, f"topup {res.topup.topup_no}", at)
        save_receipt(s, topup_document(t, s, res.topup.topup_no), at=t.now())
        summary = members.summary(t, s, res.card.member, res.card)
        data: dict[str, Any] = {
            "topup_id": res.topup.topup_no,
            "amount": to_str(res.topup.amount),
            "bonus": to_str(res.topup.bonus),
            "tender": res.topup.tender,
            "member": summary,
        }

    def human() -> None:
        print(tr("out.topup", no=res.topup.topup_no, amount=format_money(amount),
                 bonus=format_money(res.topup.bonus)))
        print_member(summary)

    emit(args, data, human)
    return 0
