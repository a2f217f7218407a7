"""``pos points transfer`` and ``pos points expire``."""

from __future__ import annotations

import argparse

from sqlalchemy import select

from pos_app.cli.language import tr
from pos_app.cli.operator import operator
from pos_app.cli.output import emit
from pos_app.cli.parser import subcommands
from pos_app.core import members, points
from pos_app.core.models import Member
from pos_app.core.terminal import Terminal


def add_points(parser: argparse.ArgumentParser) -> None:
    pts = subcommands(parser)
    x = pts.add_parser("transfer", help="move points between members")
    x.add_argument("--from-card", required=True)
    x.add_argument("--to-card", required=True)
    x.add_argument("--points", type=int, required=True)
    x.set_defaults(func=cmd_points_transfer)
    x = pts.add_parser("expire", help="post the expiry of every lot past its date")
    x.set_defaults(func=cmd_points_expire)


def cmd_points_transfer(args: argparse.Namespace, t: Terminal) -> int:
    who, _ = operator(args, t, "points_transfer")
    with t.tx() as s:
        src = members.find_card(s, args.from_card)
        dst = members.find_card(s, args.to_card)
        points.transfer(t, s, src.member, dst.member, args.points, who)
        data = {
            "from": members.summary(t, s, src.member, src),
            "to": members.summary(t, s, dst.member, dst),
            "points": args.points,
        }
    emit(args, data, lambda: print(tr("out.points_moved", points=args.points)))
    return 0


def cmd_points_expire(args: argparse.Namespace, t: Terminal) -> int:
    who, _ = operator(args, t, "points_expire")
    total = 0
    with t.tx() as s:
        for (mid,) in s.execute(select(Member.id)):
            total += points.expire_due(t, s, mid, who)
    emit(args, {"expired": total}, lambda: print(tr("out.points_expired", total=total)))
    return 0
