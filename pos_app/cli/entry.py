"""The entry point of ``pos`` (``pos_app.cli:main``, the console script, and
``python -m pos_app.cli``)."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from pos_app.cli.errors import EXIT_BAD_INPUT, BadInput, one_line
from pos_app.cli.parser import build_parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if "--json" in argv:  # accepted after the command too: `pos demo --json`
        argv = ["--json", *(a for a in argv if a != "--json")]
    try:
        args = build_parser().parse_args(argv)
        # after parsing: --help, --version and a mistyped command need no config file,
        # log or ledger (start-up cost)
        from pos_app.cli.context import run

        return run(args)
    except BadInput as e:
        print(one_line(str(e)), file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        return 0
