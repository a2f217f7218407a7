"""``pos app`` (pos_app/cli/app.py): the command that opens the cashier app."""

from __future__ import annotations

from pos_app.cli.app import cmd_app
from pos_app.cli.parser import build_parser


def test_pos_app_command_is_registered() -> None:
    args = build_parser().parse_args(["--data-dir", "/tmp/x", "app"])
    assert args.func is cmd_app and args.needs_terminal is False
