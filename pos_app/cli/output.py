"""Where a command's output goes: JSON with ``--json`` (money as strings, Chinese as
is), else the command's own lines for people."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from typing import Any


def print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def emit(args: argparse.Namespace, data: Any, human: Callable[[], None]) -> None:
    """``data`` as JSON with ``--json``, else ``human()`` prints it for people."""
    if args.json:
        print_json(data)
    else:
        human()


def emit_text(args: argparse.Namespace, data: Any, text: str) -> None:
    """``data`` as JSON with ``--json``, else ``text`` as it is (a receipt, a slip)."""
    if args.json:
        print_json(data)
    else:
        sys.stdout.write(text)
