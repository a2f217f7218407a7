"""``pos app``: open the cashier app (``pos_app.ui.launch``)."""

from __future__ import annotations

import argparse


def add_app(x: argparse.ArgumentParser) -> None:
    x.set_defaults(func=cmd_app, needs_terminal=False)


def cmd_app(args: argparse.Namespace) -> int:
    from pos_app.ui.launch import cmd_app as run_app  # Qt only when the app opens

    return run_app(args)
