"""Entry point of the PyInstaller bundle: the same ``pos`` command as the wheel's."""

import multiprocessing

from pos_app.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # uvicorn's worker processes (pos hq serve --workers)
    raise SystemExit(main())
