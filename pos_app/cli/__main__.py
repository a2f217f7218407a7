"""``python -m pos_app.cli``: the same command as the installed ``pos``."""

from pos_app.cli import main

if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
