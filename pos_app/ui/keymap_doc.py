"""``scripts/ui-keymap``: print the keymap table of docs/ui.md, or with ``--write FILE``
replace it in FILE, made from the app's screen list."""

from __future__ import annotations

import sys
from pathlib import Path

from pos_app.ui.app import SCREENS
from pos_app.ui.keymap import build, doc_section, markdown


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    table = markdown(build(SCREENS))
    if args[:1] == ["--write"] and len(args) == 2:
        path = Path(args[1])
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace(doc_section(text), table), encoding="utf-8")
    elif args:
        print("usage: scripts/ui-keymap [--write docs/ui.md]", file=sys.stderr)
        return 2
    else:
        print(table)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
