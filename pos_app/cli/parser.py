"""The ``pos`` parser: the options every command takes and one sub-parser per command of
:data:`~pos_app.cli.commands.COMMANDS`, each filled in by its module only when that
command is parsed. ``pos --help`` and ``pos --version`` therefore import no command
module (and so no SQLAlchemy, Alembic, Qt or FastAPI)."""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

from pos_app import __version__
from pos_app.cli.commands import COMMANDS
from pos_app.cli.errors import BadInput


class Parser(argparse.ArgumentParser):
    """Bad command lines raise :class:`BadInput` (exit 2, one line) instead of exiting."""

    def error(self, message: str) -> NoReturn:
        raise BadInput(f"{self.prog}: {message}")


class CommandParser(Parser):
    """The parser of one command; its module adds the options the first time it parses."""

    def __init__(self, *, command_name: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.command_name = command_name
        self._filled = False

    def fill(self) -> None:
        if self._filled:
            return
        self._filled = True
        module = importlib.import_module(f"pos_app.cli.{COMMANDS[self.command_name].module}")
        getattr(module, "add_" + self.command_name.replace("-", "_"))(self)

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        self.fill()
        return super().parse_known_args(args, namespace)


def subcommands(parser: argparse.ArgumentParser, dest: str = "sub", required: bool = True) -> Any:
    """The sub-commands of a command (``pos member enroll``, ``pos member show``...)."""
    return parser.add_subparsers(dest=dest, required=required, parser_class=Parser)


def build_parser() -> argparse.ArgumentParser:
    p = Parser(prog="pos", description="Store terminal: sales, members, stored value, points.")
    p.add_argument("--version", action="version", version=f"pos {__version__}")
    p.add_argument(
        "--data-dir",
        type=Path,
        default=None,
        help="the terminal's data folder (default: $POS_DATA_DIR or the user data dir)",
    )
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--language", choices=("zh_CN", "en"), default=None,
                   help="language of messages (default: $POS_LANG, else en)")
    p.add_argument("--staff", help="staff code running the command (PIN: --pin or $POS_STAFF_PIN)")
    p.add_argument("--pin", help=argparse.SUPPRESS)
    p.add_argument("--approver", help="supervisor approving (PIN: $POS_APPROVER_PIN)")
    p.add_argument("--approver-pin", help=argparse.SUPPRESS)
    sub = p.add_subparsers(dest="cmd", required=True, parser_class=CommandParser)
    for name, command in COMMANDS.items():
        sub.add_parser(name, help=command.help, command_name=name)
    return p
