"""Before Qt starts: can the app open a window on this display? Qt itself, when its xcb
platform plugin cannot load or the X display cannot be opened, aborts with a message
that blames the wrong library ("xcb-cursor0 ... is needed") or none. This check names
what is wrong: the libraries the plugin cannot find (with their Debian packages, which
scripts/setup.sh installs), or the display that does not answer. No Qt import here."""

from __future__ import annotations

import ctypes
import ctypes.util
import importlib.util
import os
import re
import subprocess
from pathlib import Path


class DisplayProblem(Exception):
    """The app cannot open a window; the message says why and what to do."""


def debian_package(soname: str) -> str:
    """libxcb-icccm.so.4 -> libxcb-icccm4; libxkbcommon-x11.so.0 -> libxkbcommon-x11-0."""
    m = re.fullmatch(r"(.+)\.so\.(\d+)(?:\..*)?", soname)
    if not m:
        return soname
    name, major = m.groups()
    return f"{name}-{major}" if name[-1].isdigit() else f"{name}{major}"


def platform() -> str:
    """The Qt platform plugin the app will use."""
    chosen = os.environ.get("QT_QPA_PLATFORM", "").split(":", 1)[0].split(";", 1)[0]
    if chosen:
        return chosen
    if os.environ.get("DISPLAY"):
        return "xcb"
    return "wayland" if os.environ.get("WAYLAND_DISPLAY") else "xcb"


def xcb_plugin() -> Path | None:
    spec = importlib.util.find_spec("PySide6")
    if spec is None or spec.origin is None:
        return None
    path = Path(spec.origin).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    return path if path.exists() else None


def missing_libraries(plugin: Path) -> list[str]:
    """The sonames the plugin needs and the dynamic linker cannot find (from ldd)."""
    try:
        out = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True,
                             timeout=10).stdout
    except (OSError, subprocess.TimeoutExpired):
        return []
    found = re.findall(r"^\s*(\S+) => not found", out, flags=re.M)
    return sorted({s for s in found if not s.startswith("libQt6")})


def x_display_opens(name: str) -> bool:
    """Connect to the X server as the app will (libxcb), and hang up."""
    lib = ctypes.util.find_library("xcb")
    if lib is None:
        return False
    xcb = ctypes.CDLL(lib)
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
    xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
    xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
    conn = xcb.xcb_connect(name.encode(), None)
    try:
        return conn is not None and xcb.xcb_connection_has_error(conn) == 0
    finally:
        if conn is not None:
            xcb.xcb_disconnect(conn)


def check() -> None:
    """Raise DisplayProblem when the app cannot open its window on an X display."""
    if platform() != "xcb":
        return
    plugin = xcb_plugin()
    if plugin is not None:
        missing = missing_libraries(plugin)
        if missing:
            packages = " ".join(debian_package(s) for s in missing)
            raise DisplayProblem(
                f"Qt's xcb platform plugin cannot load: {', '.join(missing)} not found. "
                f"Install the Debian packages: {packages} (scripts/setup.sh installs them)."
                f"\n显示插件无法加载，缺少 {', '.join(missing)}；请安装 {packages}"
                "（scripts/setup.sh 会安装）。")
    display = os.environ.get("DISPLAY", "")
    if not display:
        raise DisplayProblem(
            "No display: DISPLAY is not set. Start the app from the desktop session, or "
            "set DISPLAY (for example DISPLAY=:0)."
            "\n没有可用的显示器：未设置 DISPLAY。请在桌面会话中启动，或设置 DISPLAY（如 :0）。")
    if not x_display_opens(display):
        raise DisplayProblem(
            f"Cannot open the X display {display!r}: no X server answers there, or this "
            "user may not use it (check that the desktop is running, and XAUTHORITY or "
            "`xhost +SI:localuser:$USER`)."
            f"\n无法打开显示器 {display}：该处没有运行的 X 服务器，或当前用户无权使用"
            "（请确认桌面已启动，并检查 XAUTHORITY 或 xhost 权限）。")
