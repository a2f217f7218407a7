"""``pos config check``: every problem of the terminal's config file, each with its key
and line; exit 2 (bad input) when there is any."""

from __future__ import annotations

import argparse
import sys

from pos_app import config as configmod
from pos_app.cli.errors import EXIT_BAD_INPUT, EXIT_OK
from pos_app.cli.language import chosen, say
from pos_app.cli.output import emit
from pos_app.cli.parser import subcommands
from pos_app.core.errors import PosError
from pos_app.core.messages import Msg


def add_config(parser: argparse.ArgumentParser) -> None:
    x = subcommands(parser).add_parser("check", help="list every problem of the config file")
    x.add_argument("--config", help="the file (default: $POS_CONFIG or the config folders)")
    x.set_defaults(func=cmd_config_check, needs_terminal=False)


def cmd_config_check(args: argparse.Namespace) -> int:
    path = configmod.find(args.config)
    if path is None:
        places = ", ".join(str(p) for p in configmod.candidates())
        raise PosError("config.none", places=places)
    cfg, problems = configmod.check(path)
    language = chosen(args.language)
    data = {
        "file": str(path),
        "ok": not problems,
        # each problem's code, and its message in the chosen language
        "problems": [{"key": p.key, "line": p.line, "code": p.message.code,
                      "message": say(p.message, language)} for p in problems],
        "devices": len(cfg.devices) if cfg else 0,
    }

    def human() -> None:
        if not problems:
            print(say(Msg("config.ok", path=path, devices=data["devices"]), language))
        for p in problems:
            where = f"{path}:{p.line}" if p.line else str(path)
            print(f"{where}: {p.key}: {say(p.message, language)}")
        if problems:
            print(say(Msg("config.problem_count", count=len(problems)), language),
                  file=sys.stderr)

    emit(args, data, human)
    return EXIT_OK if not problems else EXIT_BAD_INPUT
