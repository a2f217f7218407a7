"""The table of commands and the parser: every command's module registers it, each
command's help works, and ``pos --help`` lists them in the table's order."""

from __future__ import annotations

import importlib

import pytest

from pos_app.cli.commands import COMMANDS
from pos_app.cli.parser import build_parser


@pytest.mark.parametrize("name", list(COMMANDS))
def test_every_command_has_its_module_and_help(name: str, capsys: pytest.CaptureFixture[str]
                                               ) -> None:
    module = importlib.import_module(f"pos_app.cli.{COMMANDS[name].module}")
    assert callable(getattr(module, "add_" + name.replace("-", "_")))
    with pytest.raises(SystemExit) as done:
        build_parser().parse_args([name, "--help"])
    assert done.value.code == 0
    assert capsys.readouterr().out.startswith(f"usage: pos {name} ")


def test_pos_help_lists_every_command_in_order(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        build_parser().parse_args(["--help"])
    out = capsys.readouterr().out
    assert "{" + ",".join(COMMANDS) + "}" in out
    where = [out.index(f"\n    {name} ") for name in COMMANDS]
    assert where == sorted(where)
