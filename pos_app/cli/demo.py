"""``pos demo``: set up the demo data folder (if missing) and ring up the worked example
of pricing.md (``pos_app.demo``)."""

from __future__ import annotations

import argparse

from pos_app import demo
from pos_app.cli.language import tr, word
from pos_app.cli.output import print_json
from pos_app.cli.views import sale_json
from pos_app.core import members, messages
from pos_app.core.messages import Items
from receipts import render_text


def add_demo(x: argparse.ArgumentParser) -> None:
    x.set_defaults(func=cmd_demo, needs_terminal=False)


def cmd_demo(args: argparse.Namespace) -> int:
    data_dir = args.data_dir
    t = demo.set_up(data_dir)
    try:
        with t.tx() as s:
            example = demo.ring_up_example(t, s)
            data = sale_json(t, example.sale, members.summary(t, s, example.member))
        if args.json:
            print_json(data)
        else:
            print(tr("out.demo_head", folder=data_dir, staff=Items(
                f"{c} {word(messages.role(r))} {p}" for c, _, r, p in demo.STAFF)))
            print(render_text(example.receipt, 48), end="")
            print(tr("out.demo_try", folder=data_dir, phone=demo.SILVER_PHONE,
                     receipt=example.receipt.receipt_no))
        return 0
    finally:
        t.close()
