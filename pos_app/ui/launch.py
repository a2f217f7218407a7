"""``pos app``: open the cashier app on the data folder (the demo data when the folder
is empty). PySide6 is imported only when the app is opened, so the rest of the command
line works without Qt."""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from pos_app.config import TerminalConfig, counter_settings
from pos_app.ui import display_check

if TYPE_CHECKING:
    from pos_app.ui.app import MainWindow


def cmd_app(args: argparse.Namespace) -> int:
    return run(Path(args.data_dir), language=os.environ.get("POS_LANG", "zh_CN"),
               config=getattr(args, "terminal_config", None))


def run(data_dir: Path, language: str = "zh_CN", config: TerminalConfig | None = None) -> int:
    """The app on ``data_dir``; ``config``: the terminal's config file as read (its
    ``[counter]`` settings, with ``$POS_TOUCH`` / ``$POS_CUSTOMER_DISPLAY`` over them)."""
    started = time.perf_counter()
    try:
        display_check.check()
    except display_check.DisplayProblem as e:
        print(f"pos app: {e}", file=sys.stderr)
        return 2
    win = open_on(data_dir, language, config)
    terminal = win.ctx.terminal
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()  # the one open_on made
    assert app is not None
    win.show()
    # on an X server with no window manager (a kiosk started with startx) nobody else
    # gives the window the keyboard, and the F-key shortcuts would not fire
    win.raise_()
    win.activateWindow()
    # a terminal registered with HQ (pos sync register) syncs by itself in the background
    from sync.client import CREDENTIALS, AutoSync  # httpx once the window shows

    auto = AutoSync(terminal) if (data_dir / CREDENTIALS).exists() else None
    if auto is not None:
        auto.start()
    print(f"pos app: ready in {time.perf_counter() - started:.2f} s "
          "(staff PINs: 1001/1111 cashier, 2001/2222 supervisor, 3001/3333 manager)",
          file=sys.stderr)
    try:
        return int(app.exec())
    finally:
        win.shutdown()
        if auto is not None:
            auto.stop()
        terminal.close()


def open_on(data_dir: Path, language: str, config: TerminalConfig | None) -> MainWindow:
    """The app's (not yet shown) window on ``data_dir`` (set up with the demo data when
    empty): the ledger, the devices of the config file (else the simulated demo set), the
    till's ``[counter]`` settings."""
    # loaded here, not at import: the ledger, Qt and the screens count in "ready in" below
    from pos_app.core.terminal import DB_FILE, Terminal

    if not (data_dir / DB_FILE).exists():
        from pos_app import demo  # the demo data only for an empty folder

        print(f"pos app: setting up the demo data in {data_dir}", file=sys.stderr)
        demo.set_up(data_dir).close()
    terminal = Terminal.open(data_dir)
    # Qt, the screens and the device manager (counted in "ready in")
    from devices.manager import DeviceManager
    from pos_app.ui.app import make_app, open_window
    from pos_app.ui.device_bridge import DeviceBridge

    make_app()
    # the store's devices (docs/devices.md) where configured, else the simulated demo set
    from pos_app.config import find as find_config  # the terminal's config file, if any

    devices_file = (config.path if config else find_config()) or data_dir / "devices.toml"
    if devices_file.exists():
        bridge = DeviceBridge(DeviceManager.from_toml(devices_file))
    else:
        bridge = DeviceBridge()
    win = open_window(terminal, language, devices=bridge, counter=counter_settings(config))
    return win
