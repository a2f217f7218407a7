"""Exit codes and errors of the ``pos`` command line (docs/cli.md):

* 0: done;
* 1 (:data:`EXIT_PROBLEMS`): a check ran and found problems (``ledger verify``,
  ``audit verify``, ``sync``, ``hq verify``);
* 2 (:data:`EXIT_BAD_INPUT`): bad input or a refused business rule, with a one-line
  reason on stderr, and nothing changed.
"""

from __future__ import annotations

import sys

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_BAD_INPUT = 2


class BadInput(Exception):
    """The command line itself is wrong (an unknown command, a missing option)."""


def one_line(text: str) -> str:
    return " ".join(text.split())


def refuse(message: str) -> int:
    """Say why on stderr in one line (``pos: ...``); the exit code for bad input."""
    print(f"pos: {one_line(message)}", file=sys.stderr)
    return EXIT_BAD_INPUT
