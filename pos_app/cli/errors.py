"""Exit codes and errors of the ``pos`` command line (docs/cli.md):

* 0: done;
* 1 (:data:`EXIT_PROBLEMS`): a check ran and found problems (``ledger verify``,
  ``audit verify``, ``sync``, ``hq verify``);
* 2 (:data:`EXIT_BAD_INPUT`): bad input or a refused business rule, with a one-line
  reason on stderr (in the chosen language), and nothing changed; with ``--json`` also
  ``{"error": {"code", "message", "params"}}`` on stdout (the code and English
  parameters stay the same in every language).
"""

from __future__ import annotations

import argparse
import sys

from pos_app.cli.language import chosen, error_text
from pos_app.cli.output import print_json
from pos_app.core.errors import message_of
from pos_app.core.messages import plain

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_BAD_INPUT = 2


class BadInput(Exception):
    """The command line itself is wrong (an unknown command, a missing option)."""


def one_line(text: str) -> str:
    return " ".join(text.split())


def refuse(problem: str | BaseException, args: argparse.Namespace | None = None) -> int:
    """Say why on stderr in one line (``pos: ...``) in the chosen language, and as JSON
    with its code under ``--json``; the exit code for bad input."""
    language = chosen(getattr(args, "language", None))
    if isinstance(problem, BaseException):
        text = error_text(problem, language)
        msg = message_of(problem)
    else:
        text = problem
        msg = message_of(ValueError(problem))
    print(f"pos: {one_line(text)}", file=sys.stderr)
    if getattr(args, "json", False):
        print_json({"error": {"code": msg.code, "message": one_line(text),
                              "params": plain(msg.params)}})
    return EXIT_BAD_INPUT
