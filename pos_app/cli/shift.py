"""``pos shift open|x|close``: the cashier shift every sale, refund and top-up needs.

``open --float AMOUNT`` opens it with the cash float put in the drawer (a supervisor, or
``--approver``); ``x`` shows the figures so far (cards sold and
returned on their own lines, by tender); ``close --counted AMOUNT`` closes it with
the cash counted and shows the Z report (expected, counted, difference)."""

from __future__ import annotations

import argparse
from typing import Any

from pos_app.cli.language import kind, tr
from pos_app.cli.operator import operator
from pos_app.cli.output import emit
from pos_app.cli.parser import subcommands
from pos_app.cli.values import parse_amount
from pos_app.core import shifts
from pos_app.core.messages import status
from pos_app.core.money import ZERO, format_money, to_str
from pos_app.core.terminal import Terminal


def add_shift(parser: argparse.ArgumentParser) -> None:
    sub = subcommands(parser)
    x = sub.add_parser("open", help="open a shift with the cash float in the drawer")
    x.add_argument("--float", dest="cash_float", required=True, help="cash float, yuan")
    x.set_defaults(func=cmd_open)
    x = sub.add_parser("x", help="X report: the open shift's figures so far")
    x.set_defaults(func=cmd_x)
    x = sub.add_parser("close", help="close the shift with the cash counted: Z report")
    x.add_argument("--counted", required=True, help="cash counted in the drawer, yuan")
    x.set_defaults(func=cmd_close)


def figures_json(f: shifts.ShiftFigures) -> dict[str, Any]:
    return {
        "shift_no": f.shift_no,
        "status": f.status,
        "opened_at": f.opened_at.isoformat(),
        "opened_by": f.opened_by,
        "cash_float": to_str(f.cash_float),
        "sales_count": f.sales_count,
        "sales_total": to_str(f.sales_total),
        "refunds_count": f.refunds_count,
        "refunds_total": to_str(f.refunds_total),
        "net_sales": to_str(f.net_sales),
        "topups_count": f.topups_count,
        "topups_total": to_str(f.topups_total),
        "tenders": {k: to_str(v) for k, v in f.tenders.items()},
        "card_sales_count": f.card_sales_count,
        "card_sales_total": to_str(f.card_sales_total),
        "card_returns_count": f.card_returns_count,
        "card_returns_total": to_str(f.card_returns_total),
        "card_tenders": {k: to_str(v) for k, v in f.card_tenders.items()},
        "expected_cash": to_str(f.expected_cash),
        "counted_cash": to_str(f.counted_cash) if f.counted_cash is not None else None,
        "difference": to_str(f.difference) if f.difference is not None else None,
        "closed_at": f.closed_at.isoformat() if f.closed_at else None,
        "closed_by": f.closed_by,
    }


def print_figures(t: Terminal, f: shifts.ShiftFigures) -> None:
    opened = f.opened_at.astimezone(t.program.timezone)
    print(tr("out.shift_head", no=f.shift_no, status=status(f.status),
             at=f"{opened:%Y-%m-%d %H:%M}", by=f.opened_by, float=format_money(f.cash_float)))
    print(tr("out.shift_counts", sales=f.sales_count, sales_total=format_money(f.sales_total),
             refunds=f.refunds_count, refunds_total=format_money(f.refunds_total),
             topups=f.topups_count, topups_total=format_money(f.topups_total)))
    for name, amount in f.tenders.items():
        print(tr("out.shift_tender", kind=kind(name), amount=format_money(amount)))
    if f.card_sales_count or f.card_returns_count:
        print(tr("out.shift_cards", sold=f.card_sales_count,
                 sold_total=format_money(f.card_sales_total), returned=f.card_returns_count,
                 returned_total=format_money(f.card_returns_total)))
        for name, amount in f.card_tenders.items():
            print(tr("out.shift_card_tender", kind=kind(name), amount=format_money(amount)))
    print(tr("out.expected_cash", amount=format_money(f.expected_cash)))
    if f.counted_cash is not None:
        print(tr("out.counted", counted=format_money(f.counted_cash), difference=format_money(
            f.difference if f.difference is not None else ZERO)))


def cmd_open(args: argparse.Namespace, t: Terminal) -> int:
    who, approver = operator(args, t, "open_shift")
    amount = parse_amount(args.cash_float, "--float")
    with t.tx() as s:
        sh = shifts.open_shift(t, s, amount, who, approver)
        f = shifts.figures(s, sh)
    emit(args, figures_json(f), lambda: print_figures(t, f))
    return 0


def cmd_x(args: argparse.Namespace, t: Terminal) -> int:
    with t.read() as s:
        f = shifts.x_report(s)
    emit(args, figures_json(f), lambda: print_figures(t, f))
    return 0


def cmd_close(args: argparse.Namespace, t: Terminal) -> int:
    who, approver = operator(args, t, "close_shift")
    counted = parse_amount(args.counted, "--counted")
    with t.tx() as s:
        f = shifts.close_shift(t, s, counted, who, approver)
    emit(args, figures_json(f), lambda: print_figures(t, f))
    return 0
