"""Every system library Qt's display plugins load is installed by the set-up and named
in the Debian package's Depends: packaging/qt-runtime.packages is checked against `ldd`
on the installed PySide6 plugins (scripts/qt-runtime-packages --check)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from pos_app.ui.display_check import debian_package

ROOT = Path(__file__).resolve().parents[2]


def test_the_listed_packages_cover_every_library_the_plugins_load() -> None:
    r = subprocess.run([sys.executable, str(ROOT / "scripts" / "qt-runtime-packages"),
                        "--check"], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr


def test_the_set_up_installs_the_listed_packages() -> None:
    listed = [ln for ln in (ROOT / "packaging" / "qt-runtime.packages").read_text().splitlines()
              if ln and not ln.startswith("#")]
    assert {"libxcb-icccm4", "libxcb-keysyms1", "libxcb-cursor0"} <= set(listed)
    for package in listed:
        status = subprocess.run(["dpkg-query", "-W", "-f=${Status}", package, package + "t64"],
                                capture_output=True, text=True).stdout
        assert "install ok installed" in status, f"{package} is not installed"


def test_debian_package_names_from_library_names() -> None:
    assert debian_package("libxcb-icccm.so.4") == "libxcb-icccm4"
    assert debian_package("libxkbcommon-x11.so.0") == "libxkbcommon-x11-0"
    assert debian_package("libwayland-cursor.so.0") == "libwayland-cursor0"
