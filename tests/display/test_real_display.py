"""The real cashier app on a real X server (Xvfb, Qt's xcb platform plugin), as a store
PC runs it: `pos app` in its own process, keys typed by xdotool as a keyboard and a
keyboard-wedge scanner would, a screenshot read back from the X server. A library the
xcb plugin needs and the set-up did not install fails here (offscreen tests cannot see
it). Also: `pos app` and scripts/run-terminal name the display they cannot open."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import mss
import mss.tools
import pytest
from PIL import Image

ROOT = Path(__file__).resolve().parents[2]
POS = Path(sys.executable).with_name("pos")


@pytest.fixture
def x_display(tmp_path: Path) -> Iterator[str]:
    """A fresh Xvfb at 1280×800 on a display number it picks itself (-displayfd)."""
    read, write = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x800x24", "-nolisten", "tcp",
         "-noreset"], pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as f:
        number = f.readline().strip()
    assert number, "Xvfb did not start (scripts/setup.sh installs the xvfb package)"
    try:
        yield f":{number}"
    finally:
        xvfb.terminate()
        xvfb.wait(timeout=10)


def _xdotool(display: str, *args: str) -> None:
    subprocess.run(["xdotool", *args], env={**os.environ, "DISPLAY": display}, check=True,
                   timeout=30)


def _screenshot(display: str, out: Path) -> Image.Image:
    os.environ["DISPLAY"] = display
    try:
        with mss.MSS(display=display) as grab:
            shot = grab.grab(grab.monitors[0])
            mss.tools.to_png(shot.rgb, shot.size, output=str(out))
    finally:
        del os.environ["DISPLAY"]
    return Image.open(out)


def _wait_for(what: str, check, timeout: float = 30.0):  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        got = check()
        if got:
            return got
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


def _sales(db: Path) -> list[tuple[str, int]]:
    if not db.exists():
        return []
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as c:
        return c.execute("SELECT sale_no, total FROM sales WHERE kind = 'sale'"
                         " ORDER BY id").fetchall()


def _open_shift(db: Path) -> list[tuple[int, str]]:
    con = sqlite3.connect(db)
    try:
        return con.execute(
            "SELECT shift_no, opened_by FROM shifts WHERE status = 'open'").fetchall()
    finally:
        con.close()


def test_the_app_rings_up_a_sale_on_a_real_x_display(x_display: str, tmp_path: Path) -> None:
    data = tmp_path / "store"
    env = {**os.environ, "DISPLAY": x_display, "QT_QPA_PLATFORM": "xcb", "POS_LANG": "zh_CN"}
    env.pop("WAYLAND_DISPLAY", None)
    log = tmp_path / "app.log"
    with log.open("w") as err:
        app = subprocess.Popen([str(POS), "--data-dir", str(data), "app"], env=env,
                               stdout=err, stderr=subprocess.STDOUT)
    try:
        def opened() -> bool:
            assert app.poll() is None, f"the app exited:\n{log.read_text()}"
            return "ready in" in log.read_text()

        _wait_for("the app to open", opened, timeout=90)
        before = len(_sales(data / "pos.sqlite"))
        _xdotool(x_display, "type", "--delay", "40", "1001")
        _xdotool(x_display, "key", "Return")
        _xdotool(x_display, "type", "--delay", "40", "1111")
        _xdotool(x_display, "key", "Return")
        time.sleep(1.5)  # the PIN is checked on the database thread
        # a keyboard-wedge scanner: the digits a few milliseconds apart, then Enter
        _xdotool(x_display, "type", "--delay", "4", "6901234560015")
        _xdotool(x_display, "key", "Return")
        time.sleep(1.0)
        _xdotool(x_display, "key", "F12")  # pay: no shift is open, the app offers one
        time.sleep(1.0)
        # a person typing (slower than a scanner): the float, then a supervisor's PIN
        _xdotool(x_display, "type", "--delay", "120", "500")
        _xdotool(x_display, "key", "Return")
        time.sleep(1.0)
        _xdotool(x_display, "type", "--delay", "120", "2001")
        _xdotool(x_display, "key", "Tab")
        _xdotool(x_display, "type", "--delay", "120", "2222")
        _xdotool(x_display, "key", "Return")
        time.sleep(2.0)  # the PIN is checked and the shift opened on the database thread
        _xdotool(x_display, "key", "F5")  # cash, the whole amount
        time.sleep(0.5)
        _xdotool(x_display, "key", "F12")  # complete
        sales = _wait_for("the sale in the ledger",
                          lambda: _sales(data / "pos.sqlite")[before:], timeout=30)
        assert sales == [(sales[0][0], 69900)]  # the wool coat, ¥699.00, paid in cash
        assert _open_shift(data / "pos.sqlite") == [(2, "1001")]  # after the demo's one
        time.sleep(0.5)
        shot = _screenshot(x_display, tmp_path / "app-xcb.png")
        assert shot.size == (1280, 800)
        # the window was drawn: a screen of one colour (nothing on it) has a few colours
        colours = shot.convert("RGB").getcolors(maxcolors=1_000_000) or []
        assert len(colours) > 50, "the screenshot shows no window"
        assert app.poll() is None, log.read_text()
    finally:
        app.send_signal(signal.SIGTERM)
        try:
            app.wait(timeout=20)
        except subprocess.TimeoutExpired:
            app.kill()
    text = log.read_text()
    assert "Could not load the Qt platform plugin" not in text, text
    assert "qt.qpa.plugin" not in text, text


def test_the_app_names_the_display_it_cannot_open(tmp_path: Path) -> None:
    env = {**os.environ, "DISPLAY": ":87", "QT_QPA_PLATFORM": "xcb"}
    r = subprocess.run([str(POS), "--data-dir", str(tmp_path / "d"), "app"], env=env,
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 2
    assert "Cannot open the X display ':87'" in r.stderr
    assert "无法打开显示器 :87" in r.stderr
    assert not (tmp_path / "d" / "pos.sqlite").exists()  # nothing set up for nothing


def test_run_terminal_names_the_display_it_cannot_open(tmp_path: Path) -> None:
    env = {**os.environ, "DISPLAY": ":86", "POS_DATA_DIR": str(tmp_path / "d")}
    env.pop("QT_QPA_PLATFORM", None)
    env.pop("WAYLAND_DISPLAY", None)
    r = subprocess.run(["bash", str(ROOT / "scripts" / "run-terminal")], env=env,
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 2, r.stderr
    assert "Cannot open the X display ':86'" in r.stderr


def test_no_display_set_is_named(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["QT_QPA_PLATFORM"] = "xcb"
    r = subprocess.run([str(POS), "--data-dir", str(tmp_path / "d"), "app"], env=env,
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 2
    assert "DISPLAY is not set" in r.stderr
