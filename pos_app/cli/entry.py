"""The entry point of ``pos`` (``pos_app.cli:main``, the console script, and
``python -m pos_app.cli``)."""

from __future__ import annotations

import gc
import sys
from collections.abc import Sequence

from pos_app.cli import collector
from pos_app.cli.errors import EXIT_BAD_INPUT, BadInput, one_line
from pos_app.cli.parser import build_parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``pos`` with ``argv`` (default: the process's own arguments, as the console
    script does; then the process ends when this returns)."""
    # paused for start-up, resumed by pos_app.cli.context.run as the command runs
    collector.pause(whole_process=argv is None)
    try:
        return _main(argv)
    finally:
        collector.resume()  # when the command did not get as far (--help, bad input)
        if argv is None:
            # The process ends next: its objects are left to the operating system instead
            # of the collector's last passes at interpreter exit (over 100 ms after a
            # command on the ledger). Files, the log and the ledger are closed by then.
            gc.freeze()


def _main(argv: Sequence[str] | None) -> int:
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
