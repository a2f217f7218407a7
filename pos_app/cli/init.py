"""``pos init``: make a new terminal data folder (the program is checked first)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pos_app.cli.language import tr
from pos_app.cli.output import emit
from pos_app.core.terminal import Terminal


def add_init(x: argparse.ArgumentParser) -> None:
    x.add_argument("--store", required=True)
    x.add_argument("--terminal", required=True)
    x.add_argument("--franchisee", required=True)
    x.add_argument("--program", required=True, help="the program TOML from HQ")
    x.add_argument("--card-block", type=int, default=1, help="this terminal's card number block")
    x.set_defaults(func=cmd_init, needs_terminal=False)


def cmd_init(args: argparse.Namespace) -> int:
    t = Terminal.init(
        args.data_dir,
        store=args.store,
        terminal=args.terminal,
        franchisee=args.franchisee,
        program_file=Path(args.program),
        card_block=args.card_block,
    )
    data = {
        "data_dir": str(args.data_dir),
        **t.identity.__dict__,
        "program": t.program.name,
        "warnings": list(t.program.warnings),
    }
    for warning in t.program.warnings:
        print("pos: " + tr("out.warning", text=warning), file=sys.stderr)
    emit(
        args,
        data,
        lambda: print(tr("out.terminal_set_up", store=args.store, terminal=args.terminal,
                         folder=args.data_dir)),
    )
    t.close()
    return 0
