"""``pos tiers review``: downgrade members who no longer keep their tier."""

from __future__ import annotations

import argparse

from pos_app.cli.language import tr
from pos_app.cli.operator import operator
from pos_app.cli.output import emit
from pos_app.cli.parser import subcommands
from pos_app.cli.values import parse_at
from pos_app.core import tiers
from pos_app.core.terminal import Terminal


def add_tiers(parser: argparse.ArgumentParser) -> None:
    x = subcommands(parser).add_parser(
        "review", help="downgrade members who no longer keep their tier"
    )
    x.add_argument("--at")
    x.set_defaults(func=cmd_tiers_review)


def cmd_tiers_review(args: argparse.Namespace, t: Terminal) -> int:
    who, approver = operator(args, t, "tier_review")
    with t.tx() as s:
        changes = tiers.review(t, s, who, parse_at(args.at, t), approver)
    data = [{"member_id": m, "from": a, "to": b} for m, a, b in changes]
    emit(args, data, lambda: print(tr("out.tiers_changed", count=len(changes))))
    return 0
