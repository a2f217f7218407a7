"""``pos gift stock|receive|count|redeem``: the gifts in stock at this store, received
and counted by a supervisor, given for points at the member counter."""

from __future__ import annotations

import argparse

from pos_app.cli.language import tr, word
from pos_app.cli.operator import operator
from pos_app.cli.output import emit
from pos_app.cli.parser import subcommands
from pos_app.core import gifts
from pos_app.core.messages import Msg
from pos_app.core.money import to_str
from pos_app.core.pii import mask_card
from pos_app.core.terminal import Terminal


def add_gift(parser: argparse.ArgumentParser) -> None:
    subs = subcommands(parser)
    x = subs.add_parser("stock", help="the program's gifts and the stock on hand here")
    x.set_defaults(func=cmd_gift_stock)
    x = subs.add_parser("receive", help="gifts delivered to this store (a supervisor)")
    x.add_argument("--gift", required=True, help="the gift's code in the program")
    x.add_argument("--qty", type=int, required=True)
    x.add_argument("--reason", default="", help="e.g. the delivery note's number")
    x.set_defaults(func=cmd_gift_receive)
    x = subs.add_parser("count", help="set the stock to what was counted (a supervisor)")
    x.add_argument("--gift", required=True)
    x.add_argument("--counted", type=int, required=True)
    x.add_argument("--reason", required=True)
    x.set_defaults(func=cmd_gift_count)
    x = subs.add_parser("redeem", help="give a gift for the member's points (礼品兑换)")
    x.add_argument("--card", required=True)
    x.add_argument("--gift", required=True)
    x.set_defaults(func=cmd_gift_redeem)


def _print_stock(rows: list[dict[str, object]]) -> None:
    for r in rows:
        pts = word(Msg("out.gift_points", points=r["points"]) if r["points"]
                   else Msg("out.gift_not_for_points"))
        print(tr("out.gift_stock_row", gift=f"{r['gift']:<14}", name=f"{str(r['name'])[:16]:<16}",
                 value=f"{r['value']:>9}", points=f"{pts:<16}", on_hand=r["on_hand"]))


def cmd_gift_stock(args: argparse.Namespace, t: Terminal) -> int:
    operator(args, t, "gift_view")
    with t.read() as s:
        rows = gifts.stock_rows(s, t.program)
    emit(args, {"store": t.identity.store, "gifts": rows}, lambda: _print_stock(rows))
    return 0


def cmd_gift_receive(args: argparse.Namespace, t: Terminal) -> int:
    who, _ = operator(args, t, "gift_stock")
    with t.tx() as s:
        mv = gifts.receive(t, s, args.gift, args.qty, who, args.reason)
        data = {"move": mv.move_no, "gift": mv.gift_code, "qty": mv.qty,
                "on_hand": gifts.on_hand(s, mv.gift_code)}
    emit(args, data, lambda: print(tr("out.gift_received", gift=data["gift"], qty=data["qty"],
                                      on_hand=data["on_hand"])))
    return 0


def cmd_gift_count(args: argparse.Namespace, t: Terminal) -> int:
    who, _ = operator(args, t, "gift_stock")
    with t.tx() as s:
        mv = gifts.count(t, s, args.gift, args.counted, who, args.reason)
        code = gifts.gift_of(t.program, args.gift).code
        data = {"move": mv.move_no if mv else None, "gift": code,
                "difference": mv.qty if mv else 0, "on_hand": gifts.on_hand(s, code)}
    emit(args, data, lambda: print(tr("out.gift_counted", gift=code,
                                      difference=f"{data['difference']:+d}",
                                      on_hand=data["on_hand"])))
    return 0


def cmd_gift_redeem(args: argparse.Namespace, t: Terminal) -> int:
    who, _ = operator(args, t, "gift_redeem")
    with t.tx() as s:
        r = gifts.redeem(t, s, args.card, args.gift, who)
        data = {"move": r.move.move_no, "gift": r.gift.code, "name": r.gift.name,
                "value": to_str(r.gift.value), "points": r.move.points,
                "points_left": r.points_left, "card": mask_card(r.card.card_no),
                "on_hand": gifts.on_hand(s, r.gift.code)}
    emit(args, data, lambda: print(tr("out.gift_redeemed", name=data["name"], value=data["value"],
                                      points=data["points"], left=data["points_left"])))
    return 0
